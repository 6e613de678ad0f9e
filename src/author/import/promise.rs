//! Reading a promised next update out of a status update's text, as status
//! pages word it: "We will provide an update at UTC 09:15", "Next update:
//! 15:00 UTC", "an update by 9:15PM UTC", "within the next hour", "in 2
//! hrs", "every 30 minutes", "at 16:00 (UTC)", "by 1530 UTC", "at 7:00 AM
//! PT". The corpus these were read from is tests/fixtures/statuspage/promises.tsv.

use crate::document::zone::{self, Label};
use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Offset, TimeZone};

/// The time of the next update `body` promises, read relative to `posted`.
pub(crate) fn next_update(
    body: &str,
    posted: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let words = words(body);
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| is_anchor(w))
        .find_map(|(i, _)| promise_after(&words[i + 1..words.len().min(i + 12)], posted))
}

/// The text in lower case, split at spaces, with punctuation that never
/// belongs to a time removed (`(UTC)`, `hour.`), colons kept.
fn words(body: &str) -> Vec<String> {
    body.to_lowercase()
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '!' | '?'))
        .map(|w| w.trim_end_matches(['.', ':']).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

// "We have updated the config" promises nothing: only the noun counts, and
// "more information" where a page words its promise without it.
fn is_anchor(word: &str) -> bool {
    matches!(
        word,
        "update" | "updates" | "information" | "info" | "details"
    )
}

fn promise_after(words: &[String], posted: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    for (i, word) in words.iter().enumerate() {
        let rest = &words[i + 1..];
        let found = match word.as_str() {
            "in" | "within" | "every" => relative(rest)
                // A promise is for the coming week at most; a larger number
                // is no promise (and would overflow a date).
                .filter(|m| (1..=7 * 24 * 60).contains(m))
                .and_then(|m| posted.checked_add_signed(Duration::minutes(m))),
            "at" | "by" | "around" | "before" | "approximately" | "update" => {
                absolute(rest, posted)
            }
            // "Next update: 15:00 UTC": the colon was cut from the anchor.
            _ if i == 0 => absolute(words, posted),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        if matches!(word.as_str(), "once" | "when" | "as" | "if") {
            return None;
        }
    }
    None
}

/// Minutes in "the next 2 hours", "an hour", "30-60 minutes", "2 hrs".
fn relative(words: &[String]) -> Option<i64> {
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| matches!(*w, "the" | "next" | "about" | "approximately" | "roughly"))
        .take(3)
        .collect();
    let (count, unit) = match words.as_slice() {
        ["half", "an", unit, ..] | ["half", "a", unit, ..] => (0.5, *unit),
        [unit, ..] if unit_minutes(unit).is_some() => (1.0, *unit),
        [count, unit, ..] => (number(count)?, *unit),
        _ => return None,
    };
    let minutes = count * unit_minutes(unit)? as f64;
    minutes.is_finite().then(|| minutes.round() as i64)
}

fn number(word: &str) -> Option<f64> {
    // "30-60 minutes" promises by the later bound.
    let word = word.rsplit(['-', '–']).next().unwrap_or(word);
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    match word {
        "a" | "an" => Some(1.0),
        _ => word
            .parse()
            .ok()
            .or_else(|| WORDS.iter().position(|w| *w == word).map(|n| n as f64)),
    }
}

fn unit_minutes(unit: &str) -> Option<i64> {
    match unit.trim_end_matches('s') {
        "minute" | "min" | "m" => Some(1),
        "hour" | "hr" | "h" => Some(60),
        _ => None,
    }
}

/// "09:15", "9:15pm", "9:15 PM UTC", "UTC 09:15", "1530 UTC", "16:00 (UTC)".
fn absolute(words: &[String], posted: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let words = &words[..words.len().min(5)];
    let index = words.iter().position(|w| clock(w).is_some())?;
    let (mut time, mut meridiem, bare) = clock(&words[index])?;
    let after = words.get(index + 1).map(String::as_str);
    if meridiem.is_none() {
        meridiem = after.and_then(am_pm);
    }
    // Four bare digits are a time only with a zone after them ("1530 UTC").
    let zone_word = words[index + 1..]
        .iter()
        .take(2)
        .chain(index.checked_sub(1).map(|i| &words[i]))
        .find_map(|w| zone::label(&w.to_uppercase()));
    if bare && zone_word.is_none() {
        return None;
    }
    if let Some(pm) = meridiem {
        time = twelve_hour(time, pm)?;
    }
    let offset = match zone_word {
        Some(Label::Zone { zone, .. }) => zone.offset_from_utc_datetime(&posted.naive_utc()).fix(),
        Some(label) => label.fixed()?,
        None => *posted.offset(),
    };
    let day = posted.with_timezone(&offset).date_naive();
    let mut promised = offset.from_local_datetime(&day.and_time(time)).single()?;
    if promised < posted {
        promised += Duration::days(1);
    }
    Some(promised)
}

/// A clock time in one word: its time, am/pm when attached, and whether it
/// was four digits without a colon.
fn clock(word: &str) -> Option<(NaiveTime, Option<bool>, bool)> {
    let (digits, meridiem) = match word.strip_suffix("pm").or_else(|| word.strip_suffix("p.m")) {
        Some(d) => (d, Some(true)),
        None => match word.strip_suffix("am").or_else(|| word.strip_suffix("a.m")) {
            Some(d) => (d, Some(false)),
            None => (word, None),
        },
    };
    let digits = digits.trim_end_matches("utc");
    if let Some((h, m)) = digits.split_once(':') {
        let time = NaiveTime::from_hms_opt(h.parse().ok()?, m.get(..2)?.parse().ok()?, 0)?;
        return Some((time, meridiem, false));
    }
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && meridiem.is_none() {
        let time =
            NaiveTime::from_hms_opt(digits[..2].parse().ok()?, digits[2..].parse().ok()?, 0)?;
        return Some((time, None, true));
    }
    let hour: u32 = digits.parse().ok().filter(|_| meridiem.is_some())?;
    Some((NaiveTime::from_hms_opt(hour, 0, 0)?, meridiem, false))
}

fn am_pm(word: &str) -> Option<bool> {
    match word.trim_end_matches('.') {
        "pm" | "p.m" => Some(true),
        "am" | "a.m" => Some(false),
        _ => None,
    }
}

/// 12:30 AM is 00:30; 12:15 PM stays 12:15; 9:15 PM is 21:15.
fn twelve_hour(time: NaiveTime, pm: bool) -> Option<NaiveTime> {
    use chrono::Timelike;
    let hour = time.hour();
    if !(1..=12).contains(&hour) {
        return Some(time);
    }
    let hour = match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    time.with_hour(hour)
}
