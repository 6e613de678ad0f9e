//! A cursor over the start of a line, for the readers of dates, clock times
//! and zone labels: each step consumes a little and never looks further than
//! the next word, so reading a line costs its length at most.

/// A position in a text, moved forward by what has been read.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cursor<'a> {
    /// The text.
    pub(super) text: &'a str,
    /// The byte offset of what comes next.
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Cursor { text, at: 0 }
    }

    /// What is left to read.
    pub(super) fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// The next character, if any.
    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// The character after the next one, if any.
    pub(super) fn peek2(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    /// Consumes `c` when it comes next.
    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Consumes any one of `chars` when it comes next.
    pub(super) fn eat_any(&mut self, chars: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| chars.contains(c))?;
        self.at += c.len_utf8();
        Some(c)
    }

    /// Consumes spaces and tabs; whether there were any.
    pub(super) fn spaces(&mut self) -> bool {
        let before = self.at;
        while matches!(self.peek(), Some(' ' | '\t' | '\u{a0}')) {
            self.at += self.peek().map_or(1, char::len_utf8);
        }
        self.at > before
    }

    /// Consumes 1 to `max` ASCII digits: their value and how many.
    pub(super) fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let run = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_digit)
            .take(max + 1)
            .count();
        if run == 0 || run > max {
            return None;
        }
        let value = self.rest()[..run].parse().ok()?;
        self.at += run;
        Some((value, run))
    }

    /// The run of ASCII letters that comes next (not consumed).
    pub(super) fn word(&self) -> &'a str {
        let rest = self.rest();
        let end = rest
            .bytes()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// Consumes `word` (any case) when it comes next as a whole word.
    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        if self.word().eq_ignore_ascii_case(word) {
            self.at += word.len();
            true
        } else {
            false
        }
    }

    /// Whether the next character ends a word or number: the end, a space,
    /// punctuation, not a letter or digit.
    pub(super) fn boundary(&self) -> bool {
        self.peek().is_none_or(|c| !c.is_alphanumeric())
    }
}

/// The month (1-12) a word names: `Feb`, `february`, `Sept`.
pub(super) fn month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    let found = MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(word)
            || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
            || (*m == "september" && word.eq_ignore_ascii_case("sept"))
    })?;
    u32::try_from(found + 1).ok()
}

/// Whether a word names a day of the week: `Tue`, `Tuesday`, `Thurs`.
pub(super) fn weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    (3..=9).contains(&word.len())
        && DAYS
            .iter()
            .any(|d| d.len() >= word.len() && d[..word.len()].eq_ignore_ascii_case(word))
}
