//! Finding blame in one clause: a judgement or blame label, a person's
//! fault, a person as the subject of a blame verb, or a counterfactual
//! about what a person should have done; unless the clause rejects it.

use crate::lint::prose::{Word, WordSet, fold};
use super::lexicon::{
    ADVERBS, FAULTS, HUMAN_ACTS, JUDGED_VERBS, JUDGEMENTS, NEGATIONS, NOT_JUDGED_AFTER_SHOULD,
    NOT_NAMES, PERSON_VERBS, ROLES,
};
use std::sync::OnceLock;

/// What kind of blame a clause carries; it chooses the help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A label or judgement: "human error", "careless".
    Judgement,
    /// Someone's fault or mistake, or an outage blamed on someone.
    Fault,
    /// A person as the subject of a blame verb: "Dave forgot".
    Verb,
    /// "if the reviewer had looked closer".
    Counterfactual,
    /// A phrase from `blameless` in postmortem.yml.
    Configured,
}

/// Blame found in a clause: the byte range of the words that carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Blame {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The words of one clause, with the text they are cut from.
pub(super) struct Clause<'t> {
    pub(super) text: &'t str,
    pub(super) spans: &'t [Word],
    pub(super) words: Vec<&'t str>,
}

/// The first blame in `clause` (words of `text`) that the clause does not
/// reject, with the configured phrases (lowercase, split into words).
pub(super) fn find(text: &str, clause: &[Word], configured: &[Vec<&str>]) -> Option<Blame> {
    // Most clauses hold no word a pattern starts with: one table look-up
    // per word decides, before any word is compared.
    let wrong = fold("wrong").hash;
    let starts = |i: usize| {
        first_words().may_hold(clause[i]) || clause.get(i + 2).is_some_and(|w| w.hash.hash == wrong)
    };
    let candidates: Vec<usize> = (0..clause.len()).filter(|&i| starts(i)).collect();
    if configured.is_empty() && candidates.is_empty() {
        return None;
    }
    let c = Clause {
        text,
        spans: clause,
        words: clause.iter().map(|&w| &text[w.start..w.end]).collect(),
    };
    let words = &c.words;
    let blame = |first: usize, last: usize, kind| {
        (!negated(words, first, kind)).then(|| Blame {
            start: clause[first].start,
            end: clause[last].end,
            kind,
        })
    };
    if configured.is_empty() {
        return candidates.iter().find_map(|&i| pattern_at(&c, i, &blame));
    }
    let mut next = candidates.iter().copied().peekable();
    (0..words.len()).find_map(|i| {
        let candidate = next.next_if_eq(&i).is_some();
        if let Some(n) = configured.iter().find_map(|p| starts_with(words, i, p)) {
            return blame(i, i + n - 1, Kind::Configured);
        }
        candidate.then(|| pattern_at(&c, i, &blame)).flatten()
    })
}

/// The blame a pattern starting at word `i` finds, if any.
fn pattern_at(
    c: &Clause<'_>,
    i: usize,
    blame: &impl Fn(usize, usize, Kind) -> Option<Blame>,
) -> Option<Blame> {
    let words = &c.words;
    if let Some(n) = starts_any(words, i, JUDGEMENTS).or_else(|| role_error(words, i)) {
        return blame(i, i + n - 1, Kind::Judgement);
    }
    if let Some((first, last)) = c.fault_owner(i).or_else(|| c.blamed_on(i)) {
        return blame(first, last, Kind::Fault);
    }
    if let Some(last) = c.asked_why_not(i) {
        return blame(i, last, Kind::Verb);
    }
    if let Some((subject, n)) = c.blamed_subject(i) {
        return blame(subject, i + n - 1, Kind::Verb);
    }
    c.counterfactual(i)
        .and_then(|(first, last)| blame(first, last, Kind::Counterfactual))
}

/// The words a pattern may start with: the first word of a judgement, verb
/// or fault, a role, or `if`/`had`/`did` (`deleted the wrong` is told by its
/// `wrong`).
fn first_words() -> &'static WordSet {
    static FIRST: OnceLock<WordSet> = OnceLock::new();
    FIRST.get_or_init(|| {
        let phrases = JUDGEMENTS.iter().chain(PERSON_VERBS).chain(JUDGED_VERBS);
        WordSet::new(
            phrases
                .filter_map(|p| p.first().copied())
                .chain(ROLES.iter().copied())
                .chain(FAULTS.iter().copied())
                .chain([
                    "blamed", "blame", "blames", "blaming", "didn't", "did", "if", "had",
                ]),
        )
    })
}

/// The number of words of `phrase` at `words[i..]`, case-insensitively.
fn starts_with(words: &[&str], i: usize, phrase: &[&str]) -> Option<usize> {
    let here = words.get(i..i + phrase.len())?;
    here.iter()
        .zip(phrase)
        .all(|(w, p)| same(w, p))
        .then_some(phrase.len())
}

