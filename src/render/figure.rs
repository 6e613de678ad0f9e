//! The geometry of the incident figure: a time axis with ticks chosen for
//! the span (minutes to weeks), the impact window, milestones labelled on
//! rows that do not collide, and public updates as ticks. `figure.svg` draws it.

use super::display;
use super::model::{EntryModel, Model};
use crate::document::Kind;
use axis::{Axis, ticks};
use chrono::{DateTime, FixedOffset};
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
pub(super) const LEFT: i64 = 24;
pub(super) const RIGHT: i64 = 696;
const ROW: i64 = 16;
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

#[path = "figure_axis.rs"]
mod axis;
