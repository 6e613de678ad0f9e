//! `timeline add`: inserting one entry into a postmortem's front matter at
//! its chronological place, changing no other byte of the file, and refusing
//! when the result would not read back as intended.

use crate::document::{self, Document, Kind, Placement, Stamp, argument};
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;

/// The entry to add.
#[derive(Clone, Debug, Default)]
pub struct NewEntry {
    /// `now`, a time alone, or a full timestamp, read by
    /// [`crate::document::argument::instant`].
    pub at: String,
    /// The kind; `note` when absent.
    pub kind: Option<Kind>,
    /// What happened.
    pub event: String,
    /// Who did it.
    pub who: Option<String>,
    /// The next update this entry promised.
    pub next_update: Option<DateTime<FixedOffset>>,
    /// Where an imported entry came from.
    pub source: Option<String>,
}

/// Why the entry was not added.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddError {
    /// The file has no readable front matter.
    #[error(
        "the file's front matter cannot be read; run `postmortem lint` on it and fix that first"
    )]
    Unreadable,
    /// `--at` is not a usable time.
    #[error("the time `{0}` is not usable: {1}")]
    BadTime(String, String),
    /// The timeline is written in a way this command does not edit.
    #[error(
        "the timeline is written as a {0}; `timeline add` edits block lists (`- at: ...` lines)"
    )]
    Layout(&'static str),
    /// The milestone is there already; a second would contradict it.
    #[error(
        "the postmortem already has a `{kind}` entry, at line {line} (`{at}`); a second `{kind}` would contradict it: move it to this entry (`--replace`: that one stays as a note) or add this entry as a note"
    )]
    Exists {
        /// The milestone's kind.
        kind: &'static str,
        /// The existing entry's line, from 1.
        line: usize,
        /// Its time as written.
        at: String,
    },
    /// The result would not read back as intended.
    #[error("adding the entry would {0}; the file was left as it was")]
    WouldBreak(String),
}

/// The file text with the entry inserted. A milestone the file has
/// already is refused ([`AddError::Exists`]) unless `replace`, which moves
/// it: the existing entry stays as a note and the new entry takes the kind.
pub fn add(
    text: &str,
    entry: &NewEntry,
    now: DateTime<Utc>,
    replace: bool,
) -> Result<String, AddError> {
    let before = document::parse(text).document.ok_or(AddError::Unreadable)?;
    let existing = entry
        .kind
        .filter(|k| k.is_milestone())
        .and_then(|k| before.milestone(k));
    let Some(existing) = existing else {
        return insert(text, &before, entry, now).map(|(text, _)| text);
    };
    if !replace {
        let at = existing.at.as_ref().map_or(existing.span, |s| s.span);
        return Err(AddError::Exists {
            kind: existing.kind.value.name(),
            line: crate::span::LineIndex::new(text)
                .position(text, at.start)
                .line,
            at: text.get(at.start..at.end).unwrap_or_default().to_string(),
        });
    }
    let at = resolve(&entry.at, &before, now)?;
    let mut edits = vec![demote(existing)];
    edits.extend(window_edit(&before, existing, at));
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut removed = text.to_string();
    for (range, replacement) in edits {
        removed.replace_range(range, &replacement);
    }
    let after = document::parse(&removed)
        .document
        .ok_or_else(|| AddError::WouldBreak("make the front matter unreadable".into()))?;
    let moved = NewEntry {
        at: at.to_rfc3339(),
        ..entry.clone()
    };
    insert(&removed, &after, &moved, now).map(|(text, _)| text)
}

/// Where an entry at `at` goes in `before`'s timeline: before the first
/// entry that starts after it, so entries of one instant keep their order.
pub(crate) fn slot(before: &Document, at: DateTime<FixedOffset>) -> usize {
    before
        .timeline
        .iter()
        .position(|e| {
            e.at.as_ref()
                .and_then(Stamp::range)
                .is_some_and(|(first, _)| first > at)
        })
        .unwrap_or(before.timeline.len())
}

/// [`add`] on `text` already read as `before`; gives back the new text and
/// the document it reads as, so a run of insertions reads each file once.
pub(crate) fn insert(
    text: &str,
    before: &Document,
    entry: &NewEntry,
    now: DateTime<Utc>,
) -> Result<(String, Document), AddError> {
    let zone = before.zone.unwrap_or(Tz::UTC);
    let at = resolve(&entry.at, before, now)?;
    let index = slot(before, at);
    let local = at.with_timezone(&zone).naive_local();
    let same_day = index
        .checked_sub(1)
        .and_then(|i| before.timeline[i].at.as_ref())
        .is_some_and(|s| s.local.date() == local.date());
    let when = Stamps::new(at, entry.next_update, zone, before.zone.is_some(), same_day);
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let result = splice(text, before, index, &when, entry, newline)?;
    let after = verify(before, &result, index, at)?;
    Ok((result, after))
}

