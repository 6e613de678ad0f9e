//! Source positions: byte spans into a postmortem file, values tagged with
//! their span, and the line index that turns byte offsets into the
//! 1-based line and column numbers findings report.

use serde::Serialize;

/// A half-open byte range `start..end` into the whole file text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; an inverted range collapses to `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// An empty span at `offset`.
    pub fn point(offset: usize) -> Self {
        Self::new(offset, offset)
    }

    /// The span shifted `by` bytes further into the file.
    pub fn shifted(self, by: usize) -> Self {
        Self::new(self.start + by, self.end + by)
    }
}

/// A value together with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value itself.
    pub value: T,
    /// Where the value stands in the file.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Tags `value` with `span`.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Offsets of line starts, for turning byte offsets into positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`; `\n` ends a line, so CRLF files count lines correctly.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        Self { starts }
    }

    /// The position of byte `offset` in `text` (clamped to the text).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let mut start = self.starts[line - 1];
        // Editors do not show a byte order mark; columns start after it.
        if start == 0 && text.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        let column = text[start..offset].chars().count() + 1;
        Position { line, column }
    }

    /// The byte offset where 0-based line `line` starts, if the text has it.
    pub(crate) fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// Byte range of the line holding `offset`, without its line break.
    pub(crate) fn line_range(&self, text: &str, offset: usize) -> std::ops::Range<usize> {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let mut start = self.starts[line - 1];
        if start == 0 && text.starts_with('\u{feff}') {
            start = 3;
        }
        let mut end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

/// The largest char boundary at or below `offset`.
pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_survive_crlf() {
        let text = "ab\r\néx: 1\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x), Position { line: 2, column: 2 });
        assert_eq!(&text[index.line_range(text, x)], "éx: 1");
        let bom = "\u{feff}---";
        let index = LineIndex::new(bom);
        assert_eq!(index.position(bom, 3), Position { line: 1, column: 1 });
    }
}
