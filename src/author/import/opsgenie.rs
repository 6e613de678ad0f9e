//! Opsgenie: an alert's logs (`GET /v2/alerts/{id}/logs`: `data[]` with
//! `log`, `type`, `owner`, `createdAt`, `offset`) or an incident's timeline
//! (`GET /v2/incident-timelines/{id}/entries`: `data.entries[]` with
//! `type`, `eventTime`, `actor`, `title`, `description`).
//!
//! Alert logs are free text: creation is `detected`, an acknowledgement
//! `acknowledged`, closing `resolved`, escalation `escalated`, read from the
//! words of the log; views are left out. Incident timeline entries map by
//! their type; hidden entries are left out.

use super::json::{array, instant, shape, text};
use super::{ImportError, Imported, Incident};
use crate::document::Kind;
use serde_json::Value;

const SOURCE: &str = "Opsgenie alert logs or incident timeline";

/// The alert or incident in `value`; `id` names it in titles and sources.
///
/// # Errors
/// When the JSON is neither shape.
pub fn incident(value: &Value, id: Option<&str>) -> Result<Incident, ImportError> {
    let data = value.get("data").unwrap_or(value);
    let (entries, what) = if let Some(list) = data.as_array() {
        (alert_logs(list), "alert")
    } else if data.get("entries").is_some() {
        (timeline(array(data, "entries")), "incident")
    } else {
        return Err(shape(
            SOURCE,
            "expected `data` as a list of alert logs or `data.entries` of an incident timeline",
        ));
    };
    // Logs do not name their alert: without `id`, the first log's instant
    // names it, so two alerts of one day never share a file name.
    let id = id.map(String::from).unwrap_or_else(|| {
        entries
            .first()
            .map(|e| format!("{what}-{}", e.at.timestamp_millis()))
            .unwrap_or_default()
    });
    let title = if id.is_empty() || id.starts_with(what) {
        format!("Opsgenie {what}")
    } else {
        format!("Opsgenie {what} {id}")
    };
    Ok(Incident {
        id,
        title,
        entries,
        ..Incident::default()
    })
}

fn alert_logs(list: &[Value]) -> Vec<Imported> {
    let mut logs: Vec<&Value> = list.iter().collect();
    // The offset orders logs of one millisecond as they happened.
    logs.sort_by_key(|l| {
        (
            instant(l, &["createdAt"]),
            text(l, &["offset"]).map(String::from),
        )
    });
    logs.into_iter()
        .filter_map(|log| {
            let words = text(log, &["log"])?;
            let kind = alert_kind(words, text(log, &["type"]).unwrap_or(""))?;
            let at = instant(log, &["createdAt"])?;
            let key = text(log, &["offset"])
                .map_or_else(|| at.timestamp_millis().to_string(), String::from);
            Some(Imported {
                at,
                kind,
                event: words.to_string(),
                who: text(log, &["owner"]).map(String::from),
                source: format!("opsgenie:{key}"),
                next_update: None,
            })
        })
        .collect()
}

/// What an alert log says happened; `None` for views and seen marks.
fn alert_kind(log: &str, kind: &str) -> Option<Kind> {
    let lower = log.to_lowercase();
    let has = |w: &str| lower.contains(w);
    if has("viewed") || lower.starts_with("seen") || has("marked as seen") {
        return None;
    }
    Some(
        if kind == "note" || has("added note") || has("unacknowledged") {
            Kind::Note
        } else if has("acknowledged") {
            Kind::Acknowledged
        } else if has("closed") {
            Kind::Resolved
        } else if has("escalat") {
            Kind::Escalated
        } else if lower.starts_with("alert created") || lower.starts_with("created alert") {
            Kind::Detected
        } else {
            Kind::Note
        },
    )
}

fn timeline(entries: &[Value]) -> Vec<Imported> {
    entries
        .iter()
        .filter(|e| e.get("hidden").and_then(Value::as_bool) != Some(true))
        .filter_map(|e| {
            let kind_name = text(e, &["type"]).unwrap_or("");
            let title = text(e, &["title", "content"]).unwrap_or(kind_name);
            let event = match text(e, &["description", "content"]) {
                Some(more) => format!("{title}: {more}"),
                None => title.to_string(),
            };
            Some(Imported {
                at: instant(e, &["eventTime"])?,
                kind: timeline_kind(kind_name),
                event,
                who: text(e, &["actor", "name"]).map(String::from),
                source: format!("opsgenie:{}", text(e, &["id"])?),
                next_update: None,
            })
        })
        .collect()
}

fn timeline_kind(kind: &str) -> Kind {
    match kind {
        "IncidentOpened" | "IncidentCreated" => Kind::Detected,
        "IncidentAcknowledged" | "ResponderAlertAcked" => Kind::Acknowledged,
        "IncidentResolved" => Kind::Resolved,
        "IncidentEscalated" | "ResponderAdded" => Kind::Escalated,
        k if k.starts_with("StatusPage") || k.contains("Stakeholder") => Kind::Update,
        _ => Kind::Note,
    }
}
