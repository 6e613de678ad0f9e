//! `zone-label`: an abbreviation that was not in force on its date.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, zone};
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub const INFO: RuleInfo = RuleInfo {
    rule: Rule::ZoneLabel,
    level: Level::Warning,
    summary: "a zone abbreviation not in force on that date (PST in July)",
    docs: "\
What it catches: a time labelled with an abbreviation of the document's zone
that the zone was not using on that date: `PST` in July where
America/Los_Angeles was on PDT, `CET` in summer in Europe/Berlin.

Why it matters: the label is read as the fixed offset it names, so `14:30 PST`
in July is 15:30 PDT: the entry lands an hour away from where the author meant
it. People write PST all year round; the time line should not move because of it.

Failing:
    timezone: America/Los_Angeles
    timeline:
      - at: 2026-07-14 14:30 PST

Fixed:
    timezone: America/Los_Angeles
    timeline:
      - at: 2026-07-14 14:30 PDT",
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let Some(doc_zone) = document.zone else {
        return;
    };
    for stamp in document.stamps() {
        let (Some(zone::Label::Abbreviation { name, .. }), Some(instant)) =
            (&stamp.written.label, stamp.instant())
        else {
            continue;
        };
        let used = zone::abbreviation(doc_zone, instant);
        if *name == used || !zone::abbreviations_in_year(doc_zone, instant).contains(name) {
            continue;
        }
        let date = stamp.local.date();
        let message = format!(
            "{name} was not in force on {date} in {}, which was on {used}",
            doc_zone.name()
        );
        let help = format!(
            "write {used}, or leave the label off to use `timezone`; as written it is read as UTC{}",
            instant.offset()
        );
        out.push(Finding::new(Rule::ZoneLabel, stamp.span, message).with_help(help));
    }
}
