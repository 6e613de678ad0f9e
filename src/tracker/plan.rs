//! What `actions sync` will do to each postmortem: create an issue for each
//! open item without a link, and read the state of each item whose link is
//! an issue of the configured tracker. Decided from the documents alone.

use super::NewIssue;
use crate::collection::Loaded;
use crate::document::ActionStatus;
use std::path::PathBuf;

/// One thing to do for one action item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Create an issue and write its address into `link`.
    Create(NewIssue),
    /// Read the state of the issue at `link`.
    Check {
        /// The item's link.
        link: String,
        /// The item's status in the file.
        status: ActionStatus,
    },
}

/// A step with the item it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemStep {
    /// The item's place in `action_items`, from 0.
    pub index: usize,
    /// Its title.
    pub title: String,
    /// What to do.
    pub step: Step,
}

/// The steps for one postmortem.
#[derive(Clone, Debug)]
pub struct FilePlan {
    /// The file.
    pub path: PathBuf,
    /// Its path as shown.
    pub shown: String,
    /// The steps, in the order of the items.
    pub steps: Vec<ItemStep>,
}

/// The steps for every postmortem: `owns` says whether a link is an issue
/// of the configured tracker; `base_url` is where the site is published.
pub fn plan(
    postmortems: &[Loaded],
    owns: &dyn Fn(&str) -> bool,
    base_url: Option<&str>,
) -> Vec<FilePlan> {
    postmortems
        .iter()
        .map(|p| FilePlan {
            path: p.file.clone(),
            shown: p.path.clone(),
            steps: steps(p, owns, base_url),
        })
        .filter(|f| !f.steps.is_empty())
        .collect()
}

fn steps(p: &Loaded, owns: &dyn Fn(&str) -> bool, base_url: Option<&str>) -> Vec<ItemStep> {
    let doc = &p.document;
    let incident = doc
        .title
        .as_ref()
        .map_or_else(String::new, |t| t.value.clone());
    let postmortem = match base_url {
        Some(base) => {
            let slug = crate::render::file_slug(doc, &p.file).unwrap_or_default();
            format!("{}/{slug}.html", base.trim_end_matches('/'))
        }
        None => p.path.clone(),
    };
    let mut steps = Vec::new();
    for (index, item) in doc.action_items.iter().enumerate() {
        let Some(title) = item.title.as_ref().map(|t| t.value.clone()) else {
            continue;
        };
        let step = match &item.link {
            Some(link) if owns(&link.value) => Step::Check {
                link: link.value.clone(),
                status: item.status.value,
            },
            Some(_) => continue,
            None if !item.is_open() => continue,
            None => Step::Create(NewIssue {
                title: title.clone(),
                incident: incident.clone(),
                postmortem: postmortem.clone(),
                owner: item.owner.as_ref().map(|o| o.value.clone()),
                priority: item.priority.as_ref().map(|v| v.value.name().to_string()),
                kind: item.kind.as_ref().map(|v| v.value.name().to_string()),
                due: item.due.as_ref().map(|d| d.value),
            }),
        };
        steps.push(ItemStep { index, title, step });
    }
    steps
}
