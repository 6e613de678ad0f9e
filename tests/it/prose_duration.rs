//! `prose-duration` on real sentences. Each row of
//! `tests/fixtures/prose-duration/corpus.tsv` (a sentence from a public
//! postmortem or status page, in our words, labelled by hand with what its
//! duration is about) goes into postmortems built around it: (a) the
//! interval it is about equals the stated minutes and no other interval
//! comes near, so a finding is a false positive; (b) that interval is 40%
//! (at least 10 minutes) off and another interval, a decoy, equals the
//! stated minutes, so no finding is a false negative. Rows about nothing on
//! the timeline (`none`) expect no finding in both. Precision and recall are
//! measured over every case, printed (`-- --nocapture`) and recorded in the
//! fixture's README.
#![allow(clippy::print_stderr)]

use crate::common;
use postmortem::diagnostic::Rule;
use postmortem::lint;

/// The instants of a built postmortem, in minutes from its start: start,
/// detected, acknowledged, mitigated, resolved, and the impact's end.
type Instants = [i64; 6];

/// An interval between two of the [`Instants`], by index.
type Pair = (usize, usize);

const START: usize = 0;
const IMPACT_END: usize = 5;

/// One corpus row.
struct Row {
    about: String,
    minutes: i64,
    sentence: String,
    source: String,
}

fn corpus() -> Vec<Row> {
    let path = common::repo("tests/fixtures/prose-duration/corpus.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("about\tminutes\tsentence\tsource"));
    let row = |line: &str| {
        let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        let [about, minutes, sentence, source] = <[String; 4]>::try_from(cells).unwrap();
        let minutes = minutes.parse().unwrap();
        Row {
            about,
            minutes,
            sentence,
            source,
        }
    };
    lines.map(row).collect()
}

/// The intervals a row's sentence is about, each equal to its minutes in
/// case (a); for an increment, every gap between consecutive milestones.
fn about(label: &str) -> Vec<Pair> {
    match label {
        "impact" => vec![(START, IMPACT_END)],
        "detect" => vec![(START, 1)],
        "acknowledge" => vec![(START, 2)],
        "mitigate" => vec![(START, 3)],
        "resolve" | "none" => vec![(START, 4)],
        "increment" => vec![(0, 1), (1, 2), (2, 3), (3, 4)],
        other => panic!("unknown label {other}"),
    }
}

/// The intervals from the start that a sentence is not about, each made
/// equal to its minutes in one case (b).
fn decoys(about: &[Pair]) -> Vec<Pair> {
    (1..=IMPACT_END)
        .map(|i| (START, i))
        .filter(|p| !about.contains(p))
        .collect()
}

/// Whether `actual` minutes are too far from `stated` for the rule to
/// match them, even hedged (within max(5 minutes, 25%)).
fn far(stated: i64, actual: i64) -> bool {
    let tolerance = (actual.abs() as f64 * 0.25).max(5.0);
    (stated - actual).abs() as f64 > tolerance
}

/// A small deterministic generator (xorshift).
struct Random(u64);

impl Random {
    fn below(&mut self, bound: i64) -> i64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as i64
    }

    /// A gap from 1 to `most` minutes, small ones as likely as large ones.
    fn gap(&mut self, most: i64) -> i64 {
        let scale = 1_i64 << self.below(64 - i64::from(most.leading_zeros()));
        1 + self.below(scale.min(most))
    }
}

/// Instants where every interval in `pinned` has its minutes and every
/// other interval is [`far`] from `stated`; `None` when none was found.
fn build(stated: i64, pinned: &[(Pair, i64)], seed: u64) -> Option<Instants> {
    let mut random = Random(seed | 1);
    let most = 4 * stated + 120;
    let mut pinned = pinned.to_vec();
    pinned.sort_by_key(|&((from, to), _)| (to, from));
    (0..200_000).find_map(|_| {
        let mut t: Instants = [0; 6];
        for i in 1..5 {
            t[i] = t[i - 1] + random.gap(most);
        }
        t[IMPACT_END] = random.gap(most);
        // Each pinned interval moves its end and every later milestone.
        for &((from, to), minutes) in &pinned {
            let shift = minutes - (t[to] - t[from]);
            let last = IMPACT_END + usize::from(to == IMPACT_END);
            (to..last).for_each(|i| t[i] += shift);
        }
        let ordered = t[..5].windows(2).all(|w| w[0] < w[1]);
        let exact = pinned.iter().all(|&((a, b), m)| t[b] - t[a] == m);
        let pinned_or_far =
            |a, b| pinned.iter().any(|&(p, _)| p == (a, b)) || far(stated, (t[b] - t[a]).abs());
        let others_far = (0..6).all(|a| (a + 1..6).all(|b| pinned_or_far(a, b)));
        (ordered && exact && others_far).then_some(t)
    })
}

