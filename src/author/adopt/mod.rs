//! `adopt`: a Markdown postmortem written without the tool (no front
//! matter, or a blog engine's) turned into one in the postmortem format.
//! Every line of the original body is kept; the front matter is written
//! from what the document states: its title, date, zone ("All times in
//! PST", "Timeline (UTC)"), and the entries of its Timeline section, with a
//! kind only where the line says so. A time whose date is unclear is kept
//! as written, for `lint` to ask about.

mod front;
mod lines;
mod statements;

use crate::author::emit::{list, scalar};
use crate::document::Kind;
use crate::document::body::Canonical;
use chrono::{Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;
use lines::{Line, Read};

/// What adopt may be told.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The zone of the document's times, when it does not say.
    pub zone: Option<Tz>,
    /// The file's name: a date it starts with (`2026-05-14-db.md`) is the
    /// incident's day, the date of times written without one.
    pub file_name: Option<String>,
}

/// The adopted document and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adopted {
    /// The file in the postmortem format.
    pub text: String,
    /// Timeline entries read from the Timeline section.
    pub entries: usize,
    /// Entries whose date could not be told (written as a time alone).
    pub undated: usize,
    /// The zone used, if one was stated or given.
    pub zone: Option<Tz>,
    /// Blog keys kept from the original front matter.
    pub kept: Vec<String>,
}

/// Why a file was not adopted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AdoptError {
    /// It is already a postmortem in this format.
    #[error("it is already a postmortem in this format (its front matter has `timeline`)")]
    Ours,
    /// Its front matter cannot be read.
    #[error("{0}")]
    Front(String),
}

/// `text` in the postmortem format.
///
/// # Errors
/// When `text` is already ours or its front matter cannot be read.
pub fn adopt(text: &str, options: &Options) -> Result<Adopted, AdoptError> {
    if front::is_ours(text) {
        return Err(AdoptError::Ours);
    }
    let front = front::read(text).map_err(AdoptError::Front)?;
    let body = &text[front.body..];
    let title = front
        .title
        .clone()
        .or_else(|| statements::first_heading(body))
        .or_else(|| statements::first_line(body))
        .or_else(|| {
            options
                .file_name
                .as_deref()
                .map(statements::title_from_name)
        })
        .unwrap_or_else(|| "Untitled postmortem".into());
    let date = front.date.or_else(|| statements::written_on(body));
    // A file named `2026-05-14-...` is named for the incident's day: the
    // date of times written without one, not when it was written.
    let day = options.file_name.as_deref().and_then(front::date);
    let year = day
        .or(date)
        .map(|d| d.year())
        .or_else(|| statements::year_in(&title));
    let read = timeline(body, year, day);
    let zone = options
        .zone
        .or_else(|| statements::zone(body))
        .or_else(|| statements::zone_of_labels(read.iter().filter_map(|l| l.label.as_deref())));
    let mut out = format!("---\ntitle: {}\nstatus: draft\n", scalar(&title));
    if let Some(date) = date {
        out.push_str(&format!("date: {date}\n"));
    }
    if let Some(zone) = zone {
        out.push_str(&format!("timezone: {}\n", zone.name()));
    }
    if !front.authors.is_empty() {
        out.push_str(&format!("authors: {}\n", list(&front.authors)));
    }
    if !front.tags.is_empty() {
        out.push_str(&format!("tags: {}\n", list(&front.tags)));
    }
    if let Some(summary) = &front.summary {
        out.push_str(&format!("summary: {}\n", scalar(summary)));
    }
    let (entries, undated) = entries(&read);
    out.push_str(if read.is_empty() {
        "timeline: []\n"
    } else {
        "timeline:\n"
    });
    out.push_str(&entries);
    out.push_str("action_items: []\n");
    for (_, lines) in &front.kept {
        out.push_str(lines);
    }
    out.push_str("---\n");
    if front.body == 0 && !body.starts_with('\n') {
        out.push('\n');
    }
    out.push_str(body);
    Ok(Adopted {
        text: out,
        entries: read.len(),
        undated,
        zone,
        kept: front.kept.into_iter().map(|(k, _)| k).collect(),
    })
}

/// The entries of the Timeline section, each with the date above it.
fn timeline(body: &str, year: Option<i32>, day: Option<NaiveDate>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut inside: Option<usize> = None;
    let mut fenced = false;
    let mut date: Option<NaiveDate> = day;
    for line in body.lines() {
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if let Some((level, heading)) = statements::heading(line) {
            match inside {
                Some(open) if level <= open => inside = None,
                None if Canonical::from_heading(heading) == Some(Canonical::Timeline) => {
                    inside = Some(level);
                    continue;
                }
                _ => {}
            }
        }
        if inside.is_none() {
            continue;
        }
        match lines::read(line, year) {
            Read::Date(d) => date = Some(d),
            Read::Entry(mut entry) => {
                entry.date = entry.date.or(date);
                date = entry.date;
                out.push(entry);
            }
            Read::Other => {}
        }
    }
    out
}

/// The timeline's YAML and how many entries have no date.
fn entries(read: &[Line]) -> (String, usize) {
    let mut out = String::new();
    let mut seen: Vec<Kind> = Vec::new();
    let mut last_date = None;
    for line in read {
        let clock = if line.time.second() == 0 {
            line.time.format("%H:%M")
        } else {
            line.time.format("%H:%M:%S")
        };
        let at = match line.date {
            Some(date) if last_date == Some(date) => clock.to_string(),
            Some(date) => format!("{date} {clock}"),
            None => clock.to_string(),
        };
        last_date = line.date.or(last_date);
        let at = match &line.label {
            Some(label) => format!("{at} {label}"),
            None => at,
        };
        out.push_str(&format!("  - at: {}\n", scalar(&at)));
        if let Some(kind) = statements::kind(&line.event).filter(|k| !seen.contains(k)) {
            seen.push(kind);
            out.push_str(&format!("    kind: {}\n", kind.name()));
        }
        out.push_str(&format!("    event: {}\n", scalar(&line.event)));
    }
    // Times alone before the first date have none to carry.
    let undated = read.iter().take_while(|l| l.date.is_none()).count();
    (out, undated)
}
