//! `prose-duration`: a duration stated in the summary that matches no
//! interval between milestones, nor the impact window.

mod phrases;

use crate::diagnostic::{Finding, Rule};
use crate::document::body::Canonical;
use crate::span::{Span, Spanned};
use crate::document::{Document, Kind};
use crate::duration::format as duration;
use crate::lint::registry::{Context, Level, RuleInfo};
use crate::lint::rules::duration_claim::within_tolerance;

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::ProseDuration,
    level: Level::Warning,
    summary: "a duration in the summary that matches no milestone interval or the impact window",
    docs: "\
What it catches: a duration written in the front matter `summary` or under
`## Summary` (\"for 66 minutes\", \"roughly five and a half hours\", \"two
hours and forty minutes\", number words included) that matches none of the
intervals between two milestones, nor the impact window, within max(5
minutes, 5%); within 25% when hedged by \"about\", \"roughly\", \"nearly\",
\"approximately\" or \"around\". A duration in a clause about the impact
(impact, outage, customers, users, affected, downtime, unavailable) is held
to the impact window alone; clauses end at a sentence's end, a semicolon, or
a comma before and/but/while/whereas (\"queries failed for an hour, and
customers waited a day\" holds the hour to the milestones).

Why it matters: the summary is what gets quoted, and its numbers are typed by
hand. When the timeline is corrected, the prose often is not, and the
postmortem ends up telling two stories.

Failing (start 14:30, resolved 16:10):
    ## Summary
    Checkout failed for two hours and forty minutes.

Fixed:
    ## Summary
    Checkout failed for an hour and forty minutes.",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let intervals = intervals(document);
    if intervals.is_empty() {
        return;
    }
    let window = document.impact_minutes();
    for text in summary_texts(document) {
        let Some(cut) = context.prose.of(text) else {
            continue;
        };
        for phrase in phrases::find(cut) {
            // Prose is rounder than the front matter: wider when hedged.
            let percent = if phrase.hedged { 25.0 } else { 5.0 };
            let fits = |actual: &i64| within_tolerance(phrase.minutes, *actual, (5, percent));
            // A sentence about the impact is held to the impact window, not to
            // whichever milestone interval happens to be close.
            let about_impact = window.is_some() && about_impact(&text.value, phrase.start);
            let held_to: &[i64] = match (about_impact, &window) {
                (true, Some(window)) => std::slice::from_ref(window),
                _ => &intervals,
            };
            if held_to.iter().any(fits) {
                continue;
            }
            // Folded YAML and escaped Markdown do not stand verbatim in the file:
            // then the whole value is the best place to point at.
            let verbatim =
                context.source.get(text.span.start..text.span.end) == Some(text.value.as_str());
            let span = if verbatim {
                Span::new(text.span.start + phrase.start, text.span.start + phrase.end)
            } else {
                text.span
            };
            let stated = &text.value[phrase.start..phrase.end];
            let message = if about_impact {
                format!("\"{stated}\", said of the impact, does not match the impact window")
            } else {
                format!(
                    "\"{stated}\" matches no interval between milestones, nor the impact window"
                )
            };
            let help = match window {
                Some(window) => format!(
                    "the impact window is {}; correct the prose or the timeline",
                    duration(window)
                ),
                None => "correct the prose or the timeline".to_string(),
            };
            out.push(Finding::new(Rule::ProseDuration, span, message).with_help(help));
        }
    }
}

/// Words that make a sentence about the impact: who was hurt, and how long.
const IMPACT_WORDS: &[&str] = &[
    "impact",
    "impacted",
    "outage",
    "outages",
    "customer",
    "customers",
    "user",
    "users",
    "affected",
    "downtime",
    "unavailable",
];

/// Where one clause ends and the next begins: a sentence's end, or a comma
/// before a conjunction that joins two clauses ("…, and customers waited").
const CLAUSE_BREAKS: &[&str] = &[
    ". ",
    "! ",
    "? ",
    "; ",
    ", and ",
    ", but ",
    ", while ",
    ", whereas ",
];

/// Whether the clause of `text` around byte `at` speaks of the impact.
fn about_impact(text: &str, at: usize) -> bool {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return false; // offsets would not line up; keep the milestone reading
    }
    let start = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| lower[..at].rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let end = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| lower[at..].find(b).map(|i| at + i))
        .min()
        .unwrap_or(lower.len());
    lower[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| IMPACT_WORDS.contains(&word))
}

/// Minutes between every pair of milestones, and the impact window.
fn intervals(document: &Document) -> Vec<i64> {
    let times: Vec<_> = [
        Kind::Start,
        Kind::Detected,
        Kind::Acknowledged,
        Kind::Identified,
        Kind::Mitigated,
        Kind::Resolved,
    ]
    .into_iter()
    .filter_map(|kind| document.milestone_at(kind))
    .collect();
    let mut minutes: Vec<i64> = times
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            times[i + 1..]
                .iter()
                .map(move |b| (*b - *a).num_minutes().abs())
        })
        .collect();
    minutes.extend(document.impact_minutes());
    minutes
}

/// The front matter summary and the text runs under `## Summary`.
fn summary_texts(document: &Document) -> Vec<&Spanned<String>> {
    let sections = &document.body.sections;
    let range = sections
        .iter()
        .enumerate()
        .find(|(_, s)| s.canonical == Some(Canonical::Summary))
        .map(|(i, s)| {
            let end = sections[i + 1..]
                .iter()
                .find(|n| n.level <= s.level)
                .map_or(usize::MAX, |n| n.span.start);
            (s.span.end, end)
        });
    let body = document.body.texts.iter().filter(move |t| {
        range.is_some_and(|(start, end)| t.span.start >= start && t.span.start < end)
    });
    document.summary.iter().chain(body).collect()
}
