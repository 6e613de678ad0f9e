//! Error recovery, as a compiler does it: when an entry's time is probably
//! wrong, the findings that follow only from it are dropped, so one mistake
//! gives one error.
//! - A time alone that kept the previous day's date after midnight: the
//!   `timeline-order` finding on the first such entry stays, with its help
//!   (the full date); the entries after it that carry their date from it are
//!   fixed by the same edit.
//! - A zone label out of season (`14:38 PST` in July): the order findings
//!   that go away once the time is read as meant are dropped, and the
//!   `zone-label` finding takes their severity and says so.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, Placement};
use crate::lint::registry::Context;
use crate::lint::rules::{impact_window, milestone_order, timeline_order, zone_label};
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

fn fold_labels(document: &Document, context: &Context, findings: &mut Vec<Finding>) {
    let labels: Vec<Span> = findings
        .iter()
        .filter(|f| f.rule == Rule::ZoneLabel)
        .map(|f| f.span)
        .collect();
    for span in labels {
        let mut meant = document.clone();
        let Some(stamp) = meant.stamps_mut().find(|s| s.span == span) else {
            continue;
        };
        let Some(t) = zone_label::misread(document.zone, stamp).and_then(|m| m.meant) else {
            continue;
        };
        stamp.placed = Placement::At(t);
        let mut remaining = Vec::new();
        for check in ORDER.iter().filter_map(|info| info.check) {
            check(&meant, context, &mut remaining);
        }
        let consequence = |f: &Finding| {
            ORDER.iter().any(|info| info.rule == f.rule)
                && !remaining
                    .iter()
                    .any(|r| r.rule == f.rule && r.span == f.span)
        };
        let Some(worst) = findings
            .iter()
            .filter(|f| consequence(f))
            .map(|f| f.severity)
            .max()
        else {
            continue;
        };
        findings.retain(|f| !consequence(f));
        let label = findings
            .iter_mut()
            .find(|f| f.rule == Rule::ZoneLabel && f.span == span);
        if let Some(label) = label {
            label.severity = label.severity.max(worst);
            let help = label.help.take().unwrap_or_default();
            label.help = Some(format!(
                "{help}, which puts the timeline out of order: the label is the one thing to fix"
            ));
        }
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
