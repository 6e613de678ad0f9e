//! The linter: runs every rule on a postmortem and returns its findings,
//! sorted by position, with severities set for the document's status.

pub mod phrasing;
pub mod registry;
pub mod rules;

use crate::diagnostic::Finding;
use crate::document::{self, Document, Status};
use chrono::{DateTime, Utc};
use std::borrow::Cow;

/// What a lint run needs besides the file.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// "Now": fixed by `--now` or `POSTMORTEM_NOW` for reproducible runs.
    pub now: DateTime<Utc>,
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
    for finding in &mut findings {
        finding.severity = registry::info(finding.rule).level.severity(status);
    }
    findings.sort_by_key(|f| (f.span, f.rule));
    findings.dedup();
    Checked {
        document: parsed.document,
        findings,
    }
}
