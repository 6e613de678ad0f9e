//! SARIF 2.1.0, as GitHub code scanning takes it: every rule with its help
//! text, and every finding as a result with its region.

use super::located::{Located, LocatedFix};
use super::{Emitter, FileReport, Totals};
use crate::diagnostic::{Rule, Severity};
use crate::document::Status;
use crate::lint::registry;
use serde_json::{Value, json};

/// The SARIF format: one log for the whole run.
pub(crate) struct Sarif;

impl Emitter for Sarif {
    fn file(&self, _: FileReport<'_>) -> String {
        String::new()
    }

    fn whole_run(&self) -> bool {
        true
    }

    fn finish(&self, _: Totals, run: &super::Run<'_>) -> String {
        render(run.findings, run.failures)
    }
}

/// The whole run as one SARIF log.
pub(crate) fn render(findings: &[Located], failures: &[super::Failure]) -> String {
    let rules: Vec<Value> = registry::all().iter().map(rule).collect();
    let results: Vec<Value> = findings.iter().map(result).collect();
    let notifications: Vec<Value> = failures
        .iter()
        .map(|f| {
            json!({
                "level": "error",
                "message": { "text": f.message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": f.path } } }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "postmortem",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn rule(info: &registry::RuleInfo) -> Value {
    let first_paragraph = info.docs.split("\n\n").next().unwrap_or(info.summary);
    json!({
        "id": info.rule.id(),
        "name": info.rule.id(),
        "shortDescription": { "text": info.summary },
        "fullDescription": { "text": first_paragraph.replace('\n', " ") },
        "help": { "text": info.docs },
        "defaultConfiguration": { "level": level(info.level.severity(Status::Draft)) },
    })
}

fn result(finding: &Located) -> Value {
    let index = Rule::ALL
        .iter()
        .position(|&r| r == finding.rule)
        .unwrap_or(0);
    let text = match &finding.help {
        Some(help) => format!("{}\nhelp: {help}", finding.message),
        None => finding.message.clone(),
    };
    let mut result = json!({
        "ruleId": finding.rule.id(),
        "ruleIndex": index,
        "level": level(finding.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": finding.path, "uriBaseId": "%SRCROOT%" },
                "region": {
                    "startLine": finding.start.line,
                    "startColumn": finding.start.column,
                    "endLine": finding.end.line,
                    "endColumn": finding.end.column.max(finding.start.column),
                }
            }
        }]
    });
    if let Some(fix) = &finding.fix {
        result["fixes"] = fixes(fix, &finding.path);
    }
    result
}

/// Each choice of `fix` as a SARIF fix: the edits as replacements, an
/// insertion as an empty `deletedRegion`.
fn fixes(fix: &LocatedFix, path: &str) -> Value {
    let fixes: Vec<Value> = fix
        .choices
        .iter()
        .map(|choice| {
            let replacements: Vec<Value> = choice
                .edits
                .iter()
                .map(|edit| {
                    json!({
                        "deletedRegion": {
                            "startLine": edit.start.line,
                            "startColumn": edit.start.column,
                            "endLine": edit.end.line,
                            "endColumn": edit.end.column,
                        },
                        "insertedContent": { "text": edit.content },
                    })
                })
                .collect();
            json!({
                "description": { "text": format!("{} ({})", choice.title, fix.applicability.name()) },
                "artifactChanges": [{
                    "artifactLocation": { "uri": path, "uriBaseId": "%SRCROOT%" },
                    "replacements": replacements,
                }],
            })
        })
        .collect();
    Value::Array(fixes)
}
