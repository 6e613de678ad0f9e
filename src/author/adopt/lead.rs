//! The timestamp a timeline entry starts with, as people write it: a date,
//! a time or both (`2021-12-10   15:40`, `Sep 29 2017 08:59`, `Feb 8 0117
//! UTC`, `**Feb 04, 2021, 21:45 (UTC):**`, `Dec 16th **12:43**`, `*06:00*:`,
//! `[13:26]`, `~10:45`, `Between 2023-07-10 to 2023-07-16`), its zone label
//! (`UTC`, `(in CET)`, `PST`, `GMT+2`, or one no zone answers to, such as
//! `GST`), and where the event's words begin. Emphasis opened before the
//! stamp is closed after it; Markdown in the event is left as written.

use super::clock::{Timed, time_at};
use super::dates::{Day, date_at};
use super::scan::Cursor;

/// A timestamp read at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Lead {
    /// The date, when written.
    pub(super) day: Option<Day>,
    /// The time, when written.
    pub(super) time: Option<Timed>,
    /// A range's end date (`Between 2023-07-10 to 2023-07-16`).
    pub(super) until: Option<Day>,
    /// The zone label after the time, upper-cased, as written.
    pub(super) label: Option<String>,
    /// The stamp as written, when the event must keep it: a range, an
    /// approximation, a placeholder, a month alone.
    pub(super) shown: Option<String>,
    /// Where the event's words begin.
    pub(super) event: usize,
    /// Emphasis opened before the stamp and not closed after it
    /// (`**2019-10-20 00:55: builds fail**`): closed at the event's end.
    pub(super) unclosed: String,
}

const OPENERS: [char; 4] = ['*', '_', '`', '['];

/// The timestamp `text` starts with, if it starts with one.
pub(super) fn lead(text: &str) -> Option<Lead> {
    let mut c = Cursor::new(text);
    let mut opened = String::new();
    open(&mut c, &mut opened);
    let approx = approximate(&mut c);
    let between = c.eat_word("between") || c.eat_word("from");
    if between || c.eat_word("update") {
        c.eat(':');
        c.spaces();
    }
    let stamp_start = c.at;
    let (day, time) = stamp(&mut c, &mut opened)?;
    let mut until = None;
    if between {
        until = range_end_day(&mut c);
    }
    let stamp_end = c.at;
    let label = label(&mut c);
    let closed = close(&mut c, &opened);
    separators(&mut c);
    let written = text[stamp_start..stamp_end].trim();
    let shown = (approx
        || until.is_some()
        || time.is_some_and(|t| t.approx || t.end.is_some() || placeholder(&t))
        || matches!(day, Some(Day::Month { .. })))
    .then(|| shown(written, approx));
    Some(Lead {
        day,
        time,
        until,
        label,
        shown,
        event: c.at,
        unclosed: if closed {
            String::new()
        } else {
            closers(&opened)
        },
    })
}

fn placeholder(t: &Timed) -> bool {
    matches!(t.start, super::clock::Time::Placeholder { .. })
}

fn shown(written: &str, approx: bool) -> String {
    let plain: String = written
        .chars()
        .filter(|c| !OPENERS.contains(c) && *c != ']')
        .collect();
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if approx { format!("~{plain}") } else { plain }
}

/// A date, a time, or a date and a time, with emphasis between them.
fn stamp(c: &mut Cursor, opened: &mut String) -> Option<(Option<Day>, Option<Timed>)> {
    if let Some((day, n)) = date_at(c.rest()) {
        c.at += n;
        let (after_date, opened_before) = (*c, opened.len());
        c.spaces();
        c.eat(',');
        c.spaces();
        let _ = c.eat_word("at") || c.eat('@') || c.eat('T');
        open(c, opened);
        if let Some((time, n)) = time_at(c.rest()) {
            c.at += n;
            if ends_cleanly(c) {
                return Some((Some(day), Some(time)));
            }
        }
        *c = after_date;
        opened.truncate(opened_before);
        return ends_cleanly(c).then_some((Some(day), None));
    }
    let (time, n) = time_at(c.rest())?;
    c.at += n;
    ends_cleanly(c).then_some((None, Some(time)))
}

/// A stamp ends at a space, punctuation or the end, never inside a word
/// or a number (`12:30pm` is one, `12:305` and `2019-12-03abc` are not).
fn ends_cleanly(c: &Cursor) -> bool {
    c.peek().is_none_or(|ch| !ch.is_alphanumeric())
}

/// `to 2023-07-16` after `Between 2023-07-10`.
fn range_end_day(c: &mut Cursor) -> Option<Day> {
    let save = *c;
    c.spaces();
    if c.eat_word("to") || c.eat_word("and") || c.eat_any(&['-', '–', '—']).is_some() {
        c.spaces();
        if let Some((day, n)) = date_at(c.rest()) {
            c.at += n;
            return Some(day);
        }
    }
    *c = save;
    None
}

