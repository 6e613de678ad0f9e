//! Slack: a workspace export (`channels.json`, `users.json`, and a folder
//! per channel with one JSON file per day). By default the channel's pinned
//! messages and messages with a :pushpin: reaction, with the replies in
//! their threads; every message with `all`. Authors by real name, edited
//! text as it now reads, joins, topic changes and other non-messages left
//! out. A chat states no milestones: every entry is a note.

use super::json::{array, shape, text};
use super::slack_text::plain;
use super::{ImportError, Imported, Incident};
use crate::document::Kind;
use chrono::{DateTime, FixedOffset};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Which messages to take.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Every message, not only the pinned.
    pub all: bool,
    /// Leave out messages before.
    pub since: Option<DateTime<FixedOffset>>,
    /// Leave out messages after.
    pub until: Option<DateTime<FixedOffset>>,
}

// Message subtypes that are things people said; the rest (joins, topic
// changes, pins, bots added) are the channel's bookkeeping.
const SAID: &[&str] = &[
    "bot_message",
    "thread_broadcast",
    "me_message",
    "file_share",
];

/// The incident in the export's `channel`: `files` maps each path in the
/// export (`channels.json`, `inc-db/2026-05-14.json`) to its text.
///
/// # Errors
/// When the export has no such channel or its files are not Slack's JSON.
pub fn incident(
    files: &BTreeMap<String, String>,
    channel: &str,
    selection: &Selection,
) -> Result<Incident, ImportError> {
    let name = channel.trim_start_matches('#');
    let info = channel_info(files, name)?;
    let id = text(&info, &["id"]).unwrap_or(name).to_string();
    let pins: HashSet<String> = array(&info, "pins")
        .iter()
        .filter_map(|p| text(p, &["id"]).map(String::from))
        .collect();
    let users = users(files)?;
    let messages = messages(files, name)?;
    let chosen = choose(&messages, &pins, &id, selection);
    let skipped = chosen.iter().filter(|m| instant(m).is_none()).count();
    let entries = chosen
        .iter()
        .filter_map(|m| entry(m, &users, &id))
        .collect();
    let title = text(&info, &["topic", "value"])
        .or_else(|| text(&info, &["purpose", "value"]))
        // "Checkout payments failing | IC: @priya": the first part names it.
        .map(|t| {
            plain(t, &users)
                .split(" | ")
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| format!("#{name}"));
    Ok(Incident {
        id,
        title,
        entries,
        skipped,
        ..Incident::default()
    })
}

fn channel_info(files: &BTreeMap<String, String>, name: &str) -> Result<Value, ImportError> {
    let mut known = Vec::new();
    for list in ["channels.json", "groups.json"] {
        let Some(listing) = files.get(list) else {
            continue;
        };
        let value: Value = super::json::parse(listing)?;
        for channel in value.as_array().map_or(&[][..], Vec::as_slice) {
            let channel_name = text(channel, &["name"]).unwrap_or("");
            if channel_name == name {
                return Ok(channel.clone());
            }
            known.push(channel_name.to_string());
        }
    }
    if known.is_empty() && !files.contains_key("channels.json") {
        return Err(ImportError::Archive(
            "it has no channels.json; give the folder or .zip Slack's export produced".into(),
        ));
    }
    Err(ImportError::NotFound(format!("#{name}"), known.join(", ")))
}

fn users(files: &BTreeMap<String, String>) -> Result<HashMap<String, String>, ImportError> {
    let Some(listing) = files.get("users.json") else {
        return Ok(HashMap::new());
    };
    let value = super::json::parse(listing)?;
    Ok(value
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|u| {
            let name = text(u, &["profile", "real_name"])
                .or_else(|| text(u, &["real_name"]))
                .or_else(|| text(u, &["profile", "display_name"]))
                .or_else(|| text(u, &["name"]))?;
            Some((text(u, &["id"])?.to_string(), name.to_string()))
        })
        .collect())
}

fn messages(files: &BTreeMap<String, String>, name: &str) -> Result<Vec<Value>, ImportError> {
    let prefix = format!("{name}/");
    let mut out = Vec::new();
    for (path, body) in files.range(prefix.clone()..) {
        if !path.starts_with(&prefix) {
            break;
        }
        if !path.ends_with(".json") {
            continue;
        }
        let day = super::json::parse(body)?;
        let list = day.as_array().ok_or_else(|| {
            shape(
                "a Slack export",
                &format!("{path} is not a list of messages"),
            )
        })?;
        out.extend(list.iter().cloned());
    }
    // A total order: a `ts` that is no time (`NaN`) sorts first, and is
    // left out with the others that cannot be placed.
    out.sort_by_key(instant);
    Ok(out)
}

fn choose<'a>(
    messages: &'a [Value],
    pins: &HashSet<String>,
    channel: &str,
    selection: &Selection,
) -> Vec<&'a Value> {
    let said: Vec<&Value> = messages
        .iter()
        .filter(|m| text(m, &["type"]) == Some("message"))
        .filter(|m| text(m, &["subtype"]).is_none_or(|s| SAID.contains(&s)))
        .filter(|m| {
            let at = instant(m);
            selection.since.is_none_or(|s| at.is_some_and(|t| t >= s))
                && selection.until.is_none_or(|u| at.is_some_and(|t| t <= u))
        })
        .collect();
    if selection.all {
        return said;
    }
    let pinned: HashSet<&str> = said
        .iter()
        .filter(|m| is_pinned(m, pins, channel))
        .filter_map(|m| text(m, &["ts"]))
        .collect();
    said.into_iter()
        .filter(|m| {
            text(m, &["ts"]).is_some_and(|t| pinned.contains(t))
                || text(m, &["thread_ts"]).is_some_and(|t| pinned.contains(t))
        })
        .collect()
}

fn is_pinned(message: &Value, pins: &HashSet<String>, channel: &str) -> bool {
    text(message, &["ts"]).is_some_and(|t| pins.contains(t))
        || array(message, "pinned_to")
            .iter()
            .any(|c| c.as_str() == Some(channel))
        || array(message, "reactions")
            .iter()
            .any(|r| text(r, &["name"]) == Some("pushpin"))
}

fn instant(message: &Value) -> Option<DateTime<FixedOffset>> {
    let ts = text(message, &["ts"])?;
    let (seconds, micros) = ts.split_once('.').unwrap_or((ts, "0"));
    if !micros.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let micros: u32 = format!("{micros:0<6}").get(..6)?.parse().ok()?;
    DateTime::from_timestamp(seconds.parse().ok()?, micros * 1000).map(|t| t.fixed_offset())
}

fn entry(message: &Value, users: &HashMap<String, String>, channel: &str) -> Option<Imported> {
    let mut event = plain(text(message, &["text"]).unwrap_or(""), users);
    if event.is_empty() {
        let files: Vec<&str> = array(message, "files")
            .iter()
            .filter_map(|f| text(f, &["title"]).or_else(|| text(f, &["name"])))
            .collect();
        if files.is_empty() {
            return None;
        }
        event = format!("Shared {}", files.join(", "));
    }
    let who = text(message, &["user"])
        .and_then(|u| users.get(u).cloned())
        .or_else(|| text(message, &["user_profile", "real_name"]).map(String::from))
        .or_else(|| text(message, &["username"]).map(String::from))
        .or_else(|| text(message, &["bot_profile", "name"]).map(String::from));
    Some(Imported {
        at: instant(message)?,
        kind: Kind::Note,
        event,
        who,
        source: format!("slack:{channel}:{}", text(message, &["ts"])?),
        next_update: None,
    })
}
