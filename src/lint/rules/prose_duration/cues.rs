//! The words that say what a duration is about: verbs and predicates
//! (strong: "patched", "could not", "was down"), nouns (weak: "outage",
//! "customers", "alert"), the events a duration counts from ("after
//! detection"), and the words that take a duration off the incident's
//! timeline: statistics and settings ("an average of", "a TTL of",
//! "every"), plans and promises ("will", "estimated"), habits ("keeps"),
//! delays that are a measure rather than a milestone, and amounts of data.

use super::about::{Clause, Subject};
use crate::document::Kind;

/// A word that says what a duration is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cue {
    /// What it says the duration is about.
    pub subject: Subject,
    /// A verb or predicate, which outweighs a noun.
    pub strong: bool,
}

impl Cue {
    const fn new(subject: Subject, strong: bool) -> Self {
        Self { subject, strong }
    }
}

const IMPACT: Subject = Subject::Impact;
const DETECTED: Subject = Subject::Milestone(Kind::Detected);
const ACKNOWLEDGED: Subject = Subject::Milestone(Kind::Acknowledged);
const IDENTIFIED: Subject = Subject::Milestone(Kind::Identified);
const MITIGATED: Subject = Subject::Milestone(Kind::Mitigated);
const RESOLVED: Subject = Subject::Milestone(Kind::Resolved);

/// Verbs and predicates, by what they say a duration is about.
const STRONG: &[(Subject, &str)] = &[
    (IMPACT, STRONG_IMPACT),
    (
        DETECTED,
        "detected noticed notice alerted paged discovered caught spotted flagged fired",
    ),
    (
        ACKNOWLEDGED,
        "acknowledged acknowledge acked responded engaged",
    ),
    (IDENTIFIED, "identified diagnosed pinpointed traced"),
    (
        MITIGATED,
        "mitigated mitigate patched remediated contained reverted halted",
    ),
    (RESOLVED, "resolved fixed recovered restored"),
];

const STRONG_IMPACT: &str = "unavailable inaccessible unreachable offline degraded disrupted \
    stale slow impacted affected interrupted lost suffered read-only unable cannot couldn't can't";

/// Nouns, by what they say a duration is about.
const WEAK: &[(Subject, &str)] = &[
    (IMPACT, WEAK_IMPACT),
    (
        DETECTED,
        "detection alert alerts alerting alarm alarms page monitoring",
    ),
    (
        ACKNOWLEDGED,
        "acknowledgement acknowledgment responder responders",
    ),
    (IDENTIFIED, "diagnosis identification"),
    (
        MITIGATED,
        "mitigation mitigations rollback revert workaround failover fix hotfix patch remediation",
    ),
    (RESOLVED, "resolution recovery restoration"),
];

const WEAK_IMPACT: &str = "impact outage outages downtime disruption disruptions degradation \
    interruption interruptions problems issues customer customers user users shopper shoppers \
    merchant merchants client clients visitors subscribers error errors failures 5xx 500s 503s";

/// Two-word predicates, read at their second word.
const PAIRS: &[(Subject, &str, &str)] = &[
    (IMPACT, "could", "not"),
    (IMPACT, "can", "not"),
    (IMPACT, "not", "able"),
    (MITIGATED, "rolled", "back"),
    (MITIGATED, "failed", "over"),
    (MITIGATED, "worked", "around"),
    (MITIGATED, "partially", "restored"),
    (MITIGATED, "restored", "partially"),
    (RESOLVED, "caught", "up"),
    (RESOLVED, "fully", "restored"),
    (RESOLVED, "fully", "recovered"),
    (RESOLVED, "to", "normal"),
    (RESOLVED, "back", "online"),
];

/// Words before "down" that make it a state: "was down", "went down".
const BE: &str = "was were went is are been being remained stayed";

/// Prepositions that name the event a duration counts from.
pub(super) const FROM: &str = "after since from following";

/// Events a duration can count from, by the milestone they are.
const EVENTS: &[(Kind, &str)] = &[
    (
        Kind::Start,
        "start started began begun beginning onset outset",
    ),
    (
        Kind::Trigger,
        "deploy deployment deploys change push release migration",
    ),
    (
        Kind::Detected,
        "detection detected alert alerts alerting alarm alarms page paged paging",
    ),
    (
        Kind::Acknowledged,
        "acknowledgement acknowledgment acknowledged ack",
    ),
    (Kind::Identified, "identification identified diagnosis"),
    (
        Kind::Mitigated,
        "mitigation mitigated rollback revert reverted fix workaround failover",
    ),
    (Kind::Resolved, "resolution resolved recovery recovered"),
];

/// Words next to a duration that make it a statistic, a setting or a
/// cadence rather than a stretch of the incident.
const MEASURES: &str = "average avg mean median maximum max minimum longest shortest \
    typical typically generally usually normally p50 p90 p95 p99 ttl timeout interval \
    intervals retention expiry window target targets goal sla slo threshold cadence every \
    each per ago old older past last";

/// A delay measured ("21-minute delays") rather than a milestone reached.
const DELAYS: &str = "delay delays lag latency";

/// An amount of data: "six hours of data".
const DATA: &str = "data events writes logs records history messages metrics";

