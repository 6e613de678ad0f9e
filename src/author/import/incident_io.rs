//! incident.io: an incident as API v2 returns it (`GET /v2/incidents/{id}`:
//! `{"incident": {...}}`), with its updates (`GET /v2/incident_updates`:
//! `incident_updates[]`) in the same file or a second one.
//!
//! Named timestamps become milestones by their names ("Impact started",
//! "Reported at", "Accepted at", "Identified at", "Mitigated at", "Resolved
//! at"); others are notes. Each update is a note with its message; its new
//! status category gives a milestone the timestamps did not state (`live`
//! acknowledged, `learning` or `closed` resolved).

use super::json::{array, instant, shape, text};
use super::{ImportError, Imported, Incident};
use crate::document::Kind;
use serde_json::Value;

const SOURCE: &str = "an incident.io incident";

/// The incident in `value`, with the updates in `value` and in `updates`.
///
/// # Errors
/// When `value` holds no incident.
pub fn incident(value: &Value, updates: Option<&Value>) -> Result<Incident, ImportError> {
    let incident = value
        .get("incident")
        .filter(|i| i.is_object())
        .or_else(|| value.get("id").map(|_| value))
        .ok_or_else(|| shape(SOURCE, "expected `incident` (GET /v2/incidents/{id})"))?;
    let id = text(incident, &["id"]).unwrap_or("incident").to_string();
    let mut entries = timestamps(incident, &id);
    let stated: Vec<Kind> = entries
        .iter()
        .map(|e| e.kind)
        .filter(|k| k.is_milestone())
        .collect();
    let listed = array(value, "incident_updates")
        .iter()
        .chain(updates.map_or(&[][..], |u| array(u, "incident_updates")));
    let mut from_updates: Vec<Imported> = listed
        .filter(|u| text(u, &["incident_id"]).is_none_or(|i| i == id))
        .filter_map(|u| update(u, &stated))
        .collect();
    entries.append(&mut from_updates);
    Ok(Incident {
        title: text(incident, &["name"])
            .unwrap_or("incident.io incident")
            .to_string(),
        severity: text(incident, &["severity", "name"]).and_then(severity),
        services: services(incident),
        link: text(incident, &["permalink"]).map(String::from),
        zone: None,
        entries,
        id,
        skipped: 0,
    })
}

fn timestamps(incident: &Value, id: &str) -> Vec<Imported> {
    array(incident, "incident_timestamp_values")
        .iter()
        .filter_map(|t| {
            let name = text(t, &["incident_timestamp", "name"])?;
            let key = text(t, &["incident_timestamp", "id"]).unwrap_or(name);
            Some(Imported {
                at: instant(t, &["value", "value"])?,
                kind: timestamp_kind(name),
                event: name.to_string(),
                who: None,
                source: format!("incident.io:{id}:{key}"),
                next_update: None,
            })
        })
        .collect()
}

fn timestamp_kind(name: &str) -> Kind {
    let lower = name.to_lowercase();
    let has = |w: &str| lower.contains(w);
    if has("impact start") || has("impact began") || lower.starts_with("started") {
        Kind::Start
    } else if has("reported") || has("detected") {
        Kind::Detected
    } else if has("accepted") || has("acknowledged") {
        Kind::Acknowledged
    } else if has("identified") {
        Kind::Identified
    } else if has("mitigated") || has("fixed") {
        Kind::Mitigated
    } else if has("resolved") {
        Kind::Resolved
    } else {
        Kind::Note
    }
}

fn update(u: &Value, stated: &[Kind]) -> Option<Imported> {
    let category = text(u, &["new_incident_status", "category"]).unwrap_or("");
    let kind = match category {
        "live" | "active" => Kind::Acknowledged,
        "learning" | "post-incident" | "closed" => Kind::Resolved,
        _ => Kind::Note,
    };
    let kind = if stated.contains(&kind) {
        Kind::Note
    } else {
        kind
    };
    let status = text(u, &["new_incident_status", "name"]);
    let event = match (text(u, &["message"]), status) {
        (Some(message), _) => message.to_string(),
        (None, Some(status)) => format!("Status: {status}"),
        (None, None) => return None,
    };
    Some(Imported {
        at: instant(u, &["created_at"])?,
        kind,
        event,
        who: text(u, &["updater", "user", "name"])
            .or_else(|| text(u, &["updater", "api_key", "name"]))
            .map(String::from),
        source: format!("incident.io:{}", text(u, &["id"])?),
        next_update: None,
    })
}

/// Values of custom fields about what was affected (a "Affected services"
/// catalog field, a "Product" option).
fn services(incident: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for field in array(incident, "custom_field_entries") {
        let name = text(field, &["custom_field", "name"])
            .unwrap_or("")
            .to_lowercase();
        if !["service", "product", "component", "affected"]
            .iter()
            .any(|w| name.contains(w))
        {
            continue;
        }
        for value in array(field, "values") {
            let shown = text(value, &["value_catalog_entry", "name"])
                .or_else(|| text(value, &["value_option", "value"]))
                .or_else(|| text(value, &["value_text"]));
            out.extend(shown.map(String::from));
        }
    }
    out.dedup();
    out
}

fn severity(name: &str) -> Option<String> {
    Some(
        match name.to_lowercase().as_str() {
            "critical" | "sev1" | "sev 1" | "p1" => "SEV1",
            "major" | "high" | "sev2" | "sev 2" | "p2" => "SEV2",
            "minor" | "medium" | "sev3" | "sev 3" | "p3" => "SEV3",
            "low" | "sev4" | "sev 4" | "p4" => "SEV4",
            _ => return None,
        }
        .to_string(),
    )
}