/// `~`, `≈`, `approx.`, `approximately`, `around`, `about`, `ca.`, `circa`.
fn approximate(c: &mut Cursor) -> bool {
    let found = c.eat('~')
        || c.eat('≈')
        || ["approximately", "approx", "around", "about", "circa", "ca"]
            .iter()
            .any(|w| c.eat_word(w));
    if found {
        c.eat('.');
        c.spaces();
    }
    found
}

fn open(c: &mut Cursor, opened: &mut String) {
    c.spaces();
    while let Some(ch) = c.eat_any(&OPENERS) {
        opened.push(ch);
    }
}

/// The closers of what `opened` opened, allowing a colon and spaces first
/// (`**21:45 (UTC):**`).
fn close(c: &mut Cursor, opened: &str) -> bool {
    let save = *c;
    c.spaces();
    c.eat(':');
    c.spaces();
    let closers = closers(opened);
    if closers.is_empty() {
        *c = save;
        return true;
    }
    if !c.rest().starts_with(&closers) {
        *c = save;
        return false;
    }
    c.at += closers.len();
    true
}

fn closers(opened: &str) -> String {
    opened
        .chars()
        .rev()
        .map(|ch| if ch == '[' { ']' } else { ch })
        .collect()
}

/// The separators between a stamp and its event: spaces, `:`, `-`, `–`,
/// `—`, `|`, `,`, `>`, `)`.
fn separators(c: &mut Cursor) {
    loop {
        let moved = c.spaces()
            || c.eat_any(&[':', '–', '—', '|', ',', '>', ')']).is_some()
            || (c.peek() == Some('-')
                && c.peek2().is_none_or(|n| n == ' ' || n == '-')
                && c.eat('-'))
            || (c.peek() == Some('.') && c.peek2().is_none_or(|n| n == ' ') && c.eat('.'));
        if !moved {
            break;
        }
    }
}

/// A zone label after a time: `UTC`, `Z`, `GMT+2`, `+02:00`, `PST`,
/// `(UTC)`, `(in CET)`, or an abbreviation no zone answers to (`GST`)
/// when a separator follows it.
fn label(c: &mut Cursor) -> Option<String> {
    let save = *c;
    c.spaces();
    let parenthesised = c.eat('(');
    if parenthesised {
        c.spaces();
        if c.eat_word("in") {
            c.spaces();
        }
    }
    let found = zone_label(c);
    if parenthesised {
        c.spaces();
        if found.is_some() && c.eat(')') {
            return found;
        }
    }
    if found.is_none() || parenthesised {
        *c = save;
        return None;
    }
    found
}

fn zone_label(c: &mut Cursor) -> Option<String> {
    let save = *c;
    let word = c.word();
    let known = |text: &str| crate::document::zone::label(text).is_some();
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_uppercase()) {
        c.at += word.len();
        if matches!(word, "UTC" | "GMT")
            && matches!(c.peek(), Some('+' | '-' | '−'))
            && let Some(offset) = offset(c)
        {
            return Some(offset);
        }
        if c.boundary() && (known(word) || unknown_zone(word, c)) {
            return Some(word.to_string());
        }
        *c = save;
        return None;
    }
    let offset = offset(c)?;
    if c.boundary() && known(&offset) {
        return Some(offset);
    }
    *c = save;
    None
}

/// `GST`, `SAST`: a standard or daylight time's abbreviation the zone
/// tables do not know, taken as a label only where a separator follows
/// (`13:50 GST: ...`), never an upper-case word of the event.
fn unknown_zone(word: &str, c: &Cursor) -> bool {
    let shaped = (3..=4).contains(&word.len()) && (word.ends_with("ST") || word.ends_with("DT"));
    let rest = c.rest();
    shaped
        && (rest.is_empty()
            || rest.starts_with([':', ')', ','])
            || rest.starts_with(" -")
            || rest.starts_with(" –")
            || rest.starts_with(" —"))
}

/// `+02:00`, `-0700`, `+2`: normalised to `+HH:MM`.
fn offset(c: &mut Cursor) -> Option<String> {
    let save = *c;
    let sign = c.eat_any(&['+', '-', '−'])?;
    let sign = if sign == '+' { '+' } else { '-' };
    let result = (|| {
        let (hours, width) = c.digits(4)?;
        let (h, m) = match width {
            1 | 2 => {
                let minutes = if c.eat(':') { c.digits(2)?.0 } else { 0 };
                (hours, minutes)
            }
            4 => (hours / 100, hours % 100),
            _ => return None,
        };
        (h <= 14 && m < 60).then(|| format!("{sign}{h:02}:{m:02}"))
    })();
    if result.is_none() {
        *c = save;
    }
    result
}

#[cfg(test)]
#[path = "lead_tests.rs"]
mod tests;
