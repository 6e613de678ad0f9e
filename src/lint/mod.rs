//! The linter: runs every rule on a postmortem and returns its findings,
//! sorted by position, with severities set for the document's status.

pub mod phrasing;
pub mod registry;
pub mod rules;
pub mod words;

use crate::config::{RuleSetting, Settings};
use crate::diagnostic::{Finding, Severity};
use crate::document::{self, Document, Status};
use chrono::{DateTime, Utc};
use std::borrow::Cow;
use std::sync::Arc;

/// What a lint run needs besides the file.
#[derive(Clone, Debug)]
pub struct Options {
    /// "Now": fixed by `--now` or `POSTMORTEM_NOW` for reproducible runs.
    pub now: DateTime<Utc>,
    /// The project's settings (`postmortem.yml`), shared across threads.
    pub settings: Arc<Settings>,
}

impl Options {
    /// Options with the default settings.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            now,
            settings: Arc::new(Settings::default()),
        }
    }
}

/// The result of checking one file.
#[derive(Debug)]
pub struct Checked {
    /// The document, when the front matter could be read.
    pub document: Option<Document>,
    /// Every finding, sorted by position.
    pub findings: Vec<Finding>,
}

/// Checks a postmortem given as text.
pub fn check(text: &str, options: &Options) -> Checked {
    finish(document::parse(text), text, options)
}

/// Checks a postmortem given as bytes; returns the text positions refer to.
pub fn check_bytes<'b>(bytes: &'b [u8], options: &Options) -> (Cow<'b, str>, Checked) {
    let (text, parsed) = document::parse_bytes(bytes);
    let checked = finish(parsed, &text, options);
    (text, checked)
}

fn finish(parsed: document::Parsed, source: &str, options: &Options) -> Checked {
    let mut findings = parsed.findings;
    let context = registry::Context {
        now: options.now,
        source,
        settings: &options.settings,
    };
    let status = parsed
        .document
        .as_ref()
        .map_or(Status::Draft, |d| d.status.value);
    let rules = registry::all();
    if let Some(document) = &parsed.document {
        for check in rules.iter().filter_map(|info| info.check) {
            check(document, &context, &mut findings);
        }
    }
    let allowed = parsed
        .document
        .as_ref()
        .map(|d| d.allow.as_slice())
        .unwrap_or_default();
    findings.retain_mut(|finding| {
        let set = options
            .settings
            .rules
            .iter()
            .find(|(rule, _)| *rule == finding.rule);
        finding.severity = match set.map(|(_, level)| *level) {
            Some(RuleSetting::Off) => return false,
            Some(RuleSetting::Error) => Severity::Error,
            Some(RuleSetting::Warning) => Severity::Warning,
            None => registry::info(finding.rule).level.severity(status),
        };
        !allowed.contains(&finding.rule)
    });
    findings.sort_by_key(|f| (f.span, f.rule));
    findings.dedup();
    Checked {
        document: parsed.document,
        findings,
    }
}
