//! `postmortem new [TITLE]`: start a postmortem from flags, from prompts at a
//! terminal, or from a YAML front matter file (`--from`).

use super::destination::{Destination, deliver};
use crate::output::{self, prompt::Prompter};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use postmortem::author::skeleton::{self, Draft};
use postmortem::config::{Config, Settings};
use postmortem::document::{argument, span::Span, zone};
use postmortem::report;
use postmortem::{Error, diagnostic::Severity, lint};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The postmortem's title.
    title: Option<String>,
    /// Severity: SEV1 (critical) to SEV4 (minor).
    #[arg(long)]
    severity: Option<String>,
    /// When impact started: `now`, `14:30` (its occurrence nearest to now:
    /// typed the morning after, `23:41` is last night), or `2026-05-14 14:30`.
    #[arg(long, value_name = "TIME")]
    start: Option<String>,
    /// IANA time zone (default: the system's).
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

pub fn run(args: Args, config: &Config) -> Result<ExitCode, Error> {
    let now = super::now(args.now.as_deref())?;
    let settings = &config.settings;
    if let Some(from) = &args.from {
        return from_yaml(from, &args.destination, now, settings);
    }
    let interactive =
        !args.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let mut terminal = output::prompt::Terminal::new();
    let prompter: Option<&mut dyn Prompter> = if interactive {
        Some(&mut terminal)
    } else {
        None
    };
    let mut given = args_answers(&args);
    given.timezone = given.timezone.or_else(|| settings.timezone.clone());
    let draft = draft(given, now, prompter, &settings.severities)?;
    let text = skeleton::document(&draft);
    let name = skeleton::file_name(draft.start.date_naive(), &draft.title);
    deliver(&args.destination, &settings.dir, &name, &text)
}

/// What the flags gave.
pub struct Given {
    pub title: Option<String>,
    pub severity: Option<String>,
    pub start: Option<String>,
    pub timezone: Option<String>,
    pub services: Vec<String>,
    pub authors: Vec<String>,
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

/// Completes what the flags gave, asking `prompter` (when there is one) for
/// what is missing.
pub fn draft(
    given: Given,
    now: DateTime<Utc>,
    mut prompter: Option<&mut dyn Prompter>,
    severities: &[(String, String)],
) -> Result<Draft, Error> {
    let title = match (given.title, prompter.as_deref_mut()) {
        (Some(title), _) => title,
        (None, Some(p)) => p.text("Title", None, &|t| non_empty(t))?,
        (None, None) => {
            return Err(Error::Missing {
                what: "a title",
                how: "pass it as the first argument (`postmortem new \"What broke\"`), or run in a terminal to be asked",
            });
        }
    };
    let severity = match (given.severity, prompter.as_deref_mut()) {
        (Some(s), _) => Some(checked_severity(s, severities)?),
        (None, Some(p)) => Some(ask_severity(p, severities)?),
        (None, None) => None,
    };
    let zone = match (given.timezone, prompter.as_deref_mut()) {
        (Some(name), _) => super::zone_arg("--timezone", &name)?,
        (None, Some(p)) => ask_zone(p)?,
        (None, None) => system_zone(),
    };
    let start = match (given.start, prompter.as_deref_mut()) {
        (Some(text), _) => {
            argument::instant(&text, zone, now).map_err(|reason| Error::Invalid {
                what: "--start",
                value: text,
                reason,
            })?
        }
        (None, Some(p)) => {
            let answer = p.text("Impact start", Some("now"), &|t| {
                argument::instant(t, zone, now).map(|_| ())
            })?;
            argument::instant(&answer, zone, now).unwrap_or_else(|_| now.fixed_offset())
        }
        (None, None) => now.fixed_offset(),
    };
    let start = start.with_timezone(&zone);
    let services = ask_list(
        prompter.as_deref_mut(),
        given.services,
        "Services affected",
        None,
    )?;
    let authors = ask_list(prompter, given.authors, "Authors", Some(git_user_name))?;
    Ok(Draft {
        title,
        severity,
        start,
        timezone: zone.name().to_string(),
        services,
        authors,
    })
}

/// A comma-separated list: as given, or asked when none was given and
/// there is a terminal, with `default` (when it has one) as the answer Enter keeps.
fn ask_list<'p>(
    prompter: Option<&mut (dyn Prompter + 'p)>,
    given: Vec<String>,
    what: &str,
    default: Option<fn() -> Option<String>>,
) -> Result<Vec<String>, Error> {
    match (given.is_empty(), prompter) {
        (true, Some(p)) => {
            let default = default.and_then(|d| d()).unwrap_or_default();
            let prompt = format!("{what} (comma-separated)");
            Ok(split_list(&p.text(&prompt, Some(&default), &|_| Ok(()))?))
        }
        _ => Ok(given),
    }
}

fn non_empty(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err("a title is needed".into())
    } else {
        Ok(())
    }
}

fn ask_severity(p: &mut dyn Prompter, severities: &[(String, String)]) -> Result<String, Error> {
    let items: Vec<String> = severities
        .iter()
        .map(|(s, m)| format!("{s}  {m}"))
        .collect();
    let default = 1.min(items.len().saturating_sub(1));
    let index = p.select("Severity", &items, default)?;
    Ok(severities
        .get(index)
        .map(|(s, _)| s.clone())
        .unwrap_or_default())
}

fn checked_severity(severity: String, severities: &[(String, String)]) -> Result<String, Error> {
    // `sev1` on the command line is the configured `SEV1`.
    if let Some((name, _)) = severities
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(severity.trim()))
    {
        return Ok(name.clone());
    }
    let names: Vec<&str> = severities.iter().map(|(s, _)| s.as_str()).collect();
    Err(Error::Invalid {
        what: "--severity",
        value: severity,
        reason: format!("use one of {}", names.join(", ")),
    })
}

/// Asks for the zone: Enter keeps the system's; an IANA name, a city, a
/// region or an abbreviation (`Europe/Berlin`, `los angeles`, `pacific`,
/// `PST`) is looked up, and when it fits several zones they are offered,
/// best first, narrowed further by typing.
fn ask_zone(p: &mut dyn Prompter) -> Result<Tz, Error> {
    let default = system_zone();
    let answer = p.text(
        "Time zone (a zone, city, region or abbreviation)",
        Some(default.name()),
        &|t| match zone::search(t).is_empty() {
            true => Err(format!(
                "no time zone matches `{}`: try Europe/Berlin, los angeles, pacific or PST",
                t.trim()
            )),
            false => Ok(()),
        },
    )?;
    let found = zone::search(&answer);
    if let [zone] = found.as_slice() {
        return Ok(*zone);
    }
    let names: Vec<String> = found.iter().map(|z| z.name().to_string()).collect();
    let index = p.search("Which one? (type to filter)", &names, 0)?;
    Ok(found.get(index).copied().unwrap_or(default))
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

/// The system's zone as an IANA name, or UTC when it cannot be told.
fn system_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| name.parse().ok())
        .unwrap_or(Tz::UTC)
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn from_yaml(
    path: &Path,
    destination: &Destination,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<ExitCode, Error> {
    let yaml = super::read_input(path)?;
    let yaml = String::from_utf8_lossy(&yaml).into_owned();
    let mut text = format!("---\n{yaml}");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let yaml_end = text.len();
    text.push_str("---\n");
    text.push_str(&skeleton::body());
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
