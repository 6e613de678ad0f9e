//! `blameless-language`: phrases that blame people instead of describing
//! the system that let the mistake happen.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};
use crate::lint::words::{find_phrase, narrow};

/// The rule's registry entry.
pub const INFO: RuleInfo = RuleInfo {
    rule: Rule::BlamelessLanguage,
    level: Level::Warning,
    summary: "a phrase that blames people instead of describing the system",
    docs: "\
What it catches: phrases that put the cause in a person rather than in the
conditions around them: \"human error\", \"operator error\", \"user error\",
\"should have known\", \"careless\", \"negligent\", \"failed to notice\",
\"didn't bother\" (plus the phrases under `blameless` in `postmortem.yml`),
in the summary, the body's prose, timeline events and action
items. The help suggests a system-focused wording.

Why it matters: a postmortem that ends at \"human error\" stops before the
useful part: what made the mistake easy to make and hard to catch. People
also stop reporting what really happened once write-ups name a culprit.

Failing:
    ## Root cause
    Operator error: the engineer should have known the filter was wrong.

Fixed:
    ## Root cause
    The runbook did not say the filter must be earlier than the snapshot,
    and nothing in the tooling checked it.",
    check: Some(check),
};

const CONFIGURED_HELP: &str = "describe the conditions and the missing safeguard, not the person";

const PHRASES: &[(&str, &str)] = &[
    (
        "human error",
        "describe what made the mistake possible: an ambiguous runbook, a missing check, a confusing interface",
    ),
    (
        "operator error",
        "describe what made the mistake possible: an ambiguous runbook, a missing check, a confusing interface",
    ),
    (
        "user error",
        "describe what the system allowed that it should have refused or made clear",
    ),
    (
        "should have known",
        "say what information was missing, or where it was too hard to find",
    ),
    (
        "should have noticed",
        "say what made the signal easy to miss",
    ),
    ("failed to notice", "say what made the signal easy to miss"),
    (
        "carelessness",
        "describe the conditions: time pressure, fatigue, tooling that invited the slip",
    ),
    (
        "careless",
        "describe the conditions: time pressure, fatigue, tooling that invited the slip",
    ),
    (
        "negligence",
        "describe the conditions and the missing safeguard instead of judging the person",
    ),
    (
        "negligent",
        "describe the conditions and the missing safeguard instead of judging the person",
    ),
    ("didn't bother", "say what made the step easy to skip"),
];

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let configured = context.settings.blameless.iter().map(String::as_str);
    let phrases: Vec<&str> = PHRASES.iter().map(|(p, _)| *p).chain(configured).collect();
    for text in document.texts() {
        // One finding per run of text.
        let Some((start, end, phrase)) = find_phrase(&text.value, &phrases) else {
            continue;
        };
        let help = PHRASES
            .iter()
            .find(|(p, _)| *p == phrase)
            .map_or(CONFIGURED_HELP, |(_, h)| *h);
        let span = narrow(context.source, text.span, &text.value[start..end]);
        let message = format!("\"{phrase}\" puts the cause in a person, not in the system");
        out.push(Finding::new(Rule::BlamelessLanguage, span, message).with_help(help));
    }
}
