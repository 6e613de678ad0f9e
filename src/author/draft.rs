//! Completing a new postmortem's draft from what the flags gave, asking a
//! [`Prompter`] (a terminal, or a script in tests) for the rest: title,
//! severity, time zone (looked up from a city, region or abbreviation),
//! impact start, services and authors.

use super::skeleton::Draft;
use crate::Error;
use crate::document::{argument, zone};
use chrono::{DateTime, Utc};
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
    Ok(start.with_timezone(&zone))
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
mod tests {
    use super::*;

    /// Answers given in order: text as typed, a choice as an index.
    enum Answer {
        Text(&'static str),
        Pick(usize),
    }

    /// A prompter that answers from a script and records each question.
    struct Script {
        answers: Vec<Answer>,
        asked: Vec<String>,
    }

    impl Script {
        fn next(&mut self, prompt: &str) -> Answer {
            self.asked.push(prompt.to_string());
            assert!(!self.answers.is_empty(), "no answer left for {prompt}");
            self.answers.remove(0)
        }
    }

    impl Prompter for Script {
        fn text(
            &mut self,
            prompt: &str,
            default: Option<&str>,
            validate: &dyn Fn(&str) -> Result<(), String>,
        ) -> Result<String, Error> {
            let answer = match self.next(prompt) {
                Answer::Text("") => default.unwrap_or_default().to_string(),
                Answer::Text(text) => text.to_string(),
                Answer::Pick(_) => panic!("{prompt} asks for text"),
            };
            validate(&answer).map_err(|reason| Error::Prompt { reason })?;
            Ok(answer)
        }

        fn select(&mut self, prompt: &str, _: &[String], _: usize) -> Result<usize, Error> {
            match self.next(prompt) {
                Answer::Pick(index) => Ok(index),
                Answer::Text(_) => panic!("{prompt} asks for a choice"),
            }
        }

        fn search(
            &mut self,
            prompt: &str,
            items: &[String],
            default: usize,
        ) -> Result<usize, Error> {
            let index = self.select(prompt, items, default)?;
            assert!(index < items.len());
            Ok(index)
        }
    }

    fn severities() -> Vec<(String, String)> {
        ["SEV1", "SEV2", "SEV3", "SEV4"]
            .map(|s| (s.to_string(), String::new()))
            .to_vec()
    }

    fn now() -> DateTime<Utc> {
        "2026-07-18T08:00:00Z".parse().unwrap_or_default()
    }

    fn given(title: Option<&str>) -> Given {
        Given {
            title: title.map(str::to_string),
            severity: None,
            start: None,
            timezone: None,
            services: Vec::new(),
            authors: Vec::new(),
        }
    }

    #[test]
    fn every_question_is_asked_and_a_region_finds_its_zone() {
        let mut script = Script {
            answers: vec![
                Answer::Text("Checkout errors"),
                Answer::Pick(0),
                Answer::Text("pacific"),
                Answer::Pick(0),
                Answer::Text("23:41"),
                Answer::Text("checkout, payments"),
                Answer::Text(""),
            ],
            asked: Vec::new(),
        };
        let defaults = Defaults {
            zone: Tz::UTC,
            author: Some("Ana Lima".into()),
        };
        let draft = draft(
            given(None),
            now(),
            Some(&mut script),
            &severities(),
            &defaults,
        );
        let draft = draft.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.title, "Checkout errors");
        assert_eq!(draft.severity.as_deref(), Some("SEV1"));
        assert_eq!(draft.timezone, "America/Los_Angeles");
        // Typed the next morning in Los Angeles (01:00 PDT), 23:41 is last night.
        assert_eq!(draft.start.to_rfc3339(), "2026-07-17T23:41:00-07:00");
        assert_eq!(draft.services, ["checkout", "payments"]);
        assert_eq!(draft.authors, ["Ana Lima"], "Enter keeps git's user.name");
        assert_eq!(script.asked.len(), 7, "{:?}", script.asked);
    }

    #[test]
    fn without_a_prompter_what_is_missing_is_an_error_or_a_default() {
        let defaults = Defaults {
            zone: Tz::Europe__Berlin,
            author: None,
        };
        let missing = draft(given(None), now(), None, &severities(), &defaults);
        assert!(matches!(
            missing,
            Err(Error::Missing {
                what: "a title",
                ..
            })
        ));
        let mut flags = given(Some("Checkout errors"));
        flags.severity = Some("sev2".into());
        let draft =
            draft(flags, now(), None, &severities(), &defaults).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            draft.severity.as_deref(),
            Some("SEV2"),
            "written as configured"
        );
        assert_eq!(draft.timezone, "Europe/Berlin");
        assert!(draft.authors.is_empty());
    }
}
