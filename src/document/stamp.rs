//! Placing written timestamps on the time line: carrying the date of the
//! entry before into a time alone, and resolving local times in the
//! document's zone (or the zone a label names), DST gaps and folds included.

use super::model::{Placement, Stamp};
use super::time::{self, Written};
use super::zone::{self, Label, Placed};
use crate::diagnostic::{Finding, Rule};
use crate::span::Span;
use chrono::{Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

/// What a timestamp needs from its surroundings to be placed.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// The date of the entry before, for a time alone.
    pub carry: Option<NaiveDate>,
    /// The document's zone.
    pub zone: Option<Tz>,
}

/// The help of a time alone with no date to carry: how the timeline reader
/// tells that finding apart (the times alone after it share its cause).
pub(crate) const NO_DATE_HELP: &str = "write the full date, such as `2026-05-14 14:30`";

/// Reads and places the timestamp `text` written at `span`.
pub fn stamp(text: &str, span: Span, context: Context) -> Result<Stamp, Finding> {
    let written = time::parse(text).map_err(|error| {
        let (message, help) = error.describe(text.trim());
        Finding::new(Rule::Timestamp, span, message).with_help(help)
    })?;
    let (date, carried) = match (written.date, context.carry) {
        (Some(date), _) => (date, false),
        (None, Some(date)) => (date, true),
        (None, None) => {
            return Err(Finding::new(
                Rule::Timestamp,
                span,
                format!(
                    "`{}` has no date and there is no entry before it to take one from",
                    text.trim()
                ),
            )
            .with_help(NO_DATE_HELP));
        }
    };
    let local = date.and_time(written.time.unwrap_or(NaiveTime::MIN));
    let written = in_zone_of(written, context.zone, local).map_err(|ambiguous| {
        let (message, help) = ambiguous.describe(text);
        Finding::new(Rule::Timestamp, span, message).with_help(help)
    })?;
    let placed = place_local(&written, local, context.zone);
    let instant = match placed {
        Placement::At(t) | Placement::Fold(t, _) => Some(t),
        _ => None,
    };
    let misread = zone::misread(context.zone, written.label.as_ref(), local, instant);
    Ok(Stamp {
        text: text.trim().to_string(),
        span,
        written,
        local,
        carried,
        placed,
        misread,
    })
}

/// `written` with its abbreviation read as the document's zone uses it
/// ([`zone::resolve`]): `IST` in Asia/Jerusalem is UTC+2.
pub(crate) fn in_zone_of(
    written: Written,
    zone: Option<Tz>,
    local: chrono::NaiveDateTime,
) -> Result<Written, zone::Ambiguous> {
    let label = match written.label {
        Some(label) => Some(zone::resolve(label, zone, local)?),
        None => None,
    };
    Ok(Written { label, ..written })
}

/// Reads an absolute instant such as `--now`: a date, with an optional time
/// (midnight) and an optional offset or zone label (UTC).
pub fn instant(text: &str) -> Result<chrono::DateTime<Utc>, String> {
    let written = time::parse(text).map_err(|error| error.describe(text.trim()).0)?;
    if written.date.is_none() {
        return Err("it needs a date, such as `2026-05-20T12:00:00Z`".into());
    }
    let written = Written {
        label: written.label.or(Some(Label::Utc)),
        ..written
    };
    let local = written
        .date
        .unwrap_or_default()
        .and_time(written.time.unwrap_or(NaiveTime::MIN));
    match place_local(&written, local, None) {
        Placement::At(t) | Placement::Fold(t, _) => Ok(t.with_timezone(&Utc)),
        _ => Err("that local time does not exist in its zone".into()),
    }
}

/// Where the local time `local`, written as `written`, falls: by its label
/// when it has one, else in `zone` with its gaps and folds.
pub(crate) fn place_local(
    written: &Written,
    local: chrono::NaiveDateTime,
    zone: Option<Tz>,
) -> Placement {
    let fixed = |offset: chrono::FixedOffset| match local.and_local_timezone(offset) {
        chrono::LocalResult::Single(t) => Placement::At(t),
        _ => Placement::Gap,
    };
    match &written.label {
        Some(Label::Zone { zone, .. }) => in_zone(written, local, Some(*zone)),
        Some(label) => label.fixed().map_or(Placement::Gap, fixed),
        None => in_zone(written, local, zone),
    }
}

