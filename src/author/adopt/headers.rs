//! Milestones a summary states outside the timeline: "Detected: 2024-07-25
//! 12:10", "- First detected: ...", "Resolved 2024-07-25 16:19", a table row
//! `| **Resolved** | 2021-03-04 10:00 UTC |`. The entry at that time takes
//! the milestone, or the milestone becomes an entry of its own, in its
//! place in time. Only a full date and time counts, and only the first
//! statement of each milestone.

use super::clock::Time;
use super::dates::Day;
use super::lead::lead;
use super::pieces::{Kind as Block, Piece};
use super::resolve::Entry;
use super::rows::cells;
use super::sections::Sections;
use crate::document::Kind;
use chrono::{NaiveDate, NaiveTime};

/// A milestone stated outside the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Header {
    /// Its line in the body, from 0.
    pub(super) line: usize,
    /// The milestone.
    pub(super) kind: Kind,
    /// Its label, as written ("First detected").
    pub(super) label: String,
    /// Its date.
    pub(super) date: NaiveDate,
    /// Its time.
    pub(super) time: NaiveTime,
    /// The zone label after the time, if the format reads it.
    pub(super) zone: Option<String>,
}

/// The labels that state a milestone.
const LABELS: &[(&str, Kind)] = &[
    ("start", Kind::Start),
    ("started", Kind::Start),
    ("start time", Kind::Start),
    ("impact start", Kind::Start),
    ("incident start", Kind::Start),
    ("detected", Kind::Detected),
    ("first detected", Kind::Detected),
    ("detection", Kind::Detected),
    ("detection time", Kind::Detected),
    ("acknowledged", Kind::Acknowledged),
    ("identified", Kind::Identified),
    ("mitigated", Kind::Mitigated),
    ("repaired", Kind::Mitigated),
    ("resolved", Kind::Resolved),
    ("resolution time", Kind::Resolved),
];

/// The milestones stated outside the timeline sections, the first of each.
pub(super) fn headers(pieces: &[Piece], sections: &Sections) -> Vec<Header> {
    let inside =
        |index: usize| !sections.whole && sections.ranges.iter().any(|r| r.contains(&index));
    let mut out: Vec<Header> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        if inside(index)
            || !matches!(
                piece.kind,
                Block::Text { .. } | Block::Item | Block::Row | Block::Header
            )
        {
            continue;
        }
        let found = match piece.kind {
            Block::Row | Block::Header => row(piece.text),
            _ => line(piece.text),
        };
        if let Some(mut header) = found.filter(|h| !out.iter().any(|o| o.kind == h.kind)) {
            header.line = piece.line;
            out.push(header);
        }
    }
    out
}

fn row(text: &str) -> Option<Header> {
    let cells = cells(text);
    let [label, value, ..] = cells.as_slice() else {
        return None;
    };
    header(label, value)
}

/// `Detected: 2024-07-25 12:10`, `Resolved 2024-07-25 16:19`.
fn line(text: &str) -> Option<Header> {
    let plain = text.replace(['*', '_'], "");
    if let Some((label, value)) = plain.split_once(':')
        && let Some(found) = header(label, value)
    {
        return Some(found);
    }
    let words: Vec<&str> = plain.split_whitespace().take(2).collect();
    (1..=words.len()).find_map(|n| {
        let label = words[..n].join(" ");
        let value = plain.trim_start().get(label.len()..)?;
        header(&label, value)
    })
}

fn header(label: &str, value: &str) -> Option<Header> {
    let label = label
        .replace(['*', '_'], "")
        .trim()
        .trim_end_matches(':')
        .to_string();
    let lower = label.to_lowercase();
    let &(_, kind) = LABELS.iter().find(|(name, _)| *name == lower)?;
    let lead = lead(value.trim())?;
    let Some(Day::Full(date)) = lead.day else {
        return None;
    };
    let Time::Clock(clock) = lead.time?.start else {
        return None;
    };
    let time = NaiveTime::from_hms_opt(clock.hour24(None), clock.minute, clock.second)?;
    let zone = lead
        .label
        .filter(|l| crate::document::zone::label(l).is_some());
    Some(Header {
        line: 0,
        kind,
        label,
        date,
        time,
        zone,
    })
}

/// `entries` with the stated milestones: the kind each entry must take
/// (the one at a milestone's time), the milestones with no entry added in
/// their place in time.
pub(super) fn merge(
    mut entries: Vec<Entry>,
    headers: &[Header],
) -> (Vec<Entry>, Vec<Option<Kind>>) {
    let mut forced: Vec<Option<Kind>> = vec![None; entries.len()];
    for header in headers {
        let same = entries.iter().position(|e| {
            e.date == Some(header.date) && e.time == Some(header.time) && e.label == header.zone
        });
        if let Some(index) = same {
            forced[index] = forced[index].or(Some(header.kind));
            continue;
        }
        let at = header.date.and_time(header.time);
        let place = entries
            .iter()
            .position(|e| e.date.zip(e.time).is_some_and(|(d, t)| d.and_time(t) > at))
            .unwrap_or(entries.len());
        entries.insert(
            place,
            Entry {
                line: header.line,
                date: Some(header.date),
                time: Some(header.time),
                label: header.zone.clone(),
                event: header.label.clone(),
                who: None,
            },
        );
        forced.insert(place, Some(header.kind));
    }
    (entries, forced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::author::adopt::pieces::pieces;
    use crate::author::adopt::sections::sections;

    #[test]
    fn milestones_stated_in_a_summary_are_read() {
        let body = "# Outage\n\n- **Key events**\n  - First detected: 2024-07-25 12:10\n  - Resolved 2024-07-25 16:19\n\n| **Mitigated** | 2024-07-25 15:18 UTC |\n|---|---|\n\n## Timeline\n\n- 2024-07-25 12:10 logs stop\n";
        let p = pieces(body);
        let found: Vec<(Kind, String)> = headers(&p, &sections(&p))
            .into_iter()
            .map(|h| (h.kind, format!("{} {}", h.date, h.time)))
            .collect();
        assert_eq!(
            found,
            [
                (Kind::Detected, "2024-07-25 12:10:00".to_string()),
                (Kind::Resolved, "2024-07-25 16:19:00".to_string()),
                (Kind::Mitigated, "2024-07-25 15:18:00".to_string()),
            ]
        );
    }
}
