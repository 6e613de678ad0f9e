//! Rows of text as an aligned table, CSV (RFC 4180) or JSON objects.

use serde_json::{Map, Value};

/// A header and rows of cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns padded to their widest cell, two spaces apart.
    pub fn aligned(&self) -> String {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|c| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .map(|row| row.get(c).map_or(0, |cell| cell.chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|row| {
                let cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .map(|(cell, w)| format!("{cell:w$}"))
                    .collect();
                format!("{}\n", cells.join("  ").trim_end())
            })
            .collect()
    }

    /// RFC 4180 CSV with a header line.
    pub fn csv(&self) -> String {
        std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|row| {
                format!(
                    "{}\r\n",
                    row.iter()
                        .map(|c| csv_cell(c))
                        .collect::<Vec<_>>()
                        .join(",")
                )
            })
            .collect()
    }
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Objects as a pretty JSON array.
pub fn json(objects: Vec<Map<String, Value>>) -> String {
    let mut text = serde_json::to_string_pretty(&Value::Array(
        objects.into_iter().map(Value::Object).collect(),
    ))
    .unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting_and_tables_align() {
        let table = Table {
            header: vec!["a".into(), "b".into()],
            rows: vec![
                vec!["x, y".into(), "say \"hi\"".into()],
                vec!["long cell".into(), "".into()],
            ],
        };
        assert_eq!(
            table.csv(),
            "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\nlong cell,\r\n"
        );
        assert_eq!(
            table.aligned(),
            "a          b\nx, y       say \"hi\"\nlong cell\n"
        );
    }
}
