//! The incident figure for narrow screens: the trigger and the milestones
//! as a vertical list on a time line, one row each, a day's date above its
//! first row, in text large enough to read on a phone (14 units in a
//! 360-unit-wide drawing shown about 340 px wide).

use super::display;
use super::model::EntryModel;
use crate::document::Kind;
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

const TOP: i64 = 16;
const ROW: i64 = 34;
const DAY: i64 = 26;

/// What the narrow figure draws.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct Narrow {
    /// The drawing's height (its width is 360).
    pub height: i64,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// Day headings between rows.
    pub days: Vec<DayLabel>,
    /// Where the line starts.
    pub top: i64,
    /// Where the line ends.
    pub bottom: i64,
}

/// One milestone or trigger.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Row {
    /// Its vertical place.
    pub y: i64,
    /// `14:30 PDT`.
    pub time: String,
    /// `Detected`.
    pub label: String,
    /// The kind, for styling.
    pub kind: String,
}

/// A day's date above its first row.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DayLabel {
    /// Its vertical place.
    pub y: i64,
    /// `Thu, May 14`.
    pub text: String,
}

/// The narrow figure of `points` (entries with a clock time, in order).
pub(crate) fn narrow(points: &[(DateTime<FixedOffset>, &EntryModel)], zone: Option<Tz>) -> Narrow {
    let mut out = Narrow::default();
    let mut y = TOP;
    let mut day: Option<NaiveDate> = None;
    for (t, entry) in points
        .iter()
        .filter(|(_, e)| e.milestone || e.kind == Kind::Trigger)
    {
        let local = display::local(*t, zone);
        if day != Some(local.date_naive()) {
            day = Some(local.date_naive());
            y += DAY;
            out.days.push(DayLabel {
                y: y - 8,
                text: local.format("%a, %b %-d").to_string(),
            });
        }
        y += ROW / 2;
        out.rows.push(Row {
            y,
            time: format!(
                "{} {}",
                local.format("%H:%M"),
                display::abbreviation(*t, zone)
            ),
            label: entry.label.clone(),
            kind: entry.kind.name().to_string(),
        });
        y += ROW / 2;
    }
    let first = out.rows.first().map_or(TOP, |r| r.y);
    let last = out.rows.last().map_or(TOP, |r| r.y);
    out.top = first;
    out.bottom = last;
    out.height = y + TOP;
    out
}
