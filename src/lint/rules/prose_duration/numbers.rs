//! Numbers written in prose, as the duration phrases use them: digits
//! ("66", "2.5"), "a" and "an" for one, and number words ("forty five",
//! "forty-five", "nineteen"), with the word look-ups the readers share.

/// Whether `word` is one of `list`, ignoring ASCII case.
pub(super) fn listed(word: &str, list: &[&str]) -> bool {
    list.iter().any(|l| word.eq_ignore_ascii_case(l))
}

/// Whether `word` is present and is `expected`, ignoring ASCII case.
pub(super) fn is(word: Option<&str>, expected: &str) -> bool {
    word.is_some_and(|w| w.eq_ignore_ascii_case(expected))
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

/// A number at word `i` (digits, "a"/"an", or number words such as "forty
/// five"), and the index of the word after it.
pub(super) fn number(words: &[&str], i: usize) -> Option<(f64, usize)> {
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
    let tens = TENS
        .iter()
        .position(|w| !w.is_empty() && w.eq_ignore_ascii_case(tens))? as f64
        * 10.0;
    if let Some(one) = ONES[1..10]
        .iter()
        .position(|w| w.eq_ignore_ascii_case(ones))
    {
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
    use super::number;

    fn read(text: &str) -> Option<(f64, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        number(&words, 0)
    }

    #[test]
    fn reads_digits_articles_and_number_words() {
        assert_eq!(read("66 minutes"), Some((66.0, 1)));
        assert_eq!(read("2.5 hours"), Some((2.5, 1)));
        assert_eq!(read("an hour"), Some((1.0, 1)));
        assert_eq!(read("nineteen minutes"), Some((19.0, 1)));
        assert_eq!(read("forty five minutes"), Some((45.0, 2)));
        assert_eq!(read("forty-five minutes"), Some((45.0, 1)));
        assert_eq!(read("forty minutes"), Some((40.0, 1)));
        assert_eq!(read("Twenty-Five minutes"), Some((25.0, 1)));
        assert_eq!(read("ninety nine minutes"), Some((99.0, 2)));
    }

    #[test]
    fn reads_no_number_from_other_words() {
        assert_eq!(read("minutes"), None);
        assert_eq!(read("NaN minutes"), None);
        assert_eq!(read("inf minutes"), None);
    }
}
