//! `impact-window`: `impact.start`/`end` against the milestones and each other.

use crate::diagnostic::{Finding, Rule};
use crate::document::{Document, Kind, Stamp};
use crate::lint::phrasing::when_beside;
use crate::lint::registry::{Context, Level, RuleInfo};
use chrono_tz::Tz;

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::ImpactWindow,
    level: Level::Error,
    summary: "`impact.start`/`end` disagree with the start/resolved milestones, or end before start",
    docs: "\
What it catches: an `impact.end` before `impact.start`; an `impact.start`
other than the `start` milestone (both say when users were first affected);
an `impact.end` before the `start` milestone or after the `resolved` one
(impact may end before the incident is closed, never after).

Why it matters: the same fact written twice drifts. Real write-ups give one
start time in the status updates and another in the postmortem; the reader
cannot tell which is right, and the duration, the metrics and the rendered
figure all depend on it.

Failing:
    impact:
      start: 2018-12-21 05:29 UTC
    timeline:
      - at: 2018-12-21 06:49 UTC
        kind: start

Fixed:
    impact:
      start: 2018-12-21 05:29 UTC
    timeline:
      - at: 2018-12-21 05:29 UTC
        kind: start",
    fix: None,
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let start = document.impact.start.as_ref();
    let end = document.impact.end.as_ref();
    let mut end_reported = false;
    if let (Some(s), Some(e)) = (start.and_then(Stamp::instant), end.and_then(Stamp::instant))
        && let Some(end) = end
        && e < s
    {
        out.push(finding(
            end,
            "`impact.end` is before `impact.start`".into(),
            &end_help(end, "swap them, or check the dates"),
        ));
        end_reported = true;
    }
    let milestone = |kind| document.milestone(kind).and_then(|e| e.at.as_ref());
    if let (Some(stated), Some(first)) = (start, milestone(Kind::Start))
        && let (Some(a), Some(b)) = (stated.instant(), first.instant())
        && a != b
    {
        let message = versus(
            ("`impact.start`", stated),
            "disagrees with the `start` milestone",
            first,
            document.zone,
        );
        out.push(finding(
            stated,
            message,
            "both say when users were first affected: make them the same",
        ));
    }
    if let Some(end) = end {
        check_end(document, end, end_reported, out);
    }
}

/// `impact.end` against the `start` and `resolved` milestones; not against
/// `start` when it was already reported before `impact.start`.
fn check_end(document: &Document, end: &Stamp, end_reported: bool, out: &mut Vec<Finding>) {
    let milestone = |kind| document.milestone(kind).and_then(|e| e.at.as_ref());
    let Some(e) = end.instant() else { return };
    // One mistake, one error: said once against `impact.start` already.
    if let Some(first) = milestone(Kind::Start)
        && !end_reported
        && first.instant().is_some_and(|s| e < s)
    {
        let message = versus(
            ("`impact.end`", end),
            "is before the `start` milestone",
            first,
            document.zone,
        );
        out.push(finding(
            end,
            message,
            &end_help(end, "check the date of `impact.end`"),
        ));
    }
    if let Some(resolved) = milestone(Kind::Resolved)
        && resolved.instant().is_some_and(|r| e > r)
    {
        let message = versus(
            ("`impact.end`", end),
            "is after the `resolved` milestone",
            resolved,
            document.zone,
        );
        out.push(finding(
            end,
            message,
            "impact cannot outlast the incident: move `resolved` or `impact.end`",
        ));
    }
}

/// For a time alone that took the start's date, the likely repair: the
/// next day, written in full.
fn end_help(end: &Stamp, otherwise: &str) -> String {
    match end.local.date().succ_opt() {
        Some(next) if end.carried => format!(
            "the date probably changed: write `{next} {}`",
            end.local.format("%H:%M")
        ),
        _ => otherwise.to_string(),
    }
}

fn finding(stamp: &Stamp, message: String, help: &str) -> Finding {
    Finding::new(Rule::ImpactWindow, stamp.span, message).with_help(help)
}

/// "`impact.end` (10:40 on ...) is after the `resolved` milestone (10:20
/// on ...)": each time as [`when_beside`] shows it next to the other.
fn versus((name, stamp): (&str, &Stamp), relation: &str, other: &Stamp, zone: Option<Tz>) -> String {
    format!(
        "{name} ({}) {relation} ({})",
        when_beside(stamp, other, zone),
        when_beside(other, stamp, zone)
    )
}
