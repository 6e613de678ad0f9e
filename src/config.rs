//! The project configuration, `postmortem.yml`: found by walking up from the
//! current folder (or given with `--config`), read with the same spanned YAML
//! reader as the front matter so unknown keys are rejected with their line.

use crate::diagnostic::Rule;
use crate::document::body::Canonical;
use crate::document::fields::{Fields, did_you_mean};
use crate::document::span::{LineIndex, Span};
use crate::document::yaml::{self, Entry, Node};
use crate::document::{time, zone};
use crate::error::Error;
use std::path::{Path, PathBuf};

/// The configuration file's name.
pub const FILE_NAME: &str = "postmortem.yml";

/// Every setting, with its value in force.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Where postmortems live (default `postmortems`).
    pub dir: PathBuf,
    /// The zone for new documents (default: the system's).
    pub timezone: Option<String>,
    /// Allowed severities with a one-line meaning each.
    pub severities: Vec<(String, String)>,
    /// Required body sections and the headings accepted for each.
    pub sections: Vec<(String, Vec<String>)>,
    /// Rule levels set by the project.
    pub rules: Vec<(Rule, RuleSetting)>,
    /// `duration-claim` tolerance: the larger of minutes and percent.
    pub duration_tolerance: (i64, f64),
    /// `update-gap`: longest gap between public updates while impact lasts, in minutes.
    pub update_interval: Option<i64>,
    /// `action-sla`: longest time from the incident's end to `due`, per priority, in minutes.
    pub action_sla: Vec<(String, i64)>,
    /// Extra phrases for `blameless-language`.
    pub blameless: Vec<String>,
    /// A folder of templates overriding the built-in ones.
    pub templates: Option<PathBuf>,
}

/// A level a project gives a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    /// Always an error.
    Error,
    /// Always a warning.
    Warning,
    /// Not run.
    Off,
}

impl Default for Settings {
    fn default() -> Self {
        let meanings = [
            "critical: a core service down or data lost for many customers",
            "major: a core feature broken or badly degraded for many customers",
            "minor: partial degradation, a workaround exists, or few customers",
            "low: little customer impact; worth learning from",
        ];
        Settings {
            dir: PathBuf::from("postmortems"),
            timezone: None,
            severities: crate::document::schema::SEVERITIES
                .iter()
                .zip(meanings)
                .map(|(s, m)| (s.to_string(), m.to_string()))
                .collect(),
            sections: Canonical::REQUIRED
                .iter()
                .map(|c| {
                    (
                        c.heading().to_string(),
                        c.aliases().iter().map(|a| a.to_string()).collect(),
                    )
                })
                .collect(),
            rules: Vec::new(),
            duration_tolerance: (5, 5.0),
            update_interval: None,
            action_sla: Vec::new(),
            blameless: Vec::new(),
            templates: None,
        }
    }
}

/// The settings and where each came from.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The values in force.
    pub settings: Settings,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// The keys the file set, with their line.
    pub set: Vec<(String, usize)>,
}

const KEYS: &[&str] = &[
    "dir",
    "timezone",
    "severities",
    "sections",
    "rules",
    "duration_tolerance",
    "update_interval",
    "action_sla",
    "blameless",
    "templates",
];

