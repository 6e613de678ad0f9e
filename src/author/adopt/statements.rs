//! What a hand-written postmortem states about itself in its prose: its
//! title (the front matter's, the first level-1 heading, ATX or setext, that
//! is not a section's name, else the first line or the file's name), the
//! day its times are on ("Date: ...", a `## Date` section, a date in the
//! title or the first sentences, the file's name, the front matter's date,
//! which a blog sets to the day it published), and when it was written
//! ("Last updated: ...").

use super::dates::{Day, date_at};
use super::pieces::{Kind, Piece};
use super::resolve::Dates;
use super::sections::{Sections, names_timeline, plain};
use crate::document::body::Canonical;
use chrono::{Datelike, NaiveDate};

/// The title: the first level-1 heading that names no section (a
/// template's "Incident Title" gives the line under it), else the first
/// heading that names none, else the first line if it reads as a title.
pub(super) fn title(pieces: &[Piece]) -> Option<String> {
    let headings = || {
        pieces.iter().enumerate().filter_map(|(i, p)| match p.kind {
            Kind::Heading(level) => Some((i, level, plain(p.text))),
            _ => None,
        })
    };
    let usable = |text: &str| {
        !text.is_empty()
            && Canonical::from_heading(text).is_none()
            && !names_timeline(text)
            && super::lead::lead(text).is_none_or(|l| !text[l.event..].trim().is_empty())
    };
    let template = |text: &str| matches!(text.to_lowercase().as_str(), "incident title" | "title");
    if let Some((index, _, text)) = headings().find(|(_, level, t)| *level == 1 && usable(t)) {
        if !template(&text) {
            return Some(text);
        }
        let under = pieces[index + 1..].iter().find(|p| p.kind != Kind::Blank)?;
        return matches!(under.kind, Kind::Text { .. }).then(|| plain(under.text));
    }
    // A heading of another level is the title only where it opens the
    // document, as a first line would.
    let opening = pieces.iter().position(|p| p.kind != Kind::Blank)?;
    headings()
        .find(|(i, _, t)| *i == opening && usable(t) && !template(t))
        .map(|(_, _, t)| t)
        .or_else(|| first_line(pieces))
}

/// The first line of a document without a usable heading, when it reads
/// as a title: short, not a list, a table, HTML or a `Key: value` line.
fn first_line(pieces: &[Piece]) -> Option<String> {
    let piece = pieces.iter().find(|p| p.kind != Kind::Blank)?;
    let line = piece.text.trim();
    let keyed = line.split_once(':').is_some_and(|(key, _)| {
        key.len() <= 30
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '/')
    });
    let shaped = matches!(piece.kind, Kind::Text { .. }) && !keyed;
    (shaped && line.chars().count() <= 120 && !line.starts_with(['<', '`', '|', '!']))
        .then(|| line.to_string())
}

/// `2026-05-14-db-failover.md` as "db failover",
/// `Postmortem-flutter.dev-outage.md` as "Postmortem flutter.dev outage".
pub(super) fn title_from_name(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    let stem = ["md", "markdown", "txt", "mdx"]
        .iter()
        .find_map(|ext| {
            file.rsplit_once('.')
                .filter(|(_, e)| e.eq_ignore_ascii_case(ext))
                .map(|(s, _)| s)
        })
        .unwrap_or(file);
    let stem = if super::front::date(stem).is_some() {
        stem[10..].trim_start_matches(['-', '_'])
    } else {
        stem
    };
    stem.replace(['-', '_'], " ").trim().to_string()
}

/// The labels of lines that give the incident's day.
const DAY_LABELS: &[&str] = &[
    "date",
    "date of incident",
    "incident date",
    "date/time",
    "date and time",
    "when",
    "start",
    "started",
    "start time",
    "incident start",
];

/// The labels of lines that say when the document was written.
const WRITTEN_LABELS: &[&str] = &[
    "last modified",
    "last updated",
    "updated",
    "published",
    "written",
];

/// A `Label: value` line's date, when its label is one of `labels`.
fn labelled(piece: &Piece, labels: &[&str]) -> Option<Day> {
    // A label is short: a colon near the start, or no label at all.
    let head = piece
        .text
        .get(..piece.text.len().min(48))
        .unwrap_or(piece.text);
    if !head.contains(':') {
        return None;
    }
    let plain = piece.text.replace(['*', '_'], "");
    let (label, value) = plain
        .trim()
        .trim_start_matches(['-', ' '])
        .split_once(':')?;
    let label = label.trim().to_lowercase();
    labels.contains(&label.as_str()).then_some(())?;
    date_at(value.trim()).map(|(day, _)| day)
}

