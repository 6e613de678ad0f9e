//! The normalized model: every timestamp as RFC 3339 in the document's zone,
//! kinds resolved, the impact window and the four metrics in minutes. It is
//! what `render --to json` prints and what templates receive; field names are
//! stable (see docs/format.md).

use crate::document::Kind;
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

/// A postmortem, normalized: what renders compute with. Templates and
/// `render --to json` see it through [`Model::view`].
#[derive(Clone, Debug)]
pub struct Model {
    /// Version of this model's shape.
    pub format_version: u32,
    /// `title`.
    pub title: String,
    /// `draft`, `review` or `published`.
    pub status: &'static str,
    /// `severity` as written.
    pub severity: Option<String>,
    /// `timezone` as written.
    pub timezone: Option<String>,
    /// `date`, the writing date, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The day the incident began, in its zone (`Document::began_on`), or
    /// the writing date when no time says; the page name and the site's
    /// order use it.
    pub day: Option<NaiveDate>,
    /// `authors`.
    pub authors: Vec<String>,
    /// `services`.
    pub services: Vec<String>,
    /// `tags`.
    pub tags: Vec<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// What a reader sees first: `summary`, else the first paragraph of the
    /// Summary section, as plain text (index, feed, page metadata).
    pub description: Option<String>,
    /// The day the incident began, for readers: `Thursday, May 14, 2026`.
    pub day_label: Option<String>,
    /// The impact's length in words: `47 minutes`, `1 day 2 hours 45 minutes`.
    pub duration: Option<String>,
    /// The impact window after milestone defaults.
    pub impact: ImpactModel,
    /// Time to detect, acknowledge, mitigate and resolve.
    pub metrics: Metrics,
    /// The timeline entries, internal ones left out when public.
    pub timeline: Vec<EntryModel>,
    /// The action items, internal ones left out when public.
    pub action_items: Vec<ActionModel>,
    /// The body's headings and the canonical section each stands for.
    pub sections: Vec<SectionModel>,
    /// The Markdown body as written (internal parts removed when public).
    pub body: String,
    /// `YYYY-MM-DD-slug`: the page name in a site.
    pub slug: String,
    /// Rows of the key-figures table: label and value, ready to show.
    pub figures: Vec<Figure>,
    /// The timeline grouped by local day, for tables: given to templates
    /// (as `days`), never in the JSON, which has each entry once.
    pub days: Vec<Day>,
    /// The version rendered: `public` leaves internal content out.
    pub public: bool,
    /// Front matter entries under `extra_keys`, as written (`layout: post`).
    pub extra: Vec<String>,
    /// The names of those keys, so the Markdown front matter does not
    /// write one of them twice.
    pub extra_keys: Vec<String>,
    /// The document's zone, for local times in pages and the figure
    /// (`timezone` is its name).
    pub zone: Option<Tz>,
}

/// One row of the key-figures table.
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    /// What the row is (`Impact`, `Time to detect`).
    pub label: &'static str,
    /// Its value, ready to show.
    pub value: String,
}

/// The timeline entries of one local day.
#[derive(Clone, Debug)]
pub struct Day {
    /// `2026-05-14`.
    pub date: String,
    /// `Thursday, May 14, 2026`.
    pub label: String,
    /// That day's entries: their places in the model's `timeline`.
    pub entries: std::ops::Range<usize>,
}

/// The impact window.
#[derive(Clone, Debug)]
pub struct ImpactModel {
    /// RFC 3339 in the document's zone.
    pub start: Option<String>,
    /// RFC 3339 in the document's zone.
    pub end: Option<String>,
    /// `start` as an instant.
    pub start_at: Option<DateTime<FixedOffset>>,
    /// `end` as an instant.
    pub end_at: Option<DateTime<FixedOffset>>,
    /// End minus start.
    pub duration_minutes: Option<i64>,
    /// `impact.duration` as written, in minutes.
    pub stated_duration_minutes: Option<i64>,
    /// `impact.users` as written (left out when the impact is internal and public).
    pub users: Option<String>,
    /// `impact.data_loss` (left out likewise).
    pub data_loss: Option<bool>,
}

/// Minutes from the `start` milestone to each other milestone.
#[derive(Clone, Debug, Serialize)]
pub struct Metrics {
    /// `start` to `detected`.
    pub time_to_detect_minutes: Option<i64>,
    /// `start` to `acknowledged`.
    pub time_to_acknowledge_minutes: Option<i64>,
    /// `start` to `mitigated`.
    pub time_to_mitigate_minutes: Option<i64>,
    /// `start` to `resolved`.
    pub time_to_resolve_minutes: Option<i64>,
}

/// One timeline entry.
#[derive(Clone, Debug)]
pub struct EntryModel {
    /// RFC 3339, or `YYYY-MM-DD` for a date alone.
    pub at: Option<String>,
    /// `minute` (or `second`), or `day` for a date alone.
    pub precision: &'static str,
    /// The kind (serialized by name, `detected`).
    pub kind: Kind,
    /// Whether the kind is a milestone.
    pub milestone: bool,
    /// `event` as written.
    pub event: Option<String>,
    /// `next_update` as RFC 3339.
    pub next_update: Option<String>,
    /// `who` as written (left out of the JSON when absent).
    pub who: Option<String>,
    /// Local clock time (`14:30`), empty for a date alone.
    pub time: String,
    /// The zone's abbreviation on that date (`PDT`).
    pub zone: String,
    /// The kind as shown (`Detected`).
    pub label: String,
    /// The instant, for an entry with a clock time (`at` is its text).
    pub instant: Option<DateTime<FixedOffset>>,
    /// The local date, for a dated entry.
    pub local_date: Option<NaiveDate>,
}

/// One action item.
#[derive(Clone, Debug, Serialize)]
pub struct ActionModel {
    /// `title`.
    pub title: Option<String>,
    /// `owner`.
    pub owner: Option<String>,
    /// `kind`: prevent, mitigate, detect or process.
    pub kind: Option<String>,
    /// `priority`: P0 to P3.
    pub priority: Option<String>,
    /// `due` as `YYYY-MM-DD`.
    pub due: Option<String>,
    /// `status`: open, in-progress, done or wontfix.
    pub status: String,
    /// `link`.
    pub link: Option<String>,
    /// The issue `link` names, as its tracker writes it (`acme/checkout#12`,
    /// `OPS-7`, `ENG-3`); left out when the link is no issue address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
}

/// One body heading (levels 1 and 2).
#[derive(Clone, Debug, Serialize)]
pub struct SectionModel {
    /// The heading's text.
    pub title: String,
    /// `summary`, `impact`, `timeline`, `root_cause`, `remediation`,
    /// `lessons_learned`, or null for other headings.
    pub canonical: Option<&'static str>,
}
