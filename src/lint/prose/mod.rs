//! The document's prose cut into words and clauses once, for every rule that
//! reads prose (`blameless-language`, `prose-duration`): each word with its
//! byte range and a case-folded hash, so a rule looks a word up in a table
//! instead of comparing it with every phrase it knows.

mod fold;

use fold::Fold;
pub(crate) use fold::{Folded, WordSet, fold};

use crate::document::Document;
use crate::span::Spanned;

/// A word: letters and digits, joined by an apostrophe (straight or curly)
/// or a hyphen between them (`didn't`, `Karen’s`, `on-call`), or by a point
/// between digits (`2.5`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte offset in its text.
    pub(crate) start: usize,
    /// End of the byte range.
    pub(crate) end: usize,
    /// [`fold`] of the word.
    pub(crate) hash: Folded,
}

/// One text of the document with its words and clauses.
#[derive(Debug)]
pub(crate) struct Text<'d> {
    /// The text, as the document holds it.
    pub(crate) text: &'d Spanned<String>,
    /// Its words.
    pub(crate) words: Vec<Word>,
    /// Where its clauses end: `ends[k]` is one past clause `k`'s last word.
    /// A clause ends at a sentence's end (`.`, `!`, `?`, `:` before a space
    /// or the end), a semicolon, a dash between spaces, or a blank line.
    pub(crate) ends: Vec<usize>,
}

/// Every text of [`Document::texts`], in its order.
#[derive(Debug, Default)]
pub(crate) struct Prose<'d> {
    /// The texts.
    pub(crate) texts: Vec<Text<'d>>,
}

impl<'d> Prose<'d> {
    /// Cuts every text of `document`.
    pub(crate) fn new(document: &'d Document) -> Self {
        Self {
            texts: document.texts().map(cut).collect(),
        }
    }

    /// The cut of `text`, one of the document's texts.
    pub(crate) fn of(&self, text: &Spanned<String>) -> Option<&Text<'d>> {
        self.texts
            .iter()
            .find(|t| std::ptr::eq(t.text.value.as_ptr(), text.value.as_ptr()))
    }
}

impl Text<'_> {
    /// The written form of `word`.
    pub(crate) fn word(&self, word: Word) -> &str {
        &self.text.value[word.start..word.end]
    }

    /// The clauses, each a slice of words.
    pub(crate) fn clauses(&self) -> impl Iterator<Item = &[Word]> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let clause = &self.words[start..end];
            start = end;
            clause
        })
    }
}

/// Cuts `text` into words and clauses.
pub(crate) fn cut(text: &Spanned<String>) -> Text<'_> {
    let value = text.value.as_str();
    let bytes = value.as_bytes();
    let (mut words, mut ends) = (Vec::with_capacity(bytes.len() / 5), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, width) = if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                let word = word_at(value, i);
                i = word.end;
                words.push(word);
                continue;
            }
            (char::from(b), 1)
        } else {
            let c = value[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                let word = word_at(value, i);
                i = word.end;
                words.push(word);
                continue;
            }
            (c, c.len_utf8())
        };
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
    Text { text, words, ends }
}

/// The word starting at `start`, hashed as it is scanned (see [`fold`]).
fn word_at(text: &str, start: usize) -> Word {
    let bytes = text.as_bytes();
    let mut folding = Fold::new();
    let mut i = start;
    loop {
        // The common case, a run of ASCII letters and digits, in a tight loop.
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        folding.extend(&bytes[i..i + run]);
        i += run;
        let joins_next = || bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        match bytes.get(i) {
            Some(&b @ (b'\'' | b'-')) if joins_next() => {
                folding.push(b);
                i += 1;
            }
            Some(b'.')
                if bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) =>
            {
                folding.push(b'.');
                i += 1;
            }
            Some(b) if !b.is_ascii() => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let joins = c == '\u{2019}'
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !(c.is_alphanumeric() || joins) {
                    break;
                }
                if joins {
                    folding.push(b'\'');
                } else {
                    folding.foreign();
                }
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    Word {
        start,
        end: i,
        hash: folding.finish(bytes[i - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn clauses(text: &str) -> Vec<Vec<String>> {
        let text = Spanned::new(text.to_string(), Span::point(0));
        let cut = cut(&text);
        cut.clauses()
            .map(|c| c.iter().map(|&w| cut.word(w).to_string()).collect())
            .collect()
    }

    #[test]
    fn clauses_end_at_sentences_colons_and_dashes_but_not_inside_numbers() {
        assert_eq!(
            clauses(
                "This was not human error: the alert was mislabeled. v1.2 shipped in 2.5 hours"
            ),
            [
                vec!["This", "was", "not", "human", "error"],
                vec!["the", "alert", "was", "mislabeled"],
                vec!["v1.2", "shipped", "in", "2.5", "hours"],
            ]
        );
        assert_eq!(
            clauses("Karen’s fault — the on-call didn't look"),
            [
                vec!["Karen’s", "fault"],
                vec!["the", "on-call", "didn't", "look"]
            ]
        );
    }

    #[test]
    fn words_fold_case_and_curly_apostrophes_into_one_hash() {
        assert_eq!(fold("Didn’t"), fold("didn't"));
        assert_eq!(fold("Engineers").singular, fold("engineer").hash);
        let set = WordSet::new(["forgot", "engineer"]);
        let text = Spanned::new("The ENGINEERS forgot".to_string(), Span::point(0));
        let cut = cut(&text);
        let held: Vec<bool> = cut.words.iter().map(|&w| set.may_hold(w)).collect();
        assert_eq!(held, [false, true, true]);
    }
}
