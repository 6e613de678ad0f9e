//! `section-empty`: a section heading with nothing under it.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::document::body::{Canonical, names_match};
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::SectionEmpty,
    level: Level::ErrorFromReview,
    summary: "a section heading with nothing under it (Timeline excepted)",
    docs: "\
What it catches: a known section (Summary, Impact, Root cause, Remediation,
Lessons learned) with no text under its heading; HTML comments do not count
as text. A section holding an unreplaced template hint is left to the
`placeholder` rule, which names the hint. `## Timeline` may stay empty: its
table is generated from the front matter. A warning in a draft, an error in
review or published.

Why it matters: an empty heading promises an answer the document does not
give, and it survives review more easily than a missing one.

Failing:
    ## Root cause
    <!-- hint: what made this possible -->

    ## Remediation

Fixed:
    ## Root cause
    The cleanup job trusted a date filter it never checked.",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    for section in &document.body.sections {
        let configured = context.settings.sections.iter().any(|(name, aliases)| {
            names_match(&section.title, name)
                || aliases.iter().any(|a| names_match(&section.title, a))
        });
        if section.canonical.is_none() && !configured {
            continue;
        }
        if section.has_content || section.has_hint || section.canonical == Some(Canonical::Timeline)
        {
            continue;
        }
        let message = format!("`{}` has nothing under it", section.title);
        let help = "write the section, or remove the heading while it is a draft";
        out.push(Finding::new(Rule::SectionEmpty, section.span, message).with_help(help));
    }
}
