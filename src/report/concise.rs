//! The concise format: one line per finding,
//! `path:line:column: severity[rule] message`.

use super::located::Located;

/// One line per finding.
pub fn render(findings: &[Located]) -> String {
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
