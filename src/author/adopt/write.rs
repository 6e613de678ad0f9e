//! The adopted file: the front matter written from what was read, the
//! body after it byte for byte; and the report of what was left unread and
//! which zone, dates and milestones were taken from where.

use super::build::Built;
use super::front::{self, Front};
use super::pieces::Piece;
use super::report::{dates_notes, zone};
use super::resolve::{Entry, Resolved};
use super::sections::Sections;
use super::{Adopted, Note, Options, Unread, headers, kinds, statements};
use crate::author::emit::scalar;
use crate::author::front::NewFront;
use crate::document::Kind;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use chrono_tz::Tz;

/// What the writer needs besides the entries.
pub(super) struct Context<'a> {
    /// The title taken.
    pub(super) title: String,
    /// The blog's front matter.
    pub(super) front: &'a Front,
    /// What adopt was told.
    pub(super) options: &'a Options,
    /// The body's pieces.
    pub(super) pieces: &'a [Piece<'a>],
    /// The timeline sections.
    pub(super) sections: &'a Sections,
    /// The body.
    pub(super) body: &'a str,
    /// The file's line the body starts on, from 1.
    pub(super) first_line: usize,
    /// The day of times written without a date, and where it was read.
    pub(super) day: Option<(NaiveDate, &'static str)>,
    /// Numeric dates with the day first, with the month first.
    pub(super) order: (usize, usize),
}

impl Context<'_> {
    /// A note on line `line` of the body.
    pub(super) fn note(&self, line: Option<usize>, text: String) -> Note {
        Note {
            line: line.map(|l| l + self.first_line),
            text,
        }
    }
}

/// The adopted file and its report.
pub(super) fn adopted(cx: &Context, built: &Built, mut resolved: Resolved) -> Adopted {
    let mut notes = Vec::new();
    let zone = zone(cx, built, &mut notes);
    let headers = headers::headers(cx.pieces, cx.sections);
    for header in &headers {
        let text = format!("`{}` from \"{}\"", header.kind.name(), header.label);
        notes.push(cx.note(Some(header.line), text));
    }
    let (entries, stated) = headers::merge(std::mem::take(&mut resolved.entries), &headers);
    resolved.entries = entries;
    let locals: Vec<(&str, Option<NaiveDateTime>)> = resolved
        .entries
        .iter()
        .map(|e| {
            (
                e.event.as_str(),
                e.date.zip(e.time).map(|(d, t)| d.and_time(t)),
            )
        })
        .collect();
    let (kinds, dropped) = kinds::kinds(&locals, &stated);
    for (index, kind) in dropped {
        let line = resolved.entries[index].line;
        notes.push(cx.note(Some(line), format!(
            "`{}` left as a note: as a milestone it would break the order milestones keep (or it has no time)",
            kind.name()
        )));
    }
    dates_notes(cx, built, &resolved, &mut notes);
    let (yaml, undated) = front_matter(cx, zone, &resolved.entries, &kinds, &mut notes);
    let mut text = yaml;
    if cx.front.body == 0 && !cx.body.starts_with('\n') {
        text.push('\n');
    }
    text.push_str(cx.body);
    let unread = built
        .left
        .iter()
        .chain(&resolved.left)
        .map(|l| Unread {
            line: l.line + cx.first_line,
            text: l.text.trim().to_string(),
            why: l.why.clone(),
        })
        .collect();
    Adopted {
        text,
        entries: resolved.entries.len(),
        undated,
        zone,
        kept: cx.front.kept.iter().map(|(k, _)| k.clone()).collect(),
        unread,
        notes,
    }
}

/// The front matter, and how many entries came out without a date.
fn front_matter(
    cx: &Context,
    zone: Option<Tz>,
    entries: &[Entry],
    kinds: &[Option<Kind>],
    notes: &mut Vec<Note>,
) -> (String, usize) {
    let front = cx.front;
    let status = match front.status.as_deref() {
        Some(blog) => front::status(blog).unwrap_or_else(|| {
            notes.push(cx.note(None, format!("the blog's status `{blog}` is none of draft, review, published: written as draft")));
            "draft"
        }),
        None => "draft",
    };
    let last = entries.iter().filter_map(|e| e.date).max();
    let date = match front.date.or_else(|| statements::written_on(cx.pieces)) {
        Some(date) if last.is_some_and(|l| l > date) => {
            notes.push(cx.note(
                None,
                format!("written on {date}, before its last entry: `date` left out"),
            ));
            None
        }
        date => date,
    };
    let timeline = timeline(entries, kinds);
    let out = NewFront {
        title: &cx.title,
        status,
        date,
        timezone: zone.map(|z| z.name()),
        authors: &front.authors,
        tags: &front.tags,
        summary: front.summary.as_deref(),
        timeline: &timeline,
        kept: front.kept.iter().map(|(_, lines)| lines.as_str()).collect(),
        ..NewFront::default()
    }
    .write();
    let undated = entries.iter().take_while(|e| e.date.is_none()).count();
    (out, undated)
}

/// The timeline's YAML: a time alone while the day stays the same.
fn timeline(entries: &[Entry], kinds: &[Option<Kind>]) -> String {
    let mut out = String::new();
    let mut day: Option<NaiveDate> = None;
    for (entry, kind) in entries.iter().zip(kinds) {
        let at = match (entry.date, entry.time) {
            (date, Some(time)) => {
                let clock = if time.second() == 0 {
                    time.format("%H:%M")
                } else {
                    time.format("%H:%M:%S")
                };
                let at = match date {
                    Some(d) if day == Some(d) => clock.to_string(),
                    Some(d) => format!("{d} {clock}"),
                    None => clock.to_string(),
                };
                day = date.or(day);
                match &entry.label {
                    Some(label) => format!("{at} {label}"),
                    None => at,
                }
            }
            (Some(date), None) => {
                day = None;
                date.to_string()
            }
            (None, None) => continue,
        };
        out.push_str(&format!("  - at: {}\n", scalar(&at)));
        if let Some(kind) = kind {
            out.push_str(&format!("    kind: {}\n", kind.name()));
        }
        if !entry.event.is_empty() {
            out.push_str(&format!("    event: {}\n", scalar(&entry.event)));
        }
        if let Some(who) = &entry.who {
            out.push_str(&format!("    who: {}\n", scalar(who)));
        }
    }
    out
}
