//! `zone-label`: an abbreviation that was not in force on its date.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule};
use crate::lint::words::narrow;
use crate::document::Document;
use crate::document::zone::Misread;
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::ZoneLabel,
    level: Level::Warning,
    summary: "a zone abbreviation not in force on that date (PST in July)",
    docs: "\
What it catches: a time labelled with a seasonal abbreviation that its region
was not using on that date, whatever the document's `timezone`: `PST` in July
when Pacific time was on PDT, `CEST` in January, `AEDT` in June. When the
document's `timezone` uses the label, that zone decides (`CET` in July in a
Europe/Berlin postmortem); otherwise a standard name that some place keeps
all year (`MST` in Arizona, `AEST` in Queensland, `CET`, `EET`, `EST`, `CST`,
`ACST`) is taken as meant there, and only its daylight name out of season is
reported.

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
    fix: Some(FixInfo {
        applicability: &[Applicability::DisplayOnly],
        what: "display-only: the label in force on that date, in place of the one written \
             (`PDT` -> `PST`). Never applied by `--fix`: the label may be right and the date or \
             time wrong.",
    }),
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    for stamp in document.stamps() {
        let (Some(misread), Some(instant)) = (&stamp.misread, stamp.instant()) else {
            continue;
        };
        let Misread {
            name, region, used, ..
        } = misread;
        let date = stamp.local.date();
        let message = format!(
            "{name} was not in force on {date} in {}, which was on {used}",
            region.name()
        );
        let help = format!(
            "write {used}, or leave the label off to use `timezone`; as written it is read as UTC{}",
            instant.offset()
        );
        let mut finding = Finding::new(Rule::ZoneLabel, stamp.span, message).with_help(help);
        let label = narrow(context.source, stamp.span, &stamp.text);
        if let Some(at) = context.source[label.start..label.end].rfind(name.as_str()) {
            let span = crate::span::Span::new(label.start + at, label.start + at + name.len());
            let edit = Edit::replace(span, used.to_string());
            let choice = crate::diagnostic::Choice {
                title: format!("write {used}"),
                edits: vec![edit],
            };
            finding = finding.with_fix(Fix::alternatives(vec![choice]));
        }
        out.push(finding);
    }
}
