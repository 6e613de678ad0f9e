//! Completing a new postmortem's draft from what the flags gave, asking a
//! [`Prompter`] (a terminal, or a script in tests) for the rest: title,
//! severity, time zone (looked up from a city, region or abbreviation),
//! impact start, services and authors.

use super::skeleton::Draft;
use crate::Error;
use crate::document::{argument, zone};
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;

/// The questions `new` may ask.
pub trait Prompter {
    /// Free text; `validate` returns an error message for unusable answers.
    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String, Error>;
    /// One of `items`, by index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Error>;
    /// One of many `items`, narrowed by typing.
    fn search(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Error>;
}

/// What the flags gave.
pub struct Given {
    /// `TITLE`, the first argument.
    pub title: Option<String>,
    /// `--severity`.
    pub severity: Option<String>,
    /// `--start`, as typed.
    pub start: Option<String>,
    /// `--timezone`, or the configured `timezone`.
    pub timezone: Option<String>,
    /// `--service`, repeated.
    pub services: Vec<String>,
    /// `--author`, repeated.
    pub authors: Vec<String>,
}

/// What a question offers when nothing was given.
pub struct Defaults {
    /// The zone Enter keeps, and the zone without prompts.
    pub zone: Tz,
    /// The author Enter keeps (git's `user.name`).
    pub author: Option<String>,
}

/// Completes what the flags gave, asking `prompter` (when there is one) for
/// what is missing.
pub fn draft(
    given: Given,
    now: DateTime<Utc>,
    mut prompter: Option<&mut dyn Prompter>,
    severities: &[(String, String)],
    defaults: &Defaults,
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
        (Some(name), _) => argument::zone("--timezone", &name)?,
        (None, Some(p)) => ask_zone(p, defaults.zone)?,
        (None, None) => defaults.zone,
    };
    let start = ask_start(prompter.as_deref_mut(), given.start, zone, now)?;
    let services = ask_list(
        prompter.as_deref_mut(),
        given.services,
        "Services affected",
        None,
    )?;
    let authors = ask_list(
        prompter,
        given.authors,
        "Authors",
        defaults.author.as_deref(),
    )?;
    Ok(Draft {
        title,
        severity,
        start,
        timezone: zone.name().to_string(),
        services,
        authors,
    })
}

/// When impact started, in `zone`: `--start` as typed, else asked (Enter
/// means now), else now.
fn ask_start<'p>(
    prompter: Option<&mut (dyn Prompter + 'p)>,
    given: Option<String>,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Tz>, Error> {
    let start = match (given, prompter) {
        (Some(text), _) => started(&text, zone, now).map_err(|reason| Error::Invalid {
            what: "--start",
            value: text,
            reason,
        })?,
        (None, Some(p)) => {
            let answer = p.text("Impact start", Some("now"), &|t| {
                started(t, zone, now).map(|_| ())
            })?;
            started(&answer, zone, now).unwrap_or_else(|_| argument::minute(now, zone))
        }
        (None, None) => argument::minute(now, zone),
    };
    Ok(start.with_timezone(&zone))
}

/// An impact start as typed: read as every typed time is, and not in the
/// future (a postmortem's start has happened; lint's `future-time` would
/// reject the file at once).
fn started(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<FixedOffset>, String> {
    let at = argument::instant(text, zone, now)?;
    if at > now + argument::AHEAD {
        return Err(format!(
            "it is in the future (now is {} in {zone}); impact start is when the impact began",
            now.with_timezone(&zone).format("%Y-%m-%d %H:%M")
        ));
    }
    Ok(at)
}

/// A comma-separated list: as given, or asked when none was given and
/// there is a terminal, with `default` (when it has one) as the answer Enter keeps.
fn ask_list<'p>(
    prompter: Option<&mut (dyn Prompter + 'p)>,
    given: Vec<String>,
    what: &str,
    default: Option<&str>,
) -> Result<Vec<String>, Error> {
    match (given.is_empty(), prompter) {
        (true, Some(p)) => {
            let prompt = format!("{what} (comma-separated)");
            Ok(split_list(&p.text(
                &prompt,
                Some(default.unwrap_or("")),
                &|_| Ok(()),
            )?))
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
fn ask_zone(p: &mut dyn Prompter, default: Tz) -> Result<Tz, Error> {
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

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
