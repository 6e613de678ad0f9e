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
        Err(failure) => {
            output::error(&failure);
            return failure.code();
        }
    };
    match output::finish() {
        Ok(()) => code,
        Err(failure) => {
            output::error(&failure);
            failure.code()
        }
    }
}
