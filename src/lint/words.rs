//! Finding words in prose: whole-word search, and narrowing a finding's span
//! from a run of text to the words in it.

use crate::span::Span;

/// The byte offset of `word` in `text`, where it stands as a whole word
/// (no letter or digit right before or after it).
pub(crate) fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
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
        assert_eq!(find_word("a TODO here", "TODO"), Some(2));
        assert_eq!(find_word("TODOS", "TODO"), None);
        let source = "xx Operator error yy";
        assert_eq!(narrow(source, Span::new(3, 20), "error"), Span::new(12, 17));
        assert_eq!(narrow(source, Span::new(3, 20), "absent"), Span::new(3, 20));
    }
}
