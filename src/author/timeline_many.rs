//! Many entries inserted at once, as an import `--into` a postmortem does:
//! each at its place in time exactly as `timeline add` would put it, the
//! file spliced once and read back once (one at a time, a 2,000-message
//! channel took 14 s, each insertion re-reading a longer file).

use super::{
    AddError, NewEntry, Stamps, above_comments, end_of_entry, entry_lines, insert, line_start,
    placements, resolve, verify_all,
};
use crate::document::{Document, Placement};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;

/// `text` (read as `before`) with `entries` inserted; the new text and the
/// document it reads as.
pub(crate) fn insert_many(
    text: &str,
    before: &Document,
    entries: &[NewEntry],
    now: DateTime<Utc>,
) -> Result<(String, Document), AddError> {
    let (Some(model), Some(last)) = (before.timeline.first(), before.timeline.last()) else {
        // An empty timeline takes its first entry the one-entry way, which
        // knows every way of writing an empty list.
        let Some((first, rest)) = entries.split_first() else {
            return Ok((text.to_string(), before.clone()));
        };
        let (text, doc) = insert(text, before, first, now)?;
        return insert_many(&text, &doc, rest, now);
    };
    let prefix = block_prefix(text, model.span.start)?;
    let zone = before.zone.unwrap_or(Tz::UTC);
    let mut placed = placed(before, entries, now)?;
    // Stable: entries of one instant keep the order given.
    placed.sort_by_key(|&(index, at, _)| (index, at));
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut expected = placements(before);
    let mut inserted = Vec::with_capacity(placed.len());
    let mut out = String::with_capacity(text.len() + entries.len() * 96);
    let mut from = 0;
    let mut group = usize::MAX;
    let mut previous: Option<NaiveDate> = None;
    for (n, &(index, at, entry)) in placed.iter().enumerate() {
        if index != group {
            group = index;
            previous = index
                .checked_sub(1)
                .and_then(|i| before.timeline[i].at.as_ref())
                .map(|s| s.local.date());
            let offset = match before.timeline.get(index) {
                Some(next) => above_comments(text, line_start(text, next.span.start)),
                None => end_of_entry(text, last),
            };
            out.push_str(&text[from..offset]);
            from = offset;
        }
        let day = at.with_timezone(&zone).date_naive();
        let when = Stamps::new(
            at,
            entry.next_update,
            zone,
            before.zone.is_some(),
            previous == Some(day),
        );
        previous = Some(day);
        out.push_str(&entry_lines(prefix, &when, entry, nl));
        // Every entry placed before this one went in at or before its index.
        expected.insert(index + n, Some(Placement::At(at)));
        inserted.push(index + n);
    }
    out.push_str(&text[from..]);
    let after = verify_all(&out, &expected, &inserted)?;
    Ok((out, after))
}

/// What starts the line of the timeline's first item (`  - `), which new
/// entries copy; only block lists with `-` on a line of their own are edited.
fn block_prefix(text: &str, first: usize) -> Result<&str, AddError> {
    let prefix = &text[line_start(text, first)..first];
    if prefix.contains('[') {
        return Err(AddError::Layout("flow list"));
    }
    if prefix.trim() != "-" {
        return Err(AddError::Layout("layout with `-` on a line of its own"));
    }
    Ok(prefix)
}

/// An entry to insert: the index it goes before, its instant, the entry.
type Placed<'e> = (usize, DateTime<FixedOffset>, &'e NewEntry);

/// Each entry's resolved instant and the index of the first existing entry
/// after it, where it goes.
fn placed<'e>(
    before: &Document,
    entries: &'e [NewEntry],
    now: DateTime<Utc>,
) -> Result<Vec<Placed<'e>>, AddError> {
    let mut placed = Vec::with_capacity(entries.len());
    for entry in entries {
        let at = resolve(&entry.at, before, now)?;
        placed.push((super::slot(before, at), at, entry));
    }
    Ok(placed)
}
