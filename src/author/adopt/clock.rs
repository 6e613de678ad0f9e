//! Clock times as people write them at the start of a timeline line:
//! `13:06`, `8:52 PM`, `11:39AM`, `7:27a`, `18:50:28`, `15.26`, `14h30`,
//! `1506` before `UTC`, `4 PM`; ranges (`10:01-10:02`, `1:42-1:59 PM`),
//! approximations (`10:45~`) and placeholders (`HH:mm`, `22:XX`, `12:??`,
//! `--:--`), which stand for no time at all.

use super::scan::Cursor;

/// A clock time as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Clock {
    /// 0-23, or 1-12 with a meridiem.
    pub(super) hour: u32,
    /// 0-59.
    pub(super) minute: u32,
    /// 0-59.
    pub(super) second: u32,
    /// `Some(true)` for PM, `Some(false)` for AM, `None` when not written.
    pub(super) meridiem: Option<bool>,
}

impl Clock {
    /// The hour on a 24-hour clock, taking the meridiem as `pm` says.
    pub(super) fn hour24(&self, pm: Option<bool>) -> u32 {
        match pm.or(self.meridiem) {
            Some(pm) => self.hour % 12 + if pm { 12 } else { 0 },
            None => self.hour,
        }
    }
}

/// A time, or a placeholder where one was meant to be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Time {
    /// A clock time.
    Clock(Clock),
    /// `HH:mm`, `22:XX`, `--:--`: no time; `next_day` for `24:XX`.
    Placeholder {
        /// Written as hour 24: the first hour of the next day.
        next_day: bool,
    },
}

/// A time, or a range of them, at the start of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Timed {
    /// The time (a range's start).
    pub(super) start: Time,
    /// A range's end.
    pub(super) end: Option<Time>,
    /// Written as approximate (`10:45~`, `12:00+`).
    pub(super) approx: bool,
}

/// A time or range at the start of `text`, and how many bytes it takes.
pub(super) fn time_at(text: &str) -> Option<(Timed, usize)> {
    let mut c = Cursor::new(text);
    let mut start = one(&mut c)?;
    let approx = c.eat_any(&['~', '+']).is_some();
    let end = range_end(&mut c);
    if let (Time::Clock(first), Some(Time::Clock(last))) = (&mut start, end)
        && first.meridiem.is_none()
        && last.meridiem.is_some()
    {
        let same = first.hour % 12 <= last.hour % 12;
        first.meridiem = last.meridiem.map(|pm| if same { pm } else { !pm });
    }
    Some((Timed { start, end, approx }, c.at))
}

fn range_end(c: &mut Cursor) -> Option<Time> {
    let save = *c;
    c.spaces();
    let joined = c.eat_any(&['-', '–', '—']).is_some()
        || c.eat_word("to")
        || c.eat_word("until")
        || c.eat_word("till");
    if joined {
        c.spaces();
        if let Some(end) = one(c) {
            c.eat_any(&['~', '+']);
            return Some(end);
        }
    }
    *c = save;
    None
}

fn one(c: &mut Cursor) -> Option<Time> {
    placeholder(c)
        .or_else(|| clock(c).map(Time::Clock))
        .or_else(|| bare_hour(c).map(Time::Clock))
        .or_else(|| military(c).map(Time::Clock))
}

/// `HH:mm`, `hh:mm:ss`, `22:XX`, `12:??`, `??:??`, `--:--`.
fn placeholder(c: &mut Cursor) -> Option<Time> {
    let save = *c;
    let part = |c: &mut Cursor, letters: &[char]| -> Option<String> {
        let mut written = String::new();
        while written.len() < 2 {
            match c.peek() {
                Some(ch) if ch.is_ascii_digit() || letters.contains(&ch) || "?xX-".contains(ch) => {
                    written.push(ch);
                    c.at += 1;
                }
                _ => break,
            }
        }
        (written.len() == 2).then_some(written)
    };
    let result = (|| {
        let hour = part(c, &['H', 'h'])?;
        c.eat(':').then_some(())?;
        let minute = part(c, &['M', 'm'])?;
        if c.peek() == Some(':') {
            c.eat(':');
            part(c, &['S', 's'])?;
        }
        let digits_only = (hour.clone() + &minute).bytes().all(|b| b.is_ascii_digit());
        (!digits_only && c.boundary()).then_some(Time::Placeholder {
            next_day: hour == "24",
        })
    })();
    if result.is_none() {
        *c = save;
    }
    result
}

