//! `milestone-order`: milestones in an impossible order.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, Entry, Kind};
use crate::lint::phrasing::when_beside;
use crate::lint::registry::{Context, Level, RuleInfo};
use chrono_tz::Tz;

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::MilestoneOrder,
    level: Level::Error,
    summary: "milestones out of order (detected before start, resolved before mitigated, ...)",
    docs: "\
What it catches: milestones that contradict each other. A trigger comes at or
before `start`; `start` comes at or before every other milestone; `detected`
comes at or before `acknowledged`, `identified` and `mitigated`; `identified`
and `mitigated` come at or before `resolved`. The message names both entries
and their times.

Why it matters: time to detect, acknowledge, mitigate and resolve are measured
from these milestones; one out of order gives a negative or meaningless metric.
It usually means a wrong date, a time in another zone, or a mislabelled entry.

Failing:
    timeline:
      - at: 2026-05-14 15:11
        kind: detected
      - at: 15:30
        kind: start

Fixed:
    timeline:
      - at: 2026-05-14 14:30
        kind: start
      - at: 15:11
        kind: detected",
    fix: None,
    check: Some(check),
};

// (earlier, later): `earlier` must not come after `later`.
const ORDER: &[(Kind, Kind)] = &Kind::ORDER;

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let start = document.milestone(Kind::Start);
    for trigger in document
        .timeline
        .iter()
        .filter(|e| e.kind.value == Kind::Trigger)
    {
        if let Some(start) = start {
            compare(trigger, start, document.zone, out);
        }
    }
    for &(first, second) in ORDER {
        if let (Some(a), Some(b)) = (document.milestone(first), document.milestone(second)) {
            compare(a, b, document.zone, out);
        }
    }
}

fn compare(earlier: &Entry, later: &Entry, zone: Option<Tz>, out: &mut Vec<Finding>) {
    let (Some(a), Some(b)) = (earlier.at.as_ref(), later.at.as_ref()) else {
        return;
    };
    let (Some((a_first, _)), Some((_, b_last))) = (a.range(), b.range()) else {
        return;
    };
    if a_first <= b_last {
        return;
    }
    let (first, second) = (earlier.kind.value.name(), later.kind.value.name());
    let message = format!(
        "`{second}` ({}) comes before `{first}` ({})",
        when_beside(b, a, zone),
        when_beside(a, b, zone)
    );
    let help = format!("`{first}` cannot be later than `{second}`: check both times and kinds");
    out.push(Finding::new(Rule::MilestoneOrder, b.span, message).with_help(help));
}
