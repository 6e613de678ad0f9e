//! Error recovery, as a compiler does it: when an entry's time is probably
//! wrong, the findings that follow only from it are dropped, so one mistake
//! gives one error.
//! - A time alone that kept the previous day's date after midnight: the
//!   `timeline-order` finding on the first such entry stays, with its help
//!   (the full date); the entries after it that carry their date from it are
//!   fixed by the same edit.
//! - A zone label out of season (`14:38 PST` in July): when reading every
//!   such label as meant puts the timeline in order, the order findings are
//!   dropped and the `zone-label` finding says so, taking their severity
//!   unless the project set `zone-label`'s level (never exceeded);
//!   otherwise the order findings are reported as they are.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, Placement};
use crate::lint::registry::Context;
use crate::lint::rules::{impact_window, milestone_order, timeline_order};
use crate::span::Span;

/// Rules whose findings on a suspect entry are consequences of its date.
const CONSEQUENCES: [Rule; 1] = [Rule::MilestoneOrder];

/// Drops the findings that follow from a probably wrong time.
pub(super) fn fold(document: &Document, context: &Context, findings: &mut Vec<Finding>) {
    fold_dates(document, findings);
    fold_labels(document, context, findings);
}

/// Rules that compare times, whose findings a misread label can cause.
const ORDER: [crate::lint::registry::RuleInfo; 3] = [
    timeline_order::INFO,
    milestone_order::INFO,
    impact_window::INFO,
];

/// Out-of-season labels fold the order findings only when reading every
/// one of them as meant puts the timeline in order: then the labels are the
/// one thing to fix. Otherwise the order findings stand as they are. A
/// `zone-label` finding keeps its own rule's level.
fn fold_labels(document: &Document, context: &Context, findings: &mut Vec<Finding>) {
    let labels: Vec<Span> = findings
        .iter()
        .filter(|f| f.rule == Rule::ZoneLabel)
        .map(|f| f.span)
        .collect();
    let is_order = |f: &Finding| ORDER.iter().any(|info| info.rule == f.rule);
    if labels.is_empty() || !findings.iter().any(is_order) {
        return;
    }
    let mut meant = document.clone();
    for stamp in meant.stamps_mut().filter(|s| labels.contains(&s.span)) {
        if let Some(t) = stamp.misread.as_ref().and_then(|m| m.meant) {
            stamp.placed = Placement::At(t);
        }
    }
    let mut remaining = Vec::new();
    for check in ORDER.iter().filter_map(|info| info.check) {
        check(&meant, context, &mut remaining);
    }
    if !remaining.is_empty() {
        return;
    }
    let worst = findings
        .iter()
        .filter(|f| is_order(f))
        .map(|f| f.severity)
        .max();
    // The rule's default level rises with the order it breaks; a level the
    // project set for `zone-label` is never exceeded.
    let configured = context.settings.rule(Rule::ZoneLabel).is_some();
    findings.retain(|f| !is_order(f));
    for label in findings.iter_mut().filter(|f| f.rule == Rule::ZoneLabel) {
        if !configured {
            label.severity = label.severity.max(worst.unwrap_or(label.severity));
        }
        let help = label.help.take().unwrap_or_default();
        label.help = Some(format!(
            "{help}; read as meant, the out-of-season labels put the timeline in order: they are the one thing to fix"
        ));
    }
}

/// Drops the findings that follow from a date that did not change.
fn fold_dates(document: &Document, findings: &mut Vec<Finding>) {
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
