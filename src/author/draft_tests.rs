//! Unit tests of `author::draft`: the questions asked through a scripted
//! prompter, and what happens without one.

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

    fn search(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Error> {
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
