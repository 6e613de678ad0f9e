//! Importing an Atlassian Statuspage incident as a draft postmortem: the
//! public `incidents.json` (several incidents), `{"incident": {...}}`, or a
//! bare incident object.

use super::emit::{clock, list, scalar};
use super::skeleton;
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::Deserialize;

/// One incident, as much of it as the import uses.
#[derive(Clone, Debug, Deserialize)]
pub struct Incident {
    /// Statuspage's id.
    pub id: String,
    /// The incident's name: the postmortem's title.
    pub name: String,
    /// `none`, `minor`, `major` or `critical`.
    #[serde(default)]
    pub impact: Option<String>,
    /// When it was opened.
    pub created_at: DateTime<FixedOffset>,
    /// The short public link.
    #[serde(default)]
    pub shortlink: Option<String>,
    /// The public updates (Statuspage lists them newest first).
    #[serde(default)]
    pub incident_updates: Vec<Update>,
    /// The components it affected.
    #[serde(default)]
    pub components: Vec<Component>,
}

/// One public update.
#[derive(Clone, Debug, Deserialize)]
pub struct Update {
    /// `investigating`, `identified`, `monitoring`, `resolved`, `update`, ...
    pub status: String,
    /// The text posted.
    #[serde(default)]
    pub body: String,
    /// When it was posted.
    pub created_at: DateTime<FixedOffset>,
    /// When it is shown as posted (may be back-dated).
    #[serde(default)]
    pub display_at: Option<DateTime<FixedOffset>>,
}

/// A component of the page.
#[derive(Clone, Debug, Deserialize)]
pub struct Component {
    /// Its name: becomes a service.
    pub name: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Shape {
    Page { incidents: Vec<Incident> },
    Wrapped { incident: Incident },
    Bare(Incident),
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
    /// JSON, but not a Statuspage incident.
    #[error("not a Statuspage incident: {0}")]
    Shape(String),
    /// `--incident` names none of the incidents in the file.
    #[error("no incident with id `{0}` in the file (it has: {1})")]
    NotFound(String, String),
}

/// Reads the incidents in `json`.
pub fn incidents(json: &str) -> Result<Vec<Incident>, ImportError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ImportError::Json {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_string(),
    })?;
    let shape: Shape = serde_json::from_value(value).map_err(|_| {
        ImportError::Shape("expected an object with `incidents`, `incident`, or `id`, `name`, `created_at` and `incident_updates`".into())
    })?;
    Ok(match shape {
        Shape::Page { incidents } => incidents,
        Shape::Wrapped { incident } | Shape::Bare(incident) => vec![incident],
    })
}

/// The incident with `id`, or the newest.
pub fn pick(incidents: Vec<Incident>, id: Option<&str>) -> Result<Incident, ImportError> {
    let ids = || {
        incidents
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match id {
        Some(id) => incidents
            .iter()
            .find(|i| i.id == id)
            .cloned()
            .ok_or_else(|| ImportError::NotFound(id.into(), ids())),
        None => incidents
            .into_iter()
            .max_by_key(|i| i.created_at)
            .ok_or_else(|| ImportError::Shape("the file lists no incidents".into())),
    }
}

/// Statuspage's impact as a severity.
pub fn severity(impact: Option<&str>) -> Option<&'static str> {
    Some(match impact? {
        "critical" => "SEV1",
        "major" => "SEV2",
        "minor" => "SEV3",
        "none" => "SEV4",
        _ => return None,
    })
}

/// The draft postmortem for `incident`, with times in `zone`.
pub fn draft(incident: &Incident, zone: Tz) -> String {
    let mut out = format!("---\ntitle: {}\nstatus: draft\n", scalar(&incident.name));
    if let Some(severity) = severity(incident.impact.as_deref()) {
        out.push_str(&format!("severity: {severity}\n"));
    }
    out.push_str(&format!("timezone: {}\n", zone.name()));
    let services: Vec<String> = incident.components.iter().map(|c| c.name.clone()).collect();
    if !services.is_empty() {
        out.push_str(&format!("services: {}\n", list(&services)));
    }
    out.push_str(&timeline(incident, zone));
    out.push_str("action_items: []\n---\n");
    let body = skeleton::body();
    match &incident.shortlink {
        Some(link) => {
            out + &body.replacen(
                "## Summary\n",
                &format!("## Summary\n\nStatus page record: <{link}>\n"),
                1,
            )
        }
        None => out + &body,
    }
}

fn timeline(incident: &Incident, zone: Tz) -> String {
    let mut updates: Vec<&Update> = incident.incident_updates.iter().collect();
    updates.sort_by_key(|u| u.display_at.unwrap_or(u.created_at));
    if updates.is_empty() {
        return "timeline: []\n".into();
    }
    let mut out = String::from("timeline:\n");
    let mut last_date: Option<NaiveDate> = None;
    let mut marked: Vec<&str> = Vec::new();
    for update in updates {
        let at = update.display_at.unwrap_or(update.created_at);
        let milestone = match update.status.as_str() {
            "investigating" => Some("acknowledged"),
            "monitoring" => Some("mitigated"),
            "resolved" => Some("resolved"),
            _ => None,
        };
        let event = first_sentence(&update.body);
        if let Some(kind) = milestone.filter(|k| !marked.contains(k)) {
            marked.push(kind);
            let when = local(at, zone, &mut last_date);
            out.push_str(&format!(
                "  - at: {when}\n    kind: {kind}\n    event: {}\n",
                scalar(&format!("Status page: {}", update.status))
            ));
        }
        let when = local(at, zone, &mut last_date);
        out.push_str(&format!(
            "  - at: {when}\n    kind: update\n    event: {}\n",
            scalar(&event)
        ));
        if let Some(next) = super::promise::next_update(&update.body, at) {
            out.push_str(&format!(
                "    next_update: {}\n",
                local(next, zone, &mut last_date.clone())
            ));
        }
    }
    out
}

/// The time in `zone`, with the date when it differs from the line before.
fn local(at: DateTime<FixedOffset>, zone: Tz, last_date: &mut Option<NaiveDate>) -> String {
    let local = at.with_timezone(&zone).naive_local();
    let same_day = *last_date == Some(local.date());
    *last_date = Some(local.date());
    clock(local, same_day)
}

/// The first sentence (or line) of `body`, cut to 200 characters.
pub fn first_sentence(body: &str) -> String {
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
mod tests {
    use super::*;

    #[test]
    fn events_are_the_first_sentence_or_200_characters() {
        assert_eq!(
            first_sentence("We are investigating.  More soon."),
            "We are investigating."
        );
        assert_eq!(first_sentence("Version 1.2 is out"), "Version 1.2 is out");
        assert_eq!(
            first_sentence("\nStarted: 6:49am UTC\nSeverity: high"),
            "Started: 6:49am UTC"
        );
        assert_eq!(first_sentence(&"a".repeat(300)).chars().count(), 200);
    }

    #[test]
    fn impact_maps_to_severity() {
        assert_eq!(severity(Some("critical")), Some("SEV1"));
        assert_eq!(severity(Some("none")), Some("SEV4"));
        assert_eq!(severity(Some("weird")), None);
    }

    #[test]
    fn broken_json_names_its_position() {
        let error = incidents("{\n  \"incidents\": [\n").unwrap_err();
        assert!(
            matches!(error, ImportError::Json { line: 3, .. }),
            "{error}"
        );
        assert!(matches!(incidents("[1, 2]"), Err(ImportError::Shape(_))));
    }
}
