//! `timeline add --replace`: moving a milestone the postmortem has, so a
//! second one never contradicts the first. The old entry's lines go, the
//! entry after it keeps its date, and an impact window equal to the
//! milestone moves with it.

use super::{Stamps, above_comments, end_of_entry, line_start};
use crate::document::{self, Document, Kind};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

pub(super) type Edit = (std::ops::Range<usize>, String);

/// The edits that take `entry`'s lines out of `text`. The entry after it,
/// when written as a time alone, took its date from `entry`: it gets that
/// date written.
pub(super) fn without(text: &str, doc: &Document, entry: &document::Entry) -> Vec<Edit> {
    let start = above_comments(text, line_start(text, entry.span.start));
    let end = end_of_entry(text, entry);
    let mut edits = vec![(start..end, String::new())];
    let next = doc
        .timeline
        .iter()
        .find(|e| e.span.start >= end)
        .and_then(|e| e.at.as_ref())
        .filter(|s| s.written.date.is_none() && s.written.time.is_some());
    if let Some((stamp, (first, _))) = next.and_then(|s| Some((s, s.range()?))) {
        let day = first
            .with_timezone(&doc.zone.unwrap_or(Tz::UTC))
            .date_naive();
        let quote = usize::from(text[stamp.span.start..].starts_with(['"', '\'']));
        let at = stamp.span.start + quote;
        edits.push((at..at, format!("{day} ")));
    }
    edits
}

/// `impact.start` (`impact.end`) moved with the `start` (`resolved`)
/// milestone it was equal to, so moving the milestone keeps the window.
pub(super) fn window_edit(
    doc: &Document,
    moved: &document::Entry,
    to: DateTime<FixedOffset>,
) -> Option<Edit> {
    let stated = match moved.kind.value {
        Kind::Start => doc.impact.start.as_ref()?,
        Kind::Resolved => doc.impact.end.as_ref()?,
        _ => return None,
    };
    let was = moved.at.as_ref()?.instant()?;
    if stated.instant()? != was {
        return None;
    }
    let zone = doc.zone.unwrap_or(Tz::UTC);
    let written = Stamps::new(to, None, zone, doc.zone.is_some(), false).at;
    Some((stated.span.start..stated.span.end, written))
}
