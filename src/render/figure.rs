//! The geometry of the incident figure: a time axis with ticks chosen for
//! the span (minutes to weeks), the impact window, milestones labelled on
//! rows that do not collide, and public updates as ticks. `figure.svg` draws it.

use super::display;
use super::model::{EntryModel, Model};
use crate::document::Kind;
use chrono::{DateTime, Duration, FixedOffset, Timelike};
use chrono_tz::Tz;
use serde::Serialize;

/// What `figure.svg` draws.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Figure {
    /// The SVG width in user units.
    pub width: i64,
    /// The SVG height.
    pub height: i64,
    /// Where the time axis starts.
    pub left: i64,
    /// Where the time axis ends.
    pub right: i64,
    /// The axis line's height from the top.
    pub axis_y: i64,
    /// Labelled times along the axis.
    pub ticks: Vec<Mark>,
    /// The impact window as a band, when known.
    pub impact: Option<Mark>,
    /// Milestones above the axis, placed in rows so labels do not overlap.
    pub milestones: Vec<Mark>,
    /// Status updates as small marks on the axis.
    pub updates: Vec<Mark>,
    /// What the figure shows, in words (the SVG `desc`).
    pub description: String,
    /// The one-line caption under the figure.
    pub caption: String,
    /// The caption of the narrow figure (no band or ticks to explain).
    pub narrow_caption: String,
    /// The same milestones as a vertical list, for narrow screens.
    pub narrow: super::figure_narrow::Narrow,
}

/// A place on the axis.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Mark {
    /// Horizontal position.
    pub x: i64,
    /// Vertical position (a row, for milestones).
    pub y: i64,
    /// Width: the band's for the impact, the label's for a milestone.
    pub width: i64,
    /// The text shown.
    pub label: String,
    /// The local time, for the tooltip.
    pub when: String,
    /// The entry kind (`detected`), for styling.
    pub kind: String,
    /// `start` or `end`: which side the label grows to.
    pub anchor: &'static str,
}

const WIDTH: i64 = 720;
const LEFT: i64 = 24;
const RIGHT: i64 = 696;
const ROW: i64 = 16;
const STEPS: [i64; 14] = [
    1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080, 43_200,
];

/// The time axis: from and to (round times, a tick step apart), the step,
/// and the zone labels are shown in.
struct Axis {
    from: DateTime<FixedOffset>,
    to: DateTime<FixedOffset>,
    step: i64,
    zone: Option<Tz>,
}

impl Axis {
    /// Around the times of `times`: the round times of a step (at most
    /// eight steps in all) at or before the first and at or after the last.
    fn around(times: &[DateTime<FixedOffset>], zone: Option<Tz>) -> Option<Axis> {
        let (first, last) = (*times.iter().min()?, *times.iter().max()?);
        let span = (last - first).num_minutes().max(1);
        let step = STEPS
            .iter()
            .copied()
            .find(|s| span / s < 7)
            .unwrap_or(43_200);
        let from = round_down(first, step, zone);
        // Whole steps from the first tick, so the last tick is the end.
        let steps = ((last - from).num_minutes() + step - 1) / step;
        let to = from + Duration::minutes(step * steps.max(2));
        Some(Axis {
            from,
            to,
            step,
            zone,
        })
    }

    fn x(&self, t: DateTime<FixedOffset>) -> i64 {
        let total = (self.to - self.from).num_seconds().max(1);
        LEFT + (RIGHT - LEFT) * (t - self.from).num_seconds() / total
    }

    fn label(&self, t: DateTime<FixedOffset>) -> String {
        format!("{}", display::local(t, self.zone).format("%b %-d %H:%M"))
    }
}

/// The figure for `model`, or `None` when nothing in it has a clock time.
pub(crate) fn figure(model: &Model) -> Option<Figure> {
    // Entries with a clock time: a date alone has no place on the axis.
    let points: Vec<(DateTime<FixedOffset>, &EntryModel)> = model
        .timeline
        .iter()
        .filter_map(|e| Some((e.instant?, e)))
        .collect();
    let (start, end) = (model.impact.start_at, model.impact.end_at);
    let times: Vec<_> = points
        .iter()
        .map(|(t, _)| *t)
        .chain(start)
        .chain(end)
        .collect();
    let axis = Axis::around(&times, model.zone)?;
    let milestones = place_rows(milestone_marks(&points, &axis));
    // Notes alone on an axis say nothing a table does not: no figure.
    if milestones.is_empty() && start.zip(end).is_none() {
        return None;
    }
    let rows = milestones
        .iter()
        .map(|m| (m.y - 18) / ROW + 1)
        .max()
        .unwrap_or(0);
    let axis_y = 40 + ROW * rows + 20;
    let impact = start.zip(end).map(|(s, e)| Mark {
        x: axis.x(s),
        y: 0,
        width: (axis.x(e) - axis.x(s)).max(2),
        label: format!("{} to {}", axis.label(s), axis.label(e)),
        when: axis.label(s),
        kind: "impact".into(),
        anchor: "start",
    });
    let zone_name = model.zone.map_or_else(
        || "the times' own offsets".to_string(),
        |z| z.name().to_string(),
    );
    Some(Figure {
        width: WIDTH,
        height: axis_y + 30,
        left: LEFT,
        right: RIGHT,
        ticks: ticks(&axis),
        narrow: super::figure_narrow::narrow(&points, model.zone),
        description: describe(model, &impact),
        caption: format!("Times in {zone_name}. Shaded: impact window. Red ticks: public updates."),
        narrow_caption: format!(
            "Milestones, times in {zone_name}; every entry is in the table below."
        ),
        impact,
        milestones,
        updates: update_marks(&points, &axis),
        axis_y,
    })
}

