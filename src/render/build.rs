//! Building the [`Model`] from a [`Document`]: times in the document's zone,
//! metrics, display fields for templates, and, for a public rendering,
//! internal entries, items, impact details and body parts left out.

use super::display;
use super::internal;
use super::model::*;
use crate::document::body::Canonical;
use crate::document::internal::Internal;
use crate::document::{ActionItem, Document, Entry, Kind, Stamp};
use crate::slug::slug;
use crate::span::Spanned;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

/// [`model`] of the postmortem in the file at `path`: its page is named by
/// the file, never by the title, so editing the title moves neither the
/// page nor its feed id. A stem that starts with a date (as `new` writes
/// it) is the name; another is put after the incident's day.
pub fn model_of_file(
    document: &Document,
    text: &str,
    public: bool,
    path: &std::path::Path,
) -> Model {
    let mut model = model(document, text, public);
    if let Some(slug) = file_slug(document, path) {
        model.slug = slug;
    }
    model
}

/// The name of the page a site gives the postmortem at `path` (without
/// `.html`): the file's name, after the day the incident began unless the
/// name starts with a date.
pub fn file_slug(document: &Document, path: &std::path::Path) -> Option<String> {
    let stem = path.file_stem().and_then(|s| s.to_str())?;
    let name = crate::slug::from_stem(stem).unwrap_or_else(|| slug(stem));
    let dated = name
        .get(..10)
        .is_some_and(|d| d.parse::<chrono::NaiveDate>().is_ok());
    Some(match day_of(document) {
        Some(day) if !dated => format!("{day}-{name}"),
        _ => name,
    })
}

/// The day a postmortem is filed under: when the timeline says it began,
/// else its writing date.
fn day_of(document: &Document) -> Option<chrono::NaiveDate> {
    document
        .began_on()
        .or_else(|| document.date.as_ref().map(|d| d.local.date()))
}

/// Builds the model of `document`, whose file text is `text`; `public`
/// leaves out everything marked internal.
pub fn model(document: &Document, text: &str, public: bool) -> Model {
    let zone = document.zone;
    let value = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    let list = |v: &[Spanned<String>]| v.iter().map(|s| s.value.clone()).collect();
    let internal = document.body.internal();
    let impact = impact(document, public);
    let timeline: Vec<EntryModel> = document
        .timeline
        .iter()
        .filter(|e| !(public && e.internal))
        .map(|e| entry(e, zone))
        .collect();
    let title = value(&document.title).unwrap_or_default();
    // The writing date only when no time in the timeline says when it began.
    let day = day_of(document);
    let metrics = metrics(document, public);
    let body = internal::body(document, &internal, text, public);
    Model {
        format_version: 1,
        slug: day.map_or_else(|| slug(&title), |d| format!("{d}-{}", slug(&title))),
        status: document.status.value.name(),
        severity: value(&document.severity),
        timezone: value(&document.timezone),
        date: document.date.as_ref().map(|d| d.local.date().to_string()),
        day,
        authors: list(&document.authors),
        services: list(&document.services),
        tags: list(&document.tags),
        description: value(&document.summary).or_else(|| super::describe::summary_paragraph(&body)),
        day_label: day.map(display::day_label),
        duration: impact.duration_minutes.map(display::duration),
        summary: value(&document.summary),
        figures: figures(&impact, &metrics, zone),
        days: days(&timeline),
        impact,
        metrics,
        timeline,
        action_items: document
            .action_items
            .iter()
            .filter(|a| !(public && a.internal))
            .map(action)
            .collect(),
        sections: sections(document, &internal, public),
        body,
        public,
        title,
        extra: document
            .extra
            .iter()
            .map(|(_, e)| e.value.clone())
            .collect(),
        extra_keys: document.extra.iter().map(|(k, _)| k.clone()).collect(),
        zone,
    }
}

/// The impact window; with `public`, an internal impact keeps its window
/// but not its details (users, data loss).
fn impact(document: &Document, public: bool) -> ImpactModel {
    let (start, end) = (document.impact_start(), document.impact_end());
    let zone = document.zone;
    let hide_details = public && document.impact.internal;
    ImpactModel {
        start: start.map(|t| rfc3339(t, zone)),
        end: end.map(|t| rfc3339(t, zone)),
        start_at: start,
        end_at: end,
        duration_minutes: document.impact_minutes(),
        stated_duration_minutes: document.impact.duration.as_ref().map(|d| d.value),
        users: document
            .impact
            .users
            .as_ref()
            .map(|u| u.value.clone())
            .filter(|_| !hide_details),
        data_loss: document
            .impact
            .data_loss
            .as_ref()
            .map(|d| d.value)
            .filter(|_| !hide_details),
    }
}

