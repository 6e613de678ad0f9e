//! `postmortem templates export DIR`: the built-in templates, to start
//! customizing (then `render --templates DIR` or `templates:` in postmortem.yml).

use crate::cli::Failure;
use crate::output;
use postmortem::render::templates;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Write the built-in templates into a folder.
    Export {
        /// The folder to write into (created if needed).
        dir: PathBuf,
        /// Replace files that are already there.
        #[arg(long)]
        force: bool,
    },
}

pub(super) fn run(args: Args) -> Result<ExitCode, Failure> {
    let Command::Export { dir, force } = args.command;
    let written = templates::export(&dir, force)?;
    let list: String = written
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    output::print(&list);
    Ok(ExitCode::SUCCESS)
}
