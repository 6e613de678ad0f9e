//! Time to detect, acknowledge, mitigate and resolve across postmortems, by
//! group: count, total impact hours, median and 90th percentile of each
//! metric, and how many incidents lack it (counted, never silently dropped);
//! and their action items: still owed, finished, and filed in a tracker.

use super::Loaded;
use super::table::Table;
use crate::document::{Document, Kind};
use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};
use std::borrow::Borrow;
use std::collections::BTreeMap;

/// How to group incidents (with the `cli` feature, also the values of
/// `stats --by`; without `--by` there is one group).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum By {
    /// One group, `all`.
    #[cfg_attr(feature = "cli", value(skip))]
    All,
    /// By `severity` (`unknown` when unset).
    Severity,
    /// By each of `services` (an incident counts once per service).
    Service,
    /// By the year the impact started.
    Year,
    /// By the quarter the impact started, such as `2026-Q2`.
    Quarter,
}

/// The metrics, in order, with their names.
pub const METRICS: [(Kind, &str); 4] = [
    (Kind::Detected, "detect"),
    (Kind::Acknowledged, "acknowledge"),
    (Kind::Mitigated, "mitigate"),
    (Kind::Resolved, "resolve"),
];

/// Statistics of one metric in one group, in minutes.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    /// The median, when any incident has the metric.
    pub median: Option<f64>,
    /// The 90th percentile (linear interpolation between ranks).
    pub p90: Option<f64>,
    /// Incidents lacking the milestone (or `start`).
    pub missing: usize,
}

/// One group's statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The group's name.
    pub key: String,
    /// Incidents in it.
    pub incidents: usize,
    /// Total impact, in hours, over incidents with a known impact window.
    pub impact_hours: f64,
    /// Incidents without a known impact window.
    pub impact_missing: usize,
    /// Time to detect, acknowledge, mitigate, resolve.
    pub metrics: [Metric; 4],
    /// Action items still owed, finished (done or wontfix), and linked to
    /// an issue of a tracker (any status).
    pub actions: [usize; 3],
}

/// The names of [`Group::actions`], in order (`actions_open` in CSV,
/// `Action items open` for people).
const ACTIONS: [&str; 3] = ["open", "finished", "tracked"];

fn keys(document: &Document, by: By) -> Vec<String> {
    let date = document.began_on();
    match by {
        By::All => vec!["all".into()],
        By::Severity => vec![
            document
                .severity
                .as_ref()
                .map_or("unknown".into(), |s| s.value.clone()),
        ],
        By::Service if document.services.is_empty() => vec!["unknown".into()],
        By::Service => document.services.iter().map(|s| s.value.clone()).collect(),
        By::Year => vec![date.map_or("unknown".into(), |d| d.year().to_string())],
        By::Quarter => vec![date.map_or("unknown".into(), quarter)],
    }
}

/// The quarter a day is in, as `stats --by quarter` and the trends page name it: `2026-Q2`.
pub fn quarter(day: NaiveDate) -> String {
    format!("{}-Q{}", day.year(), day.month0() / 3 + 1)
}

/// The groups of `postmortems` started on or after `since`, by key.
pub fn groups<L: Borrow<Loaded>>(
    postmortems: &[L],
    by: By,
    since: Option<NaiveDate>,
) -> Vec<Group> {
    let mut members: BTreeMap<String, Vec<&Document>> = BTreeMap::new();
    for loaded in postmortems {
        let doc = &loaded.borrow().document;
        if since.is_some_and(|since| doc.began_on().is_none_or(|d| d < since)) {
            continue;
        }
        for key in keys(doc, by) {
            members.entry(key).or_default().push(doc);
        }
    }
    members
        .into_iter()
        .map(|(key, docs)| group(key, &docs))
        .collect()
}

fn group(key: String, docs: &[&Document]) -> Group {
    let windows: Vec<f64> = docs
        .iter()
        .filter_map(|d| Some(d.impact_minutes()? as f64))
        .collect();
    let metric = |kind: Kind| {
        let mut values: Vec<f64> = docs
            .iter()
            .filter_map(|d| Some(d.time_to(kind, false)? as f64))
            .collect();
        values.sort_by(f64::total_cmp);
        Metric {
            median: percentile(&values, 0.5),
            p90: percentile(&values, 0.9),
            missing: docs.len() - values.len(),
        }
    };
    Group {
        key,
        incidents: docs.len(),
        // `sum` of no f64 is -0.0, which prints as `-0`.
        impact_hours: windows.iter().fold(0.0, |total, w| total + w) / 60.0,
        impact_missing: docs.len() - windows.len(),
        metrics: METRICS.map(|(kind, _)| metric(kind)),
        actions: actions(docs),
    }
}