fn in_zone(written: &Written, local: chrono::NaiveDateTime, zone: Option<Tz>) -> Placement {
    if written.time.is_none() {
        // A date alone stands for the whole day, wherever its midnight falls.
        let zone = zone.unwrap_or(Tz::UTC);
        let first = first_instant(zone, local);
        let next = local.checked_add_days(Days::new(1)).unwrap_or(local);
        let last = first_instant(zone, next) - chrono::Duration::seconds(1);
        return Placement::Day(first, last.max(first));
    }
    let Some(zone) = zone else {
        return Placement::NoZone;
    };
    match zone::place(zone, local) {
        Placed::Single(t) => Placement::At(t),
        Placed::Ambiguous(a, b) => Placement::Fold(a, b),
        Placed::Gap => Placement::Gap,
    }
}

// Midnight can fall in a DST gap (some zones switch at 00:00): take the first
// instant of the day that exists.
fn first_instant(zone: Tz, local: chrono::NaiveDateTime) -> chrono::DateTime<chrono::FixedOffset> {
    (0..=4)
        .find_map(
            |hours| match zone::place(zone, local + chrono::Duration::hours(hours)) {
                Placed::Single(t) | Placed::Ambiguous(t, _) => Some(t),
                Placed::Gap => None,
            },
        )
        .unwrap_or_else(|| local.and_utc().fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, carry: Option<&str>, zone: Option<Tz>) -> Stamp {
        let carry = carry.map(|d| d.parse().unwrap());
        stamp(text, Span::point(0), Context { carry, zone }).unwrap()
    }

    #[test]
    fn time_alone_takes_the_date_of_the_entry_before() {
        let s = at("00:10", Some("2026-05-15"), Some(Tz::UTC));
        assert!(s.carried);
        assert_eq!(
            s.instant().unwrap().to_rfc3339(),
            "2026-05-15T00:10:00+00:00"
        );
    }

    #[test]
    fn time_alone_without_any_date_is_a_timestamp_finding() {
        let error = stamp(
            "14:30",
            Span::point(3),
            Context {
                carry: None,
                zone: None,
            },
        )
        .unwrap_err();
        assert_eq!(error.rule, Rule::Timestamp);
    }

    #[test]
    fn local_times_in_spring_gap_and_autumn_fold_are_flagged() {
        let la = Tz::America__Los_Angeles;
        assert_eq!(
            at("2026-03-08 02:30", None, Some(la)).placed,
            Placement::Gap
        );
        let fold = at("2026-11-01 01:30", None, Some(la));
        assert!(matches!(fold.placed, Placement::Fold(_, _)));
        let berlin = Tz::Europe__Berlin;
        assert_eq!(
            at("2026-03-29 02:30", None, Some(berlin)).placed,
            Placement::Gap
        );
        assert!(matches!(
            at("2026-10-25 02:30", None, Some(berlin)).placed,
            Placement::Fold(_, _)
        ));
    }

    #[test]
    fn an_offset_settles_a_time_in_the_fold() {
        let la = Tz::America__Los_Angeles;
        let s = at("2026-11-01 01:30 -08:00", None, Some(la));
        assert_eq!(
            s.instant().unwrap().to_rfc3339(),
            "2026-11-01T01:30:00-08:00"
        );
    }

    #[test]
    fn local_time_without_zone_is_not_placed() {
        assert_eq!(at("2026-05-14 14:30", None, None).placed, Placement::NoZone);
    }

    #[test]
    fn a_date_alone_spans_the_whole_day() {
        let s = at("2021-05-12", None, Some(Tz::Europe__Berlin));
        let (first, last) = s.range().unwrap();
        assert_eq!(first.to_rfc3339(), "2021-05-12T00:00:00+02:00");
        assert_eq!(last.to_rfc3339(), "2021-05-12T23:59:59+02:00");
    }
}
