//! `section-missing`: a required body section that is not there.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::document::body::Canonical;
use crate::document::span::Span;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub const INFO: RuleInfo = RuleInfo {
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

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let body = &document.body;
    let at = if body.span.start < body.span.end {
        Span::point(body.span.start)
    } else {
        document.head
    };
    for section in Canonical::REQUIRED {
        if body.sections.iter().any(|s| s.canonical == Some(section)) {
            continue;
        }
        let heading = section.heading();
        out.push(
            Finding::new(
                Rule::SectionMissing,
                at,
                format!("the body has no `## {heading}` section"),
            )
            .with_help(format!(
                "add a `## {heading}` heading and what belongs under it"
            )),
        );
    }
}
