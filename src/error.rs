//! Failures of the tool itself (as opposed to findings in a postmortem) that
//! the library's lower floors share: reading, listing and writing paths,
//! configuration and templates, values given to it. Each names the path or
//! value involved and what to do about it. Each subsystem keeps its own
//! error (`author::timeline::AddError`, `author::import::ImportError`,
//! `author::adopt::AdoptError`, the language server's); the binary wraps
//! them with these in its `Failure`, which picks the exit code.
//!
//! A message states its cause once: where it says what the operating
//! system or tera said, that error is kept in a `cause` field and is not
//! also the `source()`, so a reporter walking the chain repeats nothing.
//! This module names only the bottom floor (`span`, `diagnostic`).

use std::io;
use std::path::PathBuf;

/// Why the tool could not do its job.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{path} does not exist; pass a postmortem file or a folder of them")]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {}", reason(.cause))]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said (in the message, so not a `source`).
        cause: io::Error,
    },
    /// A folder could not be listed.
    #[error("cannot list {path}: {}", reason(.cause))]
    List {
        /// The folder.
        path: PathBuf,
        /// What the operating system said (in the message, so not a `source`).
        cause: io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {}", reason(.cause))]
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said (in the message, so not a `source`).
        cause: io::Error,
    },
    /// The file to create is already there.
    #[error("{path} already exists; {how}")]
    Exists {
        /// The file.
        path: PathBuf,
        /// What the command that refused offers instead.
        how: &'static str,
    },
    /// The file to replace is read-only: the user said to leave it alone.
    #[error("{path} is read-only; make it writable (chmod u+w) if it should change")]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// A path that must be a regular file is a folder, a FIFO or a device.
    #[error(
        "{path} is not a regular file (a folder, FIFO or device is never read or replaced); name a file"
    )]
    NotAFile {
        /// The path as given.
        path: PathBuf,
    },
    /// A file is larger than a postmortem may be.
    #[error("{path} is {size} bytes, over the {limit} a postmortem may have; it was not read")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The paths given hold no postmortem files.
    #[error(
        "no postmortems found in {paths}; pass *.md postmortem files or a folder of them (README.md, index.md and names starting with `_` are skipped)"
    )]
    NoPostmortems {
        /// The paths searched, as shown.
        paths: String,
    },
    /// Another program kept changing the file while it was being edited.
    #[error(
        "{path} kept changing while it was being edited (an editor saving?); nothing was written: save it in the editor and run the command again"
    )]
    KeepsChanging {
        /// The file.
        path: PathBuf,
    },
    /// The advisory lock on a file could not be taken.
    #[error("cannot lock {path} for editing: {}", reason(cause))]
    Lock {
        /// The file.
        path: PathBuf,
        /// The operating system's error (in the message, so not a `source`).
        cause: io::Error,
    },
    /// A site build would replace something it did not make.
    #[error("{path} {why}; nothing was written: {way_out}")]
    SiteRefused {
        /// The output folder as given.
        path: PathBuf,
        /// What is wrong with it, as a phrase after the path.
        why: String,
        /// What the user can do instead.
        way_out: &'static str,
    },
    /// A value the command needs was not given and cannot be asked for.
    #[error("{what} is required: {how}")]
    Missing {
        /// What is missing.
        what: &'static str,
        /// How to give it.
        how: &'static str,
    },
    /// An argument's value is not usable.
    #[error("{what} `{value}` is not usable: {reason}")]
    Invalid {
        /// Which argument.
        what: &'static str,
        /// The value given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A file could not be changed or imported as asked.
    #[error("{path}: {reason}")]
    Edit {
        /// The file.
        path: PathBuf,
        /// Why, as a lowercase phrase.
        reason: String,
    },
    /// The terminal prompt failed (closed input).
    #[error("could not ask at the terminal: {reason}")]
    Prompt {
        /// What went wrong.
        reason: String,
    },
    /// The person at the terminal pressed Ctrl-C at a prompt.
    #[error("cancelled at the prompt; nothing was written")]
    Cancelled,
    /// The configuration file has problems: findings in its text, shown
    /// like lint's (the human reporter draws them as snippets).
    #[error(
        "{path} cannot be used; fix these and run again:\n{}",
        listing(path, text, findings)
    )]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// Its text, which the findings' spans point into.
        text: String,
        /// Every problem found in it.
        findings: Vec<crate::diagnostic::Finding>,
    },
    /// A template failed to load or render.
    #[error("template error{}: {}", path.as_ref().map(|p| format!(" in {}", p.display())).unwrap_or_default(), chain(cause))]
    Template {
        /// The templates folder, for user templates.
        path: Option<PathBuf>,
        /// What tera said, with its causes (all in the message, so not a `source`).
        cause: tera::Error,
    },
}

impl Error {
    /// The file or folder the failure is about, when it is about one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::NotFound { path }
            | Error::Read { path, .. }
            | Error::List { path, .. }
            | Error::Write { path, .. }
            | Error::Exists { path, .. }
            | Error::ReadOnly { path, .. }
            | Error::NotAFile { path }
            | Error::TooLarge { path, .. }
            | Error::KeepsChanging { path }
            | Error::Lock { path, .. }
            | Error::SiteRefused { path, .. }
            | Error::Edit { path, .. }
            | Error::Config { path, .. } => Some(path),
            _ => None,
        }
    }

    /// A read failure of `path`.
    pub fn read(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Read {
            path: path.into(),
            cause: source,
        }
    }

    /// A listing failure of `path`.
    pub fn list(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::List {
            path: path.into(),
            cause: source,
        }
    }

    /// A write failure of `path`.
    pub fn write(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Write {
            path: path.into(),
            cause: source,
        }
    }
}

/// `  path:line:column: message (help)`, a line per finding.
fn listing(path: &std::path::Path, text: &str, findings: &[crate::diagnostic::Finding]) -> String {
    let index = crate::span::LineIndex::new(text);
    let line = |f: &crate::diagnostic::Finding| {
        let at = index.position(text, f.span.start);
        let help = f
            .help
            .as_ref()
            .map_or_else(String::new, |h| format!(" ({h})"));
        format!(
            "  {}:{}:{}: {}{help}",
            path.display(),
            at.line,
            at.column,
            f.message
        )
    };
    findings.iter().map(line).collect::<Vec<_>>().join("\n")
}

/// An error and its causes, `error: cause: cause`.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// The OS error as a lowercase phrase without the "(os error N)" tail, as
/// every message that states an I/O failure says it.
pub fn reason(error: &io::Error) -> String {
    let text = error.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown error".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_reasons_read_as_lowercase_phrases() {
        let error = Error::read("p.md", io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(error.to_string(), "cannot read p.md: entity not found");
        let os = io::Error::from_raw_os_error(2);
        assert_eq!(reason(&os), "no such file or directory");
    }
}