/// The body's sections, those inside internal parts left out when public.
fn sections(document: &Document, internal: &Internal, public: bool) -> Vec<SectionModel> {
    document
        .body
        .sections
        .iter()
        .filter(|s| !(public && internal.hides(s.span)))
        .map(|s| SectionModel {
            title: s.title.clone(),
            canonical: s.canonical.map(Canonical::key),
        })
        .collect()
}

fn entry(entry: &Entry, zone: Option<Tz>) -> EntryModel {
    let at = entry.at.as_ref();
    let instant = at.and_then(Stamp::instant);
    EntryModel {
        at: at.and_then(|s| format_stamp(s, zone)),
        precision: match at {
            Some(s) if s.is_day() => "day",
            Some(s) if s.local.format("%S").to_string() != "00" => "second",
            _ => "minute",
        },
        kind: entry.kind.value,
        milestone: entry.kind.value.is_milestone(),
        event: entry.event.as_ref().map(|e| e.value.clone()),
        who: entry.who.as_ref().map(|w| w.value.clone()),
        next_update: entry
            .next_update
            .as_ref()
            .and_then(|s| format_stamp(s, zone)),
        time: instant
            .map(|t| display::local(t, zone).format("%H:%M").to_string())
            .unwrap_or_default(),
        zone: instant
            .map(|t| display::abbreviation(t, zone))
            .unwrap_or_default(),
        label: display::kind_label(entry.kind.value.name()),
        instant,
        local_date: at.map(|s| match instant {
            Some(t) => display::local(t, zone).date_naive(),
            None => s.local.date(),
        }),
    }
}

/// The entries grouped by their local date, in timeline order.
fn days(timeline: &[EntryModel]) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    for (index, entry) in timeline.iter().enumerate() {
        let date = entry.local_date.map(|d| d.to_string()).unwrap_or_default();
        match days.last_mut() {
            Some(day) if day.date == date => day.entries.end = index + 1,
            _ => {
                let label = entry
                    .local_date
                    .map_or_else(|| "Undated".to_string(), display::day_label);
                days.push(Day {
                    date,
                    label,
                    entries: index..index + 1,
                });
            }
        }
    }
    days
}

fn figures(impact: &ImpactModel, metrics: &Metrics, zone: Option<Tz>) -> Vec<Figure> {
    let when = |t: Option<DateTime<FixedOffset>>| {
        t.map_or_else(
            || "unknown".into(),
            |t| {
                format!(
                    "{} ({})",
                    display::local_text(t, zone),
                    display::utc_text(t)
                )
            },
        )
    };
    let minutes = |m: Option<i64>| m.map_or_else(|| "not recorded".into(), display::duration);
    let row = |label, value| Figure { label, value };
    let mut rows = vec![
        row("Impact start", when(impact.start_at)),
        row("Impact end", when(impact.end_at)),
        row("Duration", minutes(impact.duration_minutes)),
    ];
    rows.extend(impact.users.clone().map(|u| row("Users affected", u)));
    let loss = |loss: bool| if loss { "yes" } else { "no" }.to_string();
    rows.extend(impact.data_loss.map(|l| row("Data loss", loss(l))));
    let times = [
        ("Time to detect", metrics.time_to_detect_minutes),
        ("Time to acknowledge", metrics.time_to_acknowledge_minutes),
        ("Time to mitigate", metrics.time_to_mitigate_minutes),
        ("Time to resolve", metrics.time_to_resolve_minutes),
    ];
    rows.extend(times.map(|(label, m)| row(label, minutes(m))));
    rows
}

/// Minutes from the start milestone; in a public version a metric that
/// needs an internal milestone is left out, since it would tell when that
/// hidden entry happened (docs/format.md).
fn metrics(document: &Document, public: bool) -> Metrics {
    let since_start = |kind| document.time_to(kind, public);
    Metrics {
        time_to_detect_minutes: since_start(Kind::Detected),
        time_to_acknowledge_minutes: since_start(Kind::Acknowledged),
        time_to_mitigate_minutes: since_start(Kind::Mitigated),
        time_to_resolve_minutes: since_start(Kind::Resolved),
    }
}

fn action(item: &ActionItem) -> ActionModel {
    let value = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    ActionModel {
        title: value(&item.title),
        owner: value(&item.owner),
        kind: item.kind.as_ref().map(|k| k.value.name().to_string()),
        priority: item.priority.as_ref().map(|p| p.value.name().to_string()),
        due: item.due.as_ref().map(|d| d.value.to_string()),
        status: item.status.value.name().to_string(),
        link: value(&item.link),
        issue: item
            .link
            .as_ref()
            .and_then(|l| crate::document::issue::key(&l.value)),
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
    display::local(instant, zone).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