pub(super) fn starts_any(words: &[&str], i: usize, phrases: &[&[&str]]) -> Option<usize> {
    // Phrases are lowercase ASCII: a different first letter rules one out.
    let first = words.get(i)?.as_bytes().first()?.to_ascii_lowercase();
    phrases
        .iter()
        .filter(|p| p.first().and_then(|w| w.as_bytes().first()) == Some(&first))
        .find_map(|p| starts_with(words, i, p))
}

/// `written` is `word` (lowercase ASCII), in any case and with a curly
/// apostrophe for a straight one.
pub(super) fn same(written: &str, word: &str) -> bool {
    let mut expected = word.bytes();
    let all = written.chars().all(|c| {
        let c = if c == '\u{2019}' { '\'' } else { c };
        expected
            .next()
            .is_some_and(|e| c.is_ascii() && (c as u8).to_ascii_lowercase() == e)
    });
    all && expected.next().is_none()
}

pub(super) fn listed(word: &str, list: &[&str]) -> bool {
    // Lists are lowercase ASCII: a different first letter rules one out.
    let Some(first) = word.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    list.iter()
        .any(|l| l.as_bytes().first() == Some(&first) && same(word, l))
}

/// Whether the clause rejects the blame starting at `first`: a negation
/// right before a subject (`not because the engineer forgot`, `not Karen's
/// fault`), or within four words before a label in the same part of the
/// clause (`we do not consider this operator error`). A counterfactual is
/// never rejected by the negation in what it would have prevented.
fn negated(words: &[&str], first: usize, kind: Kind) -> bool {
    let negation = |w: &&str| listed(w, NEGATIONS);
    match kind {
        Kind::Counterfactual => false,
        Kind::Verb | Kind::Fault => words[..first]
            .iter()
            .rev()
            .find(|w| !listed(w, &["the", "a", "an", "our", "because", "that", "it"]))
            .is_some_and(negation),
        Kind::Judgement | Kind::Configured => words[first.saturating_sub(4)..first]
            .iter()
            .rev()
            .take_while(|w| !listed(w, &["and", "but", "while", "so", "which"]))
            .any(negation),
    }
}

/// `contractor error`, `engineer mistake`: a role (singular, as a label
/// is written) and an error noun.
fn role_error(words: &[&str], i: usize) -> Option<usize> {
    let next = words.get(i + 1)?;
    (listed(words[i], ROLES) && listed(next, &["error", "errors", "mistake", "mistakes"])).then_some(2)
}

/// `deleted the wrong directory`, `typed the wrong command`: a verb in the
/// past tense with "the wrong" after it.
pub(super) fn the_wrong(words: &[&str], i: usize) -> Option<usize> {
    let verb = words[i];
    let past =
        verb.len() > 3 && verb.ends_with("ed") && verb.bytes().all(|b| b.is_ascii_lowercase());
    let wrong = words
        .get(i + 1..i + 3)
        .is_some_and(|w| same(w[0], "the") && same(w[1], "wrong"));
    (past && wrong).then_some(3)
}

/// Whether a judged verb of `n` words at `i` really judges here: `failed
/// to` must name a human act, `should have` a deed rather than a passive.
pub(super) fn judged_here(words: &[&str], i: usize, n: usize) -> bool {
    let next = words.get(i + n).copied().unwrap_or("");
    if same(words[i], "failed") {
        return listed(next, HUMAN_ACTS);
    }
    if listed(words[i], &["should", "should've", "ought"]) {
        return !next.is_empty() && !listed(next, NOT_JUDGED_AFTER_SHOULD);
    }
    true
}

/// The head of the subject before the verb at `i`, skipping adverbs and
/// auxiliaries, and a relative pronoun (`an employee who failed to`).
pub(super) fn subject_before(words: &[&str], i: usize) -> Option<usize> {
    let head = (0..i).rev().find(|&j| !listed(words[j], ADVERBS))?;
    if listed(words[head], &["who", "that"]) {
        return (0..head).rev().find(|&j| !listed(words[j], ADVERBS));
    }
    Some(head)
}

/// A role noun, singular or plural.
pub(super) fn is_role(word: &str) -> bool {
    listed(word, ROLES) || word.strip_suffix('s').is_some_and(|s| listed(s, ROLES))
}

/// A first name: capitalized, the rest lowercase, not a listed word, and
/// not shaped like a common noun (`Alerting`, `Automation`).
pub(super) fn is_name(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let noun_like = ["ing", "tion", "ment", "ness", "ity"]
        .iter()
        .any(|s| word.ends_with(s));
    first_upper
        && word.chars().count() > 1
        && chars.all(char::is_lowercase)
        && !noun_like
        && !listed(word, NOT_NAMES)
}
