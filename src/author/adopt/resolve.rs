//! Each entry's date and time as a reader settles them: its own date, else
//! the date above it (a heading, a date line, "all events happened on
//! ..."), else the date of the entry before, else the document's day; the
//! day rolls over when a time runs hours back (23:00, then 00:40); a year
//! comes from the dates around; the day-month order of `03/10/2021` from a
//! day over 12 elsewhere in the document, else it is left, never guessed.
//! In a timeline written in AM/PM, a time without one takes its heading's,
//! or the first reading at or after the entry before.

use super::clock::{Clock, Time, next_meridiems, twelve_hour};
use super::contexts::Left;
use super::dates::Day;
use super::lead::Lead;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// An entry as read, before its date and time are settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Raw {
    /// Its first line in the body, from 0.
    pub(super) line: usize,
    /// Its stamp.
    pub(super) lead: Lead,
    /// Its text, Markdown as written.
    pub(super) event: String,
    /// Who acted (a table's "Actor" column).
    pub(super) who: Option<String>,
    /// The date above it (a date heading or line, a statement).
    pub(super) context: Option<Day>,
    /// That date holds for every entry without one ("all events happened
    /// on ..."), whatever dates other entries carry.
    pub(super) sticky: bool,
    /// The AM or PM of the phase heading above it.
    pub(super) phase: Option<bool>,
}

/// An entry with its date and time settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    /// Its first line in the body, from 0.
    pub(super) line: usize,
    /// Its date; `None` for a time no date could be found for.
    pub(super) date: Option<NaiveDate>,
    /// Its time; `None` for a date alone.
    pub(super) time: Option<NaiveTime>,
    /// Its zone label, as written (`UTC`, `PST`, `+02:00`), if the format reads it.
    pub(super) label: Option<String>,
    /// Its text, with a range, approximation or placeholder kept in front.
    pub(super) event: String,
    /// Who acted.
    pub(super) who: Option<String>,
}

/// What the document says about its dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Dates {
    /// The day of times written without a date, and where it was read.
    pub(super) day: Option<NaiveDate>,
    /// The year of dates written without one.
    pub(super) year: Option<i32>,
    /// When it was published (front matter, file name): no date after it.
    pub(super) published: Option<NaiveDate>,
    /// Whether numeric dates put the day first, by the document's evidence.
    pub(super) day_first: Option<bool>,
}

/// The settled entries and the ones left unread.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Resolved {
    /// The entries.
    pub(super) entries: Vec<Entry>,
    /// Entries that could not be placed.
    pub(super) left: Vec<Left>,
    /// Some time written without AM/PM took it from the entries around it.
    pub(super) inferred: bool,
    /// Some entry took the document's day: no date of its own, above it,
    /// or on an entry before it.
    pub(super) day_used: bool,
}

#[derive(Default)]
struct State {
    day: Option<NaiveDate>,
    last: Option<NaiveDateTime>,
    context: Option<Day>,
    year: Option<i32>,
}

/// `raws` with their dates and times settled by `dates`.
pub(super) fn resolve(raws: &[Raw], dates: &Dates) -> Resolved {
    let starts: Vec<Option<Time>> = raws.iter().map(|r| r.lead.time.map(|t| t.start)).collect();
    let twelve = twelve_hour(&starts);
    let next_meridiem = next_meridiems(&starts);
    let mut state = State {
        day: dates.day,
        year: dates.year,
        ..State::default()
    };
    let mut out = Resolved {
        inferred: twelve
            && raws.iter().any(|r| {
                matches!(r.lead.time.map(|t| t.start), Some(Time::Clock(c)) if c.meridiem.is_none() && (1..=12).contains(&c.hour))
            }),
        ..Resolved::default()
    };
    let mut dated = false;
    for (index, raw) in raws.iter().enumerate() {
        dated |= raw.lead.day.is_some() || raw.context.is_some();
        out.day_used |= !dated && dates.day.is_some();
        if raw.context != state.context {
            state.context = raw.context;
            if let Some(day) = raw.context.and_then(|c| full(c, &state, dates)) {
                state.day = Some(day);
                state.last = None;
                state.year = Some(day.year());
            }
        }
        match one(
            raw,
            &mut state,
            dates,
            twelve.then_some(next_meridiem[index]),
        ) {
            Ok(entry) => out.entries.push(entry),
            Err(why) => out.left.push(Left {
                line: raw.line,
                text: raw.event.clone(),
                why,
            }),
        }
    }
    out
}

