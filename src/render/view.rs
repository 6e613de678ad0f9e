//! The model as templates and `render --to json` see it: a view that
//! borrows the [`Model`] (zola's `SerializingPage` beside its `Page`), so
//! the model keeps what it computes with (instants, the zone, local dates)
//! as types, and what is written out is each fact once: `days` only for
//! templates, its entries borrowed from the timeline, never copied.

use super::model::{
    ActionModel, Day, EntryModel, Figure, ImpactModel, Metrics, Model, SectionModel,
};
use crate::document::Kind;
use chrono::NaiveDate;
use serde::Serialize;

/// A [`Model`] as written out (docs/format.md, "The model").
#[derive(Serialize)]
pub struct ModelView<'a> {
    format_version: u32,
    title: &'a str,
    status: &'static str,
    severity: Option<&'a str>,
    timezone: Option<&'a str>,
    date: Option<&'a str>,
    day: Option<NaiveDate>,
    authors: &'a [String],
    services: &'a [String],
    tags: &'a [String],
    summary: Option<&'a str>,
    description: Option<&'a str>,
    day_label: Option<&'a str>,
    duration: Option<&'a str>,
    impact: ImpactView<'a>,
    metrics: &'a Metrics,
    timeline: Vec<EntryView<'a>>,
    action_items: &'a [ActionModel],
    sections: &'a [SectionModel],
    body: &'a str,
    slug: &'a str,
    figures: &'a [Figure],
    public: bool,
    extra: &'a [String],
    extra_keys: &'a [String],
}

/// The impact window as written out.
#[derive(Serialize)]
struct ImpactView<'a> {
    start: Option<&'a str>,
    end: Option<&'a str>,
    duration_minutes: Option<i64>,
    stated_duration_minutes: Option<i64>,
    users: Option<&'a str>,
    data_loss: Option<bool>,
}

/// A timeline entry as written out.
#[derive(Serialize)]
pub struct EntryView<'a> {
    at: Option<&'a str>,
    precision: &'static str,
    kind: Kind,
    milestone: bool,
    event: Option<&'a str>,
    next_update: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    who: Option<&'a str>,
    time: &'a str,
    zone: &'a str,
    label: &'a str,
}

/// A local day of the timeline, for templates (`days`).
#[derive(Serialize)]
pub struct DayView<'a> {
    date: &'a str,
    label: &'a str,
    entries: Vec<EntryView<'a>>,
}

impl Model {
    /// The model as templates and JSON see it.
    pub fn view(&self) -> ModelView<'_> {
        let impact = &self.impact;
        ModelView {
            format_version: self.format_version,
            title: &self.title,
            status: self.status,
            severity: self.severity.as_deref(),
            timezone: self.timezone.as_deref(),
            date: self.date.as_deref(),
            day: self.day,
            authors: &self.authors,
            services: &self.services,
            tags: &self.tags,
            summary: self.summary.as_deref(),
            description: self.description.as_deref(),
            day_label: self.day_label.as_deref(),
            duration: self.duration.as_deref(),
            impact: impact_view(impact),
            metrics: &self.metrics,
            timeline: self.timeline.iter().map(entry_view).collect(),
            action_items: &self.action_items,
            sections: &self.sections,
            body: &self.body,
            slug: &self.slug,
            figures: &self.figures,
            public: self.public,
            extra: &self.extra,
            extra_keys: &self.extra_keys,
        }
    }

    /// The timeline by local day, for templates: each day's entries
    /// borrowed from `timeline`.
    pub fn days_view(&self) -> Vec<DayView<'_>> {
        self.days
            .iter()
            .map(|day| day_view(day, &self.timeline))
            .collect()
    }
}

fn impact_view(impact: &ImpactModel) -> ImpactView<'_> {
    ImpactView {
        start: impact.start.as_deref(),
        end: impact.end.as_deref(),
        duration_minutes: impact.duration_minutes,
        stated_duration_minutes: impact.stated_duration_minutes,
        users: impact.users.as_deref(),
        data_loss: impact.data_loss,
    }
}

fn entry_view(entry: &EntryModel) -> EntryView<'_> {
    EntryView {
        at: entry.at.as_deref(),
        precision: entry.precision,
        kind: entry.kind,
        milestone: entry.milestone,
        event: entry.event.as_deref(),
        next_update: entry.next_update.as_deref(),
        who: entry.who.as_deref(),
        time: &entry.time,
        zone: &entry.zone,
        label: &entry.label,
    }
}

fn day_view<'a>(day: &'a Day, timeline: &'a [EntryModel]) -> DayView<'a> {
    DayView {
        date: &day.date,
        label: &day.label,
        entries: day
            .entries
            .clone()
            .map(|i| entry_view(&timeline[i]))
            .collect(),
    }
}
