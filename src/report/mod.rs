//! Reporters: turning one file's findings into text in the chosen format,
//! and the totals line. Reporters return strings; the binary prints them.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod located;
pub mod sarif;

use crate::diagnostic::{Finding, Severity};

/// The output formats of `lint`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style snippets with a caret under the value, and a totals line.
    Human,
    /// One line per finding, and a totals line.
    Concise,
    /// JSON Lines: one finding per line.
    Json,
    /// One SARIF 2.1.0 log for the whole run.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
    /// One JUnit XML document for the whole run.
    Junit,
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

/// Renders one file's findings in a per-file format (for SARIF and JUnit,
/// which describe a whole run, use [`Reporter`]); `styled` adds colours.
pub fn render(format: Format, report: FileReport<'_>, styled: bool) -> String {
    match format {
        Format::Human => human::render(report, styled),
        Format::Json => json::render(report),
        Format::Concise => concise::render(&located::locate(report)),
        Format::Github => github::render(&located::locate(report)),
        Format::Sarif | Format::Junit => String::new(),
    }
}

/// One file's share of a report, rendered.
#[derive(Debug)]
pub struct FileOutput {
    path: String,
    counts: Totals,
    text: String,
    located: Vec<located::Located>,
}

/// Reports a run file by file: per-file formats come back at once, whole-run
/// formats keep the located findings (not the files) until [`Reporter::finish`].
#[derive(Debug)]
pub struct Reporter {
    format: Format,
    styled: bool,
    totals: Totals,
    files: Vec<String>,
    findings: Vec<located::Located>,
}

impl Reporter {
    /// A reporter for `format`; `styled` adds terminal colours.
    pub fn new(format: Format, styled: bool) -> Self {
        Self {
            format,
            styled,
            totals: Totals::default(),
            files: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Renders one file's findings; pure, so files can be rendered in
    /// parallel and then taken in order with [`Reporter::take`].
    pub fn render_file(&self, report: FileReport<'_>) -> FileOutput {
        let mut output = FileOutput {
            path: report.path.to_string(),
            counts: Totals::default(),
            text: String::new(),
            located: Vec::new(),
        };
        output.counts.add(report.findings);
        match self.format {
            Format::Sarif | Format::Junit => output.located = located::locate(report),
            format => output.text = render(format, report, self.styled),
        }
        output
    }

    /// Takes one rendered file, in order; returns the text to emit now.
    pub fn take(&mut self, output: FileOutput) -> String {
        self.totals.errors += output.counts.errors;
        self.totals.warnings += output.counts.warnings;
        self.totals.files += 1;
        if matches!(self.format, Format::Sarif | Format::Junit) {
            self.files.push(output.path);
            self.findings.extend(output.located);
        }
        output.text
    }

    /// The counts so far.
    pub fn totals(&self) -> Totals {
        self.totals
    }

    /// The text that ends the run: the totals line, or the whole document.
    pub fn finish(&self) -> String {
        match self.format {
            Format::Human | Format::Concise => format!("{}\n", self.totals.summary()),
            Format::Json | Format::Github => String::new(),
            Format::Sarif => sarif::render(&self.findings),
            Format::Junit => junit::render(&self.files, &self.findings),
        }
    }
}

/// A path as shown in findings: `/` separators on every platform.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.replace('\\', "/")
}
