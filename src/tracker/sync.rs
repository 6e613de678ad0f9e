//! Doing a [`plan`](super::plan): each create sent, then its address written
//! into the item's `link` with the locked in-place edit before the next
//! create, so a run stopped anywhere loses no issue it made; each state read
//! and, when the issue was closed, the item's `status` set. An item the
//! file says is finished whose issue is open is reported, never changed.

use super::plan::{FilePlan, Step};
use super::{Remote, Tracker};
use super::{SyncError, TrackerError};
use crate::author::item;
use crate::document::ActionStatus;

/// What happened to one action item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The postmortem as shown.
    pub path: String,
    /// The item's place in `action_items`, from 1.
    pub item: usize,
    /// The item's title.
    pub title: String,
    /// The issue's key (`acme/checkout#12`), when there is one.
    pub key: Option<String>,
    /// What happened.
    pub what: What,
}

/// What happened to an action item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// An issue was created and its address written into `link`.
    Created {
        /// The issue's address.
        url: String,
    },
    /// A dry run: an issue would be created.
    WouldCreate,
    /// The item's `status` follows its closed issue (a dry run only says so).
    Status {
        /// As the file had it.
        from: ActionStatus,
        /// As the issue says.
        to: ActionStatus,
        /// Whether the file was changed (not in a dry run).
        written: bool,
    },
    /// The file says finished, the issue is open: reported, not changed.
    StillOpen {
        /// As the file has it.
        status: ActionStatus,
    },
    /// The tracker refused the issue; nothing was written for the item.
    Rejected {
        /// Which tracker refused it and its words.
        message: String,
    },
    /// The linked issue could not be read (deleted, moved, or not visible
    /// with these credentials); the item was left as it is.
    Missing {
        /// The tracker's answer, as a message.
        message: String,
    },
}

/// Runs `plans` against `tracker`, telling `report` each event as it
/// happens; `dry_run` reads states but creates and writes nothing. A
/// refused issue is an event and the run goes on; any other tracker
/// failure, or a failed write, ends the run (what was written stays).
pub fn run(
    plans: &[FilePlan],
    tracker: &mut dyn Tracker,
    dry_run: bool,
    report: &mut dyn FnMut(Event),
) -> Result<(), SyncError> {
    for plan in plans {
        for step in &plan.steps {
            let event = |key: Option<String>, what: What| Event {
                path: plan.shown.clone(),
                item: step.index + 1,
                title: step.title.clone(),
                key,
                what,
            };
            let at = (step.index, step.title.as_str());
            match &step.step {
                Step::Create(_) if dry_run => report(event(None, What::WouldCreate)),
                Step::Create(issue) => match tracker.create(issue) {
                    Ok(made) => {
                        write(plan, at, "link", &made.url).map_err(|e| SyncError::Unwritten {
                            url: made.url.clone(),
                            cause: Box::new(e),
                        })?;
                        report(event(Some(made.key), What::Created { url: made.url }));
                    }
                    Err(e) if e.is_item_only() => {
                        report(event(
                            None,
                            What::Rejected {
                                message: e.to_string(),
                            },
                        ));
                    }
                    Err(failure) => return Err(failure.into()),
                },
                Step::Check { link, status } => {
                    let remote = match tracker.state(link) {
                        Ok(remote) => remote,
                        // A deleted or moved issue is this item's matter:
                        // the others still sync.
                        Err(failure @ TrackerError::NotFound { .. }) => {
                            let message = failure.to_string();
                            let key = crate::document::issue::key(link);
                            report(event(key, What::Missing { message }));
                            continue;
                        }
                        Err(failure) => return Err(failure.into()),
                    };
                    let Some(what) = compare(*status, remote, dry_run) else {
                        continue;
                    };
                    if let What::Status {
                        to, written: true, ..
                    } = what
                    {
                        write(plan, at, "status", to.name())?;
                    }
                    report(event(crate::document::issue::key(link), what));
                }
            }
        }
    }
    Ok(())
}

/// What the issue's state means for an item of `status`.
fn compare(status: ActionStatus, remote: Remote, dry_run: bool) -> Option<What> {
    let to = match remote {
        // The file is the record: a finished item stays finished.
        Remote::Open if !status.is_open() => return Some(What::StillOpen { status }),
        _ if !status.is_open() => return None,
        Remote::Open => return None,
        Remote::Done => ActionStatus::Done,
        Remote::WontFix => ActionStatus::WontFix,
    };
    Some(What::Status {
        from: status,
        to,
        written: !dry_run,
    })
}

fn write(
    plan: &FilePlan,
    at: (usize, &str),
    key: &'static str,
    value: &str,
) -> Result<(), SyncError> {
    crate::write::edit(&plan.path, |text| {
        item::set(text, at, key, value).map_err(|cause| SyncError::Item {
            path: plan.path.clone(),
            cause,
        })
    })
}
