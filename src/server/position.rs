//! Byte offsets of the file and LSP positions (line and character, the
//! character counted in UTF-16 code units unless the client takes UTF-8).

use crate::span::{LineIndex, Span};
use lsp_types::{Position, Range};

/// How a client counts characters in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes (the client offered `utf-8`).
    Utf8,
    /// UTF-16 code units, LSP's default.
    Utf16,
}

/// A file's text with its line index, to convert positions both ways.
#[derive(Debug)]
pub struct Lines<'t> {
    text: &'t str,
    index: LineIndex,
    encoding: Encoding,
}

impl<'t> Lines<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str, encoding: Encoding) -> Self {
        Self {
            text,
            index: LineIndex::new(text),
            encoding,
        }
    }

    /// The position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = crate::span::floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.index.line_range(self.text, offset);
        // A line range excludes the line break; an offset on it counts to its end.
        let start = line.start.min(offset);
        let before = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        let number = self.index.position(self.text, offset).line - 1;
        Position::new(
            u32::try_from(number).unwrap_or(u32::MAX),
            u32::try_from(character).unwrap_or(u32::MAX),
        )
    }

    /// The range of `span`.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`, clamped to its line.
    pub fn offset(&self, position: Position) -> usize {
        let Some(start) = self.index.line_start(position.line as usize) else {
            return self.text.len();
        };
        let end = self.index.line_range(self.text, start).end.max(start);
        let line = &self.text[start..end];
        let wanted = position.character as usize;
        let mut counted = 0;
        for (i, c) in line.char_indices() {
            if counted >= wanted {
                return start + i;
            }
            counted += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_in_the_clients_units() {
        let text = "a: é😀x\nb\n";
        let utf16 = Lines::new(text, Encoding::Utf16);
        let x = text.find('x').unwrap();
        assert_eq!(utf16.position(x), Position::new(0, 6));
        assert_eq!(utf16.offset(Position::new(0, 6)), x);
        let utf8 = Lines::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(x), Position::new(0, 9));
        assert_eq!(utf8.offset(Position::new(1, 0)), text.find('b').unwrap());
        assert_eq!(utf8.offset(Position::new(9, 0)), text.len());
    }
}
