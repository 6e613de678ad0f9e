//! The trends page's charts as geometry a template draws as static SVG (no
//! script): bars with their place, size and title, axis labels, and a
//! legend. Sizes are in the SVG's own units (640 wide); labels are 18 units
//! tall, so a chart shown 360 px wide on a phone still has 10 px text.

use crate::collection::trends::{Quarter, Trends};
use serde::Serialize;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 8.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 40.0;

/// One chart.
#[derive(Clone, Debug, Serialize)]
pub struct Chart {
    /// Its heading.
    pub title: String,
    /// What it shows, in words (the SVG's description).
    pub description: String,
    /// SVG width and height.
    pub width: f64,
    /// SVG height.
    pub height: f64,
    /// Where the axis is.
    pub axis_y: f64,
    /// The bars.
    pub bars: Vec<Bar>,
    /// Labels under the axis.
    pub labels: Vec<Label>,
    /// The largest value, labelled at the top.
    pub top_label: String,
    /// Which class is which series.
    pub legend: Vec<Legend>,
}

/// One bar (or one segment of a stacked bar).
#[derive(Clone, Debug, Serialize)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Its series, as a CSS class.
    pub class: String,
    /// What it is, shown on hover (`2026-05: 2 SEV2`).
    pub title: String,
}

/// A label under the axis.
#[derive(Clone, Debug, Serialize)]
pub struct Label {
    /// Its centre.
    pub x: f64,
    /// Its text.
    pub text: String,
}

/// A series in the legend.
#[derive(Clone, Debug, Serialize)]
pub struct Legend {
    /// Its CSS class.
    pub class: String,
    /// Its name.
    pub label: String,
}

/// Groups of a chart: each a label and its series' values.
type Groups = Vec<(String, Vec<(String, f64)>)>;

/// The charts of `trends`, in page order.
pub fn charts(trends: &Trends) -> Vec<Chart> {
    let per = if trends.by_year { "year" } else { "month" };
    vec![
        chart(
            &format!("Incidents per {per}, by severity"),
            "incidents",
            &incidents(trends),
            true,
        ),
        chart(
            "Time to detect per quarter (minutes)",
            "minutes",
            &minutes(trends, |q| q.detect),
            false,
        ),
        chart(
            "Time to resolve per quarter (minutes)",
            "minutes",
            &minutes(trends, |q| q.resolve),
            false,
        ),
        chart(
            "Action items per quarter: opened and done",
            "items",
            &actions(trends),
            false,
        ),
        chart(
            "Open action items, by how long ago their incident began",
            "items",
            &ages(trends),
            false,
        ),
    ]
}

/// Incidents per period, a series per severity.
fn incidents(trends: &Trends) -> Groups {
    let parts = |counts: &[usize]| {
        trends
            .severities
            .iter()
            .zip(counts)
            .map(|(s, n)| (s.clone(), *n as f64))
            .collect()
    };
    trends
        .months
        .iter()
        .map(|m| (m.month.clone(), parts(&m.counts)))
        .collect()
}

/// Median and 90th percentile per quarter of the minutes `pick` chooses.
fn minutes(trends: &Trends, pick: fn(&Quarter) -> (Option<f64>, Option<f64>)) -> Groups {
    let parts = |(median, p90): (Option<f64>, Option<f64>)| {
        vec![
            ("median".into(), median.unwrap_or(0.0)),
            ("p90".into(), p90.unwrap_or(0.0)),
        ]
    };
    trends
        .quarters
        .iter()
        .map(|q| (q.quarter.clone(), parts(pick(q))))
        .collect()
}

/// Action items opened and done per quarter.
fn actions(trends: &Trends) -> Groups {
    trends
        .quarters
        .iter()
        .map(|q| {
            let (opened, done) = q.actions;
            let parts = vec![
                ("opened".into(), opened as f64),
                ("done".into(), done as f64),
            ];
            (q.quarter.clone(), parts)
        })
        .collect()
}

/// Open action items by the age of their incident.
fn ages(trends: &Trends) -> Groups {
    trends
        .open_ages
        .iter()
        .map(|(label, n)| (label.clone(), vec![("open".into(), *n as f64)]))
        .collect()
}

/// A bar chart of `groups` (label, series values), stacked or side by side.
fn chart(title: &str, unit: &str, groups: &[(String, Vec<(String, f64)>)], stacked: bool) -> Chart {
    let total = |parts: &[(String, f64)]| -> f64 {
        if stacked {
            parts.iter().map(|p| p.1).sum()
        } else {
            parts.iter().map(|p| p.1).fold(0.0, f64::max)
        }
    };
    let max = groups
        .iter()
        .map(|(_, parts)| total(parts))
        .fold(0.0, f64::max)
        .max(1.0);
    let axis_y = HEIGHT - BOTTOM;
    let (bars, labels) = bars(groups, stacked, axis_y, (axis_y - TOP) / max);
    let names: Vec<String> = groups
        .first()
        .map(|(_, p)| p.iter().map(|(n, _)| n.clone()).collect())
        .unwrap_or_default();
    Chart {
        title: title.to_string(),
        description: describe(title, groups),
        width: WIDTH,
        height: HEIGHT,
        axis_y,
        bars,
        labels,
        top_label: match round(max) {
            top if top == "1" => format!("1 {}", unit.trim_end_matches('s')),
            top => format!("{top} {unit}"),
        },
        legend: names
            .into_iter()
            .map(|n| Legend {
                class: crate::slug::slug(&n),
                label: n,
            })
            .collect(),
    }
}

/// The bars of `groups` above the axis at `axis_y`, `scale` units per
/// value, and the labels under it.
fn bars(
    groups: &[(String, Vec<(String, f64)>)],
    stacked: bool,
    axis_y: f64,
    scale: f64,
) -> (Vec<Bar>, Vec<Label>) {
    let slot = (WIDTH - LEFT * 2.0) / groups.len().max(1) as f64;
    let series = groups.first().map_or(1, |(_, p)| p.len()).max(1);
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    // Labels at most every 18 units of text per character: thin them out.
    let every = ((groups.len() as f64 * 90.0) / (WIDTH - LEFT * 2.0))
        .ceil()
        .max(1.0) as usize;
    for (i, (label, parts)) in groups.iter().enumerate() {
        let x0 = LEFT + i as f64 * slot + slot * 0.1;
        let inner = slot * 0.8;
        let mut stack = axis_y;
        for (j, (name, value)) in parts.iter().enumerate() {
            let height = value * scale;
            let (x, width, y) = if stacked {
                stack -= height;
                (x0, inner, stack)
            } else {
                let width = inner / series as f64;
                (x0 + j as f64 * width, width, axis_y - height)
            };
            if *value > 0.0 {
                bars.push(Bar {
                    x,
                    y,
                    width,
                    height,
                    class: crate::slug::slug(name),
                    title: format!("{label}: {} {name}", round(*value)),
                });
            }
        }
        if i % every == 0 {
            labels.push(Label {
                x: x0 + inner / 2.0,
                text: label.clone(),
            });
        }
    }
    (bars, labels)
}

/// The chart in words, for the SVG's description.
fn describe(title: &str, groups: &[(String, Vec<(String, f64)>)]) -> String {
    if groups.is_empty() {
        return format!("{title}: no data yet.");
    }
    let shown: Vec<String> = groups
        .iter()
        .map(|(l, parts)| {
            let values: Vec<String> = parts
                .iter()
                .map(|(n, v)| format!("{} {n}", round(*v)))
                .collect();
            format!("{l} {}", values.join(", "))
        })
        .collect();
    format!("{title}: {}.", shown.join("; "))
}

fn round(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}
