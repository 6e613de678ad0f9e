//! Tests of every accepted timestamp form and of impossible dates and times.

use super::*;
use chrono::FixedOffset;

fn ok(text: &str) -> Written {
    parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

#[test]
fn date_and_time_with_space_or_t() {
    let date = NaiveDate::from_ymd_opt(2026, 5, 14);
    for text in [
        "2026-05-14 14:30",
        "2026-05-14T14:30",
        "2026-05-14T14:30:00",
        "2026-05-14 14:30:00",
    ] {
        let w = ok(text);
        assert_eq!(
            (w.date, w.time, w.label),
            (date, hm(14, 30), None),
            "{text}"
        );
    }
}

#[test]
fn rfc3339_and_suffixes_give_offsets() {
    let pdt = FixedOffset::west_opt(7 * 3600).unwrap();
    assert_eq!(
        ok("2026-05-14T14:30:00-07:00").label,
        Some(Label::Offset(pdt))
    );
    assert_eq!(ok("2026-05-14 14:30 -0700").label, Some(Label::Offset(pdt)));
    assert_eq!(ok("2026-05-14T21:30:00Z").label, Some(Label::Utc));
    assert_eq!(ok("2026-05-14 21:30 UTC").label, Some(Label::Utc));
    assert_eq!(
        ok("2026-05-14T14:30:00.250-07:00").time,
        NaiveTime::from_hms_opt(14, 30, 0)
    );
    assert!(
        matches!(ok("2:30 PM PDT").label, Some(Label::Abbreviation { offset, .. }) if offset == pdt)
    );
    assert!(matches!(ok("14:30 PT").label, Some(Label::Zone { .. })));
}

#[test]
fn time_alone_and_date_alone() {
    let w = ok("15:11");
    assert_eq!((w.date, w.time), (None, hm(15, 11)));
    assert_eq!(ok("07:05:09").time, NaiveTime::from_hms_opt(7, 5, 9));
    let w = ok("2021-05-12");
    assert_eq!(
        (w.date, w.time),
        (NaiveDate::from_ymd_opt(2021, 5, 12), None)
    );
}

#[test]
fn twelve_hour_clock_around_noon_and_midnight() {
    assert_eq!(ok("2:30 PM").time, hm(14, 30));
    assert_eq!(ok("2:30pm").time, hm(14, 30));
    assert_eq!(ok("12:05 AM").time, hm(0, 5));
    assert_eq!(ok("12:05 PM").time, hm(12, 5));
    assert_eq!(ok("11:59 a.m.").time, hm(11, 59));
    assert_eq!(ok("2026-05-14 12:00 am").time, hm(0, 0));
    assert!(matches!(parse("13:00 PM"), Err(TimeError::NoSuchTime(_))));
    assert!(matches!(parse("0:30 AM"), Err(TimeError::NoSuchTime(_))));
}

#[test]
fn impossible_dates_and_times_are_named() {
    assert!(
        matches!(parse("2026-02-30 10:00"), Err(TimeError::NoSuchDate(d)) if d == "2026-02-30")
    );
    assert!(matches!(parse("24:30"), Err(TimeError::NoSuchTime(_))));
    assert!(matches!(parse("24:00"), Err(TimeError::NoSuchTime(_))));
    assert!(matches!(parse("23:59:60"), Err(TimeError::NoSuchTime(_))));
    assert!(matches!(
        parse("0000-01-01"),
        Err(TimeError::YearOutOfRange(0))
    ));
    assert_eq!(parse("10000-01-01"), Err(TimeError::Unrecognized));
    assert_eq!(
        parse("14:30 XYZ"),
        Err(TimeError::UnknownLabel("XYZ".into()))
    );
    for text in [
        "",
        "soon",
        "1430",
        "14h30",
        "2026/05/14",
        "14:3",
        "2026-05-14 14:30 +25:00",
    ] {
        assert!(parse(text).is_err(), "{text}");
    }
}

#[test]
fn hours_only_offsets_in_every_form() {
    let offset = |text: &str| match ok(text).label {
        Some(Label::Offset(offset)) => offset,
        other => panic!("{text}: {other:?}"),
    };
    let hours = |h: i32| FixedOffset::east_opt(h * 3600).unwrap();
    assert_eq!(offset("14:30 +02"), hours(2));
    assert_eq!(offset("2025-11-18 11:28:00+00"), hours(0));
    assert_eq!(offset("2025-11-18T16:30:00+02"), hours(2));
    assert_eq!(offset("2026-05-14 14:30 -07"), hours(-7));
    assert_eq!(offset("2:30 PM -07"), hours(-7));
}

#[test]
fn an_unreadable_time_is_answered_with_every_accepted_form() {
    let (message, help) = parse("half past two")
        .unwrap_err()
        .describe("half past two");
    assert_eq!(message, "`half past two` is not a timestamp");
    for form in [
        "`2026-05-14 14:30`",
        "`14:30`",
        "`2:30 PM`",
        "`2026-05-14`",
        "RFC 3339",
        "`+02`",
        "`PDT`",
    ] {
        assert!(help.contains(form), "{form} in {help}");
    }
}
