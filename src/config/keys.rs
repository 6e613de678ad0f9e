//! Every key of `postmortem.yml`, one row each, as `rule_table.rs` is for
//! rules: its name, who reads it (the project, lint or rendering), how it
//! is read (`read.rs`) and how `postmortem config` shows it. A new setting
//! is one row here and a field of [`Settings`].

use super::read;
use super::{RuleSetting, Settings};
use crate::diagnostic::Rule;
use crate::duration::format as duration;
use crate::yaml::Node;
use crate::yaml::fields::Fields;

/// Who reads a setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consumer {
    /// Every command: where postmortems are, their zone.
    Project,
    /// The linter's rules.
    Lint,
    /// Rendering and the site.
    Render,
}

/// A setting's value as `postmortem config` writes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// Text, quoted when YAML needs it; `~` when unset.
    Text(Option<String>),
    /// Written as it is (a number, a duration, a name).
    Plain(String),
    /// A flow list of text.
    List(Vec<String>),
    /// A mapping, a line per key.
    Map(Vec<(String, Shown)>),
}

/// One key of `postmortem.yml`.
#[derive(Clone, Copy)]
pub struct Key {
    /// As written in the file.
    pub name: &'static str,
    /// Who reads it.
    pub consumer: Consumer,
    /// Reads the key's value into the settings; problems go to `fields`.
    pub(super) read: fn(&mut Settings, &Node, &str, &mut Fields),
    /// The value in force.
    pub show: fn(&Settings) -> Shown,
}

/// Every key, in the order `postmortem config` shows them.
pub const KEYS: &[Key] = &[
    Key {
        name: "dir",
        consumer: Consumer::Project,
        read: read::dir,
        show: |s| Shown::Text(Some(s.dir.to_string_lossy().into_owned())),
    },
    Key {
        name: "timezone",
        consumer: Consumer::Project,
        read: read::timezone,
        show: |s| Shown::Text(s.timezone.clone()),
    },
    Key {
        name: "severities",
        consumer: Consumer::Lint,
        read: read::severities,
        show: |s| {
            Shown::Map(
                s.severities
                    .iter()
                    .map(|(k, v)| (k.clone(), Shown::Text(Some(v.clone()))))
                    .collect(),
            )
        },
    },
    Key {
        name: "sections",
        consumer: Consumer::Lint,
        read: read::sections,
        show: |s| {
            Shown::Map(
                s.sections
                    .iter()
                    .map(|(k, v)| (k.clone(), Shown::List(v.clone())))
                    .collect(),
            )
        },
    },
    Key {
        name: "rules",
        consumer: Consumer::Lint,
        read: read::rules,
        show: rules,
    },
    Key {
        name: "duration_tolerance",
        consumer: Consumer::Lint,
        read: read::tolerance,
        show: |s| {
            Shown::Plain(format!(
                "{{minutes: {}, percent: {}}}",
                s.duration_tolerance.0, s.duration_tolerance.1
            ))
        },
    },
    Key {
        name: "update_interval",
        consumer: Consumer::Lint,
        read: read::update_interval,
        show: |s| Shown::Plain(s.update_interval.map_or("~".into(), duration)),
    },
    Key {
        name: "action_sla",
        consumer: Consumer::Lint,
        read: read::sla,
        show: |s| {
            Shown::Map(
                s.action_sla
                    .iter()
                    .map(|(k, v)| (k.clone(), Shown::Plain(duration(*v))))
                    .collect(),
            )
        },
    },
    Key {
        name: "blameless",
        consumer: Consumer::Lint,
        read: read::blameless,
        show: |s| Shown::List(s.blameless.clone()),
    },
    Key {
        name: "extra_keys",
        consumer: Consumer::Lint,
        read: read::extra_keys,
        show: |s| Shown::List(s.extra_keys.clone()),
    },
    Key {
        name: "lang",
        consumer: Consumer::Render,
        read: read::lang,
        show: |s| Shown::Text(Some(s.lang.clone())),
    },
    Key {
        name: "front_matter",
        consumer: Consumer::Render,
        read: read::front_matter,
        show: |s| Shown::Plain(s.front_matter.name().to_string()),
    },
    Key {
        name: "templates",
        consumer: Consumer::Render,
        read: read::templates,
        show: |s| {
            Shown::Text(
                s.templates
                    .as_ref()
                    .map(|t| t.to_string_lossy().into_owned()),
            )
        },
    },
    Key {
        name: "trackers",
        consumer: Consumer::Project,
        read: read::trackers,
        show: trackers,
    },
];

/// `trackers:`, a flow mapping per tracker; secrets are never settings, so
/// there are none to hide.
fn trackers(settings: &Settings) -> Shown {
    let text = |value: &str| Shown::Text(Some(value.to_string()));
    let pairs = |pairs: &[(String, String)]| {
        Shown::Map(pairs.iter().map(|(k, v)| (k.clone(), text(v))).collect())
    };
    let t = &settings.trackers;
    let mut out = Vec::new();
    if let Some(g) = &t.github {
        let fields = vec![
            ("repo".into(), text(&g.repo)),
            ("api_url".into(), text(&g.api_url)),
            ("labels".into(), Shown::List(g.labels.clone())),
            ("owners".into(), pairs(&g.owners)),
        ];
        out.push(("github".into(), Shown::Map(fields)));
    }
    if let Some(j) = &t.jira {
        let fields = vec![
            ("url".into(), text(&j.url)),
            ("project".into(), text(&j.project)),
            ("issue_type".into(), text(&j.issue_type)),
            ("labels".into(), Shown::List(j.labels.clone())),
            ("priorities".into(), pairs(&j.priorities)),
        ];
        out.push(("jira".into(), Shown::Map(fields)));
    }
    if let Some(l) = &t.linear {
        let fields = vec![
            ("team".into(), text(&l.team)),
            ("api_url".into(), text(&l.api_url)),
        ];
        out.push(("linear".into(), Shown::Map(fields)));
    }
    Shown::Map(out)
}

/// The rules the project sets, by id, with their level.
fn rules(settings: &Settings) -> Shown {
    let level = |setting: RuleSetting| match setting {
        RuleSetting::Error => "error",
        RuleSetting::Warning => "warning",
        RuleSetting::Off => "off",
    };
    Shown::Map(
        Rule::ALL
            .iter()
            .filter_map(|&rule| {
                let set = settings.rule(rule)?;
                Some((rule.id().to_string(), Shown::Plain(level(set).to_string())))
            })
            .collect(),
    )
}

/// The names of every key, for the reader's unknown-key check.
pub(super) fn names() -> Vec<&'static str> {
    KEYS.iter().map(|key| key.name).collect()
}
