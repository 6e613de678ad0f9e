//! A finding with its file and its start and end positions resolved: what the
//! whole-run formats (SARIF, JUnit) keep after each file's text is dropped.

use super::FileReport;
use crate::diagnostic::{Applicability, Fix, Rule, Severity};
use crate::escape;
use crate::span::{LineIndex, Position};
use serde::Serialize;

/// One finding, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The file, with `/` separators.
    pub path: String,
    /// Start position.
    pub start: Position,
    /// End position.
    pub end: Position,
    /// The rule.
    pub rule: Rule,
    /// Its severity.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// The help line.
    pub help: Option<String>,
    /// The fix, with its edits located.
    pub fix: Option<LocatedFix>,
}

/// A fix with line and column ranges, for machine output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LocatedFix {
    /// `safe`, `unsafe` or `display-only`.
    pub applicability: Applicability,
    /// The choices; `--fix` applies the first.
    pub choices: Vec<LocatedChoice>,
}

/// One choice of a located fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LocatedChoice {
    /// What it does.
    pub title: String,
    /// Its edits.
    pub edits: Vec<LocatedEdit>,
}

/// An edit as a line and column range (end exclusive) and its new text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LocatedEdit {
    /// Where the replaced text starts.
    pub start: Position,
    /// Where it ends (equal to `start` for an insertion).
    pub end: Position,
    /// The text put there.
    pub content: String,
}

/// `fix` with its edits located in `text`.
pub(crate) fn locate_fix(fix: &Fix, text: &str, index: &LineIndex) -> LocatedFix {
    let choices = fix
        .choices
        .iter()
        .map(|choice| LocatedChoice {
            title: choice.title.clone(),
            edits: choice
                .edits
                .iter()
                .map(|edit| LocatedEdit {
                    start: index.position(text, edit.span.start),
                    end: index.position(text, edit.span.end),
                    content: edit.content.clone(),
                })
                .collect(),
        })
        .collect();
    LocatedFix {
        applicability: fix.applicability,
        choices,
    }
}

/// Every finding of `report`, located.
pub(crate) fn locate(report: FileReport<'_>) -> Vec<Located> {
    let index = LineIndex::new(report.text);
    report
        .findings
        .iter()
        .map(|finding| {
            let (start, end) = finding.positions(report.text, &index);
            // Document text in messages stays on its line and inert.
            Located {
                path: escape::line(report.path).into_owned(),
                start,
                end,
                rule: finding.rule,
                severity: finding.severity,
                message: escape::line(&finding.message).into_owned(),
                help: finding
                    .help
                    .as_deref()
                    .map(|h| escape::line(h).into_owned()),
                fix: finding
                    .fix
                    .as_ref()
                    .map(|fix| locate_fix(fix, report.text, &index)),
            }
        })
        .collect()
}