/// A postmortem with `instants` and `sentence` as its summary.
fn postmortem(instants: &Instants, sentence: &str) -> String {
    let base = chrono::DateTime::from_timestamp(1_748_736_000, 0).unwrap(); // 2025-06-01
    let at = |minutes| (base + chrono::Duration::minutes(minutes)).format("%Y-%m-%d %H:%M");
    let kinds = ["start", "detected", "acknowledged", "mitigated", "resolved"];
    let timeline: String = (kinds.iter().zip(instants))
        .map(|(kind, &t)| {
            format!(
                "  - at: {}\n    kind: {kind}\n    event: It happens\n",
                at(t)
            )
        })
        .collect();
    format!(
        "---\ntitle: Checkout errors\nstatus: draft\nseverity: SEV2\ntimezone: UTC\n\
         date: 2025-06-20\nimpact:\n  start: {}\n  end: {}\ntimeline:\n{timeline}---\n\n\
         ## Summary\n\n{sentence}\n\n## Impact\n\nCheckout failed.\n\n## Timeline\n\n\
         ## Root cause\n\nA bad push.\n\n## Remediation\n\nPushes are checked.\n",
        at(instants[START]),
        at(instants[IMPACT_END])
    )
}

/// The `prose-duration` findings' messages for `text`.
fn findings(text: &str) -> Vec<String> {
    lint::check(text, &common::options())
        .findings
        .into_iter()
        .filter(|f| f.rule == Rule::ProseDuration)
        .map(|f| f.message)
        .collect()
}

/// One built postmortem: its name, instants, and whether a finding is expected.
type Case = (String, Instants, bool);

/// Every case of row `index`: (a), then one (b) per decoy that can be built.
fn cases(index: usize, row: &Row) -> Vec<Case> {
    let x = row.minutes;
    let seed = |k: usize| (index as u64 + 1) * 7919 + k as u64 * 104_729;
    let about = about(&row.about);
    let pinned: Vec<(Pair, i64)> = about.iter().map(|&p| (p, x)).collect();
    let mut found: Vec<Case> = build(x, &pinned, seed(0))
        .map(|t| ("(a) the interval it is about matches".into(), t, false))
        .into_iter()
        .collect();
    if row.about == "none" {
        found.extend(build(x, &[], seed(1)).map(|t| ("(b) nothing matches".into(), t, false)));
        return found;
    }
    // 40% off, at least 10 minutes; more for short durations, where the
    // gap between the two intervals would otherwise come near the minutes.
    let off = (x * 2 / 5).max(10);
    let offs: Vec<i64> = match about.len() {
        1 => [x + off, x - off, 2 * x + 10, 3 * x + 20]
            .into_iter()
            .filter(|m| *m > 0)
            .collect(),
        _ => vec![0], // increments: no gap pinned, every gap far
    };
    for (k, &decoy) in decoys(&about).iter().enumerate() {
        let built = offs.iter().find_map(|&m| {
            let pins = [(decoy, x), (about[0], m)];
            build(x, &pins[..1 + usize::from(m > 0)], seed(k + 2))
        });
        found.extend(built.map(|t| (format!("(b) {decoy:?} matches instead"), t, true)));
    }
    found
}

#[test]
fn the_corpus_holds_real_labelled_rows_with_listed_sources() {
    let rows = corpus();
    assert!(rows.len() >= 30, "{} rows", rows.len());
    let readme =
        std::fs::read_to_string(common::repo("tests/fixtures/prose-duration/README.md")).unwrap();
    for row in &rows {
        about(&row.about);
        assert!(row.minutes > 0, "{}", row.sentence);
        assert!(
            readme.contains(&format!("| `{}` |", row.source)),
            "{} is not in the README",
            row.source
        );
    }
    let labels = "impact detect acknowledge mitigate resolve increment none";
    for label in labels.split(' ') {
        assert!(rows.iter().any(|r| r.about == label), "no {label} row");
    }
}

