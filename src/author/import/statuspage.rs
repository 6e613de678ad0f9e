//! Atlassian Statuspage: the public `incidents.json` (`page` and
//! `incidents`), the REST API's bare array of incidents, one incident
//! (`{"incident": {...}}` or bare), and scheduled maintenances in the same
//! shapes. One damaged incident in a list is reported, not fatal.
//!
//! Statuses: investigating -> `acknowledged`, identified -> `identified`,
//! monitoring -> `mitigated`, resolved -> `resolved`, each beside the update
//! itself (kind `update`, with the promised next update read from its
//! text). A body in HTML is read as text, and the timestamped lines of its
//! own timeline become entries.

use super::json::{array, instant, shape, text};
use super::statuspage_body::{self, Body};
use super::{ImportError, Imported, Incident, promise};
use crate::document::Kind;
use chrono_tz::Tz;
use serde_json::Value;

const SOURCE: &str = "Statuspage";

/// The incidents of a file, and those that could not be read.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Readable incidents and maintenances, in the file's order.
    pub incidents: Vec<Incident>,
    /// `(position in the list, id when known, why)` for each unreadable one.
    pub damaged: Vec<(usize, Option<String>, String)>,
}

/// Every incident in `value`.
///
/// # Errors
/// When `value` is no Statuspage shape at all.
pub fn page(value: &Value) -> Result<Page, ImportError> {
    let zone = text(value, &["page", "time_zone"]).and_then(page_zone);
    let listed: Vec<&Value> = if let Some(list) = value.as_array() {
        list.iter().collect()
    } else if value.get("incidents").is_some() || value.get("scheduled_maintenances").is_some() {
        array(value, "incidents")
            .iter()
            .chain(array(value, "scheduled_maintenances"))
            .collect()
    } else if let Some(one) = value
        .get("incident")
        .or_else(|| value.get("scheduled_maintenance"))
    {
        vec![one]
    } else if value.get("incident_updates").is_some() {
        vec![value]
    } else {
        return Err(shape(
            SOURCE,
            "expected `incidents`, `scheduled_maintenances`, `incident`, a list of incidents, or one incident with `incident_updates`",
        ));
    };
    let mut page = Page::default();
    for (index, item) in listed.into_iter().enumerate() {
        match incident(item, zone) {
            Ok(incident) => page.incidents.push(incident),
            Err(reason) => {
                let id = text(item, &["id"]).map(String::from);
                page.damaged.push((index + 1, id, reason));
            }
        }
    }
    Ok(page)
}

/// A page's `time_zone`: an IANA name (`Etc/UTC`, `America/New_York`).
fn page_zone(name: &str) -> Option<Tz> {
    name.parse().ok().map(crate::document::zone::plain)
}

/// The incident with `id`, or the newest.
///
/// # Errors
/// When no incident has `id`, or the page has none.
pub fn pick(page: Page, id: Option<&str>) -> Result<Incident, ImportError> {
    let ids = || {
        page.incidents
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match id {
        Some(id) => page
            .incidents
            .iter()
            .find(|i| i.id == id)
            .cloned()
            .ok_or_else(|| ImportError::NotFound(id.into(), ids())),
        None => page
            .incidents
            .iter()
            .max_by_key(|i| i.entries.iter().map(|e| e.at).min())
            .cloned()
            .ok_or_else(|| ImportError::Empty("the file lists no readable incident".into())),
    }
}

fn incident(item: &Value, zone: Option<Tz>) -> Result<Incident, String> {
    let id = text(item, &["id"]).ok_or("it has no `id`")?.to_string();
    let name = text(item, &["name"]).ok_or("it has no `name`")?;
    if instant(item, &["created_at"]).is_none() {
        return Err("its `created_at` is missing or not RFC 3339".into());
    }
    let mut services: Vec<String> = array(item, "components")
        .iter()
        .filter_map(|c| text(c, &["name"]).map(String::from))
        .collect();
    let mut updates: Vec<&Value> = array(item, "incident_updates").iter().collect();
    // Listed newest first: reversed, two updates of one second keep the
    // order they were posted in once sorted by time.
    updates.reverse();
    updates.sort_by_key(|u| posted(u));
    let mut entries = Vec::new();
    let mut marked = Vec::new();
    for update in updates {
        services.extend(
            array(update, "affected_components")
                .iter()
                .filter_map(|c| text(c, &["name"]).map(String::from)),
        );
        entries.extend(update_entries(update, &id, zone, &mut marked)?);
    }
    dedup_keep_order(&mut services);
    Ok(Incident {
        title: name.to_string(),
        severity: text(item, &["impact"]).and_then(severity).map(String::from),
        services,
        link: text(item, &["shortlink"]).map(String::from),
        zone,
        entries,
        id,
        skipped: 0,
    })
}

fn posted(update: &Value) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    instant(update, &["display_at"]).or_else(|| instant(update, &["created_at"]))
}

