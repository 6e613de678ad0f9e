//! `timestamp`: a time that cannot be read or cannot exist (reported while
//! the document is read), and a milestone given as a date alone (checked here).

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::Timestamp,
    level: Level::Error,
    summary: "unreadable or impossible time, a first entry without a date, a milestone without a time",
    docs: "\
What it catches: a timestamp in none of the accepted forms, a date or time
that does not exist (February 30, 24:30, a leap second), a year outside
1900-9999, an unknown zone abbreviation, a time alone on the first entry
(there is no date before it to carry over), and a milestone given as a date
alone (a milestone needs a clock time to be measured from).

Why it matters: a time that cannot be placed cannot be ordered or measured, so
every metric that depends on it is lost.

Failing:
    timeline:
      - at: 14:30
        kind: start
      - at: 2026-02-30 09:00

Fixed:
    timeline:
      - at: 2026-02-28 14:30
        kind: start
      - at: 2026-03-01 09:00",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    for entry in &document.timeline {
        let Some(at) = &entry.at else { continue };
        if entry.kind.value.is_milestone() && at.is_day() {
            out.push(
                Finding::new(
                    Rule::Timestamp,
                    at.span,
                    format!(
                        "the `{}` milestone has a date but no time",
                        entry.kind.value.name()
                    ),
                )
                .with_help(
                    "give the clock time, such as `2026-05-14 14:30`, or make the entry a `note`",
                ),
            );
        }
    }
}
