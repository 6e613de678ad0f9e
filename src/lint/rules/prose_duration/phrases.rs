//! Durations written in English prose: "for 66 minutes", "roughly five and
//! a half hours", "two hours and forty minutes", "half an hour", "4h39m",
//! with number words and the hedges (about, roughly, ...) before them.

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
    "~",
];

/// Every duration phrase in `text`.
pub(super) fn find(text: &str) -> Vec<Phrase> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match duration_at(&words, i) {
            Some((minutes, next)) => {
                let hedged =
                    (i.saturating_sub(2)..i).any(|j| HEDGES.contains(&words[j].2.as_str()));
                found.push(Phrase {
                    start: words[i].0,
                    end: words[next - 1].1,
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

type Word = (usize, usize, String);

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let part = c.is_alphanumeric() || c == '.' || c == '~';
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text[s..i].trim_end_matches('.').to_lowercase();
                out.push((s, s + word.len(), word));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A duration starting at word `i`: minutes, and the index after it.
fn duration_at(words: &[Word], i: usize) -> Option<(f64, usize)> {
    if let Some(minutes) = compact(&words[i].2) {
        return Some((minutes, i + 1));
    }
    let (mut total, mut next) = amount_with_unit(words, i)?;
    // "... hours and forty minutes", "... hours 5 minutes"
    let more = if words.get(next).is_some_and(|w| w.2 == "and") {
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
    let minutes = crate::duration::parse(word)?;
    (word.chars().next()?.is_ascii_digit() && word.chars().any(|c| c.is_ascii_alphabetic()))
        .then_some(minutes as f64)
}

/// "five and a half hours", "half an hour", "66 minutes", "an hour".
fn amount_with_unit(words: &[Word], i: usize) -> Option<(f64, usize)> {
    let word = |k: usize| words.get(k).map(|w| w.2.as_str());
    if word(i) == Some("half") && matches!(word(i + 1), Some("an" | "a")) {
        let unit = unit(word(i + 2)?)?;
        return Some((unit / 2.0, i + 3));
    }
    let (mut amount, mut k) = number(words, i)?;
    if word(k) == Some("and")
        && matches!(word(k + 1), Some("a" | "an"))
        && word(k + 2) == Some("half")
    {
        amount += 0.5;
        k += 3;
    }
    let unit = unit(word(k)?)?;
    // "an hour and a half"
    if word(k + 1) == Some("and")
        && matches!(word(k + 2), Some("a" | "an"))
        && word(k + 3) == Some("half")
    {
        return Some(((amount + 0.5) * unit, k + 4));
    }
    Some((amount * unit, k + 1))
}

fn unit(word: &str) -> Option<f64> {
    Some(match word {
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
fn number(words: &[Word], i: usize) -> Option<(f64, usize)> {
    let first = words.get(i)?.2.as_str();
    if let Ok(value) = first.parse::<f64>() {
        return value.is_finite().then_some((value, i + 1));
    }
    if matches!(first, "a" | "an") {
        return Some((1.0, i + 1));
    }
    if let Some(value) = ONES.iter().position(|w| *w == first) {
        return Some((value as f64, i + 1));
    }
    let (tens, ones) = first.split_once('-').unwrap_or((first, ""));
    let tens = TENS.iter().position(|w| !w.is_empty() && *w == tens)? as f64 * 10.0;
    if let Some(one) = ONES[1..10].iter().position(|w| *w == ones) {
        return Some((tens + one as f64 + 1.0, i + 1));
    }
    let next = words.get(i + 1).map(|w| w.2.as_str());
    match ONES[1..10].iter().position(|w| Some(*w) == next) {
        Some(one) => Some((tens + one as f64 + 1.0, i + 2)),
        None => Some((tens, i + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    fn minutes(text: &str) -> Vec<(f64, bool)> {
        find(text)
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
        assert!(find("at 8:00 AM, 45% of customers, 2 of 3 shards, SEV2").is_empty());
    }
}
