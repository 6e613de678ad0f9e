//! Reporters: turning one file's findings into text in the chosen format,
//! and the totals line. Reporters return strings; the binary prints them.

pub mod human;
pub mod json;

use crate::diagnostic::{Finding, Severity};

/// The output formats of `lint`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style snippets with a caret under the value, and a totals line.
    Human,
    /// JSON Lines: one finding per line.
    Json,
}

/// One file's findings, with what is needed to show them.
#[derive(Clone, Copy, Debug)]
pub struct FileReport<'a> {
    /// The path to show, with `/` separators.
    pub path: &'a str,
    /// The file's text (positions refer to it).
    pub text: &'a str,
    /// Its findings, sorted by position.
    pub findings: &'a [Finding],
}

/// Counts across a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Files checked.
    pub files: usize,
}

impl Totals {
    /// Adds one file's findings.
    pub fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for finding in findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
        }
    }

    /// `2 errors, 1 warning in 3 files`.
    pub fn summary(&self) -> String {
        format!(
            "{}, {} in {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.files, "file")
        )
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Renders one file's findings in `format`; `styled` adds terminal colours.
pub fn render(format: Format, report: FileReport<'_>, styled: bool) -> String {
    match format {
        Format::Human => human::render(report, styled),
        Format::Json => json::render(report),
    }
}

/// A path as shown in findings: `/` separators on every platform.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.replace('\\', "/")
}
