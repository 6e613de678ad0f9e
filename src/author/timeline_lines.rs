//! How an entry is written into a timeline: its time (and promise) in the
//! document's zone, with the offset where the local time happens twice,
//! and its lines, indented as the entries around it.

use super::NewEntry;
use crate::author::emit::{clock, local_stamp, scalar};
use crate::document::Kind;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

/// The entry's time and promise as written into the file.
pub(crate) struct Stamps {
    pub(crate) at: String,
    pub(crate) next: Option<String>,
}

impl Stamps {
    /// `at` and its promise `next` as written in `zone` (a file without
    /// `timezone`, `zoned` false, gets times labelled UTC), `at` without
    /// its date when `same_day` as the entry before.
    pub(crate) fn new(
        at: DateTime<FixedOffset>,
        next: Option<DateTime<FixedOffset>>,
        zone: Tz,
        zoned: bool,
        same_day: bool,
    ) -> Stamps {
        let written = |instant: DateTime<FixedOffset>, same_day: bool| {
            if zoned {
                local_stamp(instant, zone, same_day)
            } else {
                clock(instant.with_timezone(&zone).naive_local(), same_day) + " UTC"
            }
        };
        let day = at.with_timezone(&zone).date_naive();
        // A promise's time alone would read as the next day when earlier
        // than the entry, so it carries its date unless later the same day.
        let next = next.map(|n| written(n, n >= at && n.with_timezone(&zone).date_naive() == day));
        Stamps {
            at: written(at, same_day),
            next,
        }
    }
}

pub(crate) fn entry_lines(prefix: &str, when: &Stamps, entry: &NewEntry, nl: &str) -> String {
    let indent = " ".repeat(prefix.chars().count());
    let mut lines = format!("{prefix}at: {}{nl}", when.at);
    if let Some(kind) = entry.kind.filter(|k| *k != Kind::Note) {
        lines.push_str(&format!("{indent}kind: {}{nl}", kind.name()));
    }
    lines.push_str(&format!("{indent}event: {}{nl}", scalar(&entry.event)));
    let optional = [
        ("who", entry.who.as_deref().map(scalar)),
        ("next_update", when.next.clone()),
        ("source", entry.source.as_deref().map(scalar)),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            lines.push_str(&format!("{indent}{key}: {value}{nl}"));
        }
    }
    lines
}
