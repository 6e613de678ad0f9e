//! A time typed on the command line (`new --start`, `timeline add --at`):
//! the one reading every command shares.
//!
//! - `now` is now, to the minute (a timeline is written to the minute, and
//!   the instant written must read back as the one meant).
//! - A time alone is its occurrence nearest to now that is not more than
//!   [`AHEAD`] in the future: typed the morning after, `23:41` is last
//!   night; typed at 23:58, `00:01` is in three minutes (clocks drift).
//! - A time alone typed into a postmortem that is not today's (the reading
//!   nearest to now falls more than a day after its last entry) is read on
//!   the postmortem's own days instead: the occurrence inside its timeline,
//!   else the one nearest to it (an entry after midnight is the next day's,
//!   a trigger just before the start is the same day's). When two readings
//!   both fall inside the timeline, it is refused with both. Never a silent
//!   jump of years: see [`instant_in`].
//! - A date and time is that time; when it happened twice (the repeated hour
//!   when clocks go back) and no offset says which, it is refused with both
//!   offsets to choose from. For a time alone the nearer one is meant.
//! - A local time that never happened (clocks went forward) is refused with
//!   the reason.

use super::stamp::{in_zone_of, place_local};
use super::time::{self, Written};
use crate::document::Placement;
use chrono::{DateTime, Days, Duration, DurationRound, FixedOffset, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

/// How far in the future a typed time may lie.
pub const AHEAD: Duration = Duration::minutes(5);

/// The first and last instants a postmortem's timeline holds: the days a
/// time alone is read on when the postmortem is not today's.
pub type Known = (DateTime<FixedOffset>, DateTime<FixedOffset>);

/// An IANA zone given as the argument `what`, with a suggestion when it is not one.
/// Typed on a command line, the case does not matter (`europe/berlin`);
/// what is written is the zone's own name. An abbreviation selects its
/// region's zone, never a fixed-offset one (`EST` is America/New_York, with
/// daylight saving time): [`zone_note`] says so.
pub fn zone(what: &'static str, name: &str) -> Result<Tz, crate::Error> {
    if let Some(region) = super::zone::zones_named(&name.trim().to_ascii_uppercase()).first() {
        return Ok(*region);
    }
    if let Ok(zone) = Tz::from_str_insensitive(name.trim()) {
        return Ok(zone);
    }
    if let Some(zone) = super::zone::only(name) {
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

/// What [`zone`] did with an abbreviation, for the person who typed it:
/// `None` for a zone's own name.
pub fn zone_note(name: &str) -> Option<String> {
    let typed = name.trim().to_ascii_uppercase();
    if Tz::from_str_insensitive(name.trim()).is_err()
        && let Some(zone) = super::zone::only(name)
        && super::zone::zones_named(&typed).is_empty()
    {
        return Some(format!("`{}` is read as {zone}", name.trim()));
    }
    let regions = super::zone::zones_named(&typed);
    let (chosen, others) = regions.split_first()?;
    let mut note = format!(
        "`{}` is read as {chosen}, the zone that uses it (with its daylight saving time, if any)",
        name.trim()
    );
    if !others.is_empty() {
        let names: Vec<&str> = others.iter().map(|z| z.name()).collect();
        note.push_str(&format!(
            "; {typed} is also used in {}: give that zone's name if you meant it",
            names.join(" and ")
        ));
    }
    Some(note)
}

/// `now` in `zone`, to the minute: what `now` typed for a command means.
pub fn minute(now: DateTime<Utc>, zone: Tz) -> DateTime<FixedOffset> {
    let minute = now.duration_trunc(Duration::minutes(1)).unwrap_or(now);
    minute.with_timezone(&zone).fixed_offset()
}

/// Reads `text` as typed for a command, in `zone`, at `now`.
pub fn instant(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<FixedOffset>, String> {
    instant_in(text, zone, now, None)
}

/// [`instant`] for a postmortem whose timeline spans `known`: a time alone
/// whose reading nearest to now falls more than a day after the last entry
/// is read on the postmortem's own days (see the module's documentation).
pub fn instant_in(
    text: &str,
    zone: Tz,
    now: DateTime<Utc>,
    known: Option<Known>,
) -> Result<DateTime<FixedOffset>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("now") {
        return Ok(minute(now, zone));
    }
    let written = time::parse(text).map_err(|error| {
        let (message, help) = error.describe(text);
        format!("{message}; {help}")
    })?;
    let Some(clock) = written.time else {
        return Err("give a clock time too, such as `14:30` or `2026-05-14 14:30`".into());
    };
    let today = now.with_timezone(&zone).date_naive();
    let near = written.date.unwrap_or(today).and_time(clock);
    let written = in_zone_of(written, Some(zone), near).map_err(|ambiguous| {
        let (message, help) = ambiguous.describe(text);
        format!("{message}; {help}")
    })?;
    if let Some(date) = written.date {
        let (candidates, gap) = occurrences(&written, clock, &[date], zone);
        return match candidates.as_slice() {
            [one] => Ok(*one),
            [first, second] => Err(twice(text, zone, *first, *second)),
            _ => Err(never(text, zone, gap.unwrap_or(date))),
        };
    }
    let days = around(today, 1, 1);
    let (candidates, gap) = occurrences(&written, clock, &days, zone);
    let latest = now.fixed_offset() + AHEAD;
    let by_now = candidates
        .into_iter()
        .filter(|t| *t <= latest)
        .max()
        .ok_or_else(|| never(text, zone, gap.unwrap_or(today)));
    if let (Some(known), Ok(t)) = (known, &by_now)
        && *t > known.1 + Duration::days(1)
    {
        return on_its_days(text, &written, clock, zone, known, latest);
    }
    by_now
}

/// `day` and the days `before` and `after` it.
fn around(day: NaiveDate, before: u64, after: u64) -> Vec<NaiveDate> {
    let first = day.checked_sub_days(Days::new(before)).unwrap_or(day);
    first
        .iter_days()
        .take_while(|d| *d <= day.checked_add_days(Days::new(after)).unwrap_or(day))
        .collect()
}

/// Every instant `clock` names on `days` in `zone`, and a day it never
/// happened on.
fn occurrences(
    written: &Written,
    clock: NaiveTime,
    days: &[NaiveDate],
    zone: Tz,
) -> (Vec<DateTime<FixedOffset>>, Option<NaiveDate>) {
    let mut candidates = Vec::new();
    let mut gap = None;
    for day in days {
        match place_local(written, day.and_time(clock), Some(zone)) {
            Placement::At(t) => candidates.push(t),
            Placement::Fold(first, second) => candidates.extend([first, second]),
            Placement::Gap => gap = Some(*day),
            _ => {}
        }
    }
    (candidates, gap)
}

/// A time alone read on the days of a timeline spanning `known`: the
/// occurrence inside it, else the one nearest to it; two inside are refused.
fn on_its_days(
    text: &str,
    written: &Written,
    clock: NaiveTime,
    zone: Tz,
    (first, last): Known,
    latest: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, String> {
    let first_day = first.with_timezone(&zone).date_naive();
    let last_day = last.with_timezone(&zone).date_naive();
    let span = u64::try_from((last_day - first_day).num_days())
        .unwrap_or(0)
        .min(366);
    let (candidates, gap) = occurrences(written, clock, &around(first_day, 1, span + 1), zone);
    let distance = |t: &DateTime<FixedOffset>| {
        if *t < first {
            first - *t
        } else if *t > last {
            *t - last
        } else {
            Duration::zero()
        }
    };
    let mut readings: Vec<_> = candidates.into_iter().filter(|t| *t <= latest).collect();
    readings.sort_by_key(|t| distance(t));
    match readings.as_slice() {
        [] => Err(never(text, zone, gap.unwrap_or(first_day))),
        [one, two, ..] if distance(one) == distance(two) => {
            let tied: Vec<_> = readings
                .iter()
                .filter(|t| distance(t) == distance(one))
                .copied()
                .collect();
            Err(several(text, zone, &tied))
        }
        [one, ..] => Ok(*one),
    }
}

fn several(text: &str, zone: Tz, readings: &[DateTime<FixedOffset>]) -> String {
    let mut days: Vec<String> = readings
        .iter()
        .map(|t| t.with_timezone(&zone).format("%Y-%m-%d").to_string())
        .collect();
    days.sort();
    days.dedup();
    let first = days.first().cloned().unwrap_or_default();
    let shown = match days.len() {
        0..=3 => days.join(", "),
        n => format!("{} and {} more", days[..3].join(", "), n - 3),
    };
    format!(
        "`{text}` falls on {} days of this postmortem's timeline ({shown}); write the date, such as `{first} {text}`",
        days.len()
    )
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
    fn a_city_country_or_abbreviation_for_timezone_is_its_zone_and_said() {
        assert_eq!(zone("--timezone", "berlin").unwrap(), Tz::Europe__Berlin);
        assert_eq!(
            zone("--timezone", "los angeles").unwrap(),
            Tz::America__Los_Angeles
        );
        assert_eq!(zone("--timezone", "india").unwrap(), Tz::Asia__Kolkata);
        assert_eq!(zone("--timezone", "EST").unwrap(), Tz::America__New_York);
        assert_eq!(
            zone("--timezone", "europe/berlin").unwrap(),
            Tz::Europe__Berlin
        );
        assert!(zone_note("berlin").unwrap().contains("Europe/Berlin"));
        assert!(zone_note("IST").unwrap().contains("Asia/Jerusalem"));
        assert_eq!(zone_note("Europe/Berlin"), None);
        let typo = zone("--timezone", "Berln").unwrap_err().to_string();
        assert!(typo.contains("Europe/Berlin"), "{typo}");
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
