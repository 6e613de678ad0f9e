//! JUnit XML for CI systems that read nothing else: one test suite per file,
//! one test case per finding (errors fail, warnings are reported in the
//! case's output and pass), and one passing case for a clean file.

use super::located::Located;
use super::{Emitter, FileReport, Totals};
use crate::diagnostic::Severity;

/// The JUnit format: one document for the whole run.
pub(crate) struct Junit;

impl Emitter for Junit {
    fn file(&self, _: FileReport<'_>) -> String {
        String::new()
    }

    fn whole_run(&self) -> bool {
        true
    }

    fn finish(&self, _: Totals, run: &super::Run<'_>) -> String {
        render(run.files, run.findings, run.failures)
    }
}

/// The whole run as one `<testsuites>` document; `files` lists every file
/// checked, in order, so clean files appear too; a file that could not be
/// checked is a suite whose one case is an `<error>`.
pub(crate) fn render(files: &[String], findings: &[Located], broken: &[super::Failure]) -> String {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let tests: usize = files
        .iter()
        .map(|file| findings.iter().filter(|f| &f.path == file).count().max(1))
        .sum::<usize>()
        + broken.len();
    out.push_str(&format!(
        "<testsuites name=\"postmortem lint\" tests=\"{tests}\" failures=\"{errors}\" errors=\"{}\">\n",
        broken.len()
    ));
    for failure in broken {
        out.push_str(&format!(
            "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase name=\"lint\" classname=\"{path}\"><error message=\"{message}\"/></testcase>\n  </testsuite>\n",
            path = escape(&failure.path),
            message = escape(&failure.message)
        ));
    }
    for file in files {
        let own: Vec<&Located> = findings.iter().filter(|f| &f.path == file).collect();
        let failures = own.iter().filter(|f| f.severity == Severity::Error).count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">\n",
            escape(file),
            own.len().max(1)
        ));
        if own.is_empty() {
            out.push_str(&format!(
                "    <testcase name=\"lint\" classname=\"{}\"/>\n",
                escape(file)
            ));
        }
        for finding in own {
            out.push_str(&case(finding));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn case(f: &Located) -> String {
    let name = format!("{} at {}:{}", f.rule, f.start.line, f.start.column);
    let detail = match &f.help {
        Some(help) => format!(
            "{}:{}:{}: {}\nhelp: {help}",
            f.path, f.start.line, f.start.column, f.message
        ),
        None => format!(
            "{}:{}:{}: {}",
            f.path, f.start.line, f.start.column, f.message
        ),
    };
    let inner = match f.severity {
        Severity::Error => format!(
            "<failure type=\"{}\" message=\"{}\">{}</failure>",
            f.rule,
            escape(&f.message),
            escape(&detail)
        ),
        Severity::Warning => format!("<system-out>warning: {}</system-out>", escape(&detail)),
    };
    format!(
        "    <testcase name=\"{}\" classname=\"{}\">{inner}</testcase>\n",
        escape(&name),
        escape(&f.path)
    )
}

/// Escapes text for XML attributes and content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 has no way to write other control characters.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
