//! How incident response is going across postmortems, for the site's
//! trends page: incidents per month by severity, time to detect and to
//! resolve per quarter (the medians and 90th percentiles `stats` computes),
//! action items opened and done per quarter, and how long the open ones
//! have been open.

use super::Loaded;
use super::stats::{self, By};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::borrow::Borrow;
use std::collections::BTreeMap;

/// The numbers of the trends page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Trends {
    /// Severities seen, in order (`unknown` last).
    pub severities: Vec<String>,
    /// Each month from the first incident to the last, gaps included; each
    /// year instead when they span more than three years.
    pub months: Vec<Month>,
    /// Whether [`Trends::months`] holds years.
    pub by_year: bool,
    /// Each quarter with incidents: time to detect and resolve.
    pub quarters: Vec<Quarter>,
    /// Open action items by how long ago their incident began.
    pub open_ages: Vec<(String, usize)>,
}

/// Incidents that began in one month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Month {
    /// `2026-05`.
    pub month: String,
    /// How many of each severity, in [`Trends::severities`] order.
    pub counts: Vec<usize>,
}

/// One quarter's response times and action items.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quarter {
    /// `2026-Q2`.
    pub quarter: String,
    /// Incidents that began in it.
    pub incidents: usize,
    /// Time to detect, median and 90th percentile, in minutes.
    pub detect: (Option<f64>, Option<f64>),
    /// Time to resolve, median and 90th percentile, in minutes.
    pub resolve: (Option<f64>, Option<f64>),
    /// Action items of its incidents, and how many are done.
    pub actions: (usize, usize),
}

const AGES: [(&str, i64); 4] = [
    ("under 30 days", 30),
    ("30 to 90 days", 90),
    ("90 to 180 days", 180),
    ("over 180 days", i64::MAX),
];

/// The trends of `postmortems`, open items aged as of `today`.
pub fn trends<L: Borrow<Loaded>>(postmortems: &[L], today: NaiveDate) -> Trends {
    let mut trends = Trends::default();
    let severity = |l: &L| {
        l.borrow()
            .document
            .severity
            .as_ref()
            .map_or("unknown".to_string(), |s| s.value.clone())
    };
    let mut severities: Vec<String> = postmortems.iter().map(severity).collect();
    severities.sort_by_key(|s| (s == "unknown", s.clone()));
    severities.dedup();
    let mut months: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
    for loaded in postmortems {
        let Some(day) = loaded.borrow().document.began_on() else {
            continue;
        };
        let index = severities
            .iter()
            .position(|s| *s == severity(loaded))
            .unwrap_or(0);
        months
            .entry((day.year(), day.month()))
            .or_insert_with(|| vec![0; severities.len()])[index] += 1;
    }
    (trends.months, trends.by_year) = periods(months, severities.len());
    trends.severities = severities;
    let actions = quarter_actions(postmortems);
    for group in stats::groups(postmortems, By::Quarter, None) {
        if group.key == "unknown" {
            continue;
        }
        let (detect, resolve) = (&group.metrics[0], &group.metrics[3]);
        trends.quarters.push(Quarter {
            actions: actions.get(&group.key).copied().unwrap_or((0, 0)),
            quarter: group.key,
            incidents: group.incidents,
            detect: (detect.median, detect.p90),
            resolve: (resolve.median, resolve.p90),
        });
    }
    trends.open_ages = open_ages(postmortems, today);
    trends
}

/// Each month from the first to the last, gaps included; each year instead
/// when that would be more than three years of months.
fn periods(months: BTreeMap<(i32, u32), Vec<usize>>, width: usize) -> (Vec<Month>, bool) {
    let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().last()) else {
        return (Vec::new(), false);
    };
    let span = (last.0 - first.0) * 12 + last.1 as i32 - first.1 as i32 + 1;
    let mut out = Vec::new();
    if span > 36 {
        for year in first.0..=last.0 {
            let mut counts = vec![0; width];
            for (_, month) in months.range((year, 1)..=(year, 12)) {
                for (total, n) in counts.iter_mut().zip(month) {
                    *total += n;
                }
            }
            out.push(Month {
                month: year.to_string(),
                counts,
            });
        }
        return (out, true);
    }
    let mut at = first;
    while at <= last {
        let counts = months.get(&at).cloned().unwrap_or_else(|| vec![0; width]);
        out.push(Month {
            month: format!("{}-{:02}", at.0, at.1),
            counts,
        });
        at = if at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    (out, false)
}

fn quarter_actions<L: Borrow<Loaded>>(postmortems: &[L]) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for loaded in postmortems {
        let loaded = loaded.borrow();
        let Some(day) = loaded.document.began_on() else {
            continue;
        };
        let entry = out.entry(stats::quarter(day)).or_default();
        for item in &loaded.document.action_items {
            entry.0 += 1;
            entry.1 += usize::from(!item.is_open());
        }
    }
    out
}

fn open_ages<L: Borrow<Loaded>>(postmortems: &[L], today: NaiveDate) -> Vec<(String, usize)> {
    let mut counts = [0usize; AGES.len()];
    for loaded in postmortems {
        let loaded = loaded.borrow();
        let Some(day) = loaded.document.began_on() else {
            continue;
        };
        let age = (today - day).num_days();
        for _ in loaded.document.action_items.iter().filter(|i| i.is_open()) {
            let bucket = AGES
                .iter()
                .position(|(_, limit)| age < *limit)
                .unwrap_or(AGES.len() - 1);
            counts[bucket] += 1;
        }
    }
    AGES.iter()
        .zip(counts)
        .map(|((label, _), n)| ((*label).to_string(), n))
        .collect()
}
