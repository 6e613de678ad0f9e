//! Why a command could not run, as the binary reports it, and the exit code
//! that means: the library's failures ([`postmortem::Error`]), each
//! subsystem's own (a timeline edit, an import, adopt), and the ones only
//! the command line meets (the sockets of `serve` and `server`, standard
//! output, `--now`). [`Failure::code`] is the one place an exit code for a
//! failure is chosen. Like the library's, each message states its cause
//! once: the cause is kept in a field, not also as the `source()`.

use postmortem::author::adopt::AdoptError;
use postmortem::author::import::ImportError;
use postmortem::author::timeline::AddError;
use postmortem::error::reason;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// A command that could not do its job.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    /// A failure of the library (reading, writing, configuration, templates).
    #[error(transparent)]
    Tool(#[from] postmortem::Error),
    /// `timeline add` (or `import --into`) could not add the entry.
    #[error("{path}: cannot change it: {cause}")]
    Timeline { path: PathBuf, cause: AddError },
    /// An incident export could not be imported.
    #[error("{path}: cannot import: {cause}")]
    Import { path: PathBuf, cause: ImportError },
    /// `actions sync` stopped.
    #[error(transparent)]
    Sync(#[from] postmortem::tracker::SyncError),
    /// A Markdown postmortem could not be adopted.
    #[error("{path}: cannot adopt: {cause}")]
    Adopt { path: PathBuf, cause: AdoptError },
    /// Standard input or output of the language server failed.
    #[error("the language server could not use standard input or output: {cause}")]
    ServerIo { cause: io::Error },
    /// `serve` could not listen on the address.
    #[error(
        "cannot listen on {address}: {}; pass another --port (0 picks a free one) or --bind",
        reason(cause)
    )]
    Listen { address: String, cause: io::Error },
    /// `serve` could not start its threads, or stopped serving.
    #[error(
        "the preview server stopped: {}; run serve again once the machine has threads and memory to spare",
        reason(cause)
    )]
    Serve { cause: io::Error },
    /// `--now` or `POSTMORTEM_NOW` is not a timestamp.
    #[error("`{value}` is not a usable time for --now: {reason}")]
    InvalidNow { value: String, reason: String },
    /// Writing to standard output failed (other than a closed pipe).
    #[error("cannot write to standard output: {}", reason(cause))]
    Stdout { cause: io::Error },
}

impl Failure {
    /// The file the failure is about, when it is about one.
    pub(crate) fn path(&self) -> Option<&std::path::Path> {
        match self {
            Failure::Tool(error) => error.path(),
            Failure::Sync(error) => error.path(),
            Failure::Timeline { path, .. }
            | Failure::Import { path, .. }
            | Failure::Adopt { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The exit code: 130 for Ctrl-C at a prompt (as for a Ctrl-C outside
    /// raw mode), 2 for everything else that stopped a command.
    pub(crate) fn code(&self) -> ExitCode {
        match self {
            Failure::Tool(postmortem::Error::Cancelled) => ExitCode::from(130),
            _ => ExitCode::from(2),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn a_cause_in_the_message_is_not_also_its_source() {
        let failures = [
            Failure::Stdout {
                cause: io::Error::from_raw_os_error(28),
            },
            Failure::Tool(postmortem::Error::read(
                "p.md",
                io::Error::from_raw_os_error(2),
            )),
            Failure::Timeline {
                path: "p.md".into(),
                cause: AddError::Unreadable,
            },
        ];
        for failure in failures {
            assert!(failure.source().is_none(), "{failure}");
        }
    }

    #[test]
    fn cancelled_exits_130_and_other_failures_2() {
        let cancelled = Failure::Tool(postmortem::Error::Cancelled);
        assert_eq!(cancelled.code(), ExitCode::from(130));
        let stdout = Failure::Stdout {
            cause: io::Error::from_raw_os_error(28),
        };
        assert_eq!(stdout.code(), ExitCode::from(2));
    }
}
