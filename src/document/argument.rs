//! A time typed on the command line (`new --start`, `timeline add --at`):
//! the one reading every command shares.
//!
//! - `now` is now.
//! - A time alone is its occurrence nearest to now that is not more than
//!   [`AHEAD`] in the future: typed the morning after, `23:41` is last
//!   night; typed at 23:58, `00:01` is in three minutes (clocks drift).
//! - A date and time is that time; when it happened twice (the repeated hour
//!   when clocks go back) and no offset says which, it is refused with both
//!   offsets to choose from. For a time alone the nearer one is meant.
//! - A local time that never happened (clocks went forward) is refused with
//!   the reason.

use super::stamp::place_local;
use super::time;
use crate::document::Placement;
use chrono::{DateTime, Days, Duration, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;

/// How far in the future a typed time may lie.
pub const AHEAD: Duration = Duration::minutes(5);

/// An IANA zone given as the argument `what`, with a suggestion when it is not one.
/// Typed on a command line, the case does not matter (`europe/berlin`);
/// what is written is the zone's own name.
pub fn zone(what: &'static str, name: &str) -> Result<Tz, crate::Error> {
    if let Ok(zone) = Tz::from_str_insensitive(name.trim()) {
        return Ok(zone);
    }
    super::zone::parse_zone(name).map_err(|suggestion| crate::Error::Invalid {
        what,
        value: name.to_string(),
        reason: suggestion.map_or_else(
            || "not an IANA zone name such as `Europe/Berlin`".into(),
            |s| format!("did you mean `{s}`?"),
        ),
    })
}

/// Reads `text` as typed for a command, in `zone`, at `now`.
pub fn instant(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<FixedOffset>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("now") {
        return Ok(now.with_timezone(&zone).fixed_offset());
    }
    let written = time::parse(text).map_err(|error| {
        let (message, help) = error.describe(text);
        format!("{message}; {help}")
    })?;
    let Some(clock) = written.time else {
        return Err("give a clock time too, such as `14:30` or `2026-05-14 14:30`".into());
    };
    let today = now.with_timezone(&zone).date_naive();
    let days: Vec<NaiveDate> = match written.date {
        Some(date) => vec![date],
        None => [
            today.checked_sub_days(Days::new(1)),
            Some(today),
            today.checked_add_days(Days::new(1)),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    let mut candidates = Vec::new();
    let mut gap = None;
    for day in &days {
        match place_local(&written, day.and_time(clock), Some(zone)) {
            Placement::At(t) => candidates.push(t),
            Placement::Fold(first, second) => candidates.extend([first, second]),
            Placement::Gap => gap = Some(*day),
            _ => {}
        }
    }
    if written.date.is_some() {
        return match candidates.as_slice() {
            [one] => Ok(*one),
            [first, second] => Err(twice(text, zone, *first, *second)),
            _ => Err(never(text, zone, gap.unwrap_or(today))),
        };
    }
    let latest = now.fixed_offset() + AHEAD;
    candidates
        .into_iter()
        .filter(|t| *t <= latest)
        .max()
        .ok_or_else(|| never(text, zone, gap.unwrap_or(today)))
}

fn twice(
    text: &str,
    zone: Tz,
    first: DateTime<FixedOffset>,
    second: DateTime<FixedOffset>,
) -> String {
    let name = |t: DateTime<FixedOffset>| t.with_timezone(&zone).format("%Z").to_string();
    format!(
        "`{text}` happened twice in {zone} (clocks went back): write `{text} {}` for the first ({}) or `{text} {}` for the second ({})",
        first.format("%:z"),
        name(first),
        second.format("%:z"),
        name(second),
    )
}

fn never(text: &str, zone: Tz, day: NaiveDate) -> String {
    format!(
        "`{text}` never happened on {day} in {zone}: clocks went forward over it; write the time after the change, or give an offset"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::stamp;

    fn at(text: &str, zone: Tz, now: &str) -> Result<String, String> {
        let now = stamp::instant(now).unwrap();
        instant(text, zone, now).map(|t| t.to_rfc3339())
    }

    #[test]
    fn a_time_alone_is_its_occurrence_nearest_to_now() {
        let la = Tz::America__Los_Angeles;
        // The morning after (10:00 PDT), 23:41 is last night.
        assert_eq!(
            at("23:41", la, "2026-07-18T17:00:00Z").unwrap(),
            "2026-07-17T23:41:00-07:00"
        );
        // At 23:58, 00:01 is in three minutes, tomorrow.
        assert_eq!(
            at("00:01", la, "2026-07-18T06:58:00Z").unwrap(),
            "2026-07-18T00:01:00-07:00"
        );
        assert_eq!(
            at("09:15", la, "2026-07-18T17:00:00Z").unwrap(),
            "2026-07-18T09:15:00-07:00"
        );
    }

    #[test]
    fn the_repeated_hour_is_told_apart_and_the_gap_refused() {
        let la = Tz::America__Los_Angeles;
        // 2026-11-01 01:40 PST, the second pass: 01:30 is the PST one, ten minutes ago.
        assert_eq!(
            at("01:30", la, "2026-11-01T09:40:00Z").unwrap(),
            "2026-11-01T01:30:00-08:00"
        );
        assert_eq!(
            at("now", la, "2026-11-01T08:40:00Z").unwrap(),
            "2026-11-01T01:40:00-07:00"
        );
        let both = at("2026-11-01 01:30", la, "2026-11-02T00:00:00Z").unwrap_err();
        assert!(both.contains("-07:00") && both.contains("-08:00"), "{both}");
        assert_eq!(
            at("2026-11-01 01:30 -08:00", la, "2026-11-02T00:00:00Z").unwrap(),
            "2026-11-01T01:30:00-08:00"
        );
        let gap = at("2026-03-08 02:30", la, "2026-03-09T00:00:00Z").unwrap_err();
        assert!(gap.contains("never happened"), "{gap}");
    }
}
