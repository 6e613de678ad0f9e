//! The concise format: one line per finding,
//! `path:line:column: severity[rule] message`.

use super::located::{Located, locate};
use super::{Emitter, FileReport, Totals};

/// The concise format.
pub(crate) struct Concise;

impl Emitter for Concise {
    fn file(&self, report: FileReport<'_>) -> String {
        render(&locate(report))
    }

    fn finish(&self, totals: Totals, _: &super::Run<'_>) -> String {
        format!("{}\n", totals.summary())
    }
}

/// One line per finding.
pub(crate) fn render(findings: &[Located]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}: {}[{}] {}\n",
                f.path, f.start.line, f.start.column, f.severity, f.rule, f.message
            )
        })
        .collect()
}
