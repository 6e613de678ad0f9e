//! `section-missing`: a required body section that is not there.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::document::body::names_match;
use crate::span::Span;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::SectionMissing,
    level: Level::ErrorFromReview,
    summary: "a required body section (Summary, Impact, Timeline, Root cause, Remediation) is missing",
    docs: "\
What it catches: a body without one of the sections every postmortem has:
`## Summary`, `## Impact`, `## Timeline`, `## Root cause` and
`## Remediation`. Headings match case-insensitively, and aliases count:
`Overview` for Summary, `Customer impact` for Impact, `Root causes` for Root
cause, `Action items` and `Follow-ups` for Remediation. A warning in a draft,
an error in review or published.

`sections` in `postmortem.yml` replaces the list of required sections and
their aliases.

Why it matters: readers jump to the root cause and the remediation; a review
checks that each was written. The renderer places generated tables under
these headings.

Failing:
    ## Summary
    ## Impact
    ## Timeline

Fixed:
    ## Summary
    ## Impact
    ## Timeline
    ## Root cause
    ## Remediation",
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let body = &document.body;
    let at = if body.span.start < body.span.end {
        Span::point(body.span.start)
    } else {
        document.head
    };
    for (name, aliases) in &context.settings.sections {
        let present = body.sections.iter().any(|s| {
            names_match(&s.title, name) || aliases.iter().any(|alias| names_match(&s.title, alias))
        });
        if present {
            continue;
        }
        let help = match aliases.as_slice() {
            [] => format!("add a `## {name}` heading and what belongs under it"),
            aliases => format!(
                "add a `## {name}` heading (also accepted: {})",
                aliases.join(", ")
            ),
        };
        let message = format!("the body has no `## {name}` section");
        out.push(Finding::new(Rule::SectionMissing, at, message).with_help(help));
    }
}