fn one(
    raw: &Raw,
    state: &mut State,
    dates: &Dates,
    next: Option<Option<bool>>,
) -> Result<Entry, String> {
    let written = match raw.lead.day {
        Some(day) => Some(full(day, state, dates).ok_or_else(|| unplaced(day))?),
        None => None,
    };
    if let Some(date) = written {
        if !raw.sticky {
            state.day = Some(date);
        }
        state.year = Some(date.year());
    }
    let mut date = written.or(state.day);
    let (start, next_day) = match raw.lead.time.map(|t| t.start) {
        Some(Time::Clock(clock)) => (Some(clock), false),
        Some(Time::Placeholder { next_day }) => (None, next_day),
        None => (None, false),
    };
    let time = start.map(|clock| clock_time(&clock, raw.phase, state, date, next));
    if next_day {
        date = date.map(|d| d + Duration::days(1));
    }
    if let (None, Some(day), Some(time), Some(last)) = (written, date, time, state.last)
        && last.date() == day
        && last.time() - time > Duration::hours(3)
    {
        date = Some(day + Duration::days(1));
        state.day = date;
    }
    match (date, time) {
        (Some(d), Some(t)) => state.last = Some(d.and_time(t)),
        (Some(d), None) if state.last.is_some_and(|l| l.date() != d) => state.last = None,
        _ => {}
    }
    if time.is_none() && date.is_none() {
        return Err("a date alone with no year: write the year".into());
    }
    let event = event(raw);
    let label = raw
        .lead
        .label
        .clone()
        .filter(|l| time.is_some() && crate::document::zone::label(l).is_some());
    Ok(Entry {
        line: raw.line,
        date,
        time,
        label,
        event,
        who: raw.who.clone(),
    })
}

/// The event's text, a range, approximation or placeholder kept in front.
fn event(raw: &Raw) -> String {
    match &raw.lead.shown {
        Some(shown) if raw.event.is_empty() => format!("({shown})"),
        Some(shown) => format!("({shown}) {}", raw.event),
        None => raw.event.clone(),
    }
}

/// Why a written date could not be placed.
fn unplaced(day: Day) -> String {
    match day {
        Day::Numeric { first, second, .. } => format!(
            "`{first}/{second}` is the {first} of month {second} or the {second} of month {first}, and no date in the document has a day over 12 to tell: write it as YYYY-MM-DD"
        ),
        _ => "its date has no year, and the document gives none: write the year".into(),
    }
}

/// A written date on the calendar: its year from the dates around it.
fn full(day: Day, state: &State, dates: &Dates) -> Option<NaiveDate> {
    let year_of = |month: u32, day: u32| -> Option<NaiveDate> {
        if let Some(year) = state.year {
            return NaiveDate::from_ymd_opt(year, month, day);
        }
        let published = dates.published?;
        let date = NaiveDate::from_ymd_opt(published.year(), month, day)?;
        // A post published in January tells of December's incident.
        if date > published + Duration::days(1) {
            NaiveDate::from_ymd_opt(published.year() - 1, month, day)
        } else {
            Some(date)
        }
    };
    match day {
        Day::Full(date) => Some(date),
        Day::NoYear { month, day } => year_of(month, day),
        Day::Month { year, month } => match year {
            Some(year) => NaiveDate::from_ymd_opt(year, month, 1),
            None => year_of(month, 1),
        },
        Day::Numeric {
            first,
            second,
            year,
        } => {
            let (month, day) = if dates.day_first? {
                (second, first)
            } else {
                (first, second)
            };
            match year {
                Some(year) => NaiveDate::from_ymd_opt(year, month, day),
                None => year_of(month, day),
            }
        }
    }
}

/// The time of `clock`, its AM or PM settled in a timeline written in
/// AM/PM (`next` is then the meridiem of the next entry that writes one).
fn clock_time(
    clock: &Clock,
    phase: Option<bool>,
    state: &State,
    date: Option<NaiveDate>,
    next: Option<Option<bool>>,
) -> NaiveTime {
    let at = |hour: u32| NaiveTime::from_hms_opt(hour, clock.minute, clock.second);
    let fallback = || at(clock.hour).unwrap_or(NaiveTime::MIN);
    if clock.meridiem.is_some() || clock.hour == 0 || clock.hour > 12 {
        return at(clock.hour24(None)).unwrap_or_else(fallback);
    }
    if let Some(pm) = phase {
        return at(clock.hour24(Some(pm))).unwrap_or_else(fallback);
    }
    let Some(next) = next else {
        return at(clock.hour24(None)).unwrap_or_else(fallback);
    };
    let (am, pm) = (at(clock.hour % 12), at(clock.hour % 12 + 12));
    if let (Some(last), Some(am), Some(pm)) =
        (state.last.filter(|l| Some(l.date()) == date), am, pm)
    {
        return [am, pm]
            .into_iter()
            .find(|t| *t >= last.time())
            .unwrap_or(am);
    }
    at(clock.hour24(Some(next.unwrap_or(false)))).unwrap_or_else(fallback)
}
