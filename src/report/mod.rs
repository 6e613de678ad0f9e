//! Reporters: turning one file's findings into text in the chosen format,
//! and the totals line. Reporters return strings; the binary prints them.

mod totals;
pub use totals::Totals;
pub(crate) mod concise;
pub mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub mod located;
pub(crate) mod sarif;

use crate::diagnostic::Finding;

/// The output formats of `lint` (with the `cli` feature, also the values
/// of `--format`, whose help is these lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Source snippets with a caret under each problem, then a totals line.
    Human,
    /// One line per finding: path:line:column: severity[rule] message.
    Concise,
    /// JSON Lines: one finding per line.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML.
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

/// One output format of `lint`. A per-file format returns each file's
/// text from [`Emitter::file`]; a whole-run format (SARIF, JUnit) returns
/// nothing there and writes the run from the located findings in
/// [`Emitter::finish`].
pub trait Emitter: Send + Sync {
    /// The text for one file's findings, to print at once; pure, so files
    /// can be rendered in parallel.
    fn file(&self, report: FileReport<'_>) -> String;

    /// Whether [`Emitter::finish`] needs every file's located findings.
    fn whole_run(&self) -> bool {
        false
    }

    /// The text for a file that could not be checked, to print at once
    /// (the terminal formats have it on standard error already); a
    /// whole-run format shows it in [`Emitter::finish`].
    fn failure(&self, failure: &Failure) -> String {
        let _ = failure;
        String::new()
    }

    /// The text that ends the run: `files` checked in order and, for a
    /// whole-run format, every finding located and every file that could
    /// not be checked.
    fn finish(&self, totals: Totals, run: &Run<'_>) -> String;
}

/// A file that could not be checked, and why: machine formats carry it, so
/// a CI that reads only the report still sees the run was incomplete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The path as given or found.
    pub path: String,
    /// What went wrong, as a lowercase phrase.
    pub message: String,
}

/// What a whole-run format reports at the end.
#[derive(Clone, Copy, Debug)]
pub struct Run<'r> {
    /// The files checked, in order.
    pub files: &'r [String],
    /// Every finding, located.
    pub findings: &'r [located::Located],
    /// The files that could not be checked.
    pub failures: &'r [Failure],
}

impl Format {
    /// The emitter of this format; `styled` adds terminal colours where the
    /// format has any.
    pub fn emitter(self, styled: bool) -> Box<dyn Emitter> {
        match self {
            Format::Human => Box::new(human::Human { styled }),
            Format::Concise => Box::new(concise::Concise),
            Format::Json => Box::new(json::Json),
            Format::Github => Box::new(github::Github),
            Format::Sarif => Box::new(sarif::Sarif),
            Format::Junit => Box::new(junit::Junit),
        }
    }
}

/// Renders one file's findings in a per-file format (whole-run formats give
/// nothing here: use a [`Reporter`]); `styled` adds colours.
pub fn render(format: Format, report: FileReport<'_>, styled: bool) -> String {
    format.emitter(styled).file(report)
}

/// One file's share of a report, rendered.
#[derive(Debug)]
pub struct FileOutput {
    path: String,
    counts: Totals,
    text: String,
    located: Vec<located::Located>,
}

impl FileOutput {
    /// The same output, counting `fixed` findings repaired in the file.
    pub fn with_fixed(mut self, fixed: usize) -> Self {
        self.counts.fixed = fixed;
        self
    }
}

/// Reports a run file by file through the format's [`Emitter`]: per-file
/// text comes back at once, whole-run formats keep the located findings
/// (not the files) until [`Reporter::finish`].
pub struct Reporter {
    emitter: Box<dyn Emitter>,
    totals: Totals,
    files: Vec<String>,
    findings: Vec<located::Located>,
    failures: Vec<Failure>,
}

impl Reporter {
    /// A reporter for `format`; `styled` adds terminal colours.
    pub fn new(format: Format, styled: bool) -> Self {
        Self {
            emitter: format.emitter(styled),
            totals: Totals::default(),
            files: Vec::new(),
            findings: Vec::new(),
            failures: Vec::new(),
        }
    }

    /// Renders one file's findings; pure, so files can be rendered in
    /// parallel and then taken in order with [`Reporter::take`].
    pub fn render_file(&self, report: FileReport<'_>) -> FileOutput {
        let mut counts = Totals::default();
        counts.add(report.findings);
        let whole_run = self.emitter.whole_run();
        FileOutput {
            path: report.path.to_string(),
            counts,
            text: self.emitter.file(report),
            located: if whole_run {
                located::locate(report)
            } else {
                Vec::new()
            },
        }
    }

    /// Takes one rendered file, in order; returns the text to emit now.
    pub fn take(&mut self, output: FileOutput) -> String {
        self.totals.merge(output.counts);
        if self.emitter.whole_run() {
            self.files.push(output.path);
            self.findings.extend(output.located);
        }
        output.text
    }

    /// Marks the run as one that applies or shows fixes (`unsafe_fixes`:
    /// the unsafe ones too), for the summary.
    /// `shown_only`: the fixes are shown as a diff, not written.
    pub fn fixing(&mut self, unsafe_fixes: bool, shown_only: bool) {
        self.totals.fixing = true;
        self.totals.unsafe_fixes = unsafe_fixes;
        self.totals.shown_only = shown_only;
    }

    /// The counts so far.
    pub fn totals(&self) -> Totals {
        self.totals
    }

    /// Records a file that could not be checked; the text to emit now.
    pub fn failed(&mut self, failure: Failure) -> String {
        let text = self.emitter.failure(&failure);
        self.failures.push(failure);
        text
    }

    /// The text that ends the run: the totals line, or the whole document.
    pub fn finish(&self) -> String {
        let run = Run {
            files: &self.files,
            findings: &self.findings,
            failures: &self.failures,
        };
        self.emitter.finish(self.totals, &run)
    }
}

/// A path as shown in findings: `/` separators on every platform.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.replace('\\', "/")
}
