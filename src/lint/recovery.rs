//! Error recovery, as a compiler does it: when an entry's time is probably
//! wrong (a time alone that kept the previous day's date after midnight),
//! the findings that follow only from it are dropped, so one mistake gives
//! one error. The `timeline-order` finding on the first such entry stays,
//! with its help (the full date); the entries after it that carry their date
//! from it are fixed by the same edit.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::document::span::Span;

/// Rules whose findings on a suspect entry are consequences of its date.
const CONSEQUENCES: [Rule; 1] = [Rule::MilestoneOrder];

/// Drops the findings that follow from a date that did not change.
pub fn fold(document: &Document, findings: &mut Vec<Finding>) {
    let suspects = suspects(document, findings);
    if suspects.is_empty() {
        return;
    }
    findings.retain(|f| !(CONSEQUENCES.contains(&f.rule) && suspects.contains(&f.span)));
}

/// The `at` spans of entries whose date is probably wrong: a time alone with
/// a `timeline-order` finding, and the times alone after it that took their
/// date from it.
fn suspects(document: &Document, findings: &[Finding]) -> Vec<Span> {
    let out_of_order: Vec<Span> = findings
        .iter()
        .filter(|f| f.rule == Rule::TimelineOrder)
        .map(|f| f.span)
        .collect();
    let mut spans = Vec::new();
    let mut in_run = false;
    for entry in &document.timeline {
        let Some(at) = &entry.at else { continue };
        in_run = at.carried && (in_run || out_of_order.contains(&at.span));
        if in_run {
            spans.push(at.span);
        }
    }
    spans
}
