//! Durations written in English prose: "for 66 minutes", "roughly five and
//! a half hours", "two hours and forty minutes", "half an hour", "4h39m",
//! "1h 17min", "a 47-minute outage", "an entire day", with number words,
//! the hedges (about, roughly, ...) before them and the words that make
//! them an increment ("39 more minutes", "39 additional minutes").

use super::numbers::{is, listed, number};
use crate::lint::prose::Text;

/// A duration found in text.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Phrase {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Index of the phrase's first word in the text's words.
    pub first: usize,
    /// Index of the word after the phrase.
    pub next: usize,
    /// The duration, in minutes.
    pub minutes: f64,
    /// Hedged by "about", "roughly", "nearly", "approximately", "up to", ...
    pub hedged: bool,
    /// Said as time on top of an earlier stretch: "39 more minutes",
    /// "another 39 minutes", "the next 42 minutes", "three hours later".
    pub increment: bool,
}

const HEDGES: &[&str] = &[
    "about",
    "roughly",
    "nearly",
    "approximately",
    "around",
    "almost",
    "approx",
];

/// Words between a number and its unit that make the time come on top of
/// an earlier stretch: "39 more minutes".
const MORE: &[&str] = &["more", "additional", "further", "extra"];

/// Words just before a duration that make it an increment: "another 39
/// minutes", "an additional hour", "the next 42 minutes", "over the
/// following two hours".
const MORE_BEFORE: &[&str] = &[
    "another",
    "additional",
    "further",
    "extra",
    "next",
    "following",
    "subsequent",
    "remaining",
];

/// Words just after a duration that make it an increment: "20 minutes
/// more", "three hours later", "an hour longer".
const MORE_AFTER: &[&str] = &["more", "later", "longer"];

/// Words between a number and its unit that change nothing: "an entire day".
const FILLERS: &[&str] = &["entire", "full", "whole"];

/// A duration's minutes, the index of the word after it, and whether it
/// was said as an increment.
type Amount = (f64, usize, bool);

/// Every duration phrase in `text`, cut into words by the shared prose cut.
pub(super) fn find(text: &Text<'_>) -> Vec<Phrase> {
    let value = text.text.value.as_str();
    let words: Vec<&str> = text.words.iter().map(|&w| text.word(w)).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match duration_at(&words, i) {
            Some((minutes, next, increment)) if minutes > 0.0 => {
                let start = text.words[i].start;
                let tilde = value[..start].trim_end().ends_with('~');
                let up_to = i >= 2 && is(Some(words[i - 2]), "up") && is(Some(words[i - 1]), "to");
                let hedged =
                    tilde || up_to || (i.saturating_sub(2)..i).any(|j| listed(words[j], HEDGES));
                let increment = increment
                    || (i.saturating_sub(2)..i).any(|j| listed(words[j], MORE_BEFORE))
                    || words.get(next).is_some_and(|w| listed(w, MORE_AFTER));
                found.push(Phrase {
                    start,
                    end: text.words[next - 1].end,
                    first: i,
                    next,
                    minutes,
                    hedged,
                    increment,
                });
                i = next;
            }
            _ => i += 1,
        }
    }
    found
}

/// A duration starting at word `i`.
fn duration_at(words: &[&str], i: usize) -> Option<Amount> {
    if let Some(minutes) = compact(words[i]) {
        // "1h 17min"
        return Some(match words.get(i + 1).and_then(|w| compact(w)) {
            Some(extra) if extra < minutes => (minutes + extra, i + 2, false),
            _ => (minutes, i + 1, false),
        });
    }
    if let Some(minutes) = hyphenated(words[i]) {
        return Some((minutes, i + 1, false));
    }
    let (mut total, mut next, increment) = amount_with_unit(words, i)?;
    // "... hours and forty minutes", "... hours 5 minutes"
    let more = if is(words.get(next).copied(), "and") {
        next + 1
    } else {
        next
    };
    if let Some((extra, after, _)) = amount_with_unit(words, more)
        && extra < total
    {
        total += extra;
        next = after;
    }
    Some((total, next, increment))
}

/// "4h39m", "90m", "2h", "17min".
fn compact(word: &str) -> Option<f64> {
    let digit_first = word.as_bytes().first()?.is_ascii_digit();
    if !(digit_first && word.bytes().any(|c| c.is_ascii_alphabetic())) {
        return None;
    }
    let minutes = crate::duration::parse(&word.to_ascii_lowercase())?;
    Some(minutes as f64)
}

/// "47-minute", "five-hour": a number and a unit joined into one word.
fn hyphenated(word: &str) -> Option<f64> {
    let (amount, name) = word.split_once('-')?;
    let (value, _) = number(&[amount], 0)?;
    Some(value * unit(name)?)
}

