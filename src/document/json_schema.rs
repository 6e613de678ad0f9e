//! A JSON Schema (draft 2020-12) of the front matter, for editors and other
//! tools; built from the same key and value lists the reader checks.

use super::model::Kind;
use super::schema::{ACTION_KINDS, ACTION_STATUSES, PRIORITIES, SEVERITIES, STATUSES};
use serde_json::{Value, json};

const TIMESTAMP: &str = "a timestamp: `2026-05-14 14:30`, `14:30` (the date of the entry before), `2:30 PM`, RFC 3339, a date alone; optionally followed by UTC, Z, an offset or a zone abbreviation";

/// The schema, as JSON.
pub fn front_matter() -> Value {
    let text = json!({ "type": "string" });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "postmortem front matter, format v1",
        "type": "object",
        "required": ["title", "timeline"],
        "additionalProperties": false,
        "properties": {
            "title": text,
            "status": { "enum": STATUSES, "default": "draft" },
            "severity": { "enum": SEVERITIES },
            "timezone": { "type": "string", "description": "an IANA zone name such as America/Los_Angeles" },
            "date": { "type": "string", "format": "date", "description": "when the postmortem was written" },
            "authors": { "type": "array", "items": text },
            "services": { "type": "array", "items": text },
            "tags": { "type": "array", "items": text, "description": "topics for readers; a site has a page per tag" },
            "summary": text,
            "impact": impact(),
            "timeline": { "type": "array", "items": entry() },
            "lint": {
                "type": "object",
                "additionalProperties": false,
                "description": "per-file opt-outs",
                "properties": {
                    "allow": { "type": "array", "items": { "enum": crate::diagnostic::Rule::ALL.map(|r| r.id()) } }
                }
            },
            "action_items": { "type": "array", "items": action_item() }
        }
    })
}

fn stamp() -> Value {
    json!({ "type": "string", "description": TIMESTAMP })
}

fn impact() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "start": stamp(),
            "end": stamp(),
            "duration": { "type": "string", "description": "such as 26h45m, 90m or 1d2h" },
            "users": { "type": "string" },
            "data_loss": { "type": "boolean" },
            "internal": { "type": "boolean", "description": "keep users and data_loss out of public renderings" }
        }
    })
}

fn entry() -> Value {
    let kinds = Kind::NAME_LIST;
    json!({
        "type": "object",
        "required": ["at"],
        "additionalProperties": false,
        "properties": {
            "at": stamp(),
            "kind": { "enum": kinds, "default": "note" },
            "event": { "type": "string" },
            "who": { "type": "string", "description": "who did it" },
            "next_update": stamp(),
            "source": { "type": "string", "description": "where an imported entry came from, such as pagerduty:Q1ABC" },
            "internal": { "type": "boolean", "description": "leave out of public renderings" }
        }
    })
}

fn action_item() -> Value {
    json!({
        "type": "object",
        "required": ["title"],
        "additionalProperties": false,
        "properties": {
            "title": { "type": "string" },
            "owner": { "type": "string" },
            "kind": { "enum": ACTION_KINDS },
            "priority": { "enum": PRIORITIES },
            "due": { "type": "string", "format": "date" },
            "status": { "enum": ACTION_STATUSES, "default": "open" },
            "link": { "type": "string" },
            "internal": { "type": "boolean", "description": "leave out of public renderings" }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::schema::{ACTION, ENTRY, IMPACT, TOP};

    fn keys(value: &Value) -> Vec<String> {
        let mut keys: Vec<String> = value["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        list.sort();
        list
    }

    #[test]
    fn the_schema_lists_exactly_the_keys_the_reader_knows() {
        let schema = front_matter();
        let p = &schema["properties"];
        assert_eq!(keys(&schema), sorted(TOP));
        assert_eq!(keys(&p["impact"]), sorted(IMPACT));
        assert_eq!(keys(&p["timeline"]["items"]), sorted(ENTRY));
        assert_eq!(keys(&p["action_items"]["items"]), sorted(ACTION));
    }
}