/// The entries of one update; `marked` holds the milestones earlier
/// updates gave (a status posted again is no new milestone).
fn update_entries(
    update: &Value,
    incident: &str,
    zone: Option<Tz>,
    marked: &mut Vec<Kind>,
) -> Result<Vec<Imported>, String> {
    let at = posted(update).ok_or("an update has no readable `created_at`")?;
    let status = text(update, &["status"]).unwrap_or("update");
    let key = text(update, &["id"]).map_or_else(|| at.timestamp().to_string(), String::from);
    let body = statuspage_body::read(
        text(update, &["body"]).unwrap_or(""),
        zone.unwrap_or(Tz::UTC),
    );
    let mut out = Vec::new();
    let milestone = match status {
        "investigating" => Some(Kind::Acknowledged),
        "identified" => Some(Kind::Identified),
        "monitoring" => Some(Kind::Mitigated),
        "resolved" | "completed" => Some(Kind::Resolved),
        _ => None,
    };
    // A body that tells its own timeline was written after the fact: its
    // status is not a milestone at the moment it was posted if its lines
    // run later.
    let told_later = body.lines.iter().any(|(t, _)| *t > at);
    if let Some(kind) = milestone.filter(|k| !told_later && !marked.contains(k)) {
        marked.push(kind);
        out.push(Imported {
            at,
            kind,
            event: format!("Status page: {status}"),
            who: None,
            source: format!("statuspage:{incident}:{key}:status"),
            next_update: None,
        });
    }
    out.push(Imported {
        at,
        kind: Kind::Update,
        event: statement(&body),
        who: None,
        source: format!("statuspage:{incident}:{key}"),
        next_update: promise::next_update(&body.text, at),
    });
    for (n, (when, line)) in body.lines.iter().enumerate() {
        out.push(Imported {
            at: *when,
            kind: Kind::Note,
            event: line.clone(),
            who: None,
            source: format!("statuspage:{incident}:{key}:{}", n + 1),
            next_update: None,
        });
    }
    Ok(out)
}

fn statement(body: &Body) -> String {
    let sentence = first_sentence(&body.text);
    if sentence.is_empty() {
        "Status page updated".into()
    } else {
        sentence
    }
}

fn dedup_keep_order(items: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|s| seen.insert(s.clone()));
}

/// Statuspage's impact as a severity.
pub fn severity(impact: &str) -> Option<&'static str> {
    Some(match impact {
        "critical" => "SEV1",
        "major" => "SEV2",
        "minor" => "SEV3",
        "none" | "maintenance" => "SEV4",
        _ => return None,
    })
}

/// The first sentence (or line) of `body`, cut to 200 characters.
pub(crate) fn first_sentence(body: &str) -> String {
    // A line break ends a sentence too: updates often start with a "Label: value" line.
    let first_line = body.trim_start().lines().next().unwrap_or("");
    let flat = first_line.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = flat
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && flat[i + 1..].starts_with(' '))
        .map_or(flat.len(), |(i, _)| i + 1);
    let sentence = &flat[..end];
    if sentence.chars().count() <= 200 {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(199).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
#[path = "statuspage_tests.rs"]
mod tests;
