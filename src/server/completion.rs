//! Completion, from what the line says before the cursor: timeline kinds,
//! statuses, severities (from the configuration), action-item fields and
//! their values, IANA zone names by prefix, and the services and owners the
//! repository's postmortems already use.

use super::known::Known;
use super::state::Open;
use crate::document::{ActionKind, ActionStatus, Kind, Priority, Status};
use chrono_tz::TZ_VARIANTS;
use lsp_types::{CompletionItem, CompletionItemKind};

/// At most this many zone names per answer; typing narrows them.
const MAX_ZONES: usize = 200;

/// The completions at byte `offset` of `open`; `known` is what the other
/// postmortems use, as far as gathered.
pub(super) fn complete(open: &Open, offset: usize, known: &Known) -> Vec<CompletionItem> {
    let text = &open.text;
    let offset = crate::span::floor_char_boundary(text, offset.min(text.len()));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let trimmed = before.trim_start().trim_start_matches("- ");
    let (key, typed) = match trimmed.split_once(':') {
        Some(pair) => pair,
        // `  - ` under `services:` is a value of it; elsewhere a key is typed.
        None if in_section(text, line_start, "services") => ("services", trimmed),
        None => return keys(text, line_start, trimmed),
    };
    // The value typed so far: in a flow list (`[a, b`), its last item.
    let typed = typed.rsplit(['[', ',']).next().unwrap_or(typed);
    let typed = typed.trim_start().trim_start_matches(['"', '\'']);
    let values: Vec<String> = match key.trim() {
        "kind" if in_section(text, line_start, "action_items") => names(&ActionKind::NAME_LIST),
        "kind" => names(&Kind::NAME_LIST),
        "status" if in_section(text, line_start, "action_items") => names(&ActionStatus::NAME_LIST),
        "status" => names(&Status::NAME_LIST),
        "priority" => names(&Priority::NAME_LIST),
        "severity" => open
            .options
            .settings
            .severities
            .iter()
            .map(|(s, _)| s.clone())
            .collect(),
        "timezone" => zones(typed),
        "owner" => known.owners.clone(),
        "services" => known.services.clone(),
        _ => Vec::new(),
    };
    values
        .into_iter()
        .filter(|v| v.to_lowercase().starts_with(&typed.to_lowercase()))
        .map(|v| item(v, CompletionItemKind::VALUE))
        .collect()
}

/// Keys for a line with no `:` yet: an action item's fields under
/// `action_items`, a timeline entry's under `timeline`.
fn keys(text: &str, line_start: usize, typed: &str) -> Vec<CompletionItem> {
    let known: &[&str] = if in_section(text, line_start, "action_items") {
        crate::document::schema::ACTION
    } else if in_section(text, line_start, "timeline") {
        crate::document::schema::ENTRY
    } else {
        return Vec::new();
    };
    known
        .iter()
        .filter(|k| k.starts_with(typed))
        .map(|k| item(format!("{k}: "), CompletionItemKind::FIELD))
        .collect()
}

/// Whether the line at `line_start` is inside the top-level key `section`
/// (the nearest unindented `key:` above it).
fn in_section(text: &str, line_start: usize, section: &str) -> bool {
    text[..line_start]
        .lines()
        .rev()
        .find(|l| {
            l.chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '-')
        })
        .is_some_and(|l| l.split(':').next() == Some(section))
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_string()).collect()
}

/// IANA names starting with `typed` (any case), then those containing it.
fn zones(typed: &str) -> Vec<String> {
    let typed = typed.to_lowercase();
    let starts = TZ_VARIANTS
        .iter()
        .map(|z| z.name())
        .filter(|n| n.to_lowercase().starts_with(&typed));
    let contains = TZ_VARIANTS
        .iter()
        .map(|z| z.name())
        .filter(|n| !n.to_lowercase().starts_with(&typed) && n.to_lowercase().contains(&typed));
    starts
        .chain(contains)
        .take(MAX_ZONES)
        .map(str::to_string)
        .collect()
}

fn item(label: String, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label,
        kind: Some(kind),
        ..CompletionItem::default()
    }
}
