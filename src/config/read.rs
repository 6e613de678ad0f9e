//! Reading each key of `postmortem.yml` into [`Settings`] (the readers
//! `keys::KEYS` names), reporting wrong types, unknown rules and unusable
//! values with their position.

use super::{RuleSetting, Settings};
use crate::diagnostic::Rule;
use crate::document::zone;
use crate::suggest::did_you_mean;
use crate::yaml::fields::Fields;
use crate::yaml::{self, Entry, Node};

/// `dir`.
pub(super) fn dir(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    if let Some(dir) = fields.text(node, text, "`dir`") {
        settings.dir = dir.value.into();
    }
}

/// `timezone`.
pub(super) fn timezone(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.timezone = zone_name(node, text, fields);
}

/// `severities`.
pub(super) fn severities(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.severities = pairs(node, text, fields, "`severities`");
}

/// `update_interval`.
pub(super) fn update_interval(
    settings: &mut Settings,
    node: &Node,
    text: &str,
    fields: &mut Fields,
) {
    settings.update_interval = duration(node, text, fields, "`update_interval`");
}

/// `blameless`.
pub(super) fn blameless(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.blameless = fields
        .text_list(node, text, "a phrase")
        .into_iter()
        .map(|p| p.value.to_lowercase())
        .collect();
}

/// `lang`.
pub(super) fn lang(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    if let Some(lang) = fields.text(node, text, "`lang`") {
        settings.lang = lang.value;
    }
}

/// `front_matter`.
pub(super) fn front_matter(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    let names = &super::FrontMatter::NAMES;
    if let Some(flavour) = fields
        .choice(node, text, "`front_matter`", names)
        .and_then(|f| super::FrontMatter::from_name(&f.value))
    {
        settings.front_matter = flavour;
    }
}

/// `extra_keys`.
pub(super) fn extra_keys(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.extra_keys = extra_key_list(node, text, fields);
}

/// `sections`.
pub(super) fn sections(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.sections = section_list(node, text, fields);
}

/// `rules`.
pub(super) fn rules(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.rules = rule_levels(node, text, fields);
}

/// `duration_tolerance`.
pub(super) fn tolerance(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.duration_tolerance = tolerance_of(node, text, fields);
}

/// `action_sla`.
pub(super) fn sla(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.action_sla = sla_of(node, text, fields);
}

/// `trackers`.
pub(super) fn trackers(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.trackers = super::trackers::read(node, text, fields);
}

/// `templates`.
pub(super) fn templates(settings: &mut Settings, node: &Node, text: &str, fields: &mut Fields) {
    settings.templates = fields
        .text(node, text, "`templates`")
        .map(|t| t.value.into());
}

/// `extra_keys`: names that are not the format's own keys (those are read
/// and checked as the format says, whatever this list holds).
fn extra_key_list(node: &Node, text: &str, fields: &mut Fields) -> Vec<String> {
    let mut keys = Vec::new();
    for key in fields.text_list(node, text, "a key") {
        if crate::document::schema::TOP.contains(&key.value.as_str()) {
            fields.report(
                key.span,
                format!("`{}` is a key of the postmortem format itself", key.value),
                Some("leave it out of `extra_keys`".into()),
            );
        } else {
            keys.push(key.value);
        }
    }
    keys
}

fn zone_name(node: &Node, text: &str, fields: &mut Fields) -> Option<String> {
    let name = fields.text(node, text, "`timezone`")?;
    if let Err(suggestion) = zone::parse_zone(&name.value) {
        let help = suggestion.map(|s| format!("did you mean `{s}`?"));
        fields.report(
            name.span,
            format!("`{}` is not an IANA time zone name", name.value),
            help,
        );
        return None;
    }
    Some(name.value)
}

fn pairs(node: &Node, text: &str, fields: &mut Fields, what: &str) -> Vec<(String, String)> {
    let Some(entries) = any_mapping(node, fields, what) else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| {
            (
                e.key.value.clone(),
                fields
                    .text(&e.value, text, what)
                    .map(|v| v.value)
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn any_mapping<'n>(node: &'n Node, fields: &mut Fields, what: &str) -> Option<&'n [Entry]> {
    match &node.value {
        yaml::Value::Map(entries) => Some(entries),
        _ => {
            fields.report(
                node.span,
                format!("{what} should be a mapping, found {}", node.type_name()),
                None,
            );
            None
        }
    }
}

fn section_list(node: &Node, text: &str, fields: &mut Fields) -> Vec<(String, Vec<String>)> {
    let Some(entries) = any_mapping(node, fields, "`sections`") else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| {
            let aliases = fields
                .text_list(&e.value, text, "an alias")
                .into_iter()
                .map(|a| a.value)
                .collect();
            (e.key.value.clone(), aliases)
        })
        .collect()
}

fn rule_levels(node: &Node, text: &str, fields: &mut Fields) -> [Option<RuleSetting>; Rule::COUNT] {
    let mut out = [None; Rule::COUNT];
    let Some(entries) = any_mapping(node, fields, "`rules`") else {
        return out;
    };
    let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    for e in entries {
        let Some(rule) = Rule::from_id(&e.key.value) else {
            let help = did_you_mean(&e.key.value, &ids).map(|r| format!("did you mean `{r}`?"));
            fields.report(e.key.span, format!("unknown rule `{}`", e.key.value), help);
            continue;
        };
        // Unquoted `off` is a YAML 1.1 boolean; it can only mean the level.
        if e.value.value == yaml::Value::Bool(false) {
            out[rule.index()] = Some(RuleSetting::Off);
            continue;
        }
        let level = match fields.choice(&e.value, text, "rule level", &["error", "warning", "off"])
        {
            Some(l) if l.value == "error" => RuleSetting::Error,
            Some(l) if l.value == "warning" => RuleSetting::Warning,
            Some(_) => RuleSetting::Off,
            None => continue,
        };
        out[rule.index()] = Some(level);
    }
    out
}

fn duration(node: &Node, text: &str, fields: &mut Fields, what: &str) -> Option<i64> {
    let value = fields.text(node, text, what)?;
    let minutes = crate::duration::parse(&value.value);
    if minutes.is_none() {
        fields.report(
            value.span,
            format!("`{}` is not a duration", value.value),
            Some("write it like `1h`, `90m` or `2w`".into()),
        );
    }
    minutes
}

fn tolerance_of(node: &Node, text: &str, fields: &mut Fields) -> (i64, f64) {
    let entries = fields.mapping(node, "`duration_tolerance`", &["minutes", "percent"]);
    let mut tolerance = Settings::default().duration_tolerance;
    for e in entries {
        let number = match e.value.value {
            yaml::Value::Int(i) if i >= 0 => i as f64,
            yaml::Value::Float(f) if f >= 0.0 => f,
            _ => {
                fields.report(
                    e.value.span,
                    format!(
                        "`{}` should be a number, found `{}`",
                        e.key.value,
                        yaml::fields::raw(text, e.value.span)
                    ),
                    None,
                );
                continue;
            }
        };
        match e.key.value.as_str() {
            "minutes" => tolerance.0 = number as i64,
            _ => tolerance.1 = number,
        }
    }
    tolerance
}

fn sla_of(node: &Node, text: &str, fields: &mut Fields) -> Vec<(String, i64)> {
    let entries = fields.mapping(node, "`action_sla`", crate::document::schema::PRIORITIES);
    entries
        .iter()
        .filter_map(|e| {
            Some((
                e.key.value.clone(),
                duration(&e.value, text, fields, "an SLA")?,
            ))
        })
        .collect()
}
