//! Issue trackers for action items: `actions sync` creates an issue for each
//! open item without a link, writes the issue's address back into the item,
//! and brings the issue's state home. One client per tracker (GitHub's REST
//! API, Jira Cloud's REST API v3, Linear's GraphQL API) behind [`Tracker`];
//! [`plan`] decides what to do, [`sync`] does it one item at a time.
//!
//! Secrets come only from the environment ([`Secrets`]); they go into
//! request headers and nowhere else: no error, event or file holds them.

mod error;
mod github;
mod http;
mod jira;
mod linear;
pub mod plan;
pub mod sync;

pub use crate::config::trackers::{GithubSettings, JiraSettings, LinearSettings, Trackers};
pub use error::{SyncError, TrackerError};

use chrono::NaiveDate;

/// Which tracker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Kind {
    /// GitHub issues.
    Github,
    /// Jira Cloud.
    Jira,
    /// Linear.
    Linear,
}

crate::document::names::names!(Kind {
    Github => "github",
    Jira => "jira",
    Linear => "linear",
});

impl Kind {
    /// The environment variables the tracker's credentials are read from.
    pub fn env_vars(self) -> &'static str {
        match self {
            Kind::Github => "GITHUB_TOKEN",
            Kind::Jira => "JIRA_EMAIL and JIRA_API_TOKEN",
            Kind::Linear => "LINEAR_API_KEY",
        }
    }
}

/// An issue to create for an action item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewIssue {
    /// The item's title.
    pub title: String,
    /// The postmortem's title.
    pub incident: String,
    /// Where the postmortem is: its page under `--base-url`, else its path.
    pub postmortem: String,
    /// The item's owner.
    pub owner: Option<String>,
    /// P0..P3.
    pub priority: Option<String>,
    /// prevent, mitigate, detect or process.
    pub kind: Option<String>,
    /// The item's due date.
    pub due: Option<NaiveDate>,
}

impl NewIssue {
    /// The item's facts for the description, as (name, value), the same
    /// words in every tracker.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let facts = [
            ("Owner", self.owner.clone()),
            ("Priority", self.priority.clone()),
            ("Kind", self.kind.clone()),
            ("Due", self.due.map(|d| d.to_string())),
        ];
        facts
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect()
    }

    /// The description in Markdown (GitHub, Linear): a sentence naming the
    /// postmortem, then a bullet per fact of the item.
    pub fn markdown(&self) -> String {
        let mut text = format!(
            "Action item from the postmortem **{}** ({}).\n\n",
            self.incident, self.postmortem
        );
        for (name, value) in self.facts() {
            text.push_str(&format!("- {name}: {value}\n"));
        }
        text
    }
}

/// An issue the tracker made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Created {
    /// Its web address, written into the item's `link`.
    pub url: String,
    /// Its key as people write it (`acme/checkout#12`, `OPS-7`, `ENG-3`).
    pub key: String,
}

/// Where an issue stands in the tracker, as far as an action item cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remote {
    /// Not closed (or reopened).
    Open,
    /// Closed as completed.
    Done,
    /// Closed as not planned, or canceled.
    WontFix,
}

/// A tracker client.
pub trait Tracker {
    /// Which tracker this is.
    fn kind(&self) -> Kind;
    /// Whether `link` is an issue of the configured repository, project or team.
    fn owns(&self, link: &str) -> bool;
    /// Creates the issue.
    fn create(&mut self, issue: &NewIssue) -> Result<Created, TrackerError>;
    /// The state of the issue at `link` (one [`Tracker::owns`]).
    fn state(&mut self, link: &str) -> Result<Remote, TrackerError>;
}

/// The credentials, read from the environment by the caller.
#[derive(Clone, Default)]
pub struct Secrets {
    /// `GITHUB_TOKEN`.
    pub github_token: Option<String>,
    /// `JIRA_EMAIL`.
    pub jira_email: Option<String>,
    /// `JIRA_API_TOKEN`.
    pub jira_token: Option<String>,
    /// `LINEAR_API_KEY`.
    pub linear_key: Option<String>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets(..)")
    }
}

impl Secrets {
    /// The variables from `var` (`std::env::var` in the binary); empty ones are unset.
    pub fn from(var: impl Fn(&str) -> Option<String>) -> Secrets {
        let get = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        Secrets {
            github_token: get("GITHUB_TOKEN"),
            jira_email: get("JIRA_EMAIL"),
            jira_token: get("JIRA_API_TOKEN"),
            linear_key: get("LINEAR_API_KEY"),
        }
    }
}

/// The client for `kind` as configured; reads nothing from the network yet.
pub fn connect(
    kind: Kind,
    trackers: &Trackers,
    secrets: &Secrets,
) -> Result<Box<dyn Tracker>, TrackerError> {
    let unconfigured = || TrackerError::NotConfigured { tracker: kind };
    let missing = || TrackerError::NoSecret { tracker: kind };
    Ok(match kind {
        Kind::Github => {
            let settings = trackers.github.clone().ok_or_else(unconfigured)?;
            let token = secrets.github_token.clone().ok_or_else(missing)?;
            Box::new(github::Github::new(settings, token))
        }
        Kind::Jira => {
            let settings = trackers.jira.clone().ok_or_else(unconfigured)?;
            let email = secrets.jira_email.clone().ok_or_else(missing)?;
            let token = secrets.jira_token.clone().ok_or_else(missing)?;
            Box::new(jira::Jira::new(settings, &email, &token))
        }
        Kind::Linear => {
            let settings = trackers.linear.clone().ok_or_else(unconfigured)?;
            let key = secrets.linear_key.clone().ok_or_else(missing)?;
            Box::new(linear::Linear::new(settings, key))
        }
    })
}
