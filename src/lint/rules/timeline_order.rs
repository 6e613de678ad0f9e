//! `timeline-order`: an entry earlier than the one before it.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule};
use crate::lint::words::narrow;
use crate::document::Document;
use crate::lint::phrasing::{when_beside, written_beside};
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};
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
    fix: Some(FixInfo {
        applicability: &[Applicability::Unsafe],
        what: "unsafe: for a time alone that kept the date of the entry before, the date of the \
             next day is written in front of it (`00:10` -> `2026-05-15 00:10`). Unsafe because \
             the entry may instead be misplaced or mistyped.",
    }),
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
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
            let finding = Finding::new(Rule::TimelineOrder, stamp.span, message);
            out.push(match next_day {
                Some(next) if stamp.carried => {
                    let full = next.format("%Y-%m-%d %H:%M");
                    let help = format!("the date probably changed: write `{full}`");
                    // The date goes before the time as written, keeping any
                    // seconds, offset or label after it.
                    let at = narrow(context.source, stamp.span, &stamp.text).start;
                    let edit = Edit::insert(at, format!("{} ", next.format("%Y-%m-%d")));
                    let fix = Fix::new(Applicability::Unsafe, format!("write `{full}`"), vec![edit]);
                    finding.with_help(help).with_fix(fix)
                }
                _ => finding
                    .with_help("move the entry to its place in the timeline, or correct its time"),
            });
        }
        previous = Some((stamp, earliest, latest));
    }
}
