//! `action-item`: action items without owner or due date, or due before
//! the incident.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::ActionItem,
    level: Level::ErrorWhenPublished,
    summary: "an action item without owner or due date, or due before the incident",
    docs: "\
What it catches: an open or in-progress action item with no `owner` or with
no `due` date, and any item with a `due` date before the incident started.
Items already `done` or `wontfix` need neither owner nor date. A warning in a
draft or in review, an error once published.

Why it matters: an action item without an owner is a wish, and one without a
date does not get done. A due date before the incident is a typo that also
makes the item look overdue from day one.

Failing:
    action_items:
      - title: Reject cleanup inputs dated after the snapshot

Fixed:
    action_items:
      - title: Reject cleanup inputs dated after the snapshot
        owner: storage-team
        due: 2026-06-30",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let incident = document.began_on();
    for item in &document.action_items {
        let name = item
            .title
            .as_ref()
            .map_or("an action item", |t| t.value.as_str());
        let at = item.title.as_ref().map_or(item.span, |t| t.span);
        if item.owner.is_none() && item.is_open() {
            let message = format!("`{name}` has no owner");
            out.push(
                Finding::new(Rule::ActionItem, at, message)
                    .with_help("add `owner:` (a team or a person)"),
            );
        }
        match (&item.due, incident) {
            (None, _) if item.is_open() => {
                let message = format!("`{name}` has no due date");
                out.push(
                    Finding::new(Rule::ActionItem, at, message).with_help("add `due: YYYY-MM-DD`"),
                );
            }
            (Some(due), Some(incident)) if due.value < incident => {
                let message = format!(
                    "`{name}` is due {}, before the incident ({incident})",
                    due.value
                );
                let help = "check the year and month of `due`";
                out.push(Finding::new(Rule::ActionItem, due.span, message).with_help(help));
            }
            _ => {}
        }
    }
}
