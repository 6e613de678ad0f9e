//! Timeline tables in any column order: the header names the date, the
//! time (or both, "Date and Time in CET"), the event and who acted
//! ("Actor"); a table without such a header has its stamp in the first cell
//! that is one. Cells are split at pipes Markdown does not escape.

use super::lead::{Lead, lead};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// The date, the time, or both.
    Stamp,
    /// The event.
    Event,
    /// Who acted.
    Who,
    /// Anything else (a phase, a link, a status).
    Other,
}

/// A table's columns, from its header row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Columns {
    roles: Vec<Role>,
}

/// The roles a header row gives its columns.
pub(super) fn columns(header: &str) -> Columns {
    let roles = cells(header)
        .into_iter()
        .map(|cell| {
            let name = cell.replace(['*', '_', '`'], "").to_lowercase();
            let has = |w: &str| name.contains(w);
            if has("date")
                || has("time") && !has("timeline")
                || has("when")
                || has("day")
                || has("hour")
            {
                if has("due") || has("duration") || has("deadline") {
                    Role::Other
                } else {
                    Role::Stamp
                }
            } else if [
                "event",
                "description",
                "what",
                "action",
                "detail",
                "activity",
                "summary",
                "update",
                "note",
                "comment",
            ]
            .iter()
            .any(|w| has(w))
            {
                Role::Event
            } else if ["actor", "who", "owner", "person", "team", "by"]
                .iter()
                .any(|w| name.trim() == *w || has(&format!("{w} ")))
            {
                Role::Who
            } else {
                Role::Other
            }
        })
        .collect();
    Columns { roles }
}

/// A row's cells, trimmed; the empty cells outside the outer pipes dropped.
pub(super) fn cells(row: &str) -> Vec<&str> {
    let row = row.trim();
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = row.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(row[start..i].trim());
            start = i + 1;
        }
    }
    cells.push(row[start..].trim());
    if row.starts_with('|') {
        cells.remove(0);
    }
    if row.ends_with('|') && !row.ends_with("\\|") {
        cells.pop();
    }
    cells
}

/// A row read as an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RowEntry {
    /// Its stamp.
    pub(super) lead: Lead,
    /// The event, Markdown as written.
    pub(super) event: String,
    /// Who acted, from an "Actor" or "Who" column.
    pub(super) who: Option<String>,
}

/// `row` as an entry; `Err` with the cell that should have held its stamp.
pub(super) fn row(row: &str, columns: Option<&Columns>) -> Result<RowEntry, String> {
    let cells = cells(row);
    let role = |i: usize| columns.and_then(|c| c.roles.get(i).copied());
    let named = columns.is_some_and(|c| c.roles.contains(&Role::Stamp));
    let stamp_cells: Vec<usize> = if named {
        (0..cells.len())
            .filter(|&i| role(i) == Some(Role::Stamp))
            .collect()
    } else {
        (0..cells.len())
            .find(|&i| lead(cells[i]).is_some_and(|l| cells[i][l.event..].trim().is_empty()))
            .into_iter()
            .collect()
    };
    let stamp = stamp_cells
        .iter()
        .map(|&i| cells[i])
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let first = cells.first().copied().unwrap_or_default().to_string();
    let lead = lead(&stamp).ok_or_else(|| {
        if stamp.is_empty() {
            first
        } else {
            stamp.clone()
        }
    })?;
    let leftover = stamp[lead.event..].trim();
    let mut parts: Vec<&str> = (0..cells.len())
        .filter(|i| !stamp_cells.contains(i) && !cells[*i].is_empty())
        .filter(|&i| match role(i) {
            Some(Role::Event) => true,
            Some(Role::Who | Role::Other | Role::Stamp) => false,
            None => true,
        })
        .map(|i| cells[i])
        .collect();
    if parts.is_empty() && !named {
        parts = (0..cells.len())
            .filter(|i| !stamp_cells.contains(i) && !cells[*i].is_empty())
            .map(|i| cells[i])
            .collect();
    }
    let mut event = parts.join(" — ");
    if !leftover.is_empty() {
        event = if event.is_empty() {
            leftover.to_string()
        } else {
            format!("{event} {leftover}")
        };
    }
    let who = (0..cells.len())
        .find(|&i| role(i) == Some(Role::Who) && !cells[i].is_empty())
        .map(|i| cells[i].to_string());
    Ok(RowEntry { lead, event, who })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(header: Option<&str>, line: &str) -> String {
        let columns = header.map(columns);
        match row(line, columns.as_ref()) {
            Ok(entry) => format!("{} | {}", entry.event, entry.who.unwrap_or_default()),
            Err(cell) => format!("left {cell}"),
        }
    }

    #[test]
    fn columns_are_taken_by_what_their_header_names() {
        assert_eq!(
            read(
                Some("| Date (UTC) | Actor | Event |"),
                "| 2025-03-14 18:07 | ICL | v23.0.0 released |"
            ),
            "v23.0.0 released | ICL"
        );
        assert_eq!(
            read(
                Some("| Day | Time (UTC) | Event |"),
                "| 2025-03-12 | 15:57 | Chain stops |"
            ),
            "Chain stops | "
        );
        assert_eq!(
            read(
                Some("| **Date/Time (UTC)** | **Event** | **Phase** |"),
                "| 2023-07-16 10:45 | HIE1 sees \\| logs | Identify |"
            ),
            "HIE1 sees \\| logs | "
        );
        assert_eq!(
            read(
                Some("| Time (UTC) | Event |"),
                "| Jan 27th 2025, 18:50:28 UTC (block [1](x)) | Wave starts |"
            ),
            "Wave starts (block [1](x)) | "
        );
        assert_eq!(
            read(None, "| 08:41 | Alertmanager page |"),
            "Alertmanager page | "
        );
        assert_eq!(
            read(Some("| Time | Event |"), "| Pre-existing | Reports |"),
            "left Pre-existing"
        );
    }
}
