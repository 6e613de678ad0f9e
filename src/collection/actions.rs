//! Every action item across the postmortems, with its postmortem, filtered
//! by state and owner; overdue is counted in each postmortem's zone.

use super::Loaded;
use super::table::Table;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value, json};

/// Which items to list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only open and in-progress items.
    pub open: bool,
    /// Only items past their due date.
    pub overdue: bool,
    /// Only items of this owner (case-insensitive).
    pub owner: Option<String>,
}

/// One action item and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The postmortem's path.
    pub postmortem: String,
    /// The postmortem's title.
    pub incident: String,
    /// The item's title.
    pub title: String,
    /// Its owner.
    pub owner: Option<String>,
    /// prevent, mitigate, detect or process.
    pub kind: Option<String>,
    /// P0..P3.
    pub priority: Option<String>,
    /// Its due date.
    pub due: Option<NaiveDate>,
    /// open, in-progress, done or wontfix.
    pub status: String,
    /// Open or in progress.
    pub open: bool,
    /// Open and past its due date.
    pub overdue: bool,
    /// Its link.
    pub link: Option<String>,
    /// The issue its link names, as the tracker writes it (`acme/checkout#12`,
    /// `OPS-7`, `ENG-3`), when the link is an issue's address.
    pub issue: Option<String>,
}

/// The items of `postmortems` that pass `filter`, by due date (undated last).
pub fn rows(postmortems: &[Loaded], filter: &Filter, now: DateTime<Utc>) -> Vec<Row> {
    let mut rows: Vec<Row> = postmortems
        .iter()
        .flat_map(|loaded| {
            let doc = &loaded.document;
            let today = doc.today(now);
            doc.action_items.iter().map(move |item| Row {
                postmortem: loaded.path.clone(),
                incident: doc
                    .title
                    .as_ref()
                    .map_or_else(String::new, |t| t.value.clone()),
                title: item
                    .title
                    .as_ref()
                    .map_or_else(String::new, |t| t.value.clone()),
                owner: item.owner.as_ref().map(|o| o.value.clone()),
                kind: item.kind.as_ref().map(|k| k.value.name().to_string()),
                priority: item.priority.as_ref().map(|p| p.value.name().to_string()),
                due: item.due.as_ref().map(|d| d.value),
                status: item.status.value.name().to_string(),
                open: item.is_open(),
                overdue: item.is_overdue(today),
                link: item.link.as_ref().map(|l| l.value.clone()),
                issue: item
                    .link
                    .as_ref()
                    .and_then(|l| crate::document::issue::key(&l.value)),
            })
        })
        .filter(|row| keep(row, filter))
        .collect();
    rows.sort_by(|a, b| {
        (a.due.is_none(), a.due, &a.postmortem).cmp(&(b.due.is_none(), b.due, &b.postmortem))
    });
    rows
}

fn keep(row: &Row, filter: &Filter) -> bool {
    (!filter.open || row.open)
        && (!filter.overdue || row.overdue)
        && filter.owner.as_ref().is_none_or(|owner| {
            row.owner
                .as_ref()
                .is_some_and(|o| o.eq_ignore_ascii_case(owner))
        })
}

const COLUMNS: [&str; 11] = [
    "due",
    "status",
    "overdue",
    "priority",
    "owner",
    "kind",
    "title",
    "postmortem",
    "incident",
    "link",
    "issue",
];

fn cells(row: &Row) -> [String; 11] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        row.due.map(|d| d.to_string()).unwrap_or_default(),
        row.status.clone(),
        if row.overdue {
            "yes".into()
        } else {
            String::new()
        },
        text(&row.priority),
        text(&row.owner),
        text(&row.kind),
        row.title.clone(),
        row.postmortem.clone(),
        row.incident.clone(),
        text(&row.link),
        text(&row.issue),
    ]
}

/// The rows as a table.
pub fn table(rows: &[Row]) -> Table {
    Table {
        header: COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows: rows.iter().map(|r| cells(r).to_vec()).collect(),
    }
}

/// The rows for people at a terminal: headers in words, overdue items
/// marked in their status, the columns a reader scans first (the path is in
/// `--wide`'s JSON and CSV), and the tracker's issue when any item has one;
/// the incident, then the item, are cut to fit.
pub fn readable(rows: &[Row]) -> Table {
    let header = [
        "Due",
        "Status",
        "Priority",
        "Owner",
        "Action item",
        "Incident",
    ];
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let issues = rows.iter().any(|r| r.issue.is_some());
    let mut header = header.map(String::from).to_vec();
    if issues {
        header.push("Issue".into());
    }
    Table {
        header,
        rows: rows
            .iter()
            .map(|row| {
                let status = if row.overdue {
                    format!("{}, OVERDUE", row.status)
                } else {
                    row.status.clone()
                };
                let mut cells = vec![
                    row.due.map(|d| d.to_string()).unwrap_or_default(),
                    status,
                    text(&row.priority),
                    text(&row.owner),
                    row.title.clone(),
                    row.incident.clone(),
                ];
                if issues {
                    cells.push(text(&row.issue));
                }
                cells
            })
            .collect(),
    }
}

/// Columns of [`readable`] cut when the terminal is narrow, in this order,
/// each down to the width it keeps: the incident, the title to 40, the
/// owner; the action item's title keeps at least [`TITLE_LEAST`]
/// characters, else it goes on a line of its own under its row.
pub const SHRINK: [(usize, usize); 5] = [(5, 24), (4, 40), (3, 12), (5, 10), (3, 8)];

/// The column of [`readable`] that holds the action item's title.
pub const TITLE: usize = 4;

/// The fewest characters of a title a table row shows.
pub const TITLE_LEAST: usize = 30;

/// The rows as JSON objects.
pub fn objects(rows: &[Row]) -> Vec<Map<String, Value>> {
    rows.iter()
        .map(|row| {
            let value = json!({
                "postmortem": row.postmortem, "incident": row.incident, "title": row.title,
                "owner": row.owner, "kind": row.kind, "priority": row.priority,
                "due": row.due.map(|d| d.to_string()), "status": row.status,
                "overdue": row.overdue, "link": row.link, "issue": row.issue,
            });
            value.as_object().cloned().unwrap_or_default()
        })
        .collect()
}
