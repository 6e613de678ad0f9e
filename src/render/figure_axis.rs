//! The incident figure's time axis: from a round time to a round time in
//! whole steps (at most about seven), ticks at every step labelled with
//! the date once per day, thinned so no label runs into the one before.

use super::{LEFT, Mark, RIGHT, display};
use chrono::{DateTime, Duration, FixedOffset, Timelike};
use chrono_tz::Tz;

const STEPS: [i64; 14] = [
    1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080, 43_200,
];

/// The time axis: from and to (round times, a tick step apart), the step,
/// and the zone labels are shown in.
pub(super) struct Axis {
    pub(super) from: DateTime<FixedOffset>,
    pub(super) to: DateTime<FixedOffset>,
    step: i64,
    zone: Option<Tz>,
}

impl Axis {
    /// Around the times of `times`: the round times of a step (at most
    /// eight steps in all) at or before the first and at or after the last.
    pub(super) fn around(times: &[DateTime<FixedOffset>], zone: Option<Tz>) -> Option<Axis> {
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

    pub(super) fn x(&self, t: DateTime<FixedOffset>) -> i64 {
        let total = (self.to - self.from).num_seconds().max(1);
        LEFT + (RIGHT - LEFT) * (t - self.from).num_seconds() / total
    }

    pub(super) fn label(&self, t: DateTime<FixedOffset>) -> String {
        format!("{}", display::local(t, self.zone).format("%b %-d %H:%M"))
    }
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
pub(super) fn ticks(axis: &Axis) -> Vec<Mark> {
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
