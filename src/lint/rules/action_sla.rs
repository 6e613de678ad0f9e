//! `action-sla`: action items due later than the project allows for their
//! priority (needs `action_sla` in `postmortem.yml`).

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};
use chrono_tz::Tz;

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::ActionSla,
    level: Level::Warning,
    summary: "an action item due later than `action_sla` allows for its priority",
    docs: "\
What it catches: an action item whose `due` date is further from the end of
the incident (impact end, or the resolved milestone) than the project's
`action_sla` allows for its priority, for example `P0: 2w, P1: 4w`. Runs only
for priorities listed under `action_sla` in `postmortem.yml`.

Why it matters: a P0 fix scheduled for next quarter is not a P0. Either the
date or the priority is wrong, and the review is the place to settle it.

Failing (action_sla: {P0: 2w}, incident ended 2026-03-01):
    action_items:
      - title: Validate configuration before it is pushed
        priority: P0
        due: 2026-06-01

Fixed:
    action_items:
      - title: Validate configuration before it is pushed
        priority: P0
        due: 2026-03-13",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let Some(end) = document.impact_end() else {
        return;
    };
    let ended = end
        .with_timezone(&document.zone.unwrap_or(Tz::UTC))
        .date_naive();
    for item in &document.action_items {
        let (Some(priority), Some(due)) = (&item.priority, &item.due) else {
            continue;
        };
        let Some((_, limit)) = context
            .settings
            .action_sla
            .iter()
            .find(|(p, _)| p == priority.value.name())
        else {
            continue;
        };
        let allowed_days = limit / (24 * 60);
        let days = (due.value - ended).num_days();
        if days <= allowed_days {
            continue;
        }
        let name = item
            .title
            .as_ref()
            .map_or("an action item", |t| t.value.as_str());
        let message = format!(
            "`{name}` ({}) is due {}, {days} days after the incident ended; the {} limit is {allowed_days} days",
            priority.value.name(),
            due.value,
            priority.value.name(),
        );
        let help = format!(
            "bring `due` forward to {} or earlier, or lower the priority",
            ended + chrono::Days::new(allowed_days.unsigned_abs())
        );
        out.push(Finding::new(Rule::ActionSla, due.span, message).with_help(help));
    }
}
