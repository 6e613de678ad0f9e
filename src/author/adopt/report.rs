//! What adopt tells the reader beside the file: the zone it took and from
//! which statement (`--timezone`, else the first statement in the timeline,
//! else the first anywhere, else the labels the entries agree on), the
//! statements that name no zone, the day of times written without a date,
//! the day-month order, the headings read as phases, AM/PM taken from
//! around, and an empty timeline.

use super::build::Built;
use super::resolve::Resolved;
use super::write::Context;
use super::zone_names::zone_of_labels;
use super::{Note, zones};
use chrono::Datelike;
use chrono_tz::Tz;

/// The zone: `--timezone`, else the first statement in the timeline, else
/// the first anywhere, else the labels the entries agree on.
pub(super) fn zone(cx: &Context, built: &Built, notes: &mut Vec<Note>) -> Option<Tz> {
    if let Some(zone) = cx.options.zone {
        notes.push(cx.note(
            None,
            format!("zone {}, as --timezone gives it", zone.name()),
        ));
        return Some(zone);
    }
    let statements = zones::statements(cx.body);
    let lines = timeline_lines(cx);
    // The ranges are in order: a binary search keeps many statements in
    // many sections linear.
    let inside = |line: usize| {
        let at = lines.partition_point(|r| r.end <= line);
        lines.get(at).is_some_and(|r| r.contains(&line))
    };
    let chosen = statements
        .iter()
        .filter(|s| s.zone.is_some())
        .find(|s| inside(s.line))
        .or_else(|| statements.iter().find(|s| s.zone.is_some()));
    let unresolved = statements
        .iter()
        .filter(|s| s.zone.is_none() && (inside(s.line) || chosen.is_none()));
    for s in unresolved.take(4) {
        let text = format!(
            "\"{}\" names no zone this tool knows: set `timezone` to the zone meant",
            s.written
        );
        notes.push(cx.note(Some(s.line), text));
    }
    let Some(zone) = chosen.and_then(|s| s.zone) else {
        return labels(cx, built, notes);
    };
    if let Some(s) = chosen {
        let mut text = format!("zone {}, from \"{}\"", zone.name(), s.written);
        text.push_str(&elsewhere(&s.written, zone));
        notes.push(cx.note(Some(s.line), text));
    }
    let others = statements
        .iter()
        .filter(|o| o.zone.is_some_and(|z| z != zone) && inside(o.line));
    for other in others {
        let text = format!(
            "\"{}\" names another zone than the one taken ({}): check which the times are in",
            other.written,
            zone.name()
        );
        notes.push(cx.note(Some(other.line), text));
    }
    Some(zone)
}

/// The body lines of the timeline sections, their headings included.
fn timeline_lines(cx: &Context) -> Vec<std::ops::Range<usize>> {
    if cx.sections.whole {
        return Vec::new();
    }
    cx.sections
        .ranges
        .iter()
        .map(|r| {
            let first = cx
                .pieces
                .get(r.start.saturating_sub(1))
                .map_or(0, |p| p.line);
            let last = cx
                .pieces
                .get(r.end.saturating_sub(1))
                .map_or(first, |p| p.line);
            first..last + 1
        })
        .collect()
}

/// The zone the entries' labels agree on (`UTC` on every line).
fn labels(cx: &Context, built: &Built, notes: &mut Vec<Note>) -> Option<Tz> {
    let labels: Vec<&str> = built
        .entries
        .iter()
        .filter_map(|e| e.lead.label.as_deref())
        .collect();
    let mut unknown: Vec<&str> = labels
        .iter()
        .copied()
        .filter(|l| crate::document::zone::label(l).is_none())
        .collect();
    unknown.dedup();
    for label in unknown.iter().take(3) {
        notes.push(cx.note(None, format!(
            "the entries' `{label}` names no zone this tool knows (it can mean several): their times are kept as local times; set `timezone`"
        )));
    }
    let found = zone_of_labels(labels.iter().copied());
    match found {
        Some(zone) => notes.push(cx.note(
            None,
            format!("zone {}, from the entries' labels", zone.name()),
        )),
        None if unknown.is_empty() => notes.push(cx.note(
            None,
            "no zone stated: the times are local times; set `timezone`".into(),
        )),
        None => {}
    }
    found
}

/// Notes on the day of undated times, the day-month order, phases, AM/PM.
pub(super) fn dates_notes(cx: &Context, built: &Built, resolved: &Resolved, notes: &mut Vec<Note>) {
    if let (true, Some((day, from))) = (resolved.day_used, cx.day) {
        notes.push(cx.note(
            None,
            format!("times without a date are on {day}, from {from}"),
        ));
    }
    match cx.order {
        (d, 0) if d > 0 => notes.push(cx.note(None, "numeric dates read day first, as the document's own dates with a day over 12 write them".into())),
        (0, m) if m > 0 => notes.push(cx.note(None, "numeric dates read month first, as the document's own dates with a day over 12 write them".into())),
        (d, m) if d > 0 && m > 0 => notes.push(cx.note(None, "numeric dates put the day first in some places and the month first in others: check them".into())),
        _ => {}
    }
    for line in &built.phases {
        notes.push(cx.note(
            Some(*line),
            "a heading over timed entries: read as their AM/PM and date, not as an entry".into(),
        ));
    }
    if resolved.inferred {
        notes.push(
            cx.note(
                None,
                "times written without AM/PM took it from their heading or the entries around them"
                    .into(),
            ),
        );
    }
    years(cx, resolved, notes);
    if built.entries.is_empty() {
        notes.push(cx.note(
            None,
            "no timeline entry was read: fill in `timeline`".into(),
        ));
    }
}

/// A year far from the others' (`2109` among `2019`s): mistyped, likely.
fn years(cx: &Context, resolved: &Resolved, notes: &mut Vec<Note>) {
    let mut years: Vec<i32> = resolved
        .entries
        .iter()
        .filter_map(|e| e.date)
        .map(|d| d.year())
        .collect();
    years.sort_unstable();
    let Some(&middle) = years.get(years.len() / 2) else {
        return;
    };
    for entry in &resolved.entries {
        let Some(year) = entry.date.map(|d| d.year()) else {
            continue;
        };
        if (year - middle).abs() >= 2 {
            let text = format!(
                "year {year} is far from the other entries' {middle}: check it is not mistyped"
            );
            notes.push(cx.note(Some(entry.line), text));
        }
    }
}

/// For an abbreviation other places use too (IST: India, Israel, Ireland),
/// the others and how to choose one: the reading taken is said, not hidden.
fn elsewhere(written: &str, chosen: Tz) -> String {
    written
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(|w| {
            (
                w,
                crate::document::zone::zones_named(&w.to_ascii_uppercase()),
            )
        })
        .find(|(_, zones)| zones.len() > 1)
        .map(|(word, zones)| {
            let others: Vec<&str> = zones
                .iter()
                .filter(|z| **z != chosen)
                .map(|z| z.name())
                .collect();
            format!(
                "; {word} is also used in {}: pass --timezone if one of those is meant",
                others.join(" and ")
            )
        })
        .unwrap_or_default()
}
