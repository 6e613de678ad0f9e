//! Why a tracker could not do what `actions sync` asked. Each message names
//! the tracker and what to do; none holds a secret.

use super::Kind;
use crate::author::item::ItemError;
use std::path::{Path, PathBuf};

/// Why `actions sync` stopped: the tracker's failure, a file that could not
/// be changed, or an issue made whose link could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// Reading or writing a file failed.
    #[error(transparent)]
    Tool(#[from] crate::error::Error),
    /// The tracker could not do what was asked.
    #[error(transparent)]
    Tracker(#[from] TrackerError),
    /// An action item's key could not be set.
    #[error("{path}: cannot change it: {cause}")]
    Item {
        /// The postmortem.
        path: PathBuf,
        /// Why (in the message, so not a `source`).
        cause: ItemError,
    },
    /// An issue was filed and its link could not be written.
    #[error(
        "{url} was created but its link could not be written ({cause}); write `link: {url}` into the item by hand before running sync again"
    )]
    Unwritten {
        /// The new issue's address.
        url: String,
        /// Why the write failed (in the message, so not a `source`).
        cause: Box<SyncError>,
    },
}

impl SyncError {
    /// The file the failure is about, when it is about one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            SyncError::Tool(error) => error.path(),
            SyncError::Item { path, .. } => Some(path),
            SyncError::Unwritten { cause, .. } => cause.path(),
            SyncError::Tracker(_) => None,
        }
    }
}

/// A tracker failure.
#[derive(Debug, thiserror::Error)]
pub enum TrackerError {
    /// `postmortem.yml` has no `trackers:` entry for it.
    #[error("{tracker} is not configured; add it under `trackers:` in postmortem.yml")]
    NotConfigured {
        /// The tracker.
        tracker: Kind,
    },
    /// No tracker is configured.
    #[error(
        "no tracker is configured; add one under `trackers:` in postmortem.yml (see the README)"
    )]
    NoneConfigured,
    /// Several trackers are configured and none was chosen.
    #[error("several trackers are configured ({names}); choose one with --tracker")]
    Ambiguous {
        /// The configured ones.
        names: String,
    },
    /// The credentials are not in the environment.
    #[error("{tracker} needs {vars} in the environment (credentials are read from nowhere else); nothing was sent", vars = tracker.env_vars())]
    NoSecret {
        /// The tracker.
        tracker: Kind,
    },
    /// 401 or 403: the credentials were refused.
    #[error("{tracker} refused the credentials (HTTP {status}); check {vars} and its permissions", vars = tracker.env_vars())]
    Auth {
        /// The tracker.
        tracker: Kind,
        /// 401 or 403.
        status: u16,
    },
    /// 404 for the configured repository, project or team.
    #[error("{tracker} has no {what} (or the credentials cannot see it); check `trackers.{config}` in postmortem.yml", config = tracker.name())]
    NotFound {
        /// The tracker.
        tracker: Kind,
        /// `repository acme/checkout`, `project OPS`, `team ENG`.
        what: String,
    },
    /// 400 or 422: the tracker refused this issue.
    #[error("{tracker} refused the issue: {message}")]
    Rejected {
        /// The tracker.
        tracker: Kind,
        /// The tracker's own words.
        message: String,
    },
    /// 429 or 5xx after every retry.
    #[error(
        "{tracker} kept answering HTTP {status} after {tries} {word}; run again {when} (links written so far stay)",
        word = if *tries == 1 { "try" } else { "tries" },
        when = wait.map_or("later".to_string(), |s| format!("in {s} seconds or later, as it asks")),
    )]
    Unavailable {
        /// The tracker.
        tracker: Kind,
        /// The last status.
        status: u16,
        /// How many requests were sent.
        tries: u32,
        /// A `Retry-After` longer than is waited for, in seconds.
        wait: Option<u64>,
    },
    /// The request could not be sent or its answer read.
    #[error(
        "cannot reach {tracker} at {url}: {}; check the address in postmortem.yml and the network",
        transport_reason(cause)
    )]
    Transport {
        /// The tracker.
        tracker: Kind,
        /// The address without its query.
        url: String,
        /// What the HTTP client said (in the message, so not a `source`).
        cause: ureq::Error,
    },
    /// An answer that is not what the tracker's documentation says.
    #[error(
        "{tracker} answered in an unexpected way ({reason}); is the configured address the tracker's API?"
    )]
    Reply {
        /// The tracker.
        tracker: Kind,
        /// What was wrong with it.
        reason: String,
    },
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Kind::Github => "GitHub",
            Kind::Jira => "Jira",
            Kind::Linear => "Linear",
        })
    }
}

impl TrackerError {
    /// Whether the failure is about one issue only (the run goes on without it).
    pub fn is_item_only(&self) -> bool {
        matches!(self, TrackerError::Rejected { .. })
    }
}

/// What the HTTP client said, as a phrase: ureq's kind prefix (`io: `)
/// left off.
fn transport_reason(cause: &ureq::Error) -> String {
    let text = cause.to_string();
    match text.split_once(": ") {
        Some((kind, rest)) if !kind.contains(' ') && !rest.is_empty() => rest.to_string(),
        _ => text,
    }
}
