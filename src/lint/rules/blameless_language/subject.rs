//! Who a clause is about: whether a word names a person, and the patterns
//! that hang blame on one (a fault they own, a verb they are the subject
//! of, a question why they did not, a counterfactual about them).

use super::blame::{
    Clause, is_name, is_role, judged_here, listed, same, starts_any, subject_before, the_wrong,
};
use super::clause::{is_possessive, stem};
use super::lexicon::{
    FAULTS, HUMAN_ACTS, JUDGED_VERBS, NOT_JUDGED_AFTER_SHOULD, OWNERS, PERSON_VERBS, PERSONS,
};

impl Clause<'_> {
    /// Whether word `j` names a person: a role, a person pronoun, a role
    /// with a label (`Engineer A`), or a name (a capitalized word that is
    /// not a clause opener or a known product, without an article).
    pub(super) fn is_person(&self, j: usize) -> bool {
        let words = &self.words;
        let word = stem(self.text, self.spans[j]);
        if is_role(word) || word.split('-').any(is_role) || listed(word, PERSONS) {
            return true;
        }
        let label = word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase())
            || word.bytes().all(|b| b.is_ascii_digit());
        if label && j > 0 && is_role(words[j - 1]) {
            return true;
        }
        // "the engineer on call"
        if same(word, "call") && j > 0 && same(words[j - 1], "on") {
            return true;
        }
        is_name(word) && !(j > 0 && listed(words[j - 1], &["the", "a", "an"]))
    }

    fn person_within(&self, from: usize, count: usize) -> Option<usize> {
        (from..self.words.len().min(from + count)).find(|&j| self.is_person(j))
    }

    /// `Karen's fault`, `your failure to follow`, `a mistake by a single
    /// sysadmin`: the range from owner to fault when word `i` is a fault.
    pub(super) fn fault_owner(&self, i: usize) -> Option<(usize, usize)> {
        let words = &self.words;
        if !listed(words[i], FAULTS) {
            return None;
        }
        if let Some(owner) = i.checked_sub(1) {
            let possessive = is_possessive(self.text, self.spans[owner]) && self.is_person(owner);
            if possessive || listed(words[owner], OWNERS) {
                return Some((owner, i));
            }
        }
        let by = words.get(i + 1).is_some_and(|w| listed(w, &["of", "by"]));
        by.then(|| self.person_within(i + 2, 4))
            .flatten()
            .map(|p| (i, p))
    }

    /// `blamed the outage on a member of its IT team`, `blamed on careless
    /// employee`: the range from `blamed` to the person.
    pub(super) fn blamed_on(&self, i: usize) -> Option<(usize, usize)> {
        let words = &self.words;
        if !listed(words[i], &["blamed", "blame", "blames", "blaming"]) {
            return None;
        }
        let on = (i + 1..words.len().min(i + 6)).find(|&j| same(words[j], "on"))?;
        self.person_within(on + 1, 8).map(|p| (i, p))
    }

    /// `why didn't you test it`: `didn't`, a person, and a human act; the
    /// index of the act.
    pub(super) fn asked_why_not(&self, i: usize) -> Option<usize> {
        let words = &self.words;
        let (person, act) = if same(words[i], "didn't") {
            (i + 1, i + 2)
        } else if same(words[i], "did") && words.get(i + 2).is_some_and(|w| same(w, "not")) {
            (i + 1, i + 3)
        } else {
            return None;
        };
        let asks = person < words.len() && self.is_person(person);
        (asks && words.get(act).is_some_and(|w| listed(w, HUMAN_ACTS))).then_some(act)
    }

    /// A person as the subject of a blame verb at word `i`: the subject's
    /// index and the verb's length in words.
    pub(super) fn blamed_subject(&self, i: usize) -> Option<(usize, usize)> {
        let words = &self.words;
        let strong = starts_any(words, i, PERSON_VERBS);
        let judged = starts_any(words, i, JUDGED_VERBS)
            .filter(|&n| judged_here(words, i, n))
            .or_else(|| the_wrong(words, i));
        let n = strong.or(judged)?;
        let subject = subject_before(words, i)?;
        // Only people forget: `they` is a person before such a verb.
        let person = self.is_person(subject) || strong.is_some() && same(words[subject], "they");
        let n = if same(words[i], "failed") { n + 1 } else { n };
        person.then_some((subject, n))
    }

    /// `if the reviewer had looked`, `had Dave drained the node`: the
    /// first and last index of the counterfactual up to the verb.
    pub(super) fn counterfactual(&self, i: usize) -> Option<(usize, usize)> {
        let words = &self.words;
        if same(words[i], "had") && i == 0 {
            let subject = self.person_within(i + 1, 4)?;
            return (subject + 1 < words.len()).then_some((i, subject + 1));
        }
        if !same(words[i], "if") {
            return None;
        }
        let had =
            (i + 1..words.len().min(i + 6)).find(|&j| listed(words[j], &["had", "hadn't"]))?;
        let subject = had.checked_sub(1).filter(|&s| s > i)?;
        let verb = had + 1;
        let acts = words
            .get(verb)
            .is_some_and(|w| !listed(w, NOT_JUDGED_AFTER_SHOULD));
        (self.is_person(subject) && acts).then_some((i, verb))
    }
}