/// The dates a document states, for times written without one.
pub(super) fn dates(
    pieces: &[Piece],
    sections: &Sections,
    title: &str,
    front: Option<NaiveDate>,
    file: Option<NaiveDate>,
    day_first: Option<bool>,
) -> (Dates, Option<(NaiveDate, &'static str)>) {
    let candidates = candidates(pieces, sections, title);
    let published = front.or(file);
    let year = candidates
        .iter()
        .find_map(|(d, _)| match d {
            Some(Day::Full(date)) => Some(date.year()),
            Some(Day::Numeric { year: Some(y), .. } | Day::Month { year: Some(y), .. }) => Some(*y),
            _ => None,
        })
        .or(published.map(|d| d.year()));
    let day = candidates
        .into_iter()
        .find_map(|(d, from)| {
            d.and_then(|d| on_calendar(d, year, day_first))
                .map(|d| (d, from))
        })
        .or(file.map(|d| (d, "its file's name")))
        .or(front.map(|d| (d, "its front matter's date")));
    let dates = Dates {
        day: day.map(|(d, _)| d),
        year: day.map(|(d, _)| d.year()).or(year),
        published,
        day_first,
    };
    (dates, day)
}

/// The days the document states, best first: a Date line, a Date section,
/// the title, the first full date of the text before the timeline.
fn candidates(
    pieces: &[Piece],
    sections: &Sections,
    title: &str,
) -> Vec<(Option<Day>, &'static str)> {
    let first_section = if sections.whole {
        0
    } else {
        sections.ranges.first().map_or(0, |r| r.start)
    };
    let prose = pieces[..first_section]
        .iter()
        .filter(|p| matches!(p.kind, Kind::Text { .. }) && labelled(p, WRITTEN_LABELS).is_none())
        .find_map(|p| first_date(p.text).filter(|d| matches!(d, Day::Full(_))));
    let line = pieces
        .iter()
        .filter(|p| matches!(p.kind, Kind::Text { .. } | Kind::Item))
        .find_map(|p| labelled(p, DAY_LABELS));
    vec![
        (line, "its Date line"),
        (date_section(pieces), "its Date section"),
        (first_date(title), "its title"),
        (prose, "the first date its text gives"),
    ]
}

/// A stated day on the calendar, with the year of the others.
fn on_calendar(day: Day, year: Option<i32>, day_first: Option<bool>) -> Option<NaiveDate> {
    match day {
        Day::Full(date) => Some(date),
        Day::NoYear { month, day } => NaiveDate::from_ymd_opt(year?, month, day),
        Day::Numeric {
            first,
            second,
            year: written,
        } => {
            let (month, day) = if day_first? {
                (second, first)
            } else {
                (first, second)
            };
            NaiveDate::from_ymd_opt(written.or(year)?, month, day)
        }
        Day::Month { .. } => None,
    }
}

/// The date under a `## Date` heading.
fn date_section(pieces: &[Piece]) -> Option<Day> {
    let at = pieces.iter().position(|p| {
        matches!(p.kind, Kind::Heading(_)) && plain(p.text).eq_ignore_ascii_case("date")
    })?;
    let under = pieces[at + 1..].iter().find(|p| p.kind != Kind::Blank)?;
    date_at(under.text.trim()).map(|(day, _)| day)
}

/// The first date written in `text`, at the start of one of its words.
fn first_date(text: &str) -> Option<Day> {
    let starts = std::iter::once(0).chain(
        text.char_indices()
            .filter(|(_, c)| !c.is_alphanumeric())
            .map(|(i, c)| i + c.len_utf8()),
    );
    starts
        .filter(|&i| text[i..].starts_with(|c: char| c.is_alphanumeric()))
        .take(400)
        .find_map(|i| date_at(&text[i..]).map(|(day, _)| day))
}

/// When the document says it was written ("Last updated: 2022-05-25").
pub(super) fn written_on(pieces: &[Piece]) -> Option<NaiveDate> {
    pieces
        .iter()
        .find_map(|p| match labelled(p, WRITTEN_LABELS)? {
            Day::Full(date) => Some(date),
            _ => None,
        })
}

#[cfg(test)]
#[path = "statements_tests.rs"]
mod tests;
