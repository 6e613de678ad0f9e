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
        self.render(&self.widths())
    }

    /// [`Table::aligned`] within `width` columns: the columns in `shrink`,
    /// each with the least width it keeps, give up the excess one after the
    /// other, cut with `…` (a least width of 0 leaves the column out); the
    /// others keep their full width.
    pub fn fitted(&self, width: usize, shrink: &[(usize, usize)]) -> String {
        let mut widths = self.widths();
        let line = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        let mut over = line.saturating_sub(width);
        for &(column, least) in shrink {
            if let Some(w) = widths.get_mut(column) {
                let cut = over.min(w.saturating_sub(least));
                *w -= cut;
                over -= cut;
                if *w == 0 && cut > 0 {
                    // Its separator goes with it.
                    over = over.saturating_sub(2);
                }
            }
        }
        self.render(&widths)
    }

    /// Within `width` columns with every column kept: as [`Table::fitted`]
    /// when column `own_line` keeps at least `least` characters that way,
    /// else each row on two lines, the others fitted and `own_line`'s cell
    /// on a line of its own below, indented two spaces.
    pub fn fitted_or_stacked(
        &self,
        width: usize,
        shrink: &[(usize, usize)],
        own_line: usize,
        least: usize,
    ) -> String {
        let mut widths = self.widths();
        let fits = widths.get(own_line).copied().unwrap_or(0).min(least);
        let others: usize = widths
            .iter()
            .enumerate()
            .filter(|(c, _)| *c != own_line)
            .map(|(c, w)| {
                let least = shrink
                    .iter()
                    .filter(|(s, _)| *s == c)
                    .map(|(_, l)| *l)
                    .min();
                least.map_or(*w, |l| (*w).min(l))
            })
            .sum::<usize>()
            + 2 * widths.len().saturating_sub(1);
        if others + fits <= width {
            return self.fitted(width, shrink);
        }
        let rest = Table {
            header: without(&self.header, own_line),
            rows: self.rows.iter().map(|r| without(r, own_line)).collect(),
        };
        widths.remove(own_line.min(widths.len().saturating_sub(1)));
        let rest_shrink: Vec<(usize, usize)> = shrink
            .iter()
            .filter(|(c, l)| *c != own_line && *l > 0)
            .map(|&(c, l)| (if c > own_line { c - 1 } else { c }, l))
            .collect();
        let table = rest.fitted(width, &rest_shrink);
        let mut lines = table.lines();
        let own_header = self.header.get(own_line).map_or("", String::as_str);
        let mut out = format!("{}\n  {own_header}\n", lines.next().unwrap_or_default());
        for (line, row) in lines.zip(&self.rows) {
            let cell = row.get(own_line).map_or("", String::as_str);
            out.push_str(&format!(
                "{line}\n  {}\n",
                cut(cell, width.saturating_sub(2))
            ));
        }
        out
    }

    fn widths(&self) -> Vec<usize> {
        (0..self.header.len())
            .map(|c| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .map(|row| row.get(c).map_or(0, |cell| cell.chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    fn render(&self, widths: &[usize]) -> String {
        std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|row| {
                let cells: Vec<String> = row
                    .iter()
                    .zip(widths)
                    // A column fitted down to nothing is left out.
                    .filter(|(_, w)| **w > 0)
                    .map(|(cell, &w)| format!("{:w$}", cut(cell, w)))
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

/// `cells` without the one at `column`.
fn without(cells: &[String], column: usize) -> Vec<String> {
    cells
        .iter()
        .enumerate()
        .filter(|(c, _)| *c != column)
        .map(|(_, cell)| cell.clone())
        .collect()
}

/// `cell` in at most `width` characters, ending in `…` when cut.
fn cut(cell: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if cell.chars().count() <= width {
        return cell.into();
    }
    let kept: String = cell.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end()).into()
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
