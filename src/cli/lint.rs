//! `postmortem lint [PATH...]`.

use crate::output;
use postmortem::report::{self, FileReport, Format, Totals};
use postmortem::{Error, discover, lint};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to check (folders recursively: every *.md except
    /// README.md, index.md and names starting with `_`).
    #[arg(default_value = "postmortems")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Exit 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// The time to treat as now, for reproducible runs (RFC 3339 or
    /// `YYYY-MM-DD HH:MM`, UTC unless an offset is given).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FormatArg {
    /// Source snippets with a caret under each problem, then a totals line.
    Human,
    /// JSON Lines: one finding per line.
    Json,
}

struct Options {
    paths: Vec<PathBuf>,
    format: Format,
    deny_warnings: bool,
    lint: lint::Options,
}

impl Args {
    fn validate(self) -> Result<Options, Error> {
        Ok(Options {
            lint: lint::Options {
                now: super::now(self.now.as_deref())?,
            },
            format: match self.format {
                FormatArg::Human => Format::Human,
                FormatArg::Json => Format::Json,
            },
            deny_warnings: self.deny_warnings,
            paths: self.paths,
        })
    }
}

pub fn run(args: Args) -> Result<ExitCode, Error> {
    let options = args.validate()?;
    let found = discover::discover(&options.paths);
    let mut could_not_run = !found.errors.is_empty();
    for error in &found.errors {
        output::error(error);
    }
    let mut totals = Totals::default();
    for path in &found.files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                output::error(&Error::read(path, &error));
                could_not_run = true;
                continue;
            }
        };
        let (text, checked) = lint::check_bytes(&bytes, &options.lint);
        totals.add(&checked.findings);
        let shown = report::display_path(path);
        let file = FileReport {
            path: &shown,
            text: &text,
            findings: &checked.findings,
        };
        output::print(&report::render(options.format, file, true));
    }
    if options.format == Format::Human {
        output::print(&format!("{}\n", totals.summary()));
    }
    Ok(exit_code(could_not_run, totals, options.deny_warnings))
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
