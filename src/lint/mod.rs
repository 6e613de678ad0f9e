//! The linter: runs every rule on a postmortem and returns its findings,
//! sorted by position, with severities set for the document's status.

pub mod fix;
pub(crate) mod phrasing;
pub(crate) mod prose;
mod recovery;
pub mod registry;
pub(crate) mod rules;
pub(crate) mod words;

use crate::config::{RuleSetting, Settings};
use crate::diagnostic::{Finding, Rule, Severity};
use crate::document::{self, Document, Status};
use chrono::{DateTime, Utc};
use prose::Prose;
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
#[derive(Clone, Debug)]
pub struct Checked {
    /// The document, when the front matter could be read.
    pub document: Option<Document>,
    /// Every finding, sorted by position.
    pub findings: Vec<Finding>,
}

/// Checks a postmortem given as text.
pub fn check(text: &str, options: &Options) -> Checked {
    finish(
        document::parse_with(text, &options.settings.extra_keys),
        text,
        options,
    )
}

/// Checks a postmortem given as bytes; returns the text positions refer to.
pub fn check_bytes<'b>(bytes: &'b [u8], options: &Options) -> (Cow<'b, str>, Checked) {
    let (text, parsed) = document::parse_bytes_with(bytes, &options.settings.extra_keys);
    let checked = finish(parsed, &text, options);
    (text, checked)
}

/// The result for a file over the size limit: one `encoding` finding.
pub fn too_large(size: u64, limit: u64, options: &Options) -> Checked {
    finish(document::too_large(size, limit), "", options)
}

fn finish(parsed: document::Parsed, source: &str, options: &Options) -> Checked {
    let mut findings = parsed.findings;
    let prose = parsed.document.as_ref().map(Prose::new).unwrap_or_default();
    let context = registry::Context {
        now: options.now,
        source,
        settings: &options.settings,
        prose: &prose,
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
        finding.severity = match options.settings.rule(finding.rule) {
            Some(RuleSetting::Off) => return false,
            Some(RuleSetting::Error) => Severity::Error,
            Some(RuleSetting::Warning) => Severity::Warning,
            None => registry::info(finding.rule).level.severity(status),
        };
        !allowed.contains(&finding.rule)
    });
    // After the levels: a finding turned off cannot stand for what it folds.
    if let Some(document) = &parsed.document {
        recovery::fold(document, &context, &mut findings);
    }
    findings.sort_by_key(|f| (f.span, f.rule));
    findings.dedup();
    let findings = cap_per_rule(findings);
    Checked {
        document: parsed.document,
        findings,
    }
}

/// Findings of one rule kept per file; past it, one finding says how many more.
pub const PER_RULE: usize = 50;

// A file with a TODO on each of a million lines needs one message, not a
// million: the rest of the run (and memory) stays proportional to the file.
fn cap_per_rule(findings: Vec<Finding>) -> Vec<Finding> {
    let mut counts: Vec<(Rule, usize)> = Vec::new();
    let mut kept = Vec::with_capacity(findings.len().min(1024));
    let mut first_dropped = Vec::new();
    for finding in findings {
        let index = counts
            .iter()
            .position(|(rule, _)| *rule == finding.rule)
            .unwrap_or_else(|| {
                counts.push((finding.rule, 0));
                counts.len() - 1
            });
        counts[index].1 += 1;
        match counts[index].1 {
            n if n <= PER_RULE => kept.push(finding),
            n if n == PER_RULE + 1 => first_dropped.push(finding),
            _ => {}
        }
    }
    for first in first_dropped {
        let total = counts
            .iter()
            .find(|(rule, _)| *rule == first.rule)
            .map_or(0, |(_, count)| *count);
        let message = format!(
            "and {} more `{}` findings in this file, from here on",
            total - PER_RULE,
            first.rule
        );
        let mut summary = Finding::new(first.rule, first.span, message)
            .with_help("fix the ones above and run again to see the rest");
        summary.severity = first.severity;
        kept.push(summary);
    }
    kept.sort_by_key(|f| (f.span, f.rule));
    kept
}