/// "five and a half hours", "half an hour", "66 minutes", "an hour",
/// "39 more minutes", "an entire day".
fn amount_with_unit(words: &[&str], i: usize) -> Option<Amount> {
    let word = |k: usize| words.get(k).copied();
    if is(word(i), "half") && (is(word(i + 1), "an") || is(word(i + 1), "a")) {
        let unit = unit(word(i + 2)?)?;
        return Some((unit / 2.0, i + 3, false));
    }
    let (mut amount, mut k) = number(words, i)?;
    if is(word(k), "and")
        && (is(word(k + 1), "a") || is(word(k + 1), "an"))
        && is(word(k + 2), "half")
    {
        amount += 0.5;
        k += 3;
    }
    let increment = word(k).is_some_and(|w| listed(w, MORE));
    if increment || word(k).is_some_and(|w| listed(w, FILLERS)) {
        k += 1;
    }
    let unit = unit(word(k)?)?;
    // "an hour and a half"
    if is(word(k + 1), "and")
        && (is(word(k + 2), "a") || is(word(k + 2), "an"))
        && is(word(k + 3), "half")
    {
        return Some(((amount + 0.5) * unit, k + 4, increment));
    }
    Some((amount * unit, k + 1, increment))
}

fn unit(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "minute" | "minutes" | "min" | "mins" => 1.0,
        "hour" | "hours" | "hr" | "hrs" => 60.0,
        "day" | "days" => 1440.0,
        "week" | "weeks" => 10080.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::lint::prose::cut;
    use crate::span::{Span, Spanned};

    fn minutes(text: &str) -> Vec<(f64, bool)> {
        let text = Spanned::new(text.to_string(), Span::point(0));
        find(&cut(&text))
            .into_iter()
            .map(|p| (p.minutes, p.hedged))
            .collect()
    }

    fn increments(text: &str) -> Vec<(f64, bool)> {
        let text = Spanned::new(text.to_string(), Span::point(0));
        find(&cut(&text))
            .into_iter()
            .map(|p| (p.minutes, p.increment))
            .collect()
    }

    #[test]
    fn reads_digits_words_compounds_and_hedges() {
        assert_eq!(minutes("queries failed for 66 minutes"), [(66.0, false)]);
        assert_eq!(
            minutes("for roughly five and a half hours"),
            [(330.0, true)]
        );
        assert_eq!(minutes("two hours and forty minutes"), [(160.0, false)]);
        assert_eq!(minutes("about half an hour"), [(30.0, true)]);
        assert_eq!(
            minutes("an hour later, forty-five minutes"),
            [(60.0, false), (45.0, false)]
        );
        assert_eq!(minutes("twenty five minutes"), [(25.0, false)]);
        assert_eq!(minutes("for 4 hours 39 minutes"), [(279.0, false)]);
        assert_eq!(minutes("lasted 4h39m."), [(279.0, false)]);
        assert_eq!(minutes("nearly 2.5 hours"), [(150.0, true)]);
        assert_eq!(minutes("an hour and a half"), [(90.0, false)]);
    }

    #[test]
    fn reads_joined_units_fillers_compact_pairs_and_upper_bounds() {
        assert_eq!(minutes("a 47-minute outage"), [(47.0, false)]);
        assert_eq!(minutes("a five-hour gap"), [(300.0, false)]);
        assert_eq!(minutes("a TTL of an entire day"), [(1440.0, false)]);
        assert_eq!(minutes("a query ran for 1h 17min"), [(77.0, false)]);
        assert_eq!(minutes("up to 7 hours of downtime"), [(420.0, true)]);
        assert_eq!(minutes("within a week"), [(10080.0, false)]);
    }

    #[test]
    fn marks_the_time_said_as_more_time() {
        assert_eq!(increments("for 39 more minutes"), [(39.0, true)]);
        assert_eq!(increments("39 additional minutes"), [(39.0, true)]);
        assert_eq!(increments("another 39 minutes"), [(39.0, true)]);
        assert_eq!(increments("for a further 6 hours"), [(360.0, true)]);
        assert_eq!(increments("over the following 2 hours"), [(120.0, true)]);
        assert_eq!(increments("paged 19 minutes later"), [(19.0, true)]);
        assert_eq!(increments("for 39 minutes"), [(39.0, false)]);
    }

    #[test]
    fn ignores_numbers_that_are_not_durations() {
        assert!(minutes("at 8:00 AM, 45% of customers, 2 of 3 shards, SEV2").is_empty());
        assert!(minutes("within 15 seconds, a 30s check, the six-hour-old backup").is_empty());
    }
}
