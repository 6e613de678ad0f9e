//! `postmortem adopt FILE... [--timezone ZONE] [-o OUT | --print]`: a
//! Markdown postmortem written without the tool, in this format, in place
//! (locked and atomic) unless told to print it or write it elsewhere.

use crate::output;
use postmortem::Error;
use postmortem::author::adopt::{self, Adopted, Options};
use postmortem::config::Config;
use postmortem::document::argument;
use postmortem::write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Error> {
    if args.output.is_some() && args.files.len() > 1 {
        return Err(Error::Invalid {
            what: "--output",
            value: format!("{} files", args.files.len()),
            reason: "it takes one file; adopt several in place, or one at a time".into(),
        });
    }
    let zone = args
        .timezone
        .as_deref()
        .map(|z| argument::zone("--timezone", z))
        .transpose()?;
    if let Some(note) = args.timezone.as_deref().and_then(argument::zone_note) {
        output::message("note", &note);
    }
    let mut failed = false;
    for file in &args.files {
        match one(file, zone, &args, config) {
            Ok(()) => {}
            Err(error) => {
                output::error(&error);
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn one(
    file: &Path,
    zone: Option<chrono_tz::Tz>,
    args: &Args,
    config: &Config,
) -> Result<(), Error> {
    let options = Options {
        zone,
        file_name: file.file_name().map(|n| n.to_string_lossy().into_owned()),
    };
    let convert = |text: &str| {
        adopt::adopt(text, &options).map_err(|source| Error::Adopt {
            path: file.to_path_buf(),
            source,
        })
    };
    let adopted = if args.print || args.output.is_some() {
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
        adopted
    } else {
        let mut done = None;
        write::edit(file, |text| {
            let adopted = convert(text)?;
            let result = adopted.text.clone();
            done = Some(adopted);
            Ok(result)
        })?;
        done.ok_or_else(|| Error::Edit {
            path: file.to_path_buf(),
            reason: "it was not changed".into(),
        })?
    };
    if !args.print {
        report(args.output.as_deref().unwrap_or(file), &adopted, config);
    }
    Ok(())
}

fn report(path: &Path, adopted: &Adopted, config: &Config) {
    let zone = adopted.zone.map_or_else(
        || "no zone stated (add `timezone`)".to_string(),
        |z| z.name().to_string(),
    );
    output::print(&format!(
        "{}: {} timeline entries, {zone}\n",
        path.display(),
        adopted.entries
    ));
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
