//! Finding words in prose: whole-word search, and narrowing a finding's span
//! from a run of text to the words in it.

use crate::span::Span;

/// The byte offset of `word` in `text`, where it stands as a whole word
/// (no letter or digit right before or after it).
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The first of `phrases` (ASCII, lowercase) standing as whole words in
/// `text`, case-insensitively: its byte range and the phrase. One pass over
/// the text; at each word start the phrases are compared in place.
pub fn find_phrase<'p>(text: &str, phrases: &[&'p str]) -> Option<(usize, usize, &'p str)> {
    let bytes = text.as_bytes();
    // Only word starts whose first letter begins some phrase are compared.
    let mut starts = [false; 256];
    for phrase in phrases {
        if let Some(&first) = phrase.as_bytes().first() {
            starts[usize::from(first.to_ascii_lowercase())] = true;
            starts[usize::from(first.to_ascii_uppercase())] = true;
        }
    }
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    (0..bytes.len())
        .filter(|&i| starts[usize::from(bytes[i])] && (i == 0 || !word_byte(bytes[i - 1])))
        .find_map(|i| {
            phrases.iter().find_map(|phrase| {
                let end = i + phrase.len();
                let same = bytes
                    .get(i..end)
                    .is_some_and(|s| s.eq_ignore_ascii_case(phrase.as_bytes()));
                (same && bytes.get(end).is_none_or(|&b| !word_byte(b))).then_some((i, end, *phrase))
            })
        })
}

/// The span of `written` inside `span` when it stands verbatim in `source`;
/// otherwise `span` itself (folded YAML, escaped Markdown).
pub fn narrow(source: &str, span: Span, written: &str) -> Span {
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
        let text = "It was Operator Error, they didn't bother; a human errors.";
        assert_eq!(
            find_phrase(text, &["human error", "operator error"]),
            Some((7, 21, "operator error"))
        );
        assert_eq!(
            find_phrase(text, &["didn't bother"]),
            Some((28, 41, "didn't bother"))
        );
        assert_eq!(
            find_phrase(text, &["human error"]),
            None,
            "errors is not error"
        );
    }
}
