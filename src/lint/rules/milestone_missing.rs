//! `milestone-missing`: no start, detected or resolved milestone.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, Kind};
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::MilestoneMissing,
    level: Level::ErrorWhenPublished,
    summary: "no `start`, `detected` or `resolved` milestone",
    docs: "\
What it catches: a timeline without a `start`, a `detected` or a `resolved`
entry. A warning while the postmortem is a draft or in review, an error once
it is published.

Why it matters: these three milestones give the impact window, time to detect
and time to resolve, the figures readers look for first and the ones tracked
across incidents. A missing one is usually a fact still to be found, not a
fact that does not exist.

Failing:
    timeline:
      - at: 2026-05-14 14:30
        kind: start

Fixed:
    timeline:
      - at: 2026-05-14 14:30
        kind: start
      - at: 15:11
        kind: detected
      - at: 2026-05-15 17:15
        kind: resolved",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    // No `timeline` at all is one `schema` finding, not three more here.
    if !document.has_timeline {
        return;
    }
    for (kind, metric) in [
        (Kind::Start, "the impact window and every metric"),
        (Kind::Detected, "time to detect"),
        (Kind::Resolved, "time to resolve"),
    ] {
        if document.milestone(kind).is_none() {
            let message = format!(
                "no `{}` milestone in the timeline: {metric} cannot be measured",
                kind.name()
            );
            let help = format!(
                "mark the entry when this happened with `kind: {}`",
                kind.name()
            );
            out.push(
                Finding::new(Rule::MilestoneMissing, document.timeline_key, message)
                    .with_help(help),
            );
        }
    }
}
