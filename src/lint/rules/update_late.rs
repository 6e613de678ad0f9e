//! `update-late`: a promised next update that did not come in time.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, Kind};
use crate::lint::phrasing::{minutes, minutes_between, when, when_after};
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::UpdateLate,
    level: Level::Warning,
    summary: "a promised `next_update` passed before the next update or resolution",
    docs: "\
What it catches: an entry whose `next_update` promised the next public update
by a time, when the next `update` (or the `resolved` milestone) came later than
that, or never came. A time alone in `next_update` is on the entry's date, or
the next day when it is earlier than the entry (a promise is about later).

Why it matters: customers plan around a promised update. A late one is part of
the incident's impact and a fact the review should see; the status-page
process that missed it is something to fix.

Failing:
    timeline:
      - at: 2018-12-21 08:12 UTC
        kind: update
        next_update: 09:15
      - at: 09:16
        kind: update

Fixed: the update posted by 09:15, or the promise recorded as it was kept.",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    for (index, entry) in document.timeline.iter().enumerate() {
        let (Some(promise), Some(posted)) = (
            &entry.next_update,
            entry.at.as_ref().and_then(|s| s.instant()),
        ) else {
            continue;
        };
        let Some(due) = promise.instant() else {
            continue;
        };
        let next = document.timeline[index + 1..]
            .iter()
            .filter(|e| matches!(e.kind.value, Kind::Update | Kind::Resolved))
            .filter_map(|e| e.at.as_ref())
            .find(|s| s.instant().is_some_and(|t| t > posted));
        let message = match next.and_then(|s| Some((s, s.instant()?))) {
            Some((_, came)) if came <= due => continue,
            Some((stamp, came)) => format!(
                "the update promised by {} came at {}, {} late",
                when(promise),
                when_after(stamp, promise),
                minutes(minutes_between(due, came))
            ),
            None if due < context.now => {
                format!(
                    "no update or resolution followed the promise of an update by {}",
                    when(promise)
                )
            }
            None => continue,
        };
        let help = "record the update that was posted, or note why it was late in the review";
        out.push(Finding::new(Rule::UpdateLate, promise.span, message).with_help(help));
    }
}
