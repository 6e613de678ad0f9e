//! PagerDuty: an incident's log entries as the REST API returns them
//! (`GET /incidents/{id}/log_entries`, newest first), a bare array of them,
//! or a v2 webhook's `messages[].log_entries`.
//!
//! trigger -> `detected`, acknowledge -> `acknowledged`, escalate ->
//! `escalated`, resolve -> `resolved`, annotate -> a note with its text;
//! assignments, delegations and the like are notes; notifications are left
//! out unless asked for.

use super::json::{array, instant, shape, text};
use super::{ImportError, Imported, Incident};
use crate::document::Kind;
use serde_json::Value;

const SOURCE: &str = "a PagerDuty log entries";

/// The incident in `value` (with `id`, the one of that id when the log
/// holds several), its notifications included when `notifications`.
///
/// # Errors
/// When the JSON is not a log, or holds several incidents and no `id`.
pub fn incident(
    value: &Value,
    id: Option<&str>,
    notifications: bool,
) -> Result<Incident, ImportError> {
    let entries = log_entries(value)?;
    let incident_of = |e: &Value| text(e, &["incident", "id"]).unwrap_or("").to_string();
    let mut ids: Vec<String> = entries.iter().map(&incident_of).collect();
    ids.sort();
    ids.dedup();
    let chosen = match (id, ids.as_slice()) {
        (Some(id), _) if ids.iter().any(|i| i == id) => id.to_string(),
        (Some(id), _) => return Err(ImportError::NotFound(id.into(), ids.join(", "))),
        (None, [one]) => one.clone(),
        (None, []) => return Err(ImportError::Empty("the log has no entries".into())),
        (None, _) => {
            return Err(shape(
                SOURCE,
                &format!(
                    "the log holds several incidents ({}); choose one with --incident",
                    ids.join(", ")
                ),
            ));
        }
    };
    let mine: Vec<&Value> = entries
        .iter()
        .filter(|e| incident_of(e) == chosen)
        .collect();
    let first = mine.first().copied().unwrap_or(&Value::Null);
    let title = text(first, &["incident", "title"])
        .or_else(|| text(first, &["incident", "summary"]))
        .map_or_else(|| format!("PagerDuty incident {chosen}"), strip_number);
    let mut services: Vec<String> = mine
        .iter()
        .filter_map(|e| text(e, &["service", "summary"]).map(String::from))
        .collect();
    services.sort();
    services.dedup();
    // The API lists newest first: reversed, entries of one second keep
    // the order they happened in.
    let timeline = mine
        .iter()
        .rev()
        .filter_map(|e| entry(e, notifications))
        .collect();
    Ok(Incident {
        id: chosen,
        title,
        severity: text(first, &["incident", "priority", "summary"]).and_then(severity),
        services,
        link: text(first, &["incident", "html_url"]).map(String::from),
        zone: None,
        entries: timeline,
        skipped: 0,
    })
}

fn log_entries(value: &Value) -> Result<Vec<Value>, ImportError> {
    if let Some(list) = value.as_array() {
        return Ok(list.clone());
    }
    if value.get("log_entries").is_some() {
        return Ok(array(value, "log_entries").to_vec());
    }
    if let Some(messages) = value.get("messages").and_then(Value::as_array) {
        return Ok(messages
            .iter()
            .flat_map(|m| {
                array(m, "log_entries").iter().map(|e| {
                    let mut e = e.clone();
                    if e.get("incident").is_none() {
                        e["incident"] = m.get("incident").cloned().unwrap_or(Value::Null);
                    }
                    e
                })
            })
            .rev()
            .collect());
    }
    Err(shape(
        SOURCE,
        "expected `log_entries` (GET /incidents/{id}/log_entries), a list of log entries, or a v2 webhook's `messages`",
    ))
}

fn entry(e: &Value, notifications: bool) -> Option<Imported> {
    let kind_name = text(e, &["type"])?.trim_end_matches("_reference");
    let summary = text(e, &["summary"]).unwrap_or("").to_string();
    let (kind, event) = match kind_name {
        "trigger_log_entry" => (Kind::Detected, trigger(e, &summary)),
        "acknowledge_log_entry" => (Kind::Acknowledged, summary),
        "escalate_log_entry" => (Kind::Escalated, summary),
        "resolve_log_entry" => (Kind::Resolved, with_note(e, summary)),
        "annotate_log_entry" => (Kind::Note, note(e).unwrap_or(summary)),
        "notify_log_entry" if !notifications => return None,
        _ if summary.is_empty() => return None,
        _ => (Kind::Note, summary),
    };
    Some(Imported {
        at: instant(e, &["created_at"])?,
        kind,
        event,
        // A service as agent is PagerDuty acting on its own (a timeout, an
        // escalation rule): no one did it.
        who: text(e, &["agent", "summary"])
            .filter(|_| text(e, &["agent", "type"]) != Some("service_reference"))
            .map(String::from),
        source: format!("pagerduty:{}", text(e, &["id"])?),
        next_update: None,
    })
}

fn trigger(e: &Value, summary: &str) -> String {
    let what = text(e, &["channel", "summary"])
        .or_else(|| text(e, &["event_details", "description"]))
        .or_else(|| text(e, &["incident", "title"]));
    match what {
        Some(what) => format!("{summary}: {what}"),
        None => summary.to_string(),
    }
}

fn note(e: &Value) -> Option<String> {
    ["summary", "content", "notes"]
        .iter()
        .find_map(|key| text(e, &["channel", key]))
        .map(String::from)
}

fn with_note(e: &Value, summary: String) -> String {
    match text(e, &["note"]) {
        Some(note) => format!("{summary}: {note}"),
        None => summary,
    }
}

/// `[#12] Checkout errors` without PagerDuty's incident number.
fn strip_number(title: &str) -> String {
    match title
        .strip_prefix("[#")
        .and_then(|rest| rest.split_once("] "))
    {
        Some((number, rest)) if number.chars().all(|c| c.is_ascii_digit()) => rest.to_string(),
        _ => title.to_string(),
    }
}

/// PagerDuty's priorities `P1`..`P4` as severities.
fn severity(priority: &str) -> Option<String> {
    let n = priority.strip_prefix('P')?.parse::<u8>().ok()?;
    (1..=4).contains(&n).then(|| format!("SEV{n}"))
}
