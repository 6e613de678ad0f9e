//! Parsing the timestamp forms a postmortem may use: dates, date-times
//! (space or `T`), time only, 12-hour clock, with an optional `UTC`, `Z`,
//! numeric offset or zone abbreviation after them.

use super::zone::{self, Label};
use chrono::{NaiveDate, NaiveTime};

/// A timestamp as written, before the document's zone and the entry before
/// it give it a place on the time line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The calendar date, when one was written.
    pub date: Option<NaiveDate>,
    /// The clock time, when one was written.
    pub time: Option<NaiveTime>,
    /// The zone or offset written after it, if any.
    pub label: Option<Label>,
}

/// The years a timestamp may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// Why a timestamp could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeError {
    /// Not one of the accepted forms.
    Unrecognized,
    /// A well-formed date that does not exist, such as February 30.
    NoSuchDate(String),
    /// A well-formed time that does not exist, such as 24:30.
    NoSuchTime(String),
    /// A date outside the years a postmortem can be about.
    YearOutOfRange(i32),
    /// A suffix that is neither an offset nor a known zone abbreviation.
    UnknownLabel(String),
}

impl TimeError {
    /// A lowercase message and a help line.
    pub fn describe(&self, text: &str) -> (String, String) {
        match self {
            TimeError::Unrecognized => (
                format!("`{text}` is not a timestamp"),
                "accepted: `2026-05-14 14:30` (or with `T`, and seconds), `14:30` (the date of the entry before), `2:30 PM`, `2026-05-14` (the whole day), RFC 3339 `2026-05-14T14:30:00-07:00`; any time may end in `UTC`, `Z`, an offset (`-07:00`, `-0700`, `+02`) or a zone (`PDT`, `PT`)".into(),
            ),
            TimeError::NoSuchDate(date) => (
                format!("`{date}` is not a date in the calendar"),
                "check the day of the month".into(),
            ),
            TimeError::NoSuchTime(time) if time.starts_with("24:") => (
                format!("`{time}` is not a clock time"),
                "write `00:00` on the next day".into(),
            ),
            TimeError::NoSuchTime(time) if time.ends_with(":60") => (
                format!("`{time}` is a leap second, which the time line cannot place"),
                "write the second before it, `:59`".into(),
            ),
            TimeError::NoSuchTime(time) => (
                format!("`{time}` is not a clock time"),
                "hours run 0-23 (1-12 with AM/PM), minutes and seconds 0-59".into(),
            ),
            TimeError::YearOutOfRange(year) => (
                format!("year {year} is outside 1900-9999"),
                "check the year".into(),
            ),
            TimeError::UnknownLabel(label) => (
                format!("`{label}` is not a known time zone abbreviation"),
                "write a numeric offset such as `-07:00`, `UTC`, or leave it off to use the document's `timezone`".into(),
            ),
        }
    }
}

/// Parses one timestamp in any accepted form.
pub fn parse(text: &str) -> Result<Written, TimeError> {
    let text = text.trim();
    let (date, rest) = split_date(text)?;
    let rest = rest.trim_start_matches(['T', 't', ' ']);
    if rest.is_empty() {
        return match date {
            Some(date) => Ok(Written {
                date: Some(date),
                time: None,
                label: None,
            }),
            None => Err(TimeError::Unrecognized),
        };
    }
    let (time, rest) = split_time(rest)?;
    let label = match rest.trim() {
        "" => None,
        suffix => Some(zone::label(suffix).ok_or_else(|| unknown(suffix))?),
    };
    Ok(Written {
        date,
        time: Some(time),
        label,
    })
}

fn unknown(suffix: &str) -> TimeError {
    if suffix.chars().all(|c| c.is_ascii_alphabetic()) {
        TimeError::UnknownLabel(suffix.to_string())
    } else {
        TimeError::Unrecognized
    }
}

fn split_date(text: &str) -> Result<(Option<NaiveDate>, &str), TimeError> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| bytes[i].is_ascii_digit());
    if !shaped {
        if bytes.len() > 4 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-' {
            return Err(TimeError::Unrecognized);
        }
        return Ok((None, text));
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let year = i32::try_from(number(0..4)).unwrap_or(0);
    if !YEARS.contains(&year) {
        return Err(TimeError::YearOutOfRange(year));
    }
    let date = NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
        .ok_or_else(|| TimeError::NoSuchDate(text[..10].to_string()))?;
    Ok((Some(date), &text[10..]))
}

fn split_time(text: &str) -> Result<(NaiveTime, &str), TimeError> {
    let clock_len = text
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(text.len());
    let (clock, mut rest) = text.split_at(clock_len);
    let parts: Vec<&str> = clock.split(':').collect();
    let valid_part =
        |p: &&str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    let seconds_part = parts.get(2).map(|s| s.split('.').next().unwrap_or(""));
    if !(2..=3).contains(&parts.len())
        || !valid_part(&parts[0])
        || !valid_part(&parts[1])
        || parts[1].len() != 2
        || seconds_part.is_some_and(|s| s.len() != 2 || !valid_part(&s))
    {
        return Err(TimeError::Unrecognized);
    }
    let hour: u32 = parts[0].parse().unwrap_or(99);
    let minute: u32 = parts[1].parse().unwrap_or(99);
    let second: u32 = seconds_part.map_or(0, |s| s.parse().unwrap_or(99));
    let (meridiem, after) = split_meridiem(rest.trim_start());
    let hour = match meridiem {
        Some(pm) => {
            rest = after;
            if !(1..=12).contains(&hour) {
                return Err(TimeError::NoSuchTime(text[..clock_len].to_string()));
            }
            hour % 12 + if pm { 12 } else { 0 }
        }
        None => hour,
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second)
        .ok_or_else(|| TimeError::NoSuchTime(clock.to_string()))?;
    Ok((time, rest))
}

/// Splits a leading `AM`/`PM` (any case, optional dots) off `text`.
fn split_meridiem(text: &str) -> (Option<bool>, &str) {
    let lower = text.get(..4).unwrap_or(text).to_ascii_lowercase();
    for (spelling, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(spelling) {
            let rest = &text[spelling.len()..];
            if rest.chars().next().is_none_or(|c| !c.is_ascii_alphabetic()) {
                return (Some(pm), rest);
            }
        }
    }
    (None, text)
}

#[cfg(test)]
#[path = "time_tests.rs"]
mod tests;
