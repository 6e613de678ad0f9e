//! `future-time`: a timestamp after now or after the postmortem was written.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::FutureTime,
    level: Level::Error,
    summary: "a timestamp after now, or after the postmortem's `date`",
    docs: "\
What it catches: a timestamp more than five minutes later than now (the
leeway every command gives a typed time, for clocks that drift), and a
timeline or impact time later than the day in `date` (when the postmortem
was written). `--now` or the `POSTMORTEM_NOW` variable fix \"now\" so CI
runs are reproducible.

Why it matters: a postmortem describes the past. A future time is almost
always a wrong year (early January), a wrong month, or a day and month swapped.

Failing:
    date: 2026-05-20
    timeline:
      - at: 2026-06-14 14:30

Fixed:
    date: 2026-05-20
    timeline:
      - at: 2026-05-14 14:30",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let written = document
        .date
        .as_ref()
        .and_then(|d| d.range())
        .map(|(_, last)| last);
    let now = context.now.fixed_offset();
    // What `new` and `timeline add` accept as now is never a future time.
    let latest = now + crate::document::argument::AHEAD;
    let zone = document.zone.unwrap_or(chrono_tz::Tz::UTC);
    for stamp in document.stamps() {
        let Some((first, _)) = stamp.range() else {
            continue;
        };
        let is_date = document.date.as_ref().is_some_and(|d| d.span == stamp.span);
        if first > latest {
            let message = format!(
                "`{}` is in the future (now is {} in {zone})",
                stamp.text,
                now.with_timezone(&zone).format("%Y-%m-%d %H:%M")
            );
            let help = "check the year, the month, and day/month order";
            out.push(Finding::new(Rule::FutureTime, stamp.span, message).with_help(help));
        } else if let Some(written) = written
            && first > written
            && !is_date
        {
            let date = document.date.as_ref().map_or("", |d| d.text.as_str());
            let message = format!(
                "`{}` is after the postmortem was written (`date: {date}`)",
                stamp.text
            );
            let help = "check the date of this entry, or update `date`";
            out.push(Finding::new(Rule::FutureTime, stamp.span, message).with_help(help));
        }
    }
}
