//! `zone-label`: an abbreviation that was not in force on its date.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule};
use crate::lint::words::narrow;
use crate::document::{Document, Stamp, zone};
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

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

/// A label read as an offset its region was not using that day.
pub(crate) struct Misread {
    /// The label as written, upper-cased: `PST`.
    pub name: String,
    /// The region whose label it is.
    pub region: Tz,
    /// The label the region was using: `PDT`.
    pub used: String,
    /// The instant the author meant: the clock time in the region.
    pub meant: Option<DateTime<FixedOffset>>,
}

/// How `stamp` misreads, when its label was not in force on its date in
/// the region it names (the document's zone first, when that uses it).
pub(crate) fn misread(document_zone: Option<Tz>, stamp: &Stamp) -> Option<Misread> {
    let (Some(zone::Label::Abbreviation { name, .. }), Some(instant)) =
        (&stamp.written.label, stamp.instant())
    else {
        return None;
    };
    // The document's own zone when it uses the label (CET in a Berlin
    // postmortem is Berlin's); else the region the label names.
    let own = document_zone
        .filter(|z| zone::abbreviations_in_year(*z, instant).contains(name))
        .map(|z| (z, false));
    let (region, all_year) = own.or_else(|| zone::region(name))?;
    let used = zone::abbreviation(region, instant);
    let seasonal = zone::abbreviations_in_year(region, instant).contains(name);
    if *name == used || !seasonal || all_year {
        return None;
    }
    let meant = match zone::place(region, stamp.local) {
        zone::Placed::Single(t) => Some(t),
        _ => None,
    };
    Some(Misread {
        name: name.clone(),
        region,
        used,
        meant,
    })
}

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    for stamp in document.stamps() {
        let (Some(misread), Some(instant)) = (misread(document.zone, stamp), stamp.instant())
        else {
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
