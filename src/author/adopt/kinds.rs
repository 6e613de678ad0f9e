//! Milestones as entries state them in plain words ("outage starts", "we
//! are paged", "root cause identified", "fully restored", `<START OF
//! OUTAGE>`), each kind at most once (its first statement), and only where
//! the milestones stay in the order the format requires: a milestone out of
//! order stays a note, and the report says so.

use crate::document::Kind;
use chrono::NaiveDateTime;

/// Each milestone with the words that state it and the words that, in the
/// same event, mean it was not reached ("to mitigate", "alert is resolved").
/// Earlier rows win: "root cause detected" is `identified`, not `detected`.
const WORDS: &[(Kind, &[&str], &[&str])] = &[
    (
        Kind::Resolved,
        &[
            "resolved",
            "fully restored",
            "all clear",
            "end of outage",
            "incident closed",
            "outage ends",
            "outage ended",
        ],
        &[
            "unresolved",
            "not resolved",
            "alert is resolved",
            "alert resolved",
            "alerts resolved",
            "to be resolved",
        ],
    ),
    (
        Kind::Identified,
        &[
            "root cause identified",
            "root cause detected",
            "root cause found",
            "identified the cause",
            "identified the root cause",
            "cause was identified",
            "cause identified",
            "issue is identified",
            "issue was identified",
            "finds the cause",
            "found the cause",
            "finds the root cause",
            "found the root cause",
            "figures out the cause",
            "finds what caused",
            "found what caused",
            "found to be the cause",
            "identified",
        ],
        &["unidentified", "not identified", "not yet identified"],
    ),
    (
        Kind::Mitigated,
        &["mitigat", "workaround applied"],
        &["to mitigate", "mitigation plan", "mitigate it"],
    ),
    (
        Kind::Acknowledged,
        &[
            "acknowledged",
            "acknowledges",
            "acknowledging",
            "acknowledge the",
        ],
        &[],
    ),
    (
        Kind::Detected,
        &[
            "alert fired",
            "alerts fired",
            "alert fires",
            "alerts fire",
            "first alert",
            "were paged",
            "was paged",
            "is paged",
            "are paged",
            "gets paged",
            "got paged",
            "detected",
        ],
        &[],
    ),
    (
        Kind::Start,
        &[
            "start of outage",
            "outage starts",
            "outage started",
            "outage begins",
            "outage began",
            "impact begins",
            "impact began",
            "impact starts",
            "impact started",
            "incident starts",
            "incident started",
            "incident begins",
            "incident began",
            "problem starts",
            "problem started",
        ],
        &[],
    ),
];

/// The milestone an event states in so many words, if any.
pub(super) fn kind(event: &str) -> Option<Kind> {
    let mut lower = String::with_capacity(event.len());
    for c in event.chars().flat_map(char::to_lowercase) {
        let space = c == ' ' && lower.ends_with(' ');
        if !matches!(c, '*' | '_' | '`' | '\\' | '[' | ']') && !space {
            lower.push(c);
        }
    }
    // Every phrase holds one of these: most events hold none.
    const STEMS: [&str; 16] = [
        "resolv",
        "restor",
        "clear",
        "outage",
        "closed",
        "cause",
        "identif",
        "mitig",
        "workaround",
        "acknowledg",
        "alert",
        "paged",
        "detected",
        "start",
        "begin",
        "began",
    ];
    if !STEMS.iter().any(|s| lower.contains(s)) {
        return None;
    }
    let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    WORDS
        .iter()
        .find(|(_, says, denies)| any(says) && !any(denies))
        .map(|(kind, ..)| *kind)
}

/// The kinds of `entries` (their events and local times, `None` for a date
/// alone): each milestone once, kept only where the format's order holds;
/// the milestones left as notes, for the report.
pub(super) fn kinds(
    entries: &[(&str, Option<NaiveDateTime>)],
    stated: &[Option<Kind>],
) -> (Vec<Option<Kind>>, Vec<(usize, Kind)>) {
    let mut out: Vec<Option<Kind>> = vec![None; entries.len()];
    let mut dropped = Vec::new();
    let mut seen: Vec<Kind> = Vec::new();
    // Milestones a summary states first, then the ones the events' words do.
    let said = (0..entries.len()).filter_map(|i| Some((i, stated.get(i).copied().flatten()?)));
    let worded = (0..entries.len()).filter_map(|i| Some((i, kind(entries[i].0)?)));
    for (index, kind) in said.chain(worded) {
        if seen.contains(&kind) || out[index].is_some() {
            continue;
        }
        seen.push(kind);
        if entries[index].1.is_none() {
            // A milestone needs a time: a date alone is lead-up or aftermath.
            dropped.push((index, kind));
            continue;
        }
        out[index] = Some(kind);
    }
    // Drop the later of each pair out of the format's order.
    loop {
        let conflict = conflicts(&out, entries);
        let Some(index) = conflict else { break };
        if let Some(kind) = out[index].take() {
            dropped.push((index, kind));
        }
    }
    (out, dropped)
}

/// An entry whose milestone breaks the order, the later one of the pair.
fn conflicts(kinds: &[Option<Kind>], entries: &[(&str, Option<NaiveDateTime>)]) -> Option<usize> {
    let at = |k: Kind| {
        kinds
            .iter()
            .position(|x| *x == Some(k))
            .and_then(|i| entries[i].1.map(|t| (i, t)))
    };
    let before = Kind::ORDER;
    before.iter().find_map(|&(first, then)| {
        let ((i, a), (j, b)) = (at(first)?, at(then)?);
        (a > b).then_some(i.max(j))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_are_read_from_plain_words() {
        for (event, expected) in [
            ("Service fully restored", Some(Kind::Resolved)),
            (
                "The DNS change takes effect. **\\<END OF OUTAGE>**",
                Some(Kind::Resolved),
            ),
            ("takes effect. **\\<START OF OUTAGE>**", Some(Kind::Start)),
            ("First alert fires", Some(Kind::Detected)),
            (
                "Root cause detected. The disk is full.",
                Some(Kind::Identified),
            ),
            ("Engineers acknowledge the alert", Some(Kind::Acknowledged)),
            (
                "The team finds the [root cause](https://x) of it",
                Some(Kind::Identified),
            ),
            ("**OUTAGE MITIGATED**, deployed", Some(Kind::Mitigated)),
            ("restarts the server to mitigate", None),
            ("The failure rate alert is resolved", None),
            ("Cleanup operation begins", None),
            (
                "alerts fired because docs.rs is down; ashleygwilliams is paged",
                Some(Kind::Detected),
            ),
        ] {
            assert_eq!(kind(event), expected, "{event}");
        }
    }

    #[test]
    fn each_milestone_is_kept_once_and_only_in_order() {
        let t = |h: u32| chrono::NaiveDate::from_ymd_opt(2022, 12, 13)?.and_hms_opt(h, 0, 0);
        let entries = [
            ("status page updated acknowledging the outage", t(10)),
            ("First alert received", t(11)),
            ("Incident resolved", t(12)),
            ("Incident resolved again", t(13)),
        ];
        let (kinds, dropped) = kinds(&entries, &[]);
        assert_eq!(
            kinds,
            [Some(Kind::Acknowledged), None, Some(Kind::Resolved), None]
        );
        assert_eq!(dropped, [(1, Kind::Detected)]);
    }
}