/// A mark per milestone, its label growing to the left near the right edge.
fn milestone_marks(points: &[(DateTime<FixedOffset>, &EntryModel)], axis: &Axis) -> Vec<Mark> {
    points
        .iter()
        .filter(|(_, entry)| entry.milestone || entry.kind == Kind::Trigger)
        .map(|(t, entry)| {
            let text = &entry.label;
            let at = axis.x(*t);
            let width = 7 * text.len() as i64 + 6;
            let anchor = if at + width > RIGHT { "end" } else { "start" };
            Mark {
                x: at,
                y: 0,
                width,
                label: text.clone(),
                when: axis.label(*t),
                kind: entry.kind.name().to_string(),
                anchor,
            }
        })
        .collect()
}

/// A tick per public status update.
fn update_marks(points: &[(DateTime<FixedOffset>, &EntryModel)], axis: &Axis) -> Vec<Mark> {
    points
        .iter()
        .filter(|(_, entry)| entry.kind == Kind::Update)
        .map(|(t, entry)| Mark {
            x: axis.x(*t),
            y: 0,
            width: 0,
            label: axis.label(*t),
            when: axis.label(*t),
            kind: entry.kind.name().to_string(),
            anchor: "middle",
        })
        .collect()
}

/// Puts each label on the first row where it does not overlap the one before.
fn place_rows(mut marks: Vec<Mark>) -> Vec<Mark> {
    let mut ends: Vec<i64> = Vec::new();
    for mark in &mut marks {
        let (lo, hi) = if mark.anchor == "end" {
            (mark.x - mark.width, mark.x)
        } else {
            (mark.x, mark.x + mark.width)
        };
        let row = ends.iter().position(|&end| end < lo).unwrap_or(ends.len());
        if row == ends.len() {
            ends.push(hi);
        } else {
            ends[row] = hi;
        }
        mark.y = 18 + ROW * row as i64;
    }
    marks
}

/// `t` moved back to a whole multiple of `step` minutes of its local day
/// (of its local week's days for steps of days).
fn round_down(t: DateTime<FixedOffset>, step: i64, zone: Option<Tz>) -> DateTime<FixedOffset> {
    let local = display::local(t, zone);
    let minute_of_day = i64::from(local.hour() * 60 + local.minute());
    let within = if step >= 1440 {
        minute_of_day
    } else {
        minute_of_day.rem_euclid(step)
    };
    t - Duration::minutes(within) - Duration::seconds(i64::from(local.second()))
}

/// A tick at every step of the axis, labelled with its time; the first tick
/// of each day (and the first of the axis) shows the date once. Labels that
/// would run into the one before are left out.
fn ticks(axis: &Axis) -> Vec<Mark> {
    let times: Vec<DateTime<FixedOffset>> = (0..)
        .map(|i| axis.from + Duration::minutes(i * axis.step))
        .take_while(|t| *t <= axis.to)
        .take(64)
        .collect();
    let mut marks: Vec<Mark> = Vec::new();
    let mut last_day = None;
    let mut last_right = i64::MIN;
    for (i, t) in times.iter().enumerate() {
        let local = display::local(*t, axis.zone);
        let day = local.date_naive();
        let format = match (local.hour(), local.minute()) {
            _ if axis.step >= 1440 => "%b %-d",
            (0, 0) => "%b %-d",
            _ if last_day != Some(day) => "%b %-d %H:%M",
            _ => "%H:%M",
        };
        let label = local.format(format).to_string();
        let anchor = match i {
            0 => "start",
            _ if i + 1 == times.len() => "end",
            _ => "middle",
        };
        let x = axis.x(*t);
        // About 7 units a character at the label's size, and a gap.
        let width = 7 * label.chars().count() as i64;
        let (left, right) = match anchor {
            "start" => (x, x + width),
            "end" => (x - width, x),
            _ => (x - width / 2, x + width / 2),
        };
        if left < last_right + 12 {
            // The axis's end keeps its label; the tick before it gives way.
            if anchor != "end" || marks.len() < 2 {
                continue;
            }
            marks.pop();
        }
        last_right = right;
        last_day = Some(day);
        marks.push(Mark {
            x,
            y: 0,
            width: 0,
            when: label.clone(),
            label,
            kind: "tick".into(),
            anchor,
        });
    }
    marks
}

fn describe(model: &Model, impact: &Option<Mark>) -> String {
    let mut parts = Vec::new();
    if let (Some(impact), Some(minutes)) = (impact, model.impact.duration_minutes) {
        parts.push(format!(
            "Impact from {} ({}).",
            impact.label,
            display::duration(minutes)
        ));
    }
    // Milestones always have a clock time (lint's `timestamp` rule).
    for entry in model
        .timeline
        .iter()
        .filter(|e| e.milestone && !e.time.is_empty())
    {
        parts.push(format!("{} at {} {}.", entry.label, entry.time, entry.zone));
    }
    let updates = model
        .timeline
        .iter()
        .filter(|e| e.kind == Kind::Update)
        .count();
    parts.push(format!(
        "{updates} public update{}.",
        if updates == 1 { "" } else { "s" }
    ));
    parts.join(" ")
}
