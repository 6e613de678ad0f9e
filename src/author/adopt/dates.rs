//! Dates as people write them at the start of a timeline line: ISO
//! (`2017-02-28`, `2025-Feb-07`), numbers whose day-month order the
//! document decides (`16/12/21`, `29-09-2021`), with the month's name
//! (`Feb 21`, `21st of February 2021`, `Tuesday, Feb 28`, `Sep 29 2017`),
//! or a month alone (`March 2021`).

use super::scan::{Cursor, month, weekday};
use chrono::NaiveDate;

/// A date as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Day {
    /// A calendar date.
    Full(NaiveDate),
    /// A month and a day; the year comes from the document.
    NoYear {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// Two numbers, both 12 or less, whose order the document decides.
    Numeric {
        /// The first number written.
        first: u32,
        /// The second.
        second: u32,
        /// The year, when written.
        year: Option<i32>,
    },
    /// A month alone.
    Month {
        /// The year, when written.
        year: Option<i32>,
        /// 1-12.
        month: u32,
    },
}

/// The years a written year may be (a four-digit number outside them is
/// a clock time such as `1506 UTC`).
const YEARS: std::ops::RangeInclusive<i32> = 1970..=2100;

/// A date at the start of `text`, and how many bytes it takes.
pub(super) fn date_at(text: &str) -> Option<(Day, usize)> {
    let mut c = Cursor::new(text);
    if weekday(c.word()) {
        c.at += c.word().len();
        c.eat('.');
        c.eat(',');
        c.spaces();
    }
    let found = iso(&mut c)
        .or_else(|| numeric(&mut c))
        .or_else(|| named(&mut c))?;
    // `2019-12-03abc` is no date; `Feb 21,` and `2019-12-03:` are.
    (c.boundary() || c.rest().starts_with('T')).then_some(())?;
    Some((found, c.at))
}

/// `2017-02-28`, `2017/02/28`, `2025-Feb-07`, `2025-DEC-5`.
fn iso(c: &mut Cursor) -> Option<Day> {
    let save = *c;
    let result = (|| {
        let (year, 4) = c.digits(4)? else { return None };
        let sep = c.eat_any(&['-', '/', '.'])?;
        let month = match c.digits(2) {
            Some((m, _)) => m,
            None => {
                let named = month(c.word())?;
                c.at += c.word().len();
                named
            }
        };
        c.eat(sep).then_some(())?;
        // `2022-05-??`: a month whose day was not known.
        let unknown = c
            .rest()
            .get(..2)
            .is_some_and(|d| matches!(d, "??" | "XX" | "xx" | "--"));
        if unknown && (1..=12).contains(&month) {
            c.at += 2;
            return Some(Day::Month {
                year: Some(i32::try_from(year).ok()?),
                month,
            });
        }
        let (day, _) = c.digits(2)?;
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day).map(Day::Full)
    })();
    if result.is_none() {
        *c = save;
    }
    result
}

/// `16/12/21`, `29-09-2021`, `03.10.2021`, `10/30`: the day first when the
/// first number is over 12, the month first when the second is.
fn numeric(c: &mut Cursor) -> Option<Day> {
    let save = *c;
    let result = (|| {
        let (first, _) = c.digits(2)?;
        let sep = c.eat_any(&['/', '-', '.'])?;
        let (second, _) = c.digits(2)?;
        let year = if c.peek() == Some(sep) && c.peek2().is_some_and(|d| d.is_ascii_digit()) {
            c.eat(sep);
            let (y, n) = c.digits(4)?;
            let y = i32::try_from(y).ok()?;
            Some(match n {
                2 => 2000 + y,
                4 if YEARS.contains(&y) => y,
                _ => return None,
            })
        } else if sep == '/' {
            None
        } else {
            // `10-30` is a range, `10.30` a clock time.
            return None;
        };
        // `10.30.12.1` is an address.
        if matches!(c.peek(), Some('.' | '/' | '-'))
            && c.peek2().is_some_and(|d| d.is_ascii_digit())
        {
            return None;
        }
        day_month(first, second, year)
    })();
    if result.is_none() {
        *c = save;
    }
    result
}