impl Config {
    /// The file named by `--config`, or the nearest `postmortem.yml` at or
    /// above `start`, or the defaults when there is none.
    pub fn find(explicit: Option<&Path>, start: &Path) -> Result<Config, Error> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        let found = start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file());
        found.map_or_else(|| Ok(Config::default()), |path| Config::load(&path))
    }

    /// Reads `path`.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, &e))?;
        Config::parse(&text, path)
    }

    /// Reads the text of a configuration file at `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Error> {
        let problem = |span: Span, message: String| {
            let at = LineIndex::new(text).position(text, span.start);
            Error::Config {
                path: path.to_path_buf(),
                problems: format!("  {}:{}:{}: {message}", path.display(), at.line, at.column),
            }
        };
        let root = yaml::parse(text, 0).map_err(|e| problem(e.span, e.message))?;
        let mut fields = Fields::default();
        let mut config = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        let index = LineIndex::new(text);
        for entry in fields.mapping(&root, "the configuration", KEYS) {
            config.set.push((
                entry.key.value.clone(),
                index.position(text, entry.key.span.start).line,
            ));
            read(&mut config.settings, entry, text, &mut fields);
        }
        if fields.findings.is_empty() {
            return Ok(config);
        }
        let problems: Vec<String> = fields
            .findings
            .iter()
            .map(|f| {
                let at = index.position(text, f.span.start);
                let help = f
                    .help
                    .as_ref()
                    .map_or_else(String::new, |h| format!(" ({h})"));
                format!(
                    "  {}:{}:{}: {}{help}",
                    path.display(),
                    at.line,
                    at.column,
                    f.message
                )
            })
            .collect();
        Err(Error::Config {
            path: path.to_path_buf(),
            problems: problems.join("\n"),
        })
    }

    /// Where `key` came from: `postmortem.yml:LINE` or `default`.
    pub fn origin(&self, key: &str) -> String {
        match (self.set.iter().find(|(k, _)| k == key), &self.path) {
            (Some((_, line)), Some(path)) => format!("{}:{line}", path.display()),
            _ => "default".into(),
        }
    }
}

fn read(settings: &mut Settings, entry: &Entry, text: &str, fields: &mut Fields) {
    let node = &entry.value;
    match entry.key.value.as_str() {
        "dir" => {
            settings.dir = fields
                .text(node, text, "`dir`")
                .map_or(settings.dir.clone(), |d| d.value.into())
        }
        "timezone" => settings.timezone = timezone(node, text, fields),
        "severities" => settings.severities = pairs(node, text, fields, "`severities`"),
        "sections" => settings.sections = sections(node, text, fields),
        "rules" => settings.rules = rules(node, text, fields),
        "duration_tolerance" => settings.duration_tolerance = tolerance(node, text, fields),
        "update_interval" => {
            settings.update_interval = duration(node, text, fields, "`update_interval`")
        }
        "action_sla" => settings.action_sla = sla(node, text, fields),
        "blameless" => {
            settings.blameless = fields
                .text_list(node, text, "a phrase")
                .into_iter()
                .map(|p| p.value.to_lowercase())
                .collect()
        }
        _ => {
            settings.templates = fields
                .text(node, text, "`templates`")
                .map(|t| t.value.into())
        }
    }
}

fn timezone(node: &Node, text: &str, fields: &mut Fields) -> Option<String> {
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

fn sections(node: &Node, text: &str, fields: &mut Fields) -> Vec<(String, Vec<String>)> {
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

fn rules(node: &Node, text: &str, fields: &mut Fields) -> Vec<(Rule, RuleSetting)> {
    let Some(entries) = any_mapping(node, fields, "`rules`") else {
        return Vec::new();
    };
    let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    let mut out = Vec::new();
    for e in entries {
        let Some(rule) = Rule::from_id(&e.key.value) else {
            let help = did_you_mean(&e.key.value, &ids).map(|r| format!("did you mean `{r}`?"));
            fields.report(e.key.span, format!("unknown rule `{}`", e.key.value), help);
            continue;
        };
        // Unquoted `off` is a YAML 1.1 boolean; it can only mean the level.
        if e.value.value == yaml::Value::Bool(false) {
            out.push((rule, RuleSetting::Off));
            continue;
        }
        let level = match fields.choice(&e.value, text, "rule level", &["error", "warning", "off"])
        {
            Some(l) if l.value == "error" => RuleSetting::Error,
            Some(l) if l.value == "warning" => RuleSetting::Warning,
            Some(_) => RuleSetting::Off,
            None => continue,
        };
        out.push((rule, level));
    }
    out
}

fn duration(node: &Node, text: &str, fields: &mut Fields, what: &str) -> Option<i64> {
    let value = fields.text(node, text, what)?;
    let minutes = time::parse_duration(&value.value);
    if minutes.is_none() {
        fields.report(
            value.span,
            format!("`{}` is not a duration", value.value),
            Some("write it like `1h`, `90m` or `2w`".into()),
        );
    }
    minutes
}

fn tolerance(node: &Node, text: &str, fields: &mut Fields) -> (i64, f64) {
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
                        crate::document::fields::raw(text, e.value.span)
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

fn sla(node: &Node, text: &str, fields: &mut Fields) -> Vec<(String, i64)> {
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
