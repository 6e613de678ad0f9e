//! `dst`: local times that do not exist, or happen twice, in the zone.

use crate::diagnostic::{Applicability, Choice, Edit, Finding, Fix, Rule};
use crate::lint::words::narrow;
use crate::document::{Document, Placement, Stamp, zone};
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};
use chrono_tz::Tz;

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::Dst,
    level: Level::Error,
    summary: "a local time that does not exist or is ambiguous in `timezone`",
    docs: "\
What it catches: a local time in the hour skipped when clocks go forward
(02:30 on the second Sunday of March in America/Los_Angeles), and a local time
in the hour that happens twice when clocks go back (01:30 on the first Sunday
of November), unless it carries an offset.

Why it matters: a time that never happened is a typo or a clock read in the
wrong zone; a time that happened twice is an hour off for half the readers.
Incidents at night around a DST change are exactly when this goes wrong.

Failing:
    timezone: America/Los_Angeles
    timeline:
      - at: 2026-11-01 01:30

Fixed (the second 01:30, after clocks went back):
    timezone: America/Los_Angeles
    timeline:
      - at: 2026-11-01 01:30 -08:00",
    fix: Some(FixInfo {
        applicability: &[Applicability::DisplayOnly],
        what: "display-only, for a time that happened twice: two choices, the time with the \
             offset of its first pass and with that of its second (`01:30 -07:00`, `01:30 \
             -08:00`). Only the author knows which one it was.",
    }),
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    for stamp in document.stamps() {
        let zone = stamp_zone(document, stamp);
        match stamp.placed {
            Placement::Gap => out.push(gap(stamp, zone)),
            Placement::Fold(first, second) => {
                let message = format!(
                    "`{}` happened twice in {} ({} and {})",
                    stamp.text,
                    zone_name(zone),
                    zone::abbreviation(zone.unwrap_or(Tz::UTC), first),
                    zone::abbreviation(zone.unwrap_or(Tz::UTC), second),
                );
                let help = format!(
                    "add the offset: `{} {}` for the first, `{} {}` for the second",
                    stamp.text,
                    first.offset(),
                    stamp.text,
                    second.offset()
                );
                let written = narrow(context.source, stamp.span, &stamp.text);
                let choice = |offset: chrono::FixedOffset, pass: &str| Choice {
                    title: format!("write `{} {offset}` ({pass})", stamp.text),
                    edits: vec![Edit::replace(written, format!("{} {offset}", stamp.text))],
                };
                let fix = Fix::alternatives(vec![
                    choice(*first.offset(), "the first time"),
                    choice(*second.offset(), "the second time"),
                ]);
                out.push(
                    Finding::new(Rule::Dst, stamp.span, message)
                        .with_help(help)
                        .with_fix(fix),
                );
            }
            _ => {}
        }
    }
}

fn gap(stamp: &Stamp, zone: Option<Tz>) -> Finding {
    let message = format!(
        "`{}` never happened in {}: the clocks skipped that hour",
        stamp.text,
        zone_name(zone)
    );
    Finding::new(Rule::Dst, stamp.span, message)
        .with_help("check the time (it was probably read off a clock in another zone), or write it with its offset")
}

fn stamp_zone(document: &Document, stamp: &Stamp) -> Option<Tz> {
    match &stamp.written.label {
        Some(zone::Label::Zone { zone, .. }) => Some(*zone),
        _ => document.zone,
    }
}

fn zone_name(zone: Option<Tz>) -> &'static str {
    zone.map_or("UTC", |z| z.name())
}
