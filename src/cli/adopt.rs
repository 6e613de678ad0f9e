//! `postmortem adopt FILE... [--timezone ZONE] [-o OUT | --print] [--format
//! human|json]`: a Markdown postmortem written without the tool, in this
//! format, in place (locked and atomic) unless told to print it or write it
//! elsewhere. Each file's report says how many entries were read, which
//! zone and dates were taken from where, and every line that looks like an
//! entry and was not read, with the reason; exit 1 when there is one.

use crate::cli::Failure;
use crate::output;
use postmortem::Error;
use postmortem::author::adopt::{self, Adopted, Options};
use postmortem::config::Config;
use postmortem::document::argument;
use postmortem::{escape, write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// A line per file, then its decisions and the lines not read.
    #[default]
    Human,
    /// A JSON object per file and line.
    Json,
}

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The Markdown files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The zone of the document's times, when it does not say ("All times in PST").
    #[arg(long)]
    timezone: Option<String>,
    /// Write the result to this file instead of changing the original (one file only).
    #[arg(short, long, value_name = "FILE", conflicts_with = "print")]
    output: Option<PathBuf>,
    /// Print the result instead of changing the file.
    #[arg(long)]
    print: bool,
    /// Replace the `--output` file when it exists.
    #[arg(long, requires = "output")]
    force: bool,
    /// How to report what was read and left (JSON: an object per file and
    /// line, on standard error with --print).
    #[arg(long, value_enum, default_value_t)]
    format: ReportFormat,
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    if args.output.is_some() && args.files.len() > 1 {
        return Err(Error::Invalid {
            what: "--output",
            value: format!("{} files", args.files.len()),
            reason: "it takes one file; adopt several in place, or one at a time".into(),
        }
        .into());
    }
    let zone = args
        .timezone
        .as_deref()
        .map(|z| argument::zone("--timezone", z))
        .transpose()?;
    if let Some(note) = args.timezone.as_deref().and_then(argument::zone_note) {
        output::message("note", &note);
    }
    let (mut failed, mut unread) = (false, false);
    for file in &args.files {
        match one(file, zone, &args, config) {
            Ok(left) => unread |= left,
            Err(error) => {
                output::error(&error);
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if unread {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Adopts `file`; whether some line was left unread.
fn one(
    file: &Path,
    zone: Option<chrono_tz::Tz>,
    args: &Args,
    config: &Config,
) -> Result<bool, Failure> {
    let options = Options {
        zone,
        file_name: file.file_name().map(|n| n.to_string_lossy().into_owned()),
    };
    let convert = |text: &str| {
        adopt::adopt(text, &options).map_err(|cause| Failure::Adopt {
            path: file.to_path_buf(),
            cause,
        })
    };
    let adopted = if args.print || args.output.is_some() {
        elsewhere(file, args, convert)?
    } else {
        in_place(file, convert)?
    };
    let path = args.output.as_deref().unwrap_or(file);
    match args.format {
        // With --print the file is standard output: the report goes beside it.
        ReportFormat::Json if args.print => {
            output::print_diagnostics(&format!("{}\n", json(path, &adopted)))
        }
        ReportFormat::Json => output::print(&format!("{}\n", json(path, &adopted))),
        ReportFormat::Human if !args.print => report(path, &adopted, config),
        ReportFormat::Human => {}
    }
    Ok(!adopted.unread.is_empty())
}

/// Adopts `file` into `--output` or standard output, leaving it as it is.
fn elsewhere(
    file: &Path,
    args: &Args,
    convert: impl Fn(&str) -> Result<Adopted, Failure>,
) -> Result<Adopted, Failure> {
    let bytes = std::fs::read(file).map_err(|e| Error::read(file, e))?;
    let text = String::from_utf8(bytes).map_err(|_| Error::Edit {
        path: file.to_path_buf(),
        reason: "cannot adopt it: it is not UTF-8".into(),
    })?;
    let adopted = convert(&text)?;
    match &args.output {
        Some(out) if args.force => write::replace(out, adopted.text.as_bytes())?,
        Some(out) => {
            write::create_new(out, adopted.text.as_bytes()).map_err(|error| match error {
                Error::Exists { path, .. } => Error::Exists {
                    path,
                    how: "pass --force to replace it, or name another file with -o",
                },
                other => other,
            })?
        }
        None => output::print(&adopted.text),
    }
    Ok(adopted)
}

/// Adopts `file` in place, with the locked edit.
fn in_place(
    file: &Path,
    convert: impl Fn(&str) -> Result<Adopted, Failure>,
) -> Result<Adopted, Failure> {
    let mut done = None;
    write::edit::<Failure>(file, |text| {
        let adopted = convert(text)?;
        let result = adopted.text.clone();
        done = Some(adopted);
        Ok(result)
    })?;
    Ok(done.ok_or_else(|| Error::Edit {
        path: file.to_path_buf(),
        reason: "it was not changed".into(),
    })?)
}

/// The report as one line of JSON.
fn json(path: &Path, adopted: &Adopted) -> String {
    let unread: Vec<serde_json::Value> = adopted
        .unread
        .iter()
        .map(|u| serde_json::json!({ "line": u.line, "text": u.text, "why": u.why }))
        .collect();
    let notes: Vec<serde_json::Value> = adopted
        .notes
        .iter()
        .map(|n| serde_json::json!({ "line": n.line, "text": n.text }))
        .collect();
    serde_json::json!({
        "file": path.display().to_string(),
        "entries": adopted.entries,
        "undated": adopted.undated,
        "zone": adopted.zone.map(|z| z.name()),
        "unread": unread,
        "notes": notes,
        "kept_keys": adopted.kept,
    })
    .to_string()
}

fn report(path: &Path, adopted: &Adopted, config: &Config) {
    let zone = adopted.zone.map_or_else(
        || "no zone stated (add `timezone`)".to_string(),
        |z| z.name().to_string(),
    );
    let entries = match adopted.entries {
        1 => "1 timeline entry".to_string(),
        n => format!("{n} timeline entries"),
    };
    output::print(&format!("{}: {entries}, {zone}\n", path.display()));
    for note in &adopted.notes {
        let at = note.line.map_or(String::new(), |l| format!(":{l}"));
        let text = escape::terminal(&note.text);
        output::print(&format!("{}{at}: {text}\n", path.display()));
    }
    for unread in &adopted.unread {
        let (why, text) = (
            escape::terminal(&unread.why),
            escape::terminal(&unread.text),
        );
        output::print(&format!(
            "{}:{}: not read: {why}: {text}\n",
            path.display(),
            unread.line
        ));
    }
    if adopted.undated > 0 {
        output::message(
            "warning",
            &format!(
                "{}: the first {} entries have no date; write it in the first `at`, as `lint` will ask",
                path.display(),
                adopted.undated
            ),
        );
    }
    let missing: Vec<&str> = adopted
        .kept
        .iter()
        .filter(|k| !config.settings.extra_keys.contains(k))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        output::message(
            "warning",
            &format!(
                "{}: kept the blog's keys {}; list them under `extra_keys` in postmortem.yml so lint accepts them",
                path.display(),
                missing
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
}
