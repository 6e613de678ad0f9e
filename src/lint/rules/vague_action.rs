//! `vague-action`: action items that are not actionable, specific and bounded.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::VagueAction,
    level: Level::Warning,
    summary: "an action item that is not actionable, specific and bounded",
    docs: "\
What it catches: action item titles that open with an activity instead of a
change (\"investigate ...\", \"look into ...\", \"explore ...\", \"consider
...\", \"think about ...\"), that ask people to try harder (\"be more careful\",
\"pay more attention\"), or that name an area without an object (\"improve
monitoring\", \"better alerting\", \"more testing\" and nothing after).

Why it matters: an item nobody can close is never closed. \"Improve
monitoring\" survives every review; \"page the storage on-call when query
errors exceed 1% for 5 minutes\" gets done, and the next incident shows it.

Failing:
    action_items:
      - title: Improve monitoring
      - title: Investigate the cleanup job

Fixed:
    action_items:
      - title: Page storage on-call when query errors exceed 1% for 5 minutes
      - title: Make the cleanup job refuse inputs dated after the snapshot",
    fix: None,
    check: Some(check),
};

const OPENERS: &[&str] = &[
    "investigate",
    "look into",
    "explore",
    "consider",
    "think about",
    "research",
];
const EFFORT: &[&str] = &[
    "be more careful",
    "be careful",
    "pay more attention",
    "try harder",
    "double-check everything",
];
const AREAS: &[&str] = &[
    "monitoring",
    "alerting",
    "testing",
    "tests",
    "observability",
    "documentation",
    "communication",
    "processes",
    "process",
];
const VAGUE_VERBS: &[&str] = &["improve", "better", "more", "increase", "enhance", "add"];

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    for item in &document.action_items {
        let Some(title) = &item.title else { continue };
        let Some((message, help)) = vague(&title.value) else {
            continue;
        };
        out.push(Finding::new(Rule::VagueAction, title.span, message).with_help(help));
    }
}

/// Why `title` is vague, and what to write instead.
pub(crate) fn vague(title: &str) -> Option<(String, &'static str)> {
    let lower = title.trim().trim_end_matches('.').to_lowercase();
    if let Some(opener) = OPENERS.iter().find(|o| lower.starts_with(*o)) {
        return Some((
            format!("`{title}` is an activity, not a change (\"{opener} ...\")"),
            "name the change it should lead to, or give the investigation an owner, a deadline and the decision it must produce",
        ));
    }
    if let Some(effort) = EFFORT.iter().find(|e| lower.contains(*e)) {
        return Some((
            format!("`{title}` asks people to try harder (\"{effort}\")"),
            "change the system instead: a check, a guard rail, an automated step",
        ));
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let [verb, area] = words.as_slice()
        && VAGUE_VERBS.contains(verb)
        && AREAS.contains(area)
    {
        return Some((
            format!("`{title}` names an area, not a change"),
            "say what, for example \"page on-call when error rate exceeds 1% for 5 minutes\"",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::vague;

    #[test]
    fn vague_titles_are_caught_and_specific_ones_pass() {
        for title in [
            "Investigate the cleanup job",
            "Look into retries",
            "Be more careful with deletes",
            "Improve monitoring",
            "Better alerting.",
        ] {
            assert!(vague(title).is_some(), "{title}");
        }
        for title in [
            "Improve monitoring of replica lag with a page at 30 s",
            "Reject cleanup inputs whose date filter is not before the snapshot",
            "Add an alert on query failures above 1%",
        ] {
            assert!(vague(title).is_none(), "{title}");
        }
    }
}
