//! The normalized model: every timestamp as RFC 3339 in the document's zone,
//! kinds resolved, the impact window and the four metrics in minutes. It is
//! what `render --to json` prints and what templates receive; field names are
//! stable (see docs/format.md).

use crate::document::Kind;
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

/// A postmortem, normalized.
#[derive(Clone, Debug, Serialize)]
pub struct Model {
    /// Version of this model's shape.
    pub format_version: u32,
    pub title: String,
    pub status: &'static str,
    pub severity: Option<String>,
    pub timezone: Option<String>,
    pub date: Option<String>,
    /// The day the incident began, in its zone (`Document::began_on`), or
    /// the writing date when no time says; the page name and the site's
    /// order use it.
    pub day: Option<NaiveDate>,
    pub authors: Vec<String>,
    pub services: Vec<String>,
    pub summary: Option<String>,
    pub impact: ImpactModel,
    pub metrics: Metrics,
    pub timeline: Vec<EntryModel>,
    pub action_items: Vec<ActionModel>,
    pub sections: Vec<SectionModel>,
    /// The Markdown body as written (internal parts removed when public).
    pub body: String,
    /// `YYYY-MM-DD-slug`: the page name in a site.
    pub slug: String,
    /// Rows of the key-figures table: label and value, ready to show.
    pub figures: Vec<Figure>,
    /// The timeline grouped by local day, for tables.
    pub days: Vec<Day>,
    /// The version rendered: `public` leaves internal content out.
    pub public: bool,
    /// Front matter entries under `extra_keys`, as written (`layout: post`).
    pub extra: Vec<String>,
    /// The names of those keys, so the Markdown front matter does not
    /// write one of them twice.
    pub extra_keys: Vec<String>,
    /// The document's zone, for local times in pages and the figure (not
    /// serialized: `timezone` is its name).
    #[serde(skip)]
    pub zone: Option<Tz>,
}

/// One row of the key-figures table.
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    pub label: &'static str,
    pub value: String,
}

/// The timeline entries of one local day.
#[derive(Clone, Debug, Serialize)]
pub struct Day {
    /// `2026-05-14`.
    pub date: String,
    /// `Thursday, May 14, 2026`.
    pub label: String,
    pub entries: Vec<EntryModel>,
}

/// The impact window.
#[derive(Clone, Debug, Serialize)]
pub struct ImpactModel {
    pub start: Option<String>,
    pub end: Option<String>,
    /// `start` as an instant (not serialized).
    #[serde(skip)]
    pub start_at: Option<DateTime<FixedOffset>>,
    /// `end` as an instant (not serialized).
    #[serde(skip)]
    pub end_at: Option<DateTime<FixedOffset>>,
    /// End minus start.
    pub duration_minutes: Option<i64>,
    /// `impact.duration` as written, in minutes.
    pub stated_duration_minutes: Option<i64>,
    pub users: Option<String>,
    pub data_loss: Option<bool>,
}

/// Minutes from the `start` milestone to each other milestone.
#[derive(Clone, Debug, Serialize)]
pub struct Metrics {
    pub time_to_detect_minutes: Option<i64>,
    pub time_to_acknowledge_minutes: Option<i64>,
    pub time_to_mitigate_minutes: Option<i64>,
    pub time_to_resolve_minutes: Option<i64>,
}

/// One timeline entry.
#[derive(Clone, Debug, Serialize)]
pub struct EntryModel {
    /// RFC 3339, or `YYYY-MM-DD` for a date alone.
    pub at: Option<String>,
    /// `minute` (or `second`), or `day` for a date alone.
    pub precision: &'static str,
    pub kind: Kind,
    pub milestone: bool,
    pub event: Option<String>,
    pub next_update: Option<String>,
    /// Local clock time (`14:30`), empty for a date alone.
    pub time: String,
    /// The zone's abbreviation on that date (`PDT`).
    pub zone: String,
    /// The kind as shown (`Detected`).
    pub label: String,
    /// The instant, for an entry with a clock time (not serialized: `at`
    /// is its text).
    #[serde(skip)]
    pub instant: Option<DateTime<FixedOffset>>,
    /// The local date, for a dated entry (not serialized).
    #[serde(skip)]
    pub local_date: Option<NaiveDate>,
}

/// One action item.
#[derive(Clone, Debug, Serialize)]
pub struct ActionModel {
    pub title: Option<String>,
    pub owner: Option<String>,
    pub kind: Option<String>,
    pub priority: Option<String>,
    pub due: Option<String>,
    pub status: String,
    pub link: Option<String>,
}

/// One body heading (levels 1 and 2).
#[derive(Clone, Debug, Serialize)]
pub struct SectionModel {
    pub title: String,
    /// `summary`, `impact`, `timeline`, `root_cause`, `remediation`,
    /// `lessons_learned`, or null for other headings.
    pub canonical: Option<&'static str>,
}
