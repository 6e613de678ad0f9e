//! How findings name things: times as the author wrote them with their date,
//! and minute counts in words (`1 minute`, `45 minutes`, `2h`).

use crate::document::Stamp;
use crate::document::zone::Label;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

/// `14:30 on 2026-05-14`, `14:38 PST on 2026-07-17` when it was written
/// with a zone or offset (times in two zones would otherwise look hours
/// apart when they are minutes apart), or `2026-05-14` for a date alone.
pub(crate) fn when(stamp: &Stamp) -> String {
    if stamp.is_day() {
        return stamp.local.date().to_string();
    }
    format!("{} on {}", clock(stamp), stamp.local.date())
}

/// `stamp` as [`when`] puts it, without the date when it is `reference`'s.
pub(crate) fn when_after(stamp: &Stamp, reference: &Stamp) -> String {
    if !stamp.is_day() && stamp.local.date() == reference.local.date() {
        return clock(stamp);
    }
    when(stamp)
}

/// The clock time, with the zone or offset it was written with.
fn clock(stamp: &Stamp) -> String {
    let time = stamp.local.format("%H:%M");
    match &stamp.written.label {
        None => time.to_string(),
        Some(Label::Utc) => format!("{time} UTC"),
        Some(Label::Offset(offset)) => format!("{time} {offset}"),
        Some(Label::Abbreviation { name, .. } | Label::Zone { name, .. }) => {
            format!("{time} {name}")
        }
    }
}

/// [`when`] for a time compared with `other`: when only `other` was written
/// with a zone or offset, this one gets its zone's abbreviation from `zone`
/// (the document's), so `14:50 PDT` and `14:38 PST` show the hour between
/// them that `14:50` and `14:38 PST` hide.
pub(crate) fn when_beside(stamp: &Stamp, other: &Stamp, zone: Option<Tz>) -> String {
    match abbreviation_beside(stamp, other, zone) {
        Some(name) => format!("{} {name} on {}", clock(stamp), stamp.local.date()),
        None => when(stamp),
    }
}

/// [`written`] for a time compared with `other`, as [`when_beside`] says.
pub(crate) fn written_beside(stamp: &Stamp, other: &Stamp, zone: Option<Tz>) -> String {
    if stamp.carried {
        format!(
            "`{}` (read as {})",
            stamp.text,
            when_beside(stamp, other, zone)
        )
    } else {
        format!("`{}`", stamp.text)
    }
}

fn abbreviation_beside(stamp: &Stamp, other: &Stamp, zone: Option<Tz>) -> Option<String> {
    let unlabelled = stamp.written.label.is_none() && !stamp.is_day();
    let labelled = other.written.label.is_some() && !other.is_day();
    (unlabelled && labelled).then_some(())?;
    Some(crate::document::zone::abbreviation(zone?, stamp.instant()?))
}

/// Whole minutes from `from` to `to`.
pub(crate) fn minutes_between(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> i64 {
    (to - from).num_minutes()
}

/// `1 minute` or `5 minutes`.
pub(crate) fn minutes(count: i64) -> String {
    if count == 1 {
        "1 minute".into()
    } else if count >= 120 {
        crate::duration::format(count)
    } else {
        format!("{count} minutes")
    }
}