fn actions(docs: &[&Document]) -> [usize; 3] {
    let items = docs.iter().flat_map(|d| &d.action_items);
    let tracked = |i: &crate::ActionItem| {
        i.link
            .as_ref()
            .is_some_and(|l| crate::document::issue::key(&l.value).is_some())
    };
    items.fold([0; 3], |[open, finished, linked], i| {
        [
            open + usize::from(i.is_open()),
            finished + usize::from(!i.is_open()),
            linked + usize::from(tracked(i)),
        ]
    })
}

/// The `p` quantile of sorted `values`, interpolating between ranks.
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    let rank = p * last as f64;
    let low = rank.floor() as usize;
    let high = (low + 1).min(last);
    Some(values[low] + (rank - low as f64) * (values[high] - values[low]))
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{}", (v * 10.0).round() / 10.0))
}

/// The groups as a table.
pub fn table(groups: &[Group]) -> Table {
    let mut header: Vec<String> = ["group", "incidents", "impact_hours", "impact_missing"]
        .map(String::from)
        .to_vec();
    for (_, name) in METRICS {
        header.extend([
            format!("{name}_median_min"),
            format!("{name}_p90_min"),
            format!("{name}_missing"),
        ]);
    }
    header.extend(ACTIONS.map(|a| format!("actions_{a}")));
    let rows = groups
        .iter()
        .map(|g| {
            let mut row = vec![
                g.key.clone(),
                g.incidents.to_string(),
                number(Some(g.impact_hours)),
                g.impact_missing.to_string(),
            ];
            for m in &g.metrics {
                row.extend([number(m.median), number(m.p90), m.missing.to_string()]);
            }
            row.extend(g.actions.map(|n| n.to_string()));
            row
        })
        .collect();
    Table { header, rows }
}

/// The groups for people at a terminal: one column per group, one row per
/// measure in words, durations as `1h 35m`; as many tables as it takes for
/// the groups to fit `width` columns.
pub fn readable(groups: &[Group], width: usize) -> Vec<Table> {
    let mut labels = vec!["Incidents".to_string(), "Impact, total".to_string()];
    for (_, name) in METRICS {
        let name = format!("Time to {name}");
        labels.extend([
            format!("{name}, median"),
            format!("{name}, p90"),
            format!("{name}, not known"),
        ]);
    }
    labels.extend(ACTIONS.map(|a| format!("Action items {a}")));
    let column = |g: &Group| {
        let time = |v: Option<f64>| v.map_or_else(|| "-".to_string(), crate::duration::readable);
        let mut cells = vec![
            g.incidents.to_string(),
            crate::duration::readable(g.impact_hours * 60.0),
        ];
        for m in &g.metrics {
            cells.extend([time(m.median), time(m.p90), m.missing.to_string()]);
        }
        cells.extend(g.actions.map(|n| n.to_string()));
        cells
    };
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut tables: Vec<Table> = Vec::new();
    let mut used = label_width;
    for group in groups {
        let cells = column(group);
        let wide = cells
            .iter()
            .map(|c| c.chars().count())
            .chain([group.key.chars().count()])
            .max()
            .unwrap_or(0);
        if tables.is_empty() || used + 2 + wide > width {
            tables.push(Table {
                header: vec![String::new()],
                rows: labels.iter().map(|l| vec![l.clone()]).collect(),
            });
            used = label_width;
        }
        used += 2 + wide;
        if let Some(table) = tables.last_mut() {
            table.header.push(group.key.clone());
            for (row, cell) in table.rows.iter_mut().zip(cells) {
                row.push(cell);
            }
        }
    }
    tables
}

/// The groups as JSON objects.
pub fn objects(groups: &[Group]) -> Vec<Map<String, Value>> {
    groups
        .iter()
        .map(|g| {
            let mut object = Map::new();
            object.insert("group".into(), json!(g.key));
            object.insert("incidents".into(), json!(g.incidents));
            object.insert("impact_hours".into(), json!(g.impact_hours));
            object.insert("impact_missing".into(), json!(g.impact_missing));
            for ((_, name), m) in METRICS.iter().zip(&g.metrics) {
                let metric = json!({ "median_minutes": m.median, "p90_minutes": m.p90, "missing": m.missing });
                object.insert(format!("time_to_{name}"), metric);
            }
            let actions = ACTIONS.iter().zip(g.actions);
            let actions: Map<String, Value> = actions.map(|(k, n)| (k.to_string(), json!(n))).collect();
            object.insert("action_items".into(), Value::Object(actions));
            object
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_interpolate_between_ranks() {
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
        assert_eq!(
            percentile(
                &[10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0],
                0.9
            ),
            Some(91.0)
        );
    }
}
