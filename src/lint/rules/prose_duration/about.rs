//! What the clause around a duration says it is about: the impact
//! (customers, could not, unavailable, an outage), a milestone (detected,
//! acknowledged, identified, mitigated, resolved), the event it counts from
//! ("after detection", "from the first alert"), or nothing on the
//! incident's timeline at all (`None`: "a TTL of a day", "every 10
//! minutes", "we will publish within 3 days"; see `cues`). The nearest
//! verb wins over the nearest noun: "the most affected machines were
//! patched in ninety minutes" is about the mitigation.

use super::cues::{self, Cue};
use super::phrases::Phrase;
use crate::document::Kind;
use crate::lint::prose::Text;

/// What a duration is said of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Subject {
    /// How long the impact lasted.
    Impact,
    /// The time until a milestone: detected, acknowledged, identified,
    /// mitigated or resolved.
    Milestone(Kind),
}

/// How a sentence reads a duration on the incident's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Reading {
    /// What it is said of; `None` when the sentence does not say.
    pub subject: Option<Subject>,
    /// The event it is counted from ("after detection"), if named.
    pub anchor: Option<Kind>,
    /// Said as more time after an earlier stretch ("39 more minutes").
    pub increment: bool,
}

/// Words that join two clauses after a comma: "..., and customers waited".
const JOINS: &[&str] = &["and", "but", "while", "whereas", "so", "although", "though"];

/// How the clause around `phrase` reads it; `None` when the duration is not
/// about the incident's timeline.
pub(super) fn read(text: &Text<'_>, phrase: &Phrase) -> Option<Reading> {
    let (lo, hi) = clause(text, phrase);
    let lower: Vec<String> = (lo..hi)
        .map(|j| cues::lower(text.word(text.words[j])))
        .collect();
    let clause = Clause {
        words: &lower,
        first: phrase.first - lo,
        next: phrase.next - lo,
    };
    let anchor = clause.anchor();
    let skip = |j: usize| {
        (clause.first..clause.next).contains(&j)
            || anchor.is_some_and(|(_, from, to)| (from..=to).contains(&j))
    };
    let found: Vec<(usize, Cue)> = (0..lower.len())
        .filter(|&j| !skip(j))
        .filter_map(|j| Some((j, cues::cue(&lower, j)?)))
        .collect();
    let milestone_named = found.iter().any(|(_, c)| c.subject != Subject::Impact);
    if !cues::on_timeline(&clause, milestone_named) {
        return None;
    }
    Some(Reading {
        subject: clause.nearest(&found),
        anchor: anchor.map(|(kind, _, _)| kind),
        increment: phrase.increment,
    })
}

/// A clause's words in lowercase, and where the duration stands in it.
pub(super) struct Clause<'c> {
    /// The words.
    pub words: &'c [String],
    /// Index of the duration's first word.
    pub first: usize,
    /// Index of the word after the duration.
    pub next: usize,
}

impl Clause<'_> {
    /// The word at `j`, or "" outside the clause.
    pub(super) fn word(&self, j: usize) -> &str {
        self.words.get(j).map_or("", String::as_str)
    }

    /// The event named after "after", "since", "from" or "following", and
    /// the words that name it.
    fn anchor(&self) -> Option<(Kind, usize, usize)> {
        let before = (0..self.first).filter(|&j| cues::has(cues::FROM, self.word(j)));
        let after = (self.next..self.words.len()).filter(|&j| cues::has(cues::FROM, self.word(j)));
        before.chain(after).find_map(|j| {
            let end = if j < self.first {
                self.first
            } else {
                self.words.len()
            };
            let (k, kind) =
                (j + 1..end.min(j + 6)).find_map(|k| Some((k, cues::event(self.word(k))?)))?;
            // "the start of customer impact": the event's own words.
            let to = if self.word(k + 1) == "of" { k + 3 } else { k };
            Some((kind, j, to))
        })
    }

    /// The nearest verb's subject, else the nearest noun's.
    fn nearest(&self, cues: &[(usize, Cue)]) -> Option<Subject> {
        let distance = |j: usize| {
            if j < self.first {
                self.first - j
            } else {
                j + 1 - self.next
            }
        };
        let pick = |strong: bool| {
            cues.iter()
                .filter(|(_, c)| c.strong == strong)
                .min_by_key(|(j, _)| distance(*j))
                .map(|(_, c)| c.subject)
        };
        pick(true).or_else(|| pick(false))
    }
}

