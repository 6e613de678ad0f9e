//! Reading a hand-written timeline line by line: list items (`- 2:54 PM
//! PST: config change merged`, `* [13:26] someone reports ...`, `1. 14:30 -
//! ...`) and table rows (`| 08:41 | Alertmanager page |`), with dates from
//! sub-headings (`### 2017-02-28`, `**Feb 28**`) or leading the line (`May
//! 14, 2:30 PM — ...`). Times are read by the format's own reader
//! (`document::time::parse`), so what adopt writes reads back as meant.

use crate::document::time;
use chrono::{NaiveDate, NaiveTime};

/// One timeline line read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Line {
    /// The date stated for it (on the line or above it), if any.
    pub date: Option<NaiveDate>,
    /// The clock time.
    pub time: NaiveTime,
    /// A zone label written after the time (`PST`, `UTC`), as written.
    pub label: Option<String>,
    /// What happened.
    pub event: String,
}

/// What a line of the Timeline section is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Read {
    /// An entry.
    Entry(Line),
    /// A date alone (a sub-heading, a bold line): the date of what follows.
    Date(NaiveDate),
    /// Anything else (prose, a list item without a time, a table header).
    Other,
}

/// `line` read, with `year` for dates written without one.
pub(super) fn read(line: &str, year: Option<i32>) -> Read {
    let text = unwrap(line);
    if text.is_empty() {
        return Read::Other;
    }
    if let Some((date, rest)) = leading_date(&text, year) {
        let rest = separators(rest);
        if rest.is_empty() {
            return Read::Date(date);
        }
        return entry(rest, Some(date)).map_or(Read::Other, Read::Entry);
    }
    entry(&text, None).map_or(Read::Other, Read::Entry)
}

/// The line without list markers, heading marks, emphasis, table pipes and
/// brackets around a time.
fn unwrap(line: &str) -> String {
    let mut text = line.trim();
    text = text.trim_start_matches('#').trim_start();
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = text.strip_prefix(marker) {
            text = rest.trim_start();
        }
    }
    if let Some((number, rest)) = text.split_once(['.', ')'])
        && !number.is_empty()
        && number.len() <= 3
        && number.bytes().all(|b| b.is_ascii_digit())
        && rest.starts_with(' ')
    {
        text = rest.trim_start();
    }
    let cells: Vec<&str> = text
        .trim_matches('|')
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let joined = if text.starts_with('|') {
        cells.join(" — ")
    } else {
        text.to_string()
    };
    joined
        .replace("**", "")
        .replace("__", "")
        .replace('`', "")
        .replacen('[', "", 1)
        .replacen(']', "", 1)
        .trim()
        .to_string()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date at the start of `text` (`2017-02-28`, `May 14`, `February 28,
/// 2017`, `28 Feb 2017`, `Tuesday, Feb 28`) and the text after it.
pub(super) fn leading_date(text: &str, year: Option<i32>) -> Option<(NaiveDate, &str)> {
    if let Some(head) = text.get(..10)
        && let Ok(date) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        return Some((date, &text[10..]));
    }
    let words: Vec<(usize, &str)> = word_offsets(text).take(4).collect();
    let clean = |w: &str| w.trim_matches([',', '.', ':']).to_lowercase();
    let skip = usize::from(words.first().is_some_and(|(_, w)| is_weekday(&clean(w))));
    let month_of = |w: &str| {
        MONTHS
            .iter()
            .position(|m| clean(w).starts_with(m) && clean(w).len() <= 9)
    };
    let day_of = |w: &str| {
        let word = clean(w);
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| word.strip_suffix(s))
            .unwrap_or(&word);
        digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
    };
    let (a, b) = (words.get(skip)?, words.get(skip + 1)?);
    let (month, day) = match (month_of(a.1), day_of(b.1), day_of(a.1), month_of(b.1)) {
        (Some(m), Some(d), _, _) => (m, d),
        (_, _, Some(d), Some(m)) => (m, d),
        _ => return None,
    };
    let mut end = b.0 + b.1.len();
    let written_year = words.get(skip + 2).and_then(|(i, w)| {
        Some((
            *i + w.len(),
            clean(w)
                .parse::<i32>()
                .ok()
                .filter(|y| (1970..=2100).contains(y))?,
        ))
    });
    let year = match written_year {
        Some((after, y)) => {
            end = after;
            y
        }
        None => year?,
    };
    let date = NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()? + 1, day)?;
    // "May 14 2:30" is a date, "May 2026" is not: a day was required above.
    Some((date, &text[end..]))
}

fn is_weekday(word: &str) -> bool {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| {
            word.starts_with(d) && word.len() <= 9 && word.chars().all(|c| c.is_ascii_alphabetic())
        })
}

fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |offset, word| {
            let at = *offset;
            *offset += word.len() + 1;
            Some((at, word))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// `text` without the separators between a time and its event.
fn separators(text: &str) -> &str {
    text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ':' | '-' | '—' | '–' | '|' | '@')
    })
    .trim_end()
}

/// A time (with its label) at the start of `text` and the event after it.
fn entry(text: &str, date: Option<NaiveDate>) -> Option<Line> {
    let text = text.trim_start_matches([',', ' ']);
    let words: Vec<(usize, &str)> = word_offsets(text).take(4).collect();
    // The longest run of leading words the format reads as a time alone.
    let (written, candidate, end) = (1..=words.len()).rev().find_map(|n| {
        let (last_at, last) = words[n - 1];
        let end = last_at + last.len();
        let candidate = text[..end]
            .trim_end_matches([':', ',', '-', '—', '–', '.'])
            .trim_end();
        let written = time::parse(candidate).ok()?;
        (written.date.is_none() && written.time.is_some()).then_some((written, candidate, end))
    })?;
    let event = separators(&text[end..]);
    if event.is_empty() {
        return None;
    }
    let label = written
        .label
        .as_ref()
        .map(|_| candidate.rsplit(' ').next().unwrap_or("").to_string());
    Some(Line {
        date,
        time: written.time?,
        label,
        event: event.to_string(),
    })
}

#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
