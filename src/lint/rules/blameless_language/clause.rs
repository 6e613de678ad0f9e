//! Possessives in a clause's words (`Karen's fault`). The clauses
//! themselves come from the shared cut of the prose (`lint::prose`): a
//! blaming phrase and the negation that rejects it must share a clause.

use crate::lint::prose::Word;

/// The text of `word`, without a trailing possessive (`Karen's` -> `Karen`).
pub(super) fn stem(text: &str, word: Word) -> &str {
    let written = &text[word.start..word.end];
    written
        .strip_suffix("'s")
        .or_else(|| written.strip_suffix("\u{2019}s"))
        .unwrap_or(written)
}

/// Whether `word` is possessive (`Karen's`, `someone’s`).
pub(super) fn is_possessive(text: &str, word: Word) -> bool {
    let written = &text[word.start..word.end];
    written.ends_with("'s") || written.ends_with("\u{2019}s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::prose::cut;
    use crate::span::{Span, Spanned};

    #[test]
    fn possessives_are_stemmed() {
        let text = Spanned::new("it was Karen's fault".to_string(), Span::point(0));
        let cut = cut(&text);
        assert_eq!(stem(&text.value, cut.words[2]), "Karen");
        assert!(is_possessive(&text.value, cut.words[2]));
        assert!(!is_possessive(&text.value, cut.words[3]));
    }
}
