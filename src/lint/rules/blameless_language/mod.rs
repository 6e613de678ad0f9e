//! `blameless-language`: sentences that put the cause of an incident in a
//! person instead of in the system that let the mistake happen.

mod blame;
mod clause;
mod lexicon;
mod subject;

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{Context, Level, RuleInfo};
use crate::lint::words::narrow;
use blame::Kind;

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::BlamelessLanguage,
    level: Level::Warning,
    summary: "a sentence that blames a person instead of describing the system",
    docs: "\
What it catches: in the summary, the body's prose, timeline events and
action items, clause by clause:
- labels and judgements: \"human error\", \"operator error\", \"careless\",
  \"sloppy\", \"negligent\", \"should have known\", \"wasn't paying
  attention\";
- someone's fault: \"it was Karen's fault\", \"the on-call engineer's
  mistake\", \"the fault of the reviewer\";
- a person, by name (\"Dave\"), role (\"the SRE\", \"the on-call
  engineer\", \"team-member-1\") or pronoun, as the subject of a blame verb:
  forgot, neglected, didn't bother, made a mistake, ignored, overlooked,
  should have ..., didn't follow/check/test/verify, failed to
  notice/check/follow/...;
- counterfactuals about a person: \"if the reviewer had looked closer,
  ...\", \"had Dave drained the node first, ...\";
- the phrases under `blameless` in `postmortem.yml`.
Not flagged: a clause that rejects the blame (\"this was not human error\",
\"it was nobody's fault\", \"not because the engineer forgot\"), systems as
subjects (\"the job failed to run\", \"the service should have rejected
the request\"), what someone was owed (\"the engineer should have been
paged\"), people doing their job, and `we` (a write-up owning its
mistakes). The help suggests what to describe instead.

Why it matters: a postmortem that ends at a person stops before the
useful part: what made the mistake easy to make and hard to catch. People
also stop reporting what really happened once write-ups name a culprit.

Failing:
    ## Root cause
    Operator error: Dave forgot to drain the node first.

Fixed:
    ## Root cause
    The runbook's drain step came after the restart, and nothing in the
    tooling refused a restart of a node still taking traffic.",
    fix: None,
    check: Some(check),
};

fn check(_: &Document, context: &Context, out: &mut Vec<Finding>) {
    let lowered: Vec<String> = context
        .settings
        .blameless
        .iter()
        .map(|p| p.to_lowercase())
        .collect();
    let configured: Vec<Vec<&str>> = lowered
        .iter()
        .map(|p| p.split_whitespace().collect())
        .filter(|p: &Vec<&str>| !p.is_empty())
        .collect();
    for text in &context.prose.texts {
        let value = text.text.value.as_str();
        for clause in text.clauses() {
            let Some(found) = blame::find(value, clause, &configured) else {
                continue;
            };
            let written = &value[found.start..found.end];
            let span = narrow(context.source, text.text.span, written);
            let message = format!("\"{written}\" puts the cause in a person, not in the system");
            out.push(
                Finding::new(Rule::BlamelessLanguage, span, message).with_help(help(found.kind)),
            );
        }
    }
}

fn help(kind: Kind) -> &'static str {
    match kind {
        Kind::Judgement => {
            "describe what made the mistake possible: an ambiguous runbook, a missing check, a confusing interface"
        }
        Kind::Fault => "describe the conditions and the missing safeguard, not whose fault it was",
        Kind::Verb => {
            "say what made the step easy to miss or skip: what the person saw, and what the tooling did not check"
        }
        Kind::Counterfactual => {
            "describe what the person knew at the time and what would have caught it, not what they should have done"
        }
        Kind::Configured => "describe the conditions and the missing safeguard, not the person",
    }
}
