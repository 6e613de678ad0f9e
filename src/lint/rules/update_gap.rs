//! `update-gap`: too long without a public update while impact lasts
//! (needs `update_interval` in `postmortem.yml`).

use crate::diagnostic::{Finding, Rule};
use crate::span::Span;
use crate::document::{Document, Kind};
use crate::duration::format as duration;
use crate::lint::phrasing::minutes_between;
use crate::lint::registry::{Context, Level, RuleInfo};
use chrono::{DateTime, FixedOffset};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::UpdateGap,
    level: Level::Warning,
    summary: "longer than `update_interval` without a public update while impact lasts",
    docs: "\
What it catches: while impact lasts (from `impact.start` to `impact.end`, or
the start and resolved milestones), a stretch longer than the project's
`update_interval` with no `update` entry: from the start to the first update,
between two updates, or from the last update to the end. Runs only when
`postmortem.yml` sets `update_interval` (for example `1h`).

Why it matters: a status page that goes quiet during an outage makes
customers assume the worst and fills support queues. A team that commits to
a cadence can see, incident by incident, whether it kept it.

Failing (update_interval: 1h):
    timeline:
      - at: 2026-03-01 10:00
        kind: start
      - at: 11:30
        kind: update

Fixed:
    timeline:
      - at: 2026-03-01 10:00
        kind: start
      - at: 10:20
        kind: update
      - at: 11:10
        kind: update",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let Some(limit) = context.settings.update_interval else {
        return;
    };
    let (Some(start), Some(end)) = (document.impact_start(), document.impact_end()) else {
        return;
    };
    let updates: Vec<(DateTime<FixedOffset>, Span)> = document
        .timeline
        .iter()
        .filter(|e| e.kind.value == Kind::Update)
        .filter_map(|e| e.at.as_ref().and_then(|s| Some((s.instant()?, s.span))))
        .filter(|(t, _)| *t > start && *t <= end)
        .collect();
    let end_span = document
        .impact
        .end
        .as_ref()
        .map(|s| s.span)
        .or_else(|| {
            document
                .milestone(Kind::Resolved)
                .and_then(|e| e.at.as_ref())
                .map(|s| s.span)
        })
        .unwrap_or(document.timeline_key);
    let mut previous = start;
    for (at, span) in updates.iter().copied().chain([(end, end_span)]) {
        let gap = minutes_between(previous, at);
        if gap > limit {
            let what = if previous == start {
                "impact started"
            } else {
                "the update before"
            };
            let message = format!(
                "{} without a public update after {what} (update_interval is {})",
                duration(gap),
                duration(limit)
            );
            let help = "post updates at the promised cadence, or record the ones that were posted";
            out.push(Finding::new(Rule::UpdateGap, span, message).with_help(help));
        }
        previous = at;
    }
}
