//! How times and durations read in rendered postmortems: local time with
//! the zone's abbreviation for that date, UTC, day headings, `26h45m`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

/// An instant as the document's zone shows it (or as written when it has none).
pub(crate) fn local(instant: DateTime<FixedOffset>, zone: Option<Tz>) -> DateTime<FixedOffset> {
    zone.map_or(instant, |zone| instant.with_timezone(&zone).fixed_offset())
}

/// The zone's abbreviation at `instant` (`PDT`), or the offset (`+05:30`).
pub(crate) fn abbreviation(instant: DateTime<FixedOffset>, zone: Option<Tz>) -> String {
    match zone {
        Some(zone) => crate::document::zone::abbreviation(zone, instant),
        None if instant.offset().local_minus_utc() == 0 => "UTC".into(),
        None => instant.offset().to_string(),
    }
}

/// `2026-05-14 14:30 PDT`.
pub(crate) fn local_text(instant: DateTime<FixedOffset>, zone: Option<Tz>) -> String {
    let shown = local(instant, zone);
    format!(
        "{} {}",
        shown.format("%Y-%m-%d %H:%M"),
        abbreviation(instant, zone)
    )
}

/// `2026-05-14 21:30 UTC`.
pub(crate) fn utc_text(instant: DateTime<FixedOffset>) -> String {
    instant.naive_utc().format("%Y-%m-%d %H:%M UTC").to_string()
}

/// `Thursday, May 14, 2026`.
pub(crate) fn day_label(date: NaiveDate) -> String {
    date.format("%A, %B %-d, %Y").to_string()
}

/// A duration in minutes as readers read it: `47 minutes`, `1 day 2 hours 45 minutes`.
pub(crate) fn duration(minutes: i64) -> String {
    crate::duration::words(minutes)
}

/// The label of a kind in tables and figures.
pub(crate) fn kind_label(kind: &str) -> String {
    let mut label = kind.to_string();
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_with_the_abbreviation_in_force() {
        let at = DateTime::parse_from_rfc3339("2026-05-14T21:30:00Z").unwrap();
        let la = Some(Tz::America__Los_Angeles);
        assert_eq!(local_text(at, la), "2026-05-14 14:30 PDT");
        assert_eq!(utc_text(at), "2026-05-14 21:30 UTC");
        let winter = DateTime::parse_from_rfc3339("2026-01-14T21:30:00Z").unwrap();
        assert_eq!(local_text(winter, la), "2026-01-14 13:30 PST");
        assert_eq!(
            day_label(NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()),
            "Thursday, May 14, 2026"
        );
    }
}
