//! The `github` format: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request's diff.

use super::located::{Located, locate};
use super::{Emitter, FileReport, Totals};
use crate::diagnostic::Severity;

/// The GitHub Actions format.
pub struct Github;

impl Emitter for Github {
    fn file(&self, report: FileReport<'_>) -> String {
        render(&locate(report))
    }

    fn failure(&self, failure: &super::Failure) -> String {
        format!(
            "::error file={},title=could not check::{}\n",
            property(&failure.path),
            data(&failure.message)
        )
    }

    fn finish(&self, _: Totals, _: &super::Run<'_>) -> String {
        String::new()
    }
}

/// `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=RULE::message`
/// per finding; the help line follows the message on a new (escaped) line.
pub fn render(findings: &[Located]) -> String {
    let mut out = String::new();
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = match &f.help {
            Some(help) => format!("{}\nhelp: {help}", f.message),
            None => f.message.clone(),
        };
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(&f.path),
            f.start.line,
            f.start.column,
            f.end.line,
            f.end.column,
            property(f.rule.id()),
            data(&message)
        ));
    }
    out
}

/// Escapes a command's message, as the Actions toolkit does.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property: also `:` and `,`, which delimit properties.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50% down\r\nnext"), "50%25 down%0D%0Anext");
        assert_eq!(property("a,b:c.md"), "a%2Cb%3Ac.md");
    }
}
