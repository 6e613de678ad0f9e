//! `postmortem render FILE --to json`.

use crate::output;
use postmortem::config::Config;
use postmortem::report::{self, FileReport, Format};
use postmortem::{Error, diagnostic::Severity, lint, render, write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The postmortem to render (`-` reads standard input).
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = To::Json)]
    to: To,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// The time to treat as now (see `lint --now`).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum To {
    /// The normalized document: RFC 3339 times, resolved kinds, metrics in minutes.
    Json,
}

pub fn run(args: Args, config: &Config) -> Result<ExitCode, Error> {
    let options = lint::Options {
        now: super::now(args.now.as_deref())?,
        settings: std::sync::Arc::new(config.settings.clone()),
    };
    let bytes = super::read_input(&args.file)?;
    let (text, checked) = lint::check_bytes(&bytes, &options);
    let shown = report::display_path(&args.file);
    let file = FileReport {
        path: &shown,
        text: &text,
        findings: &checked.findings,
    };
    let errors = checked
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    // Findings go to stderr so the rendered output stays clean on stdout.
    let diagnostics = report::render(Format::Human, file, true);
    output::print_diagnostics(&diagnostics);
    let Some(document) = checked.document.filter(|_| !errors) else {
        output::message(
            "error",
            &format!("{shown} has errors; fix them before rendering"),
        );
        return Ok(ExitCode::from(1));
    };
    let json = render::to_json(&render::model(&document, &text));
    match &args.output {
        Some(path) => write::atomic(path, json.as_bytes())?,
        None => output::print(&json),
    }
    Ok(ExitCode::SUCCESS)
}