/// Plans and promises: the duration has not happened.
const FUTURE: &str = "will shall would should expect expected expects estimated estimate \
    estimates eta planned aim aims endeavor endeavour intend intends promise promised";

/// Habits in the present tense: the duration is how a system behaves.
const HABITS: &str = "keeps maintains holds retains caches expires waits retries polls \
    refreshes rotates runs takes lasts";

/// Words that open a relative clause, which ends a promise or habit before it.
const RELATIVE: &str = "that which who whose when where while";

/// Whether `word` is one of the space-separated `words`.
pub(super) fn has(words: &str, word: &str) -> bool {
    !word.is_empty() && words.split_whitespace().any(|w| w == word)
}

/// `word` in lowercase, with a curly apostrophe read as a straight one.
pub(super) fn lower(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

/// What the word at `j` of `words` says a duration is about.
pub(super) fn cue(words: &[String], j: usize) -> Option<Cue> {
    let word = words[j].as_str();
    let before = j.checked_sub(1).map_or("", |i| words[i].as_str());
    let after = words.get(j + 1).map_or("", String::as_str);
    if PAIRS.iter().any(|(_, a, b)| *a == word && *b == after) {
        return None; // read with the next word
    }
    if let Some((subject, _, _)) = PAIRS.iter().find(|(_, a, b)| *a == before && *b == word) {
        return Some(Cue::new(*subject, true));
    }
    let two_before = j.checked_sub(2).map_or("", |i| words[i].as_str());
    if word == "down" && (has(BE, before) || has(BE, two_before)) {
        return Some(Cue::new(IMPACT, true));
    }
    let find = |table: &[(Subject, &str)]| {
        table
            .iter()
            .find(|(_, list)| has(list, word))
            .map(|(subject, _)| *subject)
    };
    find(STRONG)
        .map(|subject| Cue::new(subject, true))
        .or_else(|| find(WEAK).map(|subject| Cue::new(subject, false)))
}

/// The milestone an event word names.
pub(super) fn event(word: &str) -> Option<Kind> {
    EVENTS
        .iter()
        .find(|(_, list)| has(list, word))
        .map(|(kind, _)| *kind)
}

/// Whether the duration in `clause` is a stretch of the incident's timeline;
/// `milestone_named` when the clause names a milestone (a delay in
/// alerting is the detection, not a measure).
pub(super) fn on_timeline(clause: &Clause<'_>, milestone_named: bool) -> bool {
    let (first, next) = (clause.first, clause.next);
    let mut near = (first.saturating_sub(3)..first).chain(next..next + 2);
    if near.any(|j| has(MEASURES, clause.word(j))) {
        return false;
    }
    let delay = has(DELAYS, clause.word(next))
        || (first >= 2 && clause.word(first - 1) == "of" && has(DELAYS, clause.word(first - 2)));
    if delay && !milestone_named {
        return false;
    }
    if clause.word(next) == "of" && (next + 1..next + 4).any(|j| has(DATA, clause.word(j))) {
        return false;
    }
    // "For the next 30 days we will watch": a plan right after the duration.
    if (next..next + 3).any(|j| has(FUTURE, clause.word(j))) {
        return false;
    }
    // A promise or habit before the duration, unless a relative clause holds it.
    let mut off = false;
    for word in (0..first).map(|j| clause.word(j)) {
        if has(RELATIVE, word) {
            off = false;
        } else if has(FUTURE, word) || has(HABITS, word) || word.ends_with("'ll") {
            off = true;
        }
    }
    !off
}

#[cfg(test)]
mod tests {
    use super::{Cue, cue, event, lower};
    use crate::document::Kind;
    use crate::lint::rules::prose_duration::about::Subject;

    fn cues(text: &str) -> Vec<Option<Cue>> {
        let words: Vec<String> = text.split(' ').map(lower).collect();
        (0..words.len()).map(|j| cue(&words, j)).collect()
    }

    #[test]
    fn verbs_outweigh_nouns_and_pairs_are_read_at_their_second_word() {
        let strong = |subject| Some(Cue::new(subject, true));
        let weak = |subject| Some(Cue::new(subject, false));
        assert_eq!(
            cues("Customers could not pay"),
            [weak(Subject::Impact), None, strong(Subject::Impact), None]
        );
        let restored = strong(Subject::Milestone(Kind::Mitigated));
        assert_eq!(cues("partially restored"), [None, restored]);
        assert_eq!(cues("restored partially"), [None, restored]);
        assert_eq!(
            cues("a replica caught up")[3],
            strong(Subject::Milestone(Kind::Resolved))
        );
        assert_eq!(cues("a replica caught up")[2], None);
        assert_eq!(
            cues("service was fully restored")[3],
            strong(Subject::Milestone(Kind::Resolved))
        );
        assert_eq!(
            cues("the registry was mostly down")[4],
            strong(Subject::Impact)
        );
        assert_eq!(cues("scaled down"), [None, None]);
        assert_eq!(
            cues("The Alert’s page")[2],
            weak(Subject::Milestone(Kind::Detected))
        );
    }

    #[test]
    fn events_name_milestones() {
        assert_eq!(event("detection"), Some(Kind::Detected));
        assert_eq!(event("rollback"), Some(Kind::Mitigated));
        assert_eq!(event("deploy"), Some(Kind::Trigger));
        assert_eq!(event("lunch"), None);
    }
}
