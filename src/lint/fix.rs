//! Applying fixes: the safe ones (and the unsafe ones when asked) in rounds
//! until nothing changes, keeping every byte outside the edits, and never a
//! fix that brings a finding the file did not have.

use super::{Checked, Options, check};
use crate::diagnostic::{Applicability, Edit, Finding};
use crate::span::Span;

/// Rounds of fixing before giving up on reaching a fixed point.
const MAX_ROUNDS: usize = 8;

/// Which fixes may be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// Safe fixes only.
    Safe,
    /// Safe and unsafe fixes.
    Unsafe,
}

impl Allowed {
    fn admits(self, applicability: Applicability) -> bool {
        match applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => self == Self::Unsafe,
            Applicability::DisplayOnly => false,
        }
    }
}

/// The outcome of fixing one file.
#[derive(Debug)]
pub struct Fixed {
    /// The text with the fixes applied (the input when none applied).
    pub text: String,
    /// How many findings the fixes repaired.
    pub fixed: usize,
    /// The findings of the fixed text.
    pub checked: Checked,
    /// How many of those an `--unsafe-fixes` run would also fix.
    pub unsafe_fixable: usize,
}

/// Applies the fixes `allowed` admits to `text`.
pub fn fix(text: &str, options: &Options, allowed: Allowed) -> Fixed {
    fix_checked(text, check(text, options), options, allowed)
}

/// [`fix`] for a `text` already checked with `options` (lint and the
/// editor have the findings; the first round need not find them again).
pub fn fix_checked(text: &str, checked: Checked, options: &Options, allowed: Allowed) -> Fixed {
    let mut current = text.to_string();
    let mut checked = checked;
    let mut fixed = 0;
    for _ in 0..MAX_ROUNDS {
        let chosen = non_overlapping(&checked.findings, allowed);
        if chosen.is_empty() {
            break;
        }
        let round = attempt(&current, &checked, &chosen, options)
            .map(|(text, after)| (text, after, chosen.len()))
            .or_else(|| one_at_a_time(&current, &checked, &chosen, options));
        let Some((text, after, count)) = round else {
            break;
        };
        current = text;
        checked = after;
        fixed += count;
    }
    let unsafe_fixable = checked
        .findings
        .iter()
        .filter(|f| {
            f.fix
                .as_ref()
                .is_some_and(|x| x.applicability == Applicability::Unsafe)
        })
        .count();
    Fixed {
        text: current,
        fixed,
        checked,
        unsafe_fixable,
    }
}

/// The fixable findings whose edits overlap no earlier one's, in file order.
fn non_overlapping(findings: &[Finding], allowed: Allowed) -> Vec<&Finding> {
    let mut taken: Vec<Span> = Vec::new();
    let mut chosen = Vec::new();
    for finding in findings {
        let Some(fix) = &finding.fix else { continue };
        if !allowed.admits(fix.applicability) || fix.edits().is_empty() {
            continue;
        }
        let clashes = fix
            .edits()
            .iter()
            .any(|e| taken.iter().any(|t| overlaps(*t, e.span)));
        if !clashes {
            taken.extend(fix.edits().iter().map(|e| e.span));
            chosen.push(finding);
        }
    }
    chosen
}

// Two inserts at one point do not overlap (they apply in finding order);
// an insert strictly inside a replaced range does.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn one_at_a_time(
    text: &str,
    checked: &Checked,
    chosen: &[&Finding],
    options: &Options,
) -> Option<(String, Checked, usize)> {
    // Spans refer to the text the findings came from: try each fix alone on
    // it and keep the first that is clean; the next round takes the rest.
    chosen.iter().find_map(|finding| {
        attempt(text, checked, std::slice::from_ref(finding), options)
            .map(|(text, after)| (text, after, 1))
    })
}

/// The text with the fixes of `chosen` applied and its findings, when it
/// has no finding the text before did not have.
fn attempt(
    text: &str,
    before: &Checked,
    chosen: &[&Finding],
    options: &Options,
) -> Option<(String, Checked)> {
    let mut edits: Vec<&Edit> = chosen
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .flat_map(|fix| fix.edits())
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let (fixed, inserted) = apply(text, &edits)?;
    let after = check(&fixed, options);
    no_new_findings(&before.findings, &after.findings, &inserted).then_some((fixed, after))
}

/// Text an edit wrote, in the fixed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    /// Where it stands.
    pub span: Span,
    /// Whether the edit inserted it (rather than replaced something).
    pub inserted: bool,
}

/// `text` with `edits` (sorted, not overlapping) applied, and the ranges of
/// the new text that the edits wrote.
pub fn apply(text: &str, edits: &[&Edit]) -> Option<(String, Vec<Written>)> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut written = Vec::with_capacity(edits.len());
    let mut at = 0;
    for edit in edits {
        let Span { start, end } = edit.span;
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return None;
        }
        out.push_str(&text[at..start]);
        written.push(Written {
            span: Span::new(out.len(), out.len() + edit.content.len()),
            inserted: start == end,
        });
        out.push_str(&edit.content);
        at = end;
    }
    out.push_str(&text[at..]);
    Some((out, written))
}

/// Whether the fixes brought no finding: every finding of `after` that
/// `before` did not have (by rule and message) lies away from what the
/// fixes wrote, or wholly inside it.
///
/// A new finding touching an edit is one the fix made, and rejects it. One
/// wholly inside the written text is a reminder the fix meant to leave (the
/// hint under an inserted heading). One elsewhere was there all along, found
/// now that the file can be read further: a corrected `timezone` lets the
/// timeline be compared. (Inside means inside inserted text: a replaced
/// key that is now a duplicate is a finding the fix made.)
fn no_new_findings(before: &[Finding], after: &[Finding], written: &[Written]) -> bool {
    let mut unmatched: Vec<&Finding> = before.iter().collect();
    after.iter().all(|finding| {
        if let Some(i) = unmatched
            .iter()
            .position(|b| b.rule == finding.rule && b.message == finding.message)
        {
            unmatched.swap_remove(i);
            return true;
        }
        let span = finding.span;
        written.iter().all(|w| {
            let inside = w.inserted && w.span.start <= span.start && span.end <= w.span.end;
            let touches = span.start <= w.span.end && w.span.start <= span.end;
            inside || !touches
        })
    })
}
