//! `postmortem server`: the language server on standard input and output.

use postmortem::Error;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The time to treat as now (RFC 3339 or `YYYY-MM-DD HH:MM`), for
    /// overdue action items and future times.
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
    /// Accepted for editors that pass it (VS Code's client does); standard
    /// input and output are the only transport.
    #[arg(long, hide = true)]
    stdio: bool,
}

pub(super) fn run(args: Args) -> Result<ExitCode, Error> {
    let now = super::now(args.now.as_deref())?;
    let (connection, threads) = lsp_server::Connection::stdio();
    postmortem::server::run(&connection, now)?;
    drop(connection);
    threads
        .join()
        .map_err(|source| Error::ServerIo { source })?;
    Ok(ExitCode::SUCCESS)
}
