//! The JSON Lines format: one object per finding with `file`, `line`,
//! `column`, `end_line`, `end_column`, `severity`, `rule`, `message`, `help`,
//! and `fix` when the rule knows one: its `applicability` and `choices`, each
//! a `title` and `edits` (`start` and `end` as `line` and `column`, end
//! exclusive, and the `content` put there).

use super::located::{LocatedFix, locate_fix};
use super::{Emitter, FileReport, Totals};
use crate::span::LineIndex;
use serde::Serialize;

/// The JSON Lines format.
pub(crate) struct Json;

impl Emitter for Json {
    fn file(&self, report: FileReport<'_>) -> String {
        render(report)
    }

    fn failure(&self, failure: &super::Failure) -> String {
        // A record of its own: `error` instead of a finding's fields.
        let record = serde_json::json!({ "file": failure.path, "error": failure.message });
        format!("{record}\n")
    }

    fn finish(&self, _: Totals, _: &super::Run<'_>) -> String {
        String::new()
    }
}

#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: crate::diagnostic::Severity,
    rule: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<LocatedFix>,
}

/// One line of JSON per finding.
pub(crate) fn render(report: FileReport<'_>) -> String {
    let index = LineIndex::new(report.text);
    let mut out = String::new();
    for finding in report.findings {
        let (start, end) = finding.positions(report.text, &index);
        let line = Line {
            file: report.path,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            severity: finding.severity,
            rule: finding.rule.id(),
            message: &finding.message,
            help: finding.help.as_deref(),
            fix: finding
                .fix
                .as_ref()
                .map(|fix| locate_fix(fix, report.text, &index)),
        };
        // Serializing plain strings and numbers cannot fail.
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        out.push('\n');
    }
    out
}
