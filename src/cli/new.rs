//! `postmortem new [TITLE]`: start a postmortem from flags, from prompts at a
//! terminal, or from a YAML front matter file (`--from`).

use super::destination::{Destination, deliver};
use crate::cli::Failure;
use crate::output;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use postmortem::author::draft::{self, Defaults, Given, Prompter};
use postmortem::author::skeleton;
use postmortem::config::{Config, Settings};
use postmortem::document::argument;
use postmortem::report;
use postmortem::span::Span;
use postmortem::{diagnostic::Severity, lint};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The postmortem's title.
    title: Option<String>,
    /// Severity: one of the project's `severities` (postmortem.yml; SEV1 to SEV4 by default, `postmortem config` lists them).
    #[arg(long)]
    severity: Option<String>,
    /// When impact started: `now`, `14:30` (its occurrence nearest to now:
    /// typed the morning after, `23:41` is last night), or `2026-05-14 14:30`.
    #[arg(long, value_name = "TIME")]
    start: Option<String>,
    /// Time zone: an IANA name, a city or an abbreviation (default: postmortem.yml's `timezone`, else the system's: `TZ`, else /etc/localtime).
    #[arg(long)]
    timezone: Option<String>,
    /// An affected service (repeatable).
    #[arg(long = "service", value_name = "NAME")]
    services: Vec<String>,
    /// An author (repeatable).
    #[arg(long = "author", value_name = "NAME")]
    authors: Vec<String>,
    /// Scaffold from a YAML front matter file (`-` reads standard input).
    #[arg(long, value_name = "FILE.yaml", conflicts_with_all = ["title", "severity", "start", "timezone", "services", "authors"])]
    from: Option<PathBuf>,
    /// Never prompt, even at a terminal.
    #[arg(long)]
    no_input: bool,
    #[command(flatten)]
    destination: Destination,
    /// The time to treat as now (see `lint --now`).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    let now = super::now(args.now.as_deref())?;
    let settings = &config.settings;
    if let Some(from) = &args.from {
        return from_yaml(from, &args.destination, now, settings);
    }
    let interactive =
        !args.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    // The terminal (and its Ctrl-C handler) only when there will be prompts.
    let mut terminal = interactive.then(output::prompt::Terminal::new);
    let prompter = terminal.as_mut().map(|t| t as &mut dyn Prompter);
    let mut given = args_answers(&args);
    given.timezone = given.timezone.or_else(|| settings.timezone.clone());
    if let Some(note) = given.timezone.as_deref().and_then(argument::zone_note) {
        output::message("note", &note);
    }
    let defaults = Defaults {
        zone: system_zone(),
        author: if interactive { git_user_name() } else { None },
    };
    let draft = draft::draft(given, now, prompter, &settings.severities, &defaults)?;
    let text = skeleton::document(&draft, &settings.sections);
    let name = skeleton::file_name(draft.start.date_naive(), &draft.title);
    deliver(&args.destination, &settings.dir, &name, &text)
}

fn args_answers(args: &Args) -> Given {
    Given {
        title: args.title.clone(),
        severity: args.severity.clone(),
        start: args.start.clone(),
        timezone: args.timezone.clone(),
        services: args.services.clone(),
        authors: args.authors.clone(),
    }
}

/// `git config user.name`, when git is there and has one.
fn git_user_name() -> Option<String> {
    let output = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !name.is_empty()).then_some(name)
}

/// The system's zone as an IANA name: `TZ` when it names one (as `date`
/// reads it; a leading `:` is allowed), else the system's setting, else UTC.
fn system_zone() -> Tz {
    let from_env = std::env::var("TZ")
        .ok()
        .and_then(|tz| tz.trim_start_matches(':').parse::<Tz>().ok());
    from_env
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|name| name.parse().ok())
        })
        .unwrap_or(Tz::UTC)
}

fn from_yaml(
    path: &Path,
    destination: &Destination,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<ExitCode, Failure> {
    let yaml = super::read_input(path)?;
    let yaml = String::from_utf8_lossy(&yaml).into_owned();
    let mut text = format!("---\n{yaml}");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let yaml_end = text.len();
    text.push_str("---\n");
    text.push_str(&postmortem::author::front::skeleton(
        &settings.sections,
        None,
    ));
    let options = super::checked::options(now, settings);
    let checked = lint::check(&text, &options);
    // Only the errors, placed in the YAML file: the rest of the composed
    // text is the skeleton, not the author's.
    // Report against the YAML file: its byte 0 is byte 4 of the composed text.
    let findings: Vec<_> = checked
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.span.start < yaml_end)
        .map(|mut f| {
            f.span = Span::new(
                f.span.start.saturating_sub(4),
                f.span.end.saturating_sub(4).min(yaml.len()),
            );
            f
        })
        .collect();
    let shown = report::display_path(path);
    let document = super::checked::check_or_refuse(&shown, &yaml, &findings, checked.document);
    let Some(document) = document else {
        output::message(
            "error",
            &format!("{shown} cannot start a postmortem; fix the errors above"),
        );
        return Ok(ExitCode::from(1));
    };
    let title = document
        .title
        .as_ref()
        .map_or("postmortem", |t| t.value.as_str());
    let date = document.began_on().unwrap_or_else(|| now.date_naive());
    deliver(
        destination,
        &settings.dir,
        &skeleton::file_name(date, title),
        &text,
    )
}
