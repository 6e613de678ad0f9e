//! A finding with its file and its start and end positions resolved: what the
//! whole-run formats (SARIF, JUnit) keep after each file's text is dropped.

use super::FileReport;
use crate::diagnostic::{Rule, Severity};
use crate::escape;
use crate::span::{LineIndex, Position};

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
}

/// Every finding of `report`, located.
pub fn locate(report: FileReport<'_>) -> Vec<Located> {
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
            }
        })
        .collect()
}
