//! `postmortem lint [PATH...]`.

use super::fixing::{self, Mode};
use crate::cli::Failure;
use crate::output;
use postmortem::config::Config;
use postmortem::report::{self, FileOutput, FileReport, Format, Reporter, Totals};
use postmortem::{Error, discover, lint, write};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Files and folders to check (folders recursively: every *.md except
    /// README.md, index.md and names starting with `_`) [default: the
    /// configured `dir`, postmortems/].
    paths: Vec<PathBuf>,
    /// Output format [default: from the -o file's extension (.json, .jsonl,
    /// .sarif, .xml for JUnit, .txt for concise), else human].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The name to show in findings for a postmortem read from standard
    /// input (`lint -`).
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Exit 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Apply the safe fixes (those that cannot change what the postmortem
    /// says), in place, and report what is left.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, apply the unsafe fixes too (probably right;
    /// read the diff).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change and write nothing;
    /// exit 1 when there is something to change.
    #[arg(long)]
    diff: bool,
    /// The time to treat as now, for reproducible runs (RFC 3339 or
    /// `YYYY-MM-DD HH:MM`, UTC unless an offset is given).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
}

struct Options {
    paths: Vec<PathBuf>,
    stdin_filename: Option<PathBuf>,
    format: Format,
    output: Option<PathBuf>,
    deny_warnings: bool,
    mode: Mode,
    lint: lint::Options,
}

/// The format an output file's extension names; human otherwise.
fn inferred(output: Option<&Path>) -> Format {
    let extension = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("json" | "jsonl" | "ndjson") => Format::Json,
        Some("sarif") => Format::Sarif,
        Some("xml") => Format::Junit,
        Some("txt") => Format::Concise,
        _ => Format::Human,
    }
}

impl Args {
    fn validate(self, config: &Config) -> Result<Options, Failure> {
        Ok(Options {
            lint: super::checked::options(super::now(self.now.as_deref())?, &config.settings),
            format: self
                .format
                .unwrap_or_else(|| inferred(self.output.as_deref())),
            output: self.output,
            stdin_filename: self.stdin_filename,
            deny_warnings: self.deny_warnings,
            mode: Mode::new(self.fix, self.unsafe_fixes, self.diff),
            paths: if self.paths.is_empty() {
                vec![config.settings.dir.clone()]
            } else {
                self.paths
            },
        })
    }
}

/// The files to check (standard input first, as `-`) and the paths that
/// could not be read, each said on standard error once.
fn found(options: &Options) -> Result<discover::Found, Failure> {
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) = options
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-");
    let mut found = discover::discover(&paths);
    for error in &found.errors {
        output::tool_error(error);
    }
    if found.files.is_empty() && found.errors.is_empty() && stdin.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| report::display_path(p)).collect();
        return Err(Error::NoPostmortems {
            paths: shown.join(", "),
        }
        .into());
    }
    if !stdin.is_empty() {
        found.files.insert(0, PathBuf::from("-"));
    }
    Ok(found)
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    let options = args.validate(config)?;
    let found = found(&options)?;
    let could_not_run = !found.errors.is_empty();
    let for_people = matches!(options.format, Format::Human | Format::Concise);
    if found.files.is_empty() && for_people {
        // Only paths that could not be read: the errors say it all; a
        // summary of no files would only contradict them. Machine formats
        // still write their report, which carries the failures.
        return Ok(ExitCode::from(2));
    }
    let root = std::env::current_dir()
        .ok()
        .and_then(|dir| discover::Shown::new(&dir));
    // A report written to a file is collected, then written at once, atomically.
    let mut collected = options.output.as_ref().map(|_| String::new());
    let mut emit = |text: &str| match collected.as_mut() {
        Some(buffer) => buffer.push_str(text),
        None => output::print(text),
    };
    let mut reporter = Reporter::new(options.format, options.output.is_none());
    for error in &found.errors {
        emit(&reporter.failed(failure(error.path(), error.to_string())));
    }
    if let Mode::Fix(allowed) | Mode::Diff(allowed) = options.mode {
        let shown_only = matches!(options.mode, Mode::Diff(_));
        reporter.fixing(allowed == lint::fix::Allowed::Unsafe, shown_only);
    }
    // Files are checked in parallel a chunk at a time and reported in path
    // order: memory holds one chunk's reports, not the whole run.
    let mut run = Run::default();
    for chunk in found.files.chunks(CHUNK) {
        let outcomes: Vec<Result<Outcome, Failure>> = chunk
            .par_iter()
            .map(|path| check_file(path, &options, root.as_ref(), &reporter))
            .collect();
        // One write per chunk, not one per file.
        emit(&run.take(outcomes, &mut reporter, options.mode));
    }
    let (could_not_run, changes) = (could_not_run || run.failed, run.changes);
    if let Mode::Diff(_) = options.mode {
        return Ok(diffed(&reporter, could_not_run, changes));
    }
    emit(&reporter.finish());
    if let (Some(path), Some(text)) = (&options.output, &collected) {
        write::replace(path, text.as_bytes())?;
    }
    Ok(exit_code(
        could_not_run,
        reporter.totals(),
        options.deny_warnings,
    ))
}

