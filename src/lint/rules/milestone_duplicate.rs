//! `milestone-duplicate`: a milestone kind used twice.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, Kind};
use crate::lint::phrasing::when;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::MilestoneDuplicate,
    level: Level::Error,
    summary: "a milestone (start, detected, ...) given twice",
    docs: "\
What it catches: a second entry with the same milestone kind: `start`,
`detected`, `acknowledged`, `identified`, `mitigated` or `resolved`.

Why it matters: every metric is measured between milestones. Two `start`
entries make time to detect, to mitigate and to resolve ambiguous; two
`mitigated` entries usually mean a first partial mitigation, which is a
`note` (or an `update` if it was announced).

Failing:
    timeline:
      - at: 2026-05-14 16:45
        kind: mitigated
      - at: 19:12
        kind: mitigated

Fixed:
    timeline:
      - at: 2026-05-14 16:45
        kind: note
        event: First mitigation deployed
      - at: 19:12
        kind: mitigated",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let mut seen: Vec<(Kind, &crate::document::Entry)> = Vec::new();
    for entry in &document.timeline {
        let kind = entry.kind.value;
        if !kind.is_milestone() {
            continue;
        }
        match seen.iter().find(|(k, _)| *k == kind) {
            Some((_, first)) => {
                let first_at = first
                    .at
                    .as_ref()
                    .map_or_else(|| "earlier".into(), |s| format!("at {}", when(s)));
                let message = format!(
                    "a second `{}` milestone (the first is {first_at})",
                    kind.name()
                );
                let help = "keep one; make the other a `note`, or an `update` if it was announced";
                out.push(
                    Finding::new(Rule::MilestoneDuplicate, entry.kind.span, message)
                        .with_help(help),
                );
            }
            None => seen.push((kind, entry)),
        }
    }
}
