//! `duration-claim`: `impact.duration` against the impact window.

use crate::diagnostic::{Applicability, Choice, Edit, Finding, Fix, Rule};
use crate::document::Document;
use crate::duration::format as duration;
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::DurationClaim,
    level: Level::Error,
    summary: "`impact.duration` differs from impact end - start by more than max(5 minutes, 5%)",
    docs: "\
What it catches: an `impact.duration` that does not match the impact window
(`impact.start`/`end`, or the `start`/`resolved` milestones where those are
absent) within 5 minutes or 5%, whichever is larger.

Why it matters: the stated duration is what readers quote. It is often
computed by hand, across midnight or a date change, and then the timeline is
corrected while the duration is not. `duration_tolerance` in
`postmortem.yml` changes the 5 minutes and 5%.

Failing:
    impact:
      start: 2026-05-14 14:30
      end: 2026-05-15 17:15
      duration: 2h45m

Fixed:
    impact:
      start: 2026-05-14 14:30
      end: 2026-05-15 17:15
      duration: 26h45m",
    fix: Some(FixInfo {
        applicability: &[Applicability::DisplayOnly],
        what: "display-only: `duration:` rewritten to the impact window's length. Never applied \
             by `--fix`: the window may be what is wrong.",
    }),
    check: Some(check),
};

/// Whether `claimed` minutes match `actual` within the larger of `minutes`
/// and `percent` of `actual`: the one tolerance for stated durations,
/// written in the front matter or in prose.
pub(crate) fn within_tolerance(claimed: f64, actual: i64, (minutes, percent): (i64, f64)) -> bool {
    let tolerance = (actual.abs() as f64 * percent / 100.0).max(minutes as f64);
    (claimed - actual as f64).abs() <= tolerance
}

fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let Some(claimed) = &document.impact.duration else {
        return;
    };
    let (Some(start), Some(end), Some(actual)) = (
        document.impact_start(),
        document.impact_end(),
        document.impact_minutes(),
    ) else {
        return;
    };
    if within_tolerance(claimed.value as f64, actual, context.settings.duration_tolerance) {
        return;
    }
    let message = format!(
        "`impact.duration` says {} but impact lasted {} ({} to {})",
        duration(claimed.value),
        duration(actual),
        start.format("%Y-%m-%d %H:%M %:z"),
        end.format("%Y-%m-%d %H:%M %:z"),
    );
    let help = format!(
        "write `duration: {}`, or correct the impact window",
        duration(actual)
    );
    let choice = Choice {
        title: format!("write `duration: {}`", duration(actual)),
        edits: vec![Edit::replace(claimed.span, duration(actual))],
    };
    out.push(
        Finding::new(Rule::DurationClaim, claimed.span, message)
            .with_help(help)
            .with_fix(Fix::alternatives(vec![choice])),
    );
}
