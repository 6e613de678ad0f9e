//! `section-missing`: a required body section that is not there.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule};
use crate::document::Document;
use crate::document::body::names_match;
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};
use crate::span::Span;

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
    fix: Some(FixInfo {
        applicability: &[Applicability::Unsafe],
        what: "unsafe: the heading is inserted before the next configured section the body has \
             (or at the end), with a template hint under it for `placeholder` to remind the \
             author what is still to write. Unsafe because the author may have the section \
             under another name.",
    }),
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let body = &document.body;
    let at = if body.span.start < body.span.end {
        Span::point(body.span.start)
    } else {
        document.head
    };
    let configured = &context.settings.sections;
    let heading_of = |(name, aliases): &(String, Vec<String>)| {
        body.sections.iter().find(|s| {
            names_match(&s.title, name) || aliases.iter().any(|alias| names_match(&s.title, alias))
        })
    };
    for (i, section) in configured.iter().enumerate() {
        if heading_of(section).is_some() {
            continue;
        }
        let (name, aliases) = section;
        let before = configured[i + 1..].iter().find_map(heading_of);
        let edit = match before {
            Some(next) => Edit::insert(next.span.start, format!("## {name}\n\n{}\n", hint(name))),
            None => {
                let source = context.source;
                let gap = if source.ends_with("\n\n") || source.is_empty() {
                    ""
                } else if source.ends_with('\n') {
                    "\n"
                } else {
                    "\n\n"
                };
                Edit::insert(source.len(), format!("{gap}## {name}\n\n{}", hint(name)))
            }
        };
        // Inside an unclosed HTML block (`<?` with no `?>`) a heading is
        // text: such an edit would be made again on every run.
        let lands = heading_lands(context.source, document.body.span.start, &edit);
        let fix = Fix::new(
            Applicability::Unsafe,
            format!("add `## {name}`"),
            vec![edit],
        );
        let help = match aliases.as_slice() {
            [] => format!("add a `## {name}` heading and what belongs under it"),
            aliases => format!(
                "add a `## {name}` heading (also accepted: {})",
                aliases.join(", ")
            ),
        };
        let message = format!("the body has no `## {name}` section");
        let finding = Finding::new(Rule::SectionMissing, at, message).with_help(help);
        out.push(if lands {
            finding.with_fix(fix)
        } else {
            finding
        });
    }
}

/// Whether the heading `edit` inserts is read as one in the body starting
/// at `body` of `source`.
fn heading_lands(source: &str, body: usize, edit: &Edit) -> bool {
    use pulldown_cmark::{Event, Tag};
    let (at, insert) = (edit.span.start, edit.content.as_str());
    let (Some(before), Some(after)) = (source.get(body..at), source.get(at..)) else {
        return false;
    };
    let text = format!("{before}{insert}{after}");
    let inserted = before.len()..before.len() + insert.len();
    crate::document::markdown::parser(&text)
        .into_offset_iter()
        .any(|(event, range)| {
            matches!(event, Event::Start(Tag::Heading { .. })) && inserted.contains(&range.start)
        })
}

/// What is written under an inserted heading: a template hint, except
/// under Timeline, whose table is generated from the front matter.
fn hint(name: &str) -> String {
    if names_match(name, "Timeline") {
        return String::new();
    }
    format!("<!-- hint: write the {} -->\n", name.to_lowercase())
}