#[test]
fn durations_are_held_to_what_their_sentence_is_about() {
    let rows = corpus();
    let (mut built, mut misses, mut unbuilt) = (0, Vec::new(), Vec::new());
    let mut counts = std::collections::HashMap::<(bool, bool), usize>::new();
    for (index, row) in rows.iter().enumerate() {
        let cases = cases(index, row);
        if cases.iter().all(|c| c.2) || cases.len() < 2 {
            unbuilt.push(format!("row {}: {}", index + 2, row.sentence));
        }
        for (name, instants, expected) in cases {
            built += 1;
            let found = findings(&postmortem(&instants, &row.sentence));
            *counts.entry((expected, !found.is_empty())).or_default() += 1;
            if expected == found.is_empty() {
                let (line, about) = (index + 2, &row.about);
                let sentence = &row.sentence;
                misses.push(format!(
                    "row {line} [{about}] {name} {instants:?}: {sentence} -> {found:?}"
                ));
            }
        }
    }
    // Cases by (finding expected, finding made).
    let count = |expected, made| counts.get(&(expected, made)).copied().unwrap_or(0);
    let (hits, false_positives, missed) =
        (count(true, true), count(false, true), count(true, false));
    let precision = hits as f64 / (hits + false_positives) as f64;
    let recall = hits as f64 / (hits + missed) as f64;
    let report = format!(
        "{} rows, {built} cases: precision {precision:.3} ({hits} true, {false_positives} false \
         positives), recall {recall:.3} ({missed} missed)\nmisses:\n{}\n\
         rows without both kinds of case:\n{}",
        rows.len(),
        misses.join("\n"),
        unbuilt.join("\n")
    );
    eprintln!("{report}");
    assert!(precision >= 0.95 && recall >= 0.85, "{report}");
}

/// Start 10:00, detected 10:04, acknowledged 10:20, mitigated 11:30,
/// resolved 16:45; impact 10:00 to 16:45 (6h45m), or to `end`.
fn issue_example(summary: &str, end: &str) -> Vec<String> {
    findings(&format!(
        "---\ntitle: Payments down\ntimezone: UTC\nimpact:\n  start: 2026-03-01 10:00\n  \
         end: {end}\ntimeline:\n  - at: 2026-03-01 10:00\n    kind: start\n  \
         - at: 10:04\n    kind: detected\n  - at: 10:20\n    kind: acknowledged\n  \
         - at: 11:30\n    kind: mitigated\n  - at: 16:45\n    kind: resolved\n---\n\n\
         ## Summary\n\n{summary}\n"
    ))
}

#[test]
fn the_issue_examples_are_held_to_their_own_interval() {
    // Mitigated 90 minutes after the start, whatever the 6h45m impact window.
    let patched = "The most affected machines were patched in ninety minutes.";
    assert_eq!(issue_example(patched, "16:45"), Vec::<String>::new());
    // Shoppers are the impact (47 minutes), not the acknowledgement at 20.
    let shoppers = "For roughly twenty minutes, shoppers could not pay.";
    assert_eq!(
        issue_example(shoppers, "10:47"),
        ["\"twenty minutes\", said of the impact, does not match the impact window"]
    );
    // Mitigated to resolved is 5h15m; 10:04 to 10:20 is 16 minutes.
    for more in [
        "Errors went on for 315 more minutes.",
        "Errors went on for 315 additional minutes.",
        "Errors went on for another 315 minutes.",
        "Errors went on for a further 315 minutes.",
        "The page was taken 16 minutes after the alert.",
    ] {
        assert_eq!(issue_example(more, "16:45"), Vec::<String>::new(), "{more}");
    }
    let off = issue_example("Errors went on for 39 more minutes.", "16:45");
    let said = "\"39 more minutes\", said as more time, matches no gap between milestones";
    assert_eq!(off, [said]);
}
