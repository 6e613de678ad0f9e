//! Prose cut into clauses of words, the unit `blameless-language` judges:
//! a blaming phrase and the negation that rejects it must share a clause
//! ("this was not human error: the alert was mislabeled" is two).

/// A word of a clause: its byte range in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
}

/// The words of `text` and where its clauses end: `ends[k]` is one past
/// the index of clause `k`'s last word. A clause ends at a sentence's end
/// (`.`, `!`, `?` before a space or the end), a semicolon, a colon or a dash
/// between spaces, or a blank line.
pub(super) fn split(text: &str, words: &mut Vec<Word>, ends: &mut Vec<usize>) {
    words.clear();
    ends.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, width) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        if c.is_alphanumeric() {
            let end = word_end(text, i);
            words.push(Word { start: i, end });
            i = end;
            continue;
        }
        let next = bytes.get(i + width).copied().unwrap_or(b' ');
        let ends_here = match c {
            '.' | '!' | '?' | ':' => next.is_ascii_whitespace(),
            ';' => true,
            '\n' => next == b'\n',
            '\u{2013}' | '\u{2014}' => i > 0 && bytes[i - 1] == b' ',
            _ => false,
        };
        if ends_here && ends.last().copied().unwrap_or(0) < words.len() {
            ends.push(words.len());
        }
        i += width;
    }
    if ends.last().copied().unwrap_or(0) < words.len() {
        ends.push(words.len());
    }
}

/// The clauses of `text`, each a list of its words.
#[cfg(test)]
pub(super) fn clauses(text: &str) -> Vec<Vec<Word>> {
    let (mut words, mut ends) = (Vec::new(), Vec::new());
    split(text, &mut words, &mut ends);
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let clause = words[start..end].to_vec();
            start = end;
            clause
        })
        .collect()
}

/// The end of the word starting at `start`: letters and digits, joined by
/// an apostrophe (straight or curly) or a hyphen between them, so
/// `didn't`, `Karen’s` and `on-call` are one word each.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphanumeric() => i += 1,
            Some(b'\'' | b'-') if bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) => i += 1,
            Some(b) if !b.is_ascii() => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let joins = c == '\u{2019}'
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !(c.is_alphanumeric() || joins) {
                    return i;
                }
                i += c.len_utf8();
            }
            _ => return i,
        }
    }
}

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

    fn words(text: &str) -> Vec<Vec<&str>> {
        clauses(text)
            .into_iter()
            .map(|c| c.iter().map(|w| &text[w.start..w.end]).collect())
            .collect()
    }

    #[test]
    fn clauses_end_at_sentences_colons_and_dashes_but_not_inside_numbers() {
        assert_eq!(
            words("This was not human error: the alert was mislabeled. v1.2 shipped"),
            vec![
                vec!["This", "was", "not", "human", "error"],
                vec!["the", "alert", "was", "mislabeled"],
                vec!["v1", "2", "shipped"],
            ]
        );
        assert_eq!(
            words("Karen’s fault — the on-call didn't look"),
            vec![
                vec!["Karen’s", "fault"],
                vec!["the", "on-call", "didn't", "look"]
            ]
        );
    }

    #[test]
    fn possessives_are_stemmed() {
        let text = "it was Karen's fault";
        let clause = &clauses(text)[0];
        assert_eq!(stem(text, clause[2]), "Karen");
        assert!(is_possessive(text, clause[2]));
        assert!(!is_possessive(text, clause[3]));
    }
}