/// The clause holding `phrase`, as a range of word indices: sentences,
/// semicolons and dashes end clauses (the prose cut), and so does a comma
/// before a joining word.
fn clause(text: &Text<'_>, phrase: &Phrase) -> (usize, usize) {
    let mut lo = 0;
    let mut hi = text.words.len();
    for &end in &text.ends {
        if end <= phrase.first {
            lo = end;
        } else {
            hi = end;
            break;
        }
    }
    let value = text.text.value.as_str();
    let joins = |j: usize| {
        let gap = &value[text.words[j - 1].end..text.words[j].start];
        gap.contains(',')
            && JOINS
                .iter()
                .any(|w| text.word(text.words[j]).eq_ignore_ascii_case(w))
    };
    if let Some(j) = (lo + 1..=phrase.first).rev().find(|&j| joins(j)) {
        lo = j;
    }
    if let Some(j) = (phrase.next.max(lo + 1)..hi).find(|&j| joins(j)) {
        hi = j;
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::{Reading, Subject, read};
    use crate::document::Kind;
    use crate::lint::prose::cut;
    use crate::lint::rules::prose_duration::phrases::find;
    use crate::span::{Span, Spanned};

    fn reading(text: &str) -> Option<Reading> {
        let text = Spanned::new(text.to_string(), Span::point(0));
        let cut = cut(&text);
        let phrase = find(&cut).into_iter().next().unwrap();
        read(&cut, &phrase)
    }

    fn subject(text: &str) -> Option<Subject> {
        reading(text).unwrap().subject
    }

    #[test]
    fn the_nearest_verb_says_what_the_duration_is_about() {
        let mitigated = Some(Subject::Milestone(Kind::Mitigated));
        assert_eq!(
            subject("the most affected machines were patched in ninety minutes"),
            mitigated
        );
        assert_eq!(
            subject("for roughly twenty minutes, shoppers could not pay"),
            Some(Subject::Impact)
        );
        assert_eq!(
            subject("The alert fired within five minutes"),
            Some(Subject::Milestone(Kind::Detected))
        );
        assert_eq!(
            subject("It took five hours to acknowledge the disruptions"),
            Some(Subject::Milestone(Kind::Acknowledged))
        );
        assert_eq!(
            subject("It took nearly five hours before service was fully restored"),
            Some(Subject::Milestone(Kind::Resolved))
        );
        assert_eq!(
            subject("The registry was mostly down for 60 minutes"),
            Some(Subject::Impact)
        );
        assert_eq!(subject("Queries failed for five minutes"), None);
    }

    #[test]
    fn a_named_event_is_where_the_duration_counts_from() {
        let after = reading("Recovery took thirty-five minutes after detection.").unwrap();
        assert_eq!(after.anchor, Some(Kind::Detected));
        assert_eq!(after.subject, Some(Subject::Milestone(Kind::Resolved)));
        let from =
            reading("~27 minutes passed from the first alert firing until someone responded")
                .unwrap();
        assert_eq!(from.anchor, Some(Kind::Detected));
        assert_eq!(from.subject, Some(Subject::Milestone(Kind::Acknowledged)));
        let start =
            reading("Alerts came after a 19-minute delay from the start of customer impact")
                .unwrap();
        assert_eq!(start.anchor, Some(Kind::Start));
        assert_eq!(start.subject, Some(Subject::Milestone(Kind::Detected)));
    }

    #[test]
    fn a_comma_before_and_ends_the_clause() {
        assert_eq!(
            subject("Queries failed for five minutes, and customers waited a day"),
            None
        );
        assert_eq!(
            subject("It was fixed, and customers waited for 40 minutes"),
            Some(Subject::Impact)
        );
    }

    #[test]
    fn durations_off_the_timeline_are_not_read() {
        for text in [
            "a TTL of an entire day",
            "an average delay of 24 minutes",
            "we will post another update in 15 minutes",
            "we estimated it would take ~35 minutes",
            "the internal review generally completes 14 days from mitigation",
            "the capacity constraints caused 21-minute delays",
            "we lost six hours of database data",
            "the fleet only keeps a connection for 30 minutes",
            "a 10-minute duplicate-suppression window",
            "its 10-minute target for acknowledging issues",
            "for the next 30 days we will watch the error rate",
        ] {
            assert_eq!(reading(text), None, "{text}");
        }
        // A relative clause ends the promise: the duration is in the past.
        assert!(reading("we will look into the errors that lasted 15 minutes").is_some());
        // A delay in alerting is the detection.
        assert!(reading("the alert came after a 19-minute delay").is_some());
    }
}
