//! `postmortem timeline add FILE "what happened" [--at TIME|now] [--kind KIND]`.

use crate::cli::Failure;
use crate::output;
use postmortem::author::timeline::{self, NewEntry};
use postmortem::document::Kind;
use postmortem::write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Insert an entry at its place in the timeline, changing nothing else in the file.
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
struct AddArgs {
    /// The postmortem to add to.
    file: PathBuf,
    /// What happened.
    event: String,
    /// When: `now` (default), a time alone (its occurrence nearest to now,
    /// at most five minutes ahead, in the document's zone), or a full timestamp.
    #[arg(long, default_value = "now", value_name = "TIME")]
    at: String,
    /// The entry's kind (default note).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Kind::NAME_LIST))]
    kind: Option<String>,
    /// Move the milestone `--kind` names to this entry when the postmortem
    /// has it already; the old entry stays, as a note (without this, a
    /// second one is refused).
    #[arg(long, requires = "kind")]
    replace: bool,
    /// The time to treat as now (see `lint --now`).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
}

pub(super) fn run(args: Args) -> Result<ExitCode, Failure> {
    let Command::Add(args) = args.command;
    let now = super::now(args.now.as_deref())?;
    let kind = args.kind.as_deref().and_then(Kind::from_name);
    let entry = NewEntry {
        at: args.at,
        kind,
        event: args.event,
        ..NewEntry::default()
    };
    write::edit(&args.file, |text| {
        timeline::add(text, &entry, now, args.replace).map_err(|cause| Failure::Timeline {
            path: args.file.clone(),
            cause,
        })
    })?;
    output::print(&format!("{}\n", args.file.display()));
    Ok(ExitCode::SUCCESS)
}
