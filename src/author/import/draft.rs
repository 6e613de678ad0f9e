//! Writing what a source said: a new draft postmortem ([`draft`]), or its
//! entries merged into an existing postmortem ([`into`]) through the same
//! byte-preserving, chronological insertion `timeline add` uses.

use super::{Imported, Incident};
use crate::author::front::{NewFront, skeleton};
use crate::author::timeline::{self, AddError, NewEntry, Stamps};
use crate::document::{self, Document, Kind};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// `link` as a Markdown autolink's address: http and https only (a
/// `javascript:` or `file:` link from an export is left out), and the
/// characters that could end the link or start markup percent-encoded.
pub(crate) fn web_link(link: &str) -> Option<String> {
    let link = link.trim();
    let lower = link.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    if link.chars().any(char::is_control) {
        return None;
    }
    let mut out = String::with_capacity(link.len());
    for c in link.chars() {
        match c {
            ' ' | '<' | '>' | '"' | '`' | '\\' | '(' | ')' | '[' | ']' | '{' | '}' | '|' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// A new postmortem from `incident`, its times written in `zone`, its body
/// with the project's `sections`.
///
/// # Errors
/// When the written file would not read back as the entries it was made
/// from (a bug, reported rather than written).
pub fn draft(
    incident: &Incident,
    zone: Tz,
    sections: &[(String, Vec<String>)],
) -> Result<String, AddError> {
    let entries = incident.timeline();
    let mut timeline = String::new();
    let mut last_date = None;
    for entry in &entries {
        let local = entry.at.with_timezone(&zone);
        let same_day = last_date == Some(local.date_naive());
        last_date = Some(local.date_naive());
        let when = Stamps::new(entry.at, entry.next_update, zone, true, same_day);
        timeline.push_str(&timeline::entry_lines(
            "  - ",
            &when,
            &new_entry(entry),
            "\n",
        ));
    }
    let front = NewFront {
        title: &incident.title,
        status: "draft",
        severity: incident.severity.as_deref(),
        timezone: Some(zone.name()),
        services: &incident.services,
        timeline: &timeline,
        ..NewFront::default()
    };
    let note = incident
        .link
        .as_deref()
        .and_then(web_link)
        .map(|link| format!("Source record: <{link}>"));
    let text = front.write() + &skeleton(sections, note.as_deref());
    verify(&text, &entries)?;
    Ok(text)
}

fn new_entry(entry: &Imported) -> NewEntry {
    NewEntry {
        at: entry.at.to_rfc3339(),
        kind: Some(entry.kind),
        event: entry.event.clone(),
        who: entry.who.clone(),
        next_update: entry.next_update,
        source: Some(entry.source.clone()),
    }
}

fn verify(text: &str, entries: &[Imported]) -> Result<(), AddError> {
    let parsed = document::parse(text)
        .document
        .ok_or_else(|| AddError::WouldBreak("make the front matter unreadable".into()))?;
    let read: Vec<_> = parsed
        .timeline
        .iter()
        .map(|e| e.at.as_ref().and_then(document::Stamp::instant))
        .collect();
    let written: Vec<_> = entries.iter().map(|e| Some(e.at)).collect();
    if read != written {
        return Err(AddError::WouldBreak(
            "not read back at the times imported".into(),
        ));
    }
    Ok(())
}

/// What merging did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The file text after merging.
    pub text: String,
    /// Entries added.
    pub added: usize,
    /// Entries left out: imported before (same `source`), or already typed
    /// at the same minute with the same kind.
    pub present: usize,
    /// Milestones the file already had at another time, added as notes.
    pub demoted: usize,
}

/// `text` with the incident's entries merged into its timeline, each at its
/// place in time, no other byte changed.
///
/// # Errors
/// When the file cannot be read or an entry cannot be placed (see
/// [`timeline::add`]).
pub fn into(text: &str, incident: &Incident, now: DateTime<Utc>) -> Result<Merged, AddError> {
    let mut merged = Merged {
        text: text.to_string(),
        added: 0,
        present: 0,
        demoted: 0,
    };
    let doc = document::parse(text).document.ok_or(AddError::Unreadable)?;
    let mut new = Vec::new();
    let mut matched = vec![false; doc.timeline.len()];
    for mut entry in incident.timeline() {
        if is_present(&doc, &entry, &mut matched) {
            merged.present += 1;
            continue;
        }
        if entry.kind.is_milestone() && doc.timeline.iter().any(|e| e.kind.value == entry.kind) {
            entry.kind = Kind::Note;
            merged.demoted += 1;
        }
        new.push(new_entry(&entry));
    }
    merged.added = new.len();
    if !new.is_empty() {
        merged.text = timeline::insert_many(text, &doc, &new, now)?.0;
    }
    Ok(merged)
}

/// The entry was imported before (same `source`), or typed by hand (no
/// `source`) at the same minute with the same kind; each hand-typed entry
/// stands for one imported entry (`matched`), so a note typed at 15:25 does
/// not swallow every message of that minute.
fn is_present(doc: &Document, entry: &Imported, matched: &mut [bool]) -> bool {
    if doc
        .timeline
        .iter()
        .any(|e| e.source.as_ref().is_some_and(|s| s.value == entry.source))
    {
        return true;
    }
    let minute = entry.at.timestamp().div_euclid(60);
    let typed = doc
        .timeline
        .iter()
        .zip(matched.iter())
        .position(|(e, used)| {
            !used
                && e.source.is_none()
                && e.kind.value == entry.kind
                && e.at
                    .as_ref()
                    .and_then(document::Stamp::instant)
                    .is_some_and(|t| t.timestamp().div_euclid(60) == minute)
        });
    typed.is_some_and(|i| {
        matched[i] = true;
        true
    })
}
