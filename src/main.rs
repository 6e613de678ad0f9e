//! The `postmortem` binary: parses arguments, runs a subcommand, prints
//! through [`output`], and exits 0 (clean), 1 (findings) or 2 (could not run).

mod cli;
mod output;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let code = match cli::run(args) {
        Ok(code) => code,
        // 130, as for a Ctrl-C outside raw mode (output::prompt).
        Err(postmortem::Error::Cancelled) => return ExitCode::from(130),
        Err(error) => {
            output::error(&error);
            return ExitCode::from(2);
        }
    };
    match output::finish() {
        Ok(()) => code,
        Err(error) => {
            output::error(&error);
            ExitCode::from(2)
        }
    }
}
