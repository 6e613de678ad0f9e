//! `action-overdue`: open action items past their due date.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::ActionOverdue,
    level: Level::Warning,
    summary: "an open or in-progress action item past its due date",
    docs: "\
What it catches: an action item with `status: open` (the default) or
`in-progress` whose `due` date has passed, counted in the document's zone.
`--now` or `POSTMORTEM_NOW` fix the date for reproducible runs.

Why it matters: the follow-ups are the point of a postmortem. An overdue item
is either done and not marked, or not done and the risk is still there; both
are worth a look.

Failing (with now after 2026-06-30):
    action_items:
      - title: Reject cleanup inputs dated after the snapshot
        due: 2026-06-30
        status: open

Fixed:
    action_items:
      - title: Reject cleanup inputs dated after the snapshot
        due: 2026-06-30
        status: done",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let today = document.today(context.now);
    for item in document
        .action_items
        .iter()
        .filter(|item| item.is_overdue(today))
    {
        let Some(due) = &item.due else { continue };
        let name = item
            .title
            .as_ref()
            .map_or("an action item", |t| t.value.as_str());
        let days = match (today - due.value).num_days() {
            1 => "1 day".to_string(),
            n => format!("{n} days"),
        };
        let message = format!(
            "`{name}` was due {} ({days} ago) and is still {}",
            due.value,
            item.status.value.name()
        );
        let help = "mark it `done` or `wontfix`, or agree a new `due` date";
        out.push(Finding::new(Rule::ActionOverdue, due.span, message).with_help(help));
    }
}
