//! Words in prose: whether a match stands as a whole word, and narrowing a finding's span
//! from a run of text to the words in it.

use crate::span::Span;

/// Whether `text[at..at + len]` stands as a whole word: no letter or digit
/// right before or after it.
pub(crate) fn whole_word(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The span of `written` inside `span` when it stands verbatim in `source`;
/// otherwise `span` itself (folded YAML, escaped Markdown).
pub(crate) fn narrow(source: &str, span: Span, written: &str) -> Span {
    source
        .get(span.start..span.end)
        .and_then(|text| text.find(written))
        .map_or(span, |at| {
            Span::new(span.start + at, span.start + at + written.len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_and_spans_narrow_to_them() {
        assert!(whole_word("a TODO here", 2, 4));
        assert!(!whole_word("TODOS", 0, 4));
        let source = "xx Operator error yy";
        assert_eq!(narrow(source, Span::new(3, 20), "error"), Span::new(12, 17));
        assert_eq!(narrow(source, Span::new(3, 20), "absent"), Span::new(3, 20));
    }
}
