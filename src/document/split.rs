//! Splitting a postmortem file into its YAML front matter and Markdown body.

use crate::span::Span;

/// Where the parts of a file stand, as byte ranges of the whole text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// The opening `---` line.
    pub open: Span,
    /// The YAML between the fences.
    pub yaml: Span,
    /// Everything after the closing fence.
    pub body: Span,
}

/// Why a file has no usable front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `---`.
    Missing {
        /// The first line (or the empty file), to point at.
        first_line: Span,
    },
    /// An opening `---` with no closing `---` or `...` line.
    Unterminated {
        /// The opening fence.
        open: Span,
    },
}

/// Finds the front matter: a first line `---` (after an optional UTF-8 byte
/// order mark) and the next line that is `---` or `...`.
pub fn split(text: &str) -> Result<Parts, SplitError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = Lines { text, pos: bom };
    let Some(first) = lines.next() else {
        return Err(SplitError::Missing {
            first_line: Span::point(bom),
        });
    };
    if first.content.trim_end() != "---" {
        return Err(SplitError::Missing {
            first_line: first.span,
        });
    }
    let yaml_start = first.next;
    for line in lines {
        let fence = line.content.trim_end();
        if fence == "---" || fence == "..." {
            return Ok(Parts {
                open: first.span,
                yaml: Span::new(yaml_start, line.span.start),
                body: Span::new(line.next, text.len()),
            });
        }
    }
    Err(SplitError::Unterminated { open: first.span })
}

struct Line<'a> {
    content: &'a str,
    span: Span,
    next: usize,
}

struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (len, next) = match rest.find('\n') {
            Some(i) => (i, self.pos + i + 1),
            None => (rest.len(), self.text.len()),
        };
        let content = rest[..len].strip_suffix('\r').unwrap_or(&rest[..len]);
        let line = Line {
            content,
            span: Span::new(self.pos, self.pos + content.len()),
            next,
        };
        self.pos = next;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_yaml_and_body_between_fences() {
        let text = "---\ntitle: x\n---\n# body\n";
        let parts = split(text).unwrap();
        assert_eq!(&text[parts.yaml.start..parts.yaml.end], "title: x\n");
        assert_eq!(&text[parts.body.start..parts.body.end], "# body\n");
    }

    #[test]
    fn accepts_bom_crlf_and_dots_fence() {
        let text = "\u{feff}---\r\ntitle: x\r\n...\r\nbody";
        let parts = split(text).unwrap();
        assert_eq!(&text[parts.yaml.start..parts.yaml.end], "title: x\r\n");
        assert_eq!(&text[parts.body.start..parts.body.end], "body");
    }

    #[test]
    fn reports_missing_and_unterminated_front_matter() {
        assert!(matches!(split(""), Err(SplitError::Missing { .. })));
        assert!(matches!(split("# title"), Err(SplitError::Missing { .. })));
        assert!(matches!(split("---"), Err(SplitError::Unterminated { .. })));
        assert!(matches!(
            split("---\ntitle: x\n"),
            Err(SplitError::Unterminated { .. })
        ));
    }
}
