//! `timezone`: local times with no zone to read them in, and a `timezone`
//! that is not an IANA name.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule};
use crate::document::{Document, Placement, zone};
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::Timezone,
    level: Level::Error,
    summary: "a local time without `timezone`, or a `timezone` that is not an IANA name",
    docs: "\
What it catches: a timestamp without offset or zone label in a document with
no `timezone`, and a `timezone` that is not an IANA zone name (`PT`, `PST`,
`Pacific Time`, `GMT+2`), with the name you probably meant.

Why it matters: `14:30` means nothing until the zone is known, and an
abbreviation such as PST cannot follow daylight saving time. An IANA name
(`America/Los_Angeles`) does, so every local time is read with the offset that
was in force on its date.

Failing:
    timezone: PT

Fixed:
    timezone: America/Los_Angeles",
    fix: Some(FixInfo {
        applicability: &[Applicability::Safe, Applicability::Unsafe],
        what: "safe when only the case is wrong (`europe/berlin` -> `Europe/Berlin`); unsafe for \
             an abbreviation or alias with one likely zone (`PT` -> `America/Los_Angeles`), since \
             an abbreviation can stand for more than one region.",
    }),
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    if let Some(name) = &document.timezone {
        if let Err(suggestion) = zone::parse_zone(&name.value) {
            let message = format!("`{}` is not an IANA time zone name", name.value);
            let finding = Finding::new(Rule::Timezone, name.span, message);
            out.push(match suggestion {
                Some(meant) => {
                    // Only the case differs: the same zone, safely renamed.
                    let applicability = if meant.eq_ignore_ascii_case(&name.value) {
                        Applicability::Safe
                    } else {
                        Applicability::Unsafe
                    };
                    let edit = Edit::replace(name.span, meant.to_string());
                    let fix = Fix::new(applicability, format!("write `{meant}`"), vec![edit]);
                    finding.with_help(format!("did you mean `{meant}`?")).with_fix(fix)
                }
                None => finding.with_help(
                    "use an IANA zone name such as `America/Los_Angeles`, `Europe/Berlin` or `UTC`",
                ),
            });
        }
        return;
    }
    let mut local = document.stamps().filter(|s| s.placed == Placement::NoZone);
    if let Some(first) = local.next() {
        let more = local.count();
        let also = if more > 0 {
            format!(" (and {more} more)")
        } else {
            String::new()
        };
        out.push(
            Finding::new(
                Rule::Timezone,
                first.span,
                format!("`{}` is a local time{also} but the postmortem has no `timezone`", first.text),
            )
            .with_help("add `timezone:` with an IANA name such as `America/Los_Angeles`, or write an offset"),
        );
    }
}
