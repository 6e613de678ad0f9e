//! Durations written in English prose: "for 66 minutes", "roughly five and
//! a half hours", "two hours and forty minutes", "half an hour", "4h39m",
//! with number words and the hedges (about, roughly, ...) before them.

use crate::lint::prose::Text;

/// A duration found in text.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Phrase {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The duration, in minutes.
    pub minutes: f64,
    /// Hedged by "about", "roughly", "nearly", "approximately", ...
    pub hedged: bool,
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

/// Every duration phrase in `text`, cut into words by the shared prose cut.
pub(super) fn find(text: &Text<'_>) -> Vec<Phrase> {
    let value = text.text.value.as_str();
    let words: Vec<&str> = text.words.iter().map(|&w| text.word(w)).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match duration_at(&words, i) {
            Some((minutes, next)) => {
                let start = text.words[i].start;
                let tilde = value[..start].trim_end().ends_with('~');
                let hedged =
                    tilde || (i.saturating_sub(2)..i).any(|j| listed(words[j], HEDGES));
                found.push(Phrase {
                    start,
                    end: text.words[next - 1].end,
                    minutes,
                    hedged,
                });
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

fn listed(word: &str, list: &[&str]) -> bool {
    list.iter().any(|l| word.eq_ignore_ascii_case(l))
}

fn is(word: Option<&str>, expected: &str) -> bool {
    word.is_some_and(|w| w.eq_ignore_ascii_case(expected))
}

/// A duration starting at word `i`: minutes, and the index after it.
fn duration_at(words: &[&str], i: usize) -> Option<(f64, usize)> {
    if let Some(minutes) = compact(words[i]) {
        return Some((minutes, i + 1));
    }
    let (mut total, mut next) = amount_with_unit(words, i)?;
    // "... hours and forty minutes", "... hours 5 minutes"
    let more = if is(words.get(next).copied(), "and") {
        next + 1
    } else {
        next
    };
    if let Some((extra, after)) = amount_with_unit(words, more)
        && extra < total
    {
        total += extra;
        next = after;
    }
    Some((total, next))
}

/// "4h39m", "90m", "2h".
fn compact(word: &str) -> Option<f64> {
    if !(word.as_bytes().first()?.is_ascii_digit() && word.bytes().any(|c| c.is_ascii_alphabetic())) {
        return None;
    }
    let minutes = crate::duration::parse(&word.to_ascii_lowercase())?;
    Some(minutes as f64)
}

/// "five and a half hours", "half an hour", "66 minutes", "an hour".
fn amount_with_unit(words: &[&str], i: usize) -> Option<(f64, usize)> {
    let word = |k: usize| words.get(k).copied();
    if is(word(i), "half") && (is(word(i + 1), "an") || is(word(i + 1), "a")) {
        let unit = unit(word(i + 2)?)?;
        return Some((unit / 2.0, i + 3));
    }
    let (mut amount, mut k) = number(words, i)?;
    if is(word(k), "and") && (is(word(k + 1), "a") || is(word(k + 1), "an")) && is(word(k + 2), "half")
    {
        amount += 0.5;
        k += 3;
    }
    let unit = unit(word(k)?)?;
    // "an hour and a half"
    if is(word(k + 1), "and")
        && (is(word(k + 2), "a") || is(word(k + 2), "an"))
        && is(word(k + 3), "half")
    {
        return Some(((amount + 0.5) * unit, k + 4));
    }
    Some((amount * unit, k + 1))
}

fn unit(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "minute" | "minutes" | "min" | "mins" => 1.0,
        "hour" | "hours" | "hr" | "hrs" => 60.0,
        "day" | "days" => 1440.0,
        _ => return None,
    })
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number at word `i` (digits, "a"/"an", or number words such as "forty five").
fn number(words: &[&str], i: usize) -> Option<(f64, usize)> {
    let first = *words.get(i)?;
    if let Ok(value) = first.parse::<f64>() {
        return value.is_finite().then_some((value, i + 1));
    }
    if listed(first, &["a", "an"]) {
        return Some((1.0, i + 1));
    }
    if let Some(value) = ONES.iter().position(|w| w.eq_ignore_ascii_case(first)) {
        return Some((value as f64, i + 1));
    }
    let (tens, ones) = first.split_once('-').unwrap_or((first, ""));
    let tens = TENS.iter().position(|w| !w.is_empty() && w.eq_ignore_ascii_case(tens))? as f64 * 10.0;
    if let Some(one) = ONES[1..10].iter().position(|w| w.eq_ignore_ascii_case(ones)) {
        return Some((tens + one as f64 + 1.0, i + 1));
    }
    let next = words.get(i + 1).copied();
    match ONES[1..10].iter().position(|w| is(next, w)) {
        Some(one) => Some((tens + one as f64 + 1.0, i + 2)),
        None => Some((tens, i + 1)),
    }
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
    fn ignores_numbers_that_are_not_durations() {
        assert!(minutes("at 8:00 AM, 45% of customers, 2 of 3 shards, SEV2").is_empty());
    }
}