fn day_month(first: u32, second: u32, year: Option<i32>) -> Option<Day> {
    if !(1..=31).contains(&first) || !(1..=31).contains(&second) {
        return None;
    }
    let (day, month) = match (first > 12, second > 12) {
        (true, true) => return None,
        (true, false) => (first, second),
        (false, true) => (second, first),
        (false, false) => {
            return Some(Day::Numeric {
                first,
                second,
                year,
            });
        }
    };
    Some(match year {
        Some(year) => Day::Full(NaiveDate::from_ymd_opt(year, month, day)?),
        None => Day::NoYear { month, day },
    })
}

/// `Feb 21`, `February 28, 2017`, `Sep 29 2017`, `Jan 27th 2025`,
/// `21 Feb 2021`, `19th of September 2023`, `March 2021`.
fn named(c: &mut Cursor) -> Option<Day> {
    let save = *c;
    let result = month_first(c).or_else(|| {
        *c = save;
        day_first(c)
    });
    if result.is_none() {
        *c = save;
    }
    result
}

fn month_first(c: &mut Cursor) -> Option<Day> {
    let month = month(c.word())?;
    c.at += c.word().len();
    c.eat('.');
    c.spaces();
    let before_day = *c;
    match ordinal(c) {
        Some(day) => {
            let year = year(c);
            full(month, day, year)
        }
        None => {
            *c = before_day;
            c.eat(',');
            c.spaces();
            let year = year_now(c)?;
            Some(Day::Month {
                year: Some(year),
                month,
            })
        }
    }
}

fn day_first(c: &mut Cursor) -> Option<Day> {
    let day = ordinal(c)?;
    c.spaces();
    if c.eat_word("of") {
        c.spaces();
    }
    let month = month(c.word())?;
    c.at += c.word().len();
    c.eat('.');
    let year = year(c);
    full(month, day, year)
}

fn full(month: u32, day: u32, year: Option<i32>) -> Option<Day> {
    match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day).map(Day::Full),
        None => NaiveDate::from_ymd_opt(2000, month, day).map(|_| Day::NoYear { month, day }),
    }
}

/// A day of the month, `21`, `21st`, `3rd`; not the hour of `21:30`.
fn ordinal(c: &mut Cursor) -> Option<u32> {
    let save = *c;
    let (day, _) = c.digits(2)?;
    for suffix in ["st", "nd", "rd", "th"] {
        if c.eat_word(suffix) {
            break;
        }
    }
    let hour_like = matches!(c.peek(), Some(':' | '.' | '/' | '-'))
        && c.peek2().is_some_and(|d| d.is_ascii_digit());
    if !(1..=31).contains(&day) || !c.boundary() || hour_like {
        *c = save;
        return None;
    }
    Some(day)
}

/// `, 2017` or ` 2017` after a day; left unread when no year follows.
fn year(c: &mut Cursor) -> Option<i32> {
    let save = *c;
    c.eat(',');
    c.spaces();
    match year_now(c) {
        Some(year) => Some(year),
        None => {
            *c = save;
            None
        }
    }
}

fn year_now(c: &mut Cursor) -> Option<i32> {
    let save = *c;
    let (year, 4) = c.digits(4)? else {
        *c = save;
        return None;
    };
    let year = i32::try_from(year).ok()?;
    if YEARS.contains(&year) {
        Some(year)
    } else {
        *c = save;
        None
    }
}

/// How many numeric dates in `text` have the day first (a first number
/// over 12: `29-09-2021`) and how many the month first (`12/16/2021`):
/// the document's own evidence for the order of the others.
pub(super) fn order_evidence(text: &str) -> (usize, usize) {
    let (mut day_first, mut month_first) = (0, 0);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'/' | b'-' | b'.')));
        if starts {
            let mut c = Cursor::new(&text[i..]);
            let first = c.digits(2).map(|(n, _)| n);
            let mut again = Cursor::new(&text[i..]);
            if let (Some(first), Some(Day::Full(_) | Day::NoYear { .. })) =
                (first, numeric(&mut again))
            {
                if first > 12 {
                    day_first += 1;
                } else {
                    month_first += 1;
                }
                i += again.at;
                continue;
            }
        }
        i += 1;
    }
    (day_first, month_first)
}
