//! The normalized model: every timestamp as RFC 3339 in the document's zone,
//! kinds resolved, the impact window and the four metrics in minutes. It is
//! what `render --to json` prints and what templates receive; field names are
//! stable (see docs/format.md).

use crate::document::body::Canonical;
use crate::document::{Document, Kind, Stamp, Status};
use chrono::{DateTime, FixedOffset};
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
    pub authors: Vec<String>,
    pub services: Vec<String>,
    pub summary: Option<String>,
    pub impact: ImpactModel,
    pub metrics: Metrics,
    pub timeline: Vec<EntryModel>,
    pub action_items: Vec<ActionModel>,
    pub sections: Vec<SectionModel>,
    /// The Markdown body as written.
    pub body: String,
}

/// The impact window.
#[derive(Clone, Debug, Serialize)]
pub struct ImpactModel {
    pub start: Option<String>,
    pub end: Option<String>,
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
    pub kind: &'static str,
    pub milestone: bool,
    pub event: Option<String>,
    pub next_update: Option<String>,
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

/// Builds the model of `document`, whose file text is `text`.
pub fn model(document: &Document, text: &str) -> Model {
    let zone = document.zone;
    let show = |stamp: &Stamp| format_stamp(stamp, zone);
    let value =
        |v: &Option<crate::document::span::Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    let list =
        |v: &[crate::document::span::Spanned<String>]| v.iter().map(|s| s.value.clone()).collect();
    let start = document.impact_start();
    let end = document.impact_end();
    Model {
        format_version: 1,
        title: value(&document.title).unwrap_or_default(),
        status: match document.status.value {
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Published => "published",
        },
        severity: value(&document.severity),
        timezone: value(&document.timezone),
        date: document.date.as_ref().map(|d| d.local.date().to_string()),
        authors: list(&document.authors),
        services: list(&document.services),
        summary: value(&document.summary),
        impact: ImpactModel {
            start: start.map(|t| rfc3339(t, zone)),
            end: end.map(|t| rfc3339(t, zone)),
            duration_minutes: start.zip(end).map(|(s, e)| (e - s).num_minutes()),
            stated_duration_minutes: document.impact.duration.as_ref().map(|d| d.value),
            users: value(&document.impact.users),
            data_loss: document.impact.data_loss.as_ref().map(|d| d.value),
        },
        metrics: metrics(document),
        timeline: document
            .timeline
            .iter()
            .map(|entry| EntryModel {
                at: entry.at.as_ref().and_then(show),
                precision: match &entry.at {
                    Some(s) if s.is_day() => "day",
                    Some(s) if s.local.format("%S").to_string() != "00" => "second",
                    _ => "minute",
                },
                kind: entry.kind.value.name(),
                milestone: entry.kind.value.is_milestone(),
                event: value(&entry.event),
                next_update: entry.next_update.as_ref().and_then(show),
            })
            .collect(),
        action_items: document.action_items.iter().map(action).collect(),
        sections: document
            .body
            .sections
            .iter()
            .map(|s| SectionModel {
                title: s.title.clone(),
                canonical: s.canonical.map(canonical_name),
            })
            .collect(),
        body: text
            .get(document.body.span.start..document.body.span.end)
            .unwrap_or("")
            .to_string(),
    }
}

fn metrics(document: &Document) -> Metrics {
    let since_start = |kind| {
        let start = document.milestone_at(Kind::Start)?;
        Some((document.milestone_at(kind)? - start).num_minutes())
    };
    Metrics {
        time_to_detect_minutes: since_start(Kind::Detected),
        time_to_acknowledge_minutes: since_start(Kind::Acknowledged),
        time_to_mitigate_minutes: since_start(Kind::Mitigated),
        time_to_resolve_minutes: since_start(Kind::Resolved),
    }
}

fn action(item: &crate::document::ActionItem) -> ActionModel {
    let value =
        |v: &Option<crate::document::span::Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    ActionModel {
        title: value(&item.title),
        owner: value(&item.owner),
        kind: value(&item.kind),
        priority: value(&item.priority),
        due: item.due.as_ref().map(|d| d.value.to_string()),
        status: item.status.value.clone(),
        link: value(&item.link),
    }
}

fn canonical_name(canonical: Canonical) -> &'static str {
    match canonical {
        Canonical::Summary => "summary",
        Canonical::Impact => "impact",
        Canonical::Timeline => "timeline",
        Canonical::RootCause => "root_cause",
        Canonical::Remediation => "remediation",
        Canonical::LessonsLearned => "lessons_learned",
    }
}

fn format_stamp(stamp: &Stamp, zone: Option<Tz>) -> Option<String> {
    if stamp.is_day() {
        return Some(stamp.local.date().to_string());
    }
    stamp.instant().map(|t| rfc3339(t, zone))
}

/// RFC 3339 in the document's zone (or as written when it has none).
fn rfc3339(instant: DateTime<FixedOffset>, zone: Option<Tz>) -> String {
    let shown = match zone {
        Some(zone) => instant.with_timezone(&zone).fixed_offset(),
        None => instant,
    };
    shown.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