/// `text` typed for `doc`, read on its days when it is not today's.
fn resolve(
    text: &str,
    doc: &Document,
    now: DateTime<Utc>,
) -> Result<DateTime<FixedOffset>, AddError> {
    let zone = doc.zone.unwrap_or(Tz::UTC);
    argument::instant_in(text, zone, now, doc.known_span())
        .map_err(|reason| AddError::BadTime(text.to_string(), reason))
}

fn splice(
    text: &str,
    doc: &Document,
    index: usize,
    when: &Stamps,
    entry: &NewEntry,
    nl: &str,
) -> Result<String, AddError> {
    let Some(model) = doc.timeline.first() else {
        return splice_into_empty(text, doc, when, entry, nl);
    };
    let prefix = &text[line_start(text, model.span.start)..model.span.start];
    if prefix.contains('[') {
        return Err(AddError::Layout("flow list"));
    }
    if prefix.trim() != "-" {
        return Err(AddError::Layout("layout with `-` on a line of its own"));
    }
    let lines = entry_lines(prefix, when, entry, nl);
    let at = match doc.timeline.get(index) {
        Some(next) => above_comments(text, line_start(text, next.span.start)),
        None => end_of_entry(text, doc.timeline.last().map_or(model, |e| e)),
    };
    Ok(format!("{}{lines}{}", &text[..at], &text[at..]))
}

fn splice_into_empty(
    text: &str,
    doc: &Document,
    when: &Stamps,
    entry: &NewEntry,
    nl: &str,
) -> Result<String, AddError> {
    let key = doc.timeline_key;
    if key == doc.head {
        return Err(AddError::Layout("missing key"));
    }
    let line_end = after_line(text, key.end);
    let rest = &text[key.end..line_end];
    let value = rest
        .trim_start_matches(':')
        .split(" #")
        .next()
        .unwrap_or("")
        .trim();
    let lines = entry_lines("  - ", when, entry, nl);
    match value {
        "" => Ok(format!("{}{lines}{}", &text[..line_end], &text[line_end..])),
        "[]" => {
            let open = key.end + rest.find("[]").unwrap_or(0);
            let head = text[..open].trim_end_matches(' ');
            Ok(format!(
                "{head}{}{nl}{lines}{}",
                &text[open + 2..line_end].trim_end(),
                &text[line_end..]
            ))
        }
        _ => Err(AddError::Layout("flow list")),
    }
}

fn verify(
    before: &Document,
    text: &str,
    index: usize,
    at: DateTime<FixedOffset>,
) -> Result<Document, AddError> {
    let mut expected = placements(before);
    expected.insert(index, Some(Placement::At(at)));
    verify_all(text, &expected, &[index])
}

/// Where each entry of `doc` falls.
fn placements(doc: &Document) -> Vec<Option<Placement>> {
    doc.timeline
        .iter()
        .map(|e| e.at.as_ref().map(|s| s.placed))
        .collect()
}

/// `text` read back: its entries fall as `expected`, the new ones at
/// `inserted` included; the document it reads as.
fn verify_all(
    text: &str,
    expected: &[Option<Placement>],
    inserted: &[usize],
) -> Result<Document, AddError> {
    let after = document::parse(text)
        .document
        .ok_or_else(|| AddError::WouldBreak("make the front matter unreadable".into()))?;
    let found = placements(&after);
    let misplaced = inserted.iter().any(|&i| found.get(i) != expected.get(i));
    if found.len() != expected.len() || misplaced {
        return Err(AddError::WouldBreak(
            "not place the entry where intended".into(),
        ));
    }
    if found != expected {
        return Err(AddError::WouldBreak(
            "change the time of an entry after it; write that entry's full date first".into(),
        ));
    }
    Ok(after)
}

#[path = "timeline_text.rs"]
mod text;
use text::{above_comments, after_line, end_of_entry, line_start};

#[path = "timeline_lines.rs"]
mod lines;
pub(crate) use lines::{Stamps, entry_lines};

#[path = "timeline_move.rs"]
mod moving;
use moving::{demote, window_edit};

#[path = "timeline_many.rs"]
mod many;
pub(crate) use many::insert_many;

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
