//! Failures of the tool itself (as opposed to findings in a postmortem):
//! each names the path or value involved and what to do about it.

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
    #[error("cannot read {path}: {}", reason(.source))]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// A folder could not be listed.
    #[error("cannot list {path}: {}", reason(.source))]
    List {
        /// The folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {}", reason(.source))]
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
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
    #[error("cannot lock {path} for editing: {}", reason(source))]
    Lock {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: io::Error,
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
    /// Writing to standard output failed (other than a closed pipe).
    #[error("cannot write to standard output: {}", reason(source))]
    Stdout {
        /// The operating system's error.
        #[source]
        source: io::Error,
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
    /// `timeline add` could not add the entry.
    #[error("{path}: cannot change it: {source}")]
    Timeline {
        /// The postmortem.
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::author::timeline::AddError,
    },
    /// `actions sync` could not set a key of an action item.
    #[error("{path}: cannot change it: {source}")]
    Item {
        /// The postmortem.
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::author::item::ItemError,
    },
    /// `actions sync` filed an issue and could not write its link.
    #[error(
        "{url} was created but its link could not be written ({source}); write `link: {url}` into the item by hand before running sync again"
    )]
    Unwritten {
        /// The new issue's address.
        url: String,
        /// Why the write failed.
        #[source]
        source: Box<Error>,
    },
    /// An issue tracker could not do what `actions sync` asked.
    #[error("{source}")]
    Tracker {
        /// Why.
        #[source]
        source: crate::tracker::TrackerError,
    },
    /// An incident export could not be imported.
    #[error("{path}: cannot import: {source}")]
    Import {
        /// The export file (`<stdin>` for standard input).
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::author::import::ImportError,
    },
    /// A Markdown postmortem could not be adopted.
    #[error("{path}: cannot adopt: {source}")]
    Adopt {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::author::adopt::AdoptError,
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
    #[error("template error{}: {}", path.as_ref().map(|p| format!(" in {}", p.display())).unwrap_or_default(), chain(source))]
    Template {
        /// The templates folder, for user templates.
        path: Option<PathBuf>,
        /// What tera said, with its causes.
        #[source]
        source: tera::Error,
    },
    /// Standard input or output of the language server failed.
    #[cfg(feature = "cli")]
    #[error("the language server could not use standard input or output: {source}")]
    ServerIo {
        /// The failure.
        #[source]
        source: io::Error,
    },
    /// `serve` could not listen on the address.
    #[error(
        "cannot listen on {address}: {}; pass another --port (0 picks a free one) or --bind",
        reason(source)
    )]
    Listen {
        /// The address and port.
        address: String,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// `serve` could not start its threads, or stopped serving.
    #[error(
        "the preview server stopped: {}; run serve again once the machine has threads and memory to spare",
        reason(source)
    )]
    Serve {
        /// Why.
        #[source]
        source: io::Error,
    },
    /// `--now` or `POSTMORTEM_NOW` is not a timestamp.
    #[error("`{value}` is not a usable time for --now: {reason}")]
    InvalidNow {
        /// The value given.
        value: String,
        /// What is wrong with it.
        reason: String,
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
            | Error::Timeline { path, .. }
            | Error::Item { path, .. }
            | Error::Import { path, .. }
            | Error::Adopt { path, .. }
            | Error::Config { path, .. } => Some(path),
            Error::Unwritten { source, .. } => source.path(),
            _ => None,
        }
    }

    /// A read failure of `path`.
    pub fn read(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Read {
            path: path.into(),
            source,
        }
    }

    /// A listing failure of `path`.
    pub fn list(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::List {
            path: path.into(),
            source,
        }
    }

    /// A write failure of `path`.
    pub fn write(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Write {
            path: path.into(),
            source,
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

/// The OS error as a lowercase phrase without the "(os error N)" tail.
fn reason(error: &io::Error) -> String {
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