/// `13:06`, `8:52 PM`, `18:50:28.5`, `15.26`, `14h30`, `7:27a`.
fn clock(c: &mut Cursor) -> Option<Clock> {
    let save = *c;
    let result = (|| {
        let (hour, width) = c.digits(2)?;
        let sep = c.eat_any(&[':', '.', 'h'])?;
        if sep != ':' && width != 2 {
            return None;
        }
        let (minute, 2) = c.digits(2)? else {
            return None;
        };
        let mut second = 0;
        if c.peek() == Some(':') && sep == ':' && c.peek2().is_some_and(|d| d.is_ascii_digit()) {
            c.eat(':');
            let (s, 2) = c.digits(2)? else { return None };
            second = s;
            if c.peek() == Some('.') && c.peek2().is_some_and(|d| d.is_ascii_digit()) {
                c.eat('.');
                while c.peek().is_some_and(|d| d.is_ascii_digit()) {
                    c.at += 1;
                }
            }
        } else if sep == '.' && c.peek() == Some('.') {
            return None;
        }
        let meridiem = meridiem(c);
        valid(hour, minute, second, meridiem)
    })();
    if result.is_none() {
        *c = save;
    }
    result
}

/// `4 PM`, `1AM`: an hour with its meridiem and no minutes.
fn bare_hour(c: &mut Cursor) -> Option<Clock> {
    let save = *c;
    let result = (|| {
        let (hour, _) = c.digits(2)?;
        let pm = meridiem(c)?;
        valid(hour, 0, 0, Some(pm))
    })();
    if result.is_none() {
        *c = save;
    }
    result
}

/// `1506 UTC`, `0117Z`: four digits read as a time only before a zone.
fn military(c: &mut Cursor) -> Option<Clock> {
    let save = *c;
    let result = (|| {
        let (both, 4) = c.digits(4)? else { return None };
        let after = *c;
        let zoned = c.eat('Z') && c.boundary() || {
            *c = after;
            c.spaces();
            let word = c.word();
            matches!(word, "UTC" | "GMT" | "Z")
                || word.len() >= 2
                    && word.bytes().all(|b| b.is_ascii_uppercase())
                    && crate::document::zone::label(word).is_some()
        };
        *c = after;
        zoned.then_some(())?;
        valid(both / 100, both % 100, 0, None)
    })();
    if result.is_none() {
        *c = save;
    }
    result
}

/// `AM`, ` pm`, `a.m.`, or `a`/`p` written against the time.
fn meridiem(c: &mut Cursor) -> Option<bool> {
    let save = *c;
    let spaced = c.spaces();
    for (spelling, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        let rest = c.rest();
        if rest.len() >= spelling.len()
            && rest.is_char_boundary(spelling.len())
            && rest[..spelling.len()].eq_ignore_ascii_case(spelling)
        {
            c.at += spelling.len();
            if c.peek().is_none_or(|ch| !ch.is_ascii_alphabetic()) {
                return Some(pm);
            }
            *c = save;
            return None;
        }
    }
    if !spaced {
        for (letter, pm) in [('a', false), ('p', true)] {
            if c.peek() == Some(letter) && c.peek2().is_none_or(|ch| !ch.is_alphanumeric()) {
                c.at += 1;
                return Some(pm);
            }
        }
    }
    *c = save;
    None
}

fn valid(hour: u32, minute: u32, second: u32, meridiem: Option<bool>) -> Option<Clock> {
    let hours = if meridiem.is_some() { 1..=12 } else { 0..=23 };
    (hours.contains(&hour) && minute < 60 && second < 60).then_some(Clock {
        hour,
        minute,
        second,
        meridiem,
    })
}

/// Whether the timeline is written in AM/PM: some time carries a
/// meridiem, and none is written as 0 or 13-23 without one. `starts`: each
/// entry's starting time, when it has one.
pub(super) fn twelve_hour(starts: &[Option<Time>]) -> bool {
    let clocks = || {
        starts.iter().flatten().filter_map(|t| match t {
            Time::Clock(c) => Some(*c),
            Time::Placeholder { .. } => None,
        })
    };
    clocks().any(|c| c.meridiem.is_some())
        && !clocks().any(|c| c.meridiem.is_none() && (c.hour == 0 || c.hour > 12))
}

/// For each entry, the meridiem of the next entry that writes one.
pub(super) fn next_meridiems(starts: &[Option<Time>]) -> Vec<Option<bool>> {
    let mut out = vec![None; starts.len()];
    let mut next = None;
    for (index, start) in starts.iter().enumerate().rev() {
        if let Some(Time::Clock(c)) = start {
            next = c.meridiem.or(next);
        }
        out[index] = next;
    }
    out
}
