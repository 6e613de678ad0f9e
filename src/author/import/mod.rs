//! Importing timelines from where incidents happen: the pager (PagerDuty,
//! Opsgenie), the incident channel (Slack), the incident tool (incident.io)
//! and the status page (Statuspage). Each source reads the JSON a user saved
//! from its API or export into an [`Incident`]; [`draft`] writes a new
//! postmortem from it and [`into`] merges its entries into an existing one.
//! No source invents a milestone its data does not state.

mod draft;
pub mod incident_io;
mod json;
pub mod opsgenie;
pub mod pagerduty;
pub(crate) mod promise;
pub mod slack;
#[cfg(feature = "cli")]
pub mod slack_export;
mod slack_text;
pub mod statuspage;
mod statuspage_body;

pub use draft::{Merged, draft, into};

/// `text` as JSON, or where it stops being JSON.
///
/// # Errors
/// [`ImportError::Json`] with the line and column.
pub fn parse_json(text: &str) -> Result<serde_json::Value, ImportError> {
    json::parse(text)
}

use crate::document::Kind;
use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use chrono_tz::Tz;

/// What a source says about one incident.
#[derive(Clone, Debug, Default)]
pub struct Incident {
    /// The source's id for the incident (part of every entry's `source`).
    pub id: String,
    /// The postmortem's title.
    pub title: String,
    /// `SEV1`..`SEV4`, when the source states one.
    pub severity: Option<String>,
    /// Affected services or components.
    pub services: Vec<String>,
    /// A link to the incident in its source.
    pub link: Option<String>,
    /// The zone the source itself is kept in (a status page's `time_zone`).
    pub zone: Option<Tz>,
    /// The timeline, in the source's order.
    pub entries: Vec<Imported>,
    /// Records left out because their time could not be read (`"ts":
    /// "NaN"`, a year out of range): said, never a panic.
    pub skipped: usize,
}

/// One timeline entry read from a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// When it happened.
    pub at: DateTime<FixedOffset>,
    /// The kind; a milestone only where the source states it.
    pub kind: Kind,
    /// What happened.
    pub event: String,
    /// Who did it.
    pub who: Option<String>,
    /// `source:id`, unique within the source.
    pub source: String,
    /// The next update it promised.
    pub next_update: Option<DateTime<FixedOffset>>,
}

impl Incident {
    /// The entries in time order (stable: the source's order within one
    /// instant), each milestone kept once (the first; later ones become
    /// notes), for writing.
    #[must_use]
    pub fn timeline(&self) -> Vec<Imported> {
        let mut entries = self.entries.clone();
        // A timeline is written to the second at most, in the years the
        // format reads; a time outside them is damage in the export.
        let readable = |t: &DateTime<FixedOffset>| crate::document::time::YEARS.contains(&t.year());
        entries.retain(|e| readable(&e.at));
        for entry in &mut entries {
            entry.at = whole_seconds(entry.at);
            entry.next_update = entry.next_update.filter(readable).map(whole_seconds);
        }
        entries.sort_by_key(|e| e.at);
        let mut seen = Vec::new();
        for entry in &mut entries {
            if entry.kind.is_milestone() {
                if seen.contains(&entry.kind) {
                    entry.kind = Kind::Note;
                } else {
                    seen.push(entry.kind);
                }
            }
        }
        entries
    }
}

fn whole_seconds(at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    at.with_nanosecond(0).unwrap_or(at)
}

/// Why an import failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not JSON at all.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// JSON, but not what this source exports.
    #[error("not {source_name} data: {reason}")]
    Shape {
        /// The source, such as `a PagerDuty log entries`.
        source_name: &'static str,
        /// What was expected.
        reason: String,
    },
    /// `--incident` names none of the incidents in the file.
    #[error("no incident with id `{0}` in the file (it has: {1})")]
    NotFound(String, String),
    /// The export holds nothing to import.
    #[error("{0}")]
    Empty(String),
    /// The draft would not read back as the entries imported (a bug:
    /// nothing is written).
    #[error(
        "the draft would not read back as imported ({0}); nothing was written, please report it"
    )]
    Unwritable(String),
    /// A Slack export could not be read.
    #[error("cannot read the Slack export: {0}")]
    Archive(String),
}
