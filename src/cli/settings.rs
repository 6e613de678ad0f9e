//! `postmortem config`: the configuration in force, as YAML that could be
//! saved as `postmortem.yml`, with where each value came from.

use crate::cli::Failure;
use crate::output;
use postmortem::Rule;
use postmortem::author::emit::{list, scalar};
use postmortem::config::{Config, RuleSetting};
use postmortem::duration::format as duration;
use std::process::ExitCode;

pub(super) fn show(config: &Config) -> Result<ExitCode, Failure> {
    let s = &config.settings;
    let mut out = match &config.path {
        Some(path) => format!("# read from {}\n", path.display()),
        None => "# no postmortem.yml found here or above: every value is the default\n".to_string(),
    };
    let mut line = |key: &str, value: String| {
        let origin = config.origin(key);
        out.push_str(&match value.strip_prefix('\n') {
            Some(block) => format!("{key}:  # {origin}\n{block}\n"),
            None => format!("{key}:{value}  # {origin}\n"),
        });
    };
    line("dir", format!(" {}", scalar(&s.dir.to_string_lossy())));
    line(
        "timezone",
        format!(" {}", s.timezone.as_deref().map_or("~".into(), scalar)),
    );
    line(
        "severities",
        block(s.severities.iter().map(|(k, v)| (k.clone(), scalar(v)))),
    );
    line(
        "sections",
        block(s.sections.iter().map(|(k, v)| (k.clone(), list(v)))),
    );
    line(
        "rules",
        block(
            Rule::ALL
                .iter()
                .filter_map(|&rule| Some((rule.id().to_string(), level_name(s.rule(rule)?)))),
        ),
    );
    let (minutes, percent) = s.duration_tolerance;
    line(
        "duration_tolerance",
        format!(" {{minutes: {minutes}, percent: {percent}}}"),
    );
    line(
        "update_interval",
        format!(" {}", s.update_interval.map_or("~".into(), duration)),
    );
    line(
        "action_sla",
        block(s.action_sla.iter().map(|(k, v)| (k.clone(), duration(*v)))),
    );
    line("blameless", format!(" {}", list(&s.blameless)));
    line("extra_keys", format!(" {}", list(&s.extra_keys)));
    line("lang", format!(" {}", scalar(&s.lang)));
    line("front_matter", format!(" {}", s.front_matter.name()));
    let templates = s.templates.as_ref().map(|t| t.to_string_lossy());
    line(
        "templates",
        format!(" {}", templates.map_or("~".into(), |t| scalar(&t))),
    );
    output::print(&out);
    Ok(ExitCode::SUCCESS)
}

/// A rule level as `postmortem.yml` writes it.
fn level_name(level: RuleSetting) -> String {
    match level {
        RuleSetting::Error => "error",
        RuleSetting::Warning => "warning",
        RuleSetting::Off => "off",
    }
    .to_string()
}

/// A nested mapping on the lines after its key, or `{}` when empty.
fn block(pairs: impl Iterator<Item = (String, String)>) -> String {
    let lines: Vec<String> = pairs
        .map(|(k, v)| format!("\n  {}: {v}", scalar(&k)))
        .collect();
    if lines.is_empty() {
        " {}".into()
    } else {
        lines.concat()
    }
}
