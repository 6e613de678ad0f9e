//! `timeline-order`: an entry earlier than the one before it.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::phrasing::{when_beside, written_beside};
use crate::lint::registry::{Context, Level, RuleInfo};
use chrono::Days;

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::TimelineOrder,
    level: Level::Error,
    summary: "a timeline entry earlier than the one before it",
    docs: "\
What it catches: a timeline entry that happened before the entry written above
it. A time alone takes the date of the entry before, so an entry after midnight
written as `00:10` lands on the previous day; the help then shows the full
timestamp to write. A date alone stands for the whole day, so it is in order
with any time on that day.

Why it matters: readers take the timeline as the order things happened.
Metrics and the rendered time axis come from it; an entry that silently goes
back in time puts a step of the response before its cause.

Failing:
    timeline:
      - at: 2026-05-14 23:50
        event: Failover starts
      - at: 00:10
        event: Failover completes

Fixed:
    timeline:
      - at: 2026-05-14 23:50
        event: Failover starts
      - at: 2026-05-15 00:10
        event: Failover completes",
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let mut previous = None;
    for stamp in document.timeline.iter().filter_map(|e| e.at.as_ref()) {
        let Some((earliest, latest)) = stamp.range() else {
            continue;
        };
        if let Some((before, before_earliest, _)) = previous
            && latest < before_earliest
        {
            let message = format!(
                "{} is earlier than the entry before it ({})",
                written_beside(stamp, before, document.zone),
                when_beside(before, stamp, document.zone)
            );
            let next_day = stamp.local.checked_add_days(Days::new(1));
            let help = match next_day {
                Some(next) if stamp.carried => format!(
                    "the date probably changed: write `{}`",
                    next.format("%Y-%m-%d %H:%M")
                ),
                _ => "move the entry to its place in the timeline, or correct its time".into(),
            };
            out.push(Finding::new(Rule::TimelineOrder, stamp.span, message).with_help(help));
        }
        previous = Some((stamp, earliest, latest));
    }
}