const CHUNK: usize = 256;

/// What the run has seen so far beyond the reporter's counts.
#[derive(Default)]
struct Run {
    /// A file could not be read.
    failed: bool,
    /// `--diff` found something to change.
    changes: bool,
}

impl Run {
    /// Takes one chunk's outcomes in order; the text to emit for them.
    fn take(
        &mut self,
        outcomes: Vec<Result<Outcome, Failure>>,
        reporter: &mut Reporter,
        mode: Mode,
    ) -> String {
        let mut text = String::new();
        for outcome in outcomes {
            match outcome {
                Ok(Outcome {
                    output,
                    diff: Some(diff),
                }) => {
                    self.changes = true;
                    text.push_str(&diff);
                    reporter.take(output);
                }
                Ok(Outcome { output, diff: None }) => {
                    let report = reporter.take(output);
                    if !matches!(mode, Mode::Diff(_)) {
                        text.push_str(&report);
                    }
                }
                Err(error) => {
                    output::error(&error);
                    text.push_str(&reporter.failed(failure(error.path(), error.to_string())));
                    self.failed = true;
                }
            }
        }
        text
    }
}

/// The end of a `--diff` run: the diff is the output; what it fixes goes to
/// standard error.
fn diffed(reporter: &Reporter, could_not_run: bool, changes: bool) -> ExitCode {
    let summary = reporter.totals().summary();
    output::message("note", &format!("{summary}; nothing written (--diff)"));
    if could_not_run {
        ExitCode::from(2)
    } else {
        ExitCode::from(u8::from(changes))
    }
}

/// A file that could not be checked, for the report.
fn failure(path: Option<&Path>, message: String) -> report::Failure {
    report::Failure {
        path: path.map_or_else(|| "-".to_string(), report::display_path),
        message,
    }
}

/// One file's report, and in diff mode what its fixes would change.
struct Outcome {
    output: FileOutput,
    diff: Option<String>,
}

fn check_file(
    path: &Path,
    options: &Options,
    root: Option<&discover::Shown>,
    reporter: &Reporter,
) -> Result<Outcome, Failure> {
    let stdin = path.as_os_str() == "-";
    let read = if stdin {
        super::read_input(path)
    } else {
        discover::read(path).map_err(Failure::from)
    };
    let bytes;
    let (text, checked) = match read {
        Ok(read) => {
            bytes = read;
            lint::check_bytes(&bytes, &options.lint)
        }
        // Over the limit: a finding, not a failure of the run.
        Err(Failure::Tool(Error::TooLarge { size, limit, .. })) => (
            std::borrow::Cow::Borrowed(""),
            lint::too_large(size, limit, &options.lint),
        ),
        Err(error) => return Err(error),
    };
    let name = match (stdin, options.stdin_filename.as_deref()) {
        (true, Some(name)) => name,
        (true, None) => Path::new("<stdin>"),
        (false, _) => path,
    };
    let shown = match root {
        Some(root) => report::display_path(&root.path(name)),
        None => report::display_path(name),
    };
    let fixable = checked.findings.iter().any(|f| f.fix.is_some());
    if options.mode == Mode::Report || stdin || !fixable {
        let output = reporter.render_file(FileReport {
            path: &shown,
            text: &text,
            findings: &checked.findings,
        });
        return Ok(Outcome { output, diff: None });
    }
    let fixing::FileFix { fixed, diff } =
        fixing::fix_file(path, &shown, &text, checked, options.mode, &options.lint)?;
    let output = reporter.render_file(FileReport {
        path: &shown,
        text: &fixed.text,
        findings: &fixed.checked.findings,
    });
    Ok(Outcome {
        output: output.with_fixed(fixed.fixed),
        diff,
    })
}

fn exit_code(could_not_run: bool, totals: Totals, deny_warnings: bool) -> ExitCode {
    if could_not_run {
        ExitCode::from(2)
    } else if totals.errors > 0 || (deny_warnings && totals.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
