//! Where the timeline is: each heading that names one ("Timeline",
//! "Timeline of events", "Detailed Timeline", "Follow-up timeline (times in
//! BST)", "Chronology"), or a line that is only such a name ("**Timeline**",
//! "Timeline:"), up to the next heading of its level or above that is not a
//! date or a time (`## May 12` under `## Timeline` stays inside). A body
//! with no such heading is read whole.

use super::lead::lead;
use super::pieces::{Kind, Piece};
use crate::document::body::Canonical;
use std::ops::Range;

/// The pieces to read entries from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Sections {
    /// Ranges of piece indices, in order.
    pub(super) ranges: Vec<Range<usize>>,
    /// No section names a timeline: the whole body is read.
    pub(super) whole: bool,
}

/// The timeline sections of `pieces`.
pub(super) fn sections(pieces: &[Piece]) -> Sections {
    let mut ranges = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (index, piece) in pieces.iter().enumerate() {
        let level = match piece.kind {
            Kind::Heading(level) => level,
            Kind::Text { start: true, .. }
                if alone(pieces, index) && names_timeline(piece.text) =>
            {
                7
            }
            _ => continue,
        };
        let timeline = names_timeline(piece.text);
        if let Some((start, open_level)) = open
            && (level <= open_level || timeline)
            && !dated(piece.text)
        {
            ranges.push(start..index);
            open = None;
        }
        if timeline && open.is_none() {
            open = Some((index + 1, level));
        }
    }
    if let Some((start, _)) = open {
        ranges.push(start..pieces.len());
    }
    let whole = ranges.is_empty();
    if whole {
        ranges.push(0..pieces.len());
    }
    Sections { ranges, whole }
}

/// A paragraph of one line.
fn alone(pieces: &[Piece], index: usize) -> bool {
    !pieces
        .get(index + 1)
        .is_some_and(|p| matches!(p.kind, Kind::Text { start: false, .. }))
}

/// Whether a heading names a timeline.
pub(super) fn names_timeline(text: &str) -> bool {
    let plain = plain(text);
    if plain.len() > 60 {
        return false;
    }
    let lower = plain.to_lowercase();
    lower.contains("timeline")
        || lower.contains("chronology")
        || lower.starts_with("sequence of events")
        || Canonical::from_heading(&plain) == Some(Canonical::Timeline)
}

/// A heading's text without emphasis, code marks and a trailing colon.
pub(super) fn plain(text: &str) -> String {
    text.replace(['*', '`'], "")
        .replace("__", "")
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_string()
}

/// A heading that is a date or a time (`May 12`, `2020-02-20`, `### 13:06`).
fn dated(text: &str) -> bool {
    lead(text).is_some()
}
