//! Lines that are no entries but matter to the entries around them: a
//! date alone dating what follows (`### 2020-02-20`, `**19th September
//! 2023:**`, `On the 16/12/21:`), a statement dating every event ("all
//! events happened on 2019-10-21"); and lines that look like entries but
//! give no time this reader can place (`T+5m`, `25:00`, `Feb 30`), with the
//! reason, so that what adopt leaves out is said, never silently dropped.

use super::dates::{Day, date_at};
use super::lead::{Lead, lead};
use super::pieces::{Kind, Piece};
use super::scan::month;

/// A line that looks like an entry and was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Left {
    /// Its line in the body, from 0.
    pub(super) line: usize,
    /// The line as written.
    pub(super) text: String,
    /// Why it was not read.
    pub(super) why: String,
}

/// A line that is a date alone: `### 2020-02-20`, `## May 12`,
/// `**19th September 2023:**`, `#### 29-09-2021 (All times CEST)`,
/// `On the 16/12/21:`.
pub(super) fn date_line(text: &str, read: Option<&Lead>) -> Option<(Day, Lead)> {
    let trimmed = text.trim();
    let mut body = trimmed;
    for prefix in ["on the ", "on "] {
        if trimmed.len() > prefix.len()
            && trimmed
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            body = &trimmed[prefix.len()..];
            break;
        }
    }
    // `read` is `text`'s own stamp, read already: no need to read it twice.
    let same = body.len() == trimmed.len() && text.len() == text.trim_start().len();
    let lead = match read {
        Some(read) if same => read.clone(),
        None if same => return None,
        _ => lead(body)?,
    };
    let day = lead
        .day
        .filter(|_| lead.time.is_none() && lead.until.is_none())?;
    let rest = body[lead.event..]
        .trim()
        .trim_end_matches([':', '*', '_'])
        .trim();
    let aside = rest.starts_with('(') && rest.ends_with(')');
    (rest.is_empty() || aside).then_some((day, lead))
}

/// The day a statement gives every event: "Unless otherwise noted all
/// events happened on 2019-10-21".
pub(super) fn sticky_day(paragraph: &str) -> Option<Day> {
    let head: String = paragraph.chars().take(300).collect();
    let lower = head.to_ascii_lowercase();
    [
        "happened on ",
        "occurred on ",
        "took place on ",
        "events were on ",
        "events are on ",
    ]
    .iter()
    .find_map(|cue| {
        let at = lower.find(cue)? + cue.len();
        let after = head.get(at..)?.trim_start_matches("the ");
        date_at(after).map(|(day, _)| day)
    })
}

/// The paragraph that starts at `index`, its lines joined by spaces.
pub(super) fn paragraph(pieces: &[Piece], index: usize) -> String {
    let mut text = pieces[index].text.to_string();
    for piece in &pieces[index + 1..] {
        match piece.kind {
            Kind::Text { start: false, .. } => {
                text.push(' ');
                text.push_str(piece.text);
            }
            _ => break,
        }
        if text.len() > 600 {
            break;
        }
    }
    text
}

/// Why `text` looks like an entry that could not be read; `None` when it
/// does not look like one (prose, a list of things).
pub(super) fn why(text: &str) -> Option<String> {
    let text = text
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '*' | '_' | '`' | '[' | '~' | '(')
        })
        .trim_end();
    let token: String = text
        .split_whitespace()
        .next()?
        .trim_end_matches([':', ',', '*', '_', '`', ']', ')', '.'])
        .to_string();
    let lower = token.to_ascii_lowercase();
    let first = lower.chars().next()?;
    if (lower.starts_with("t+") || lower.starts_with("t-"))
        && lower[2..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(format!(
            "`{token}` counts from the start and is no clock time; write the time it stands for"
        ));
    }
    if first.is_ascii_digit() {
        let clock = token.contains(':') && token.len() <= 8;
        let date = token.len() <= 10
            && token
                .chars()
                .filter(|c| matches!(c, '-' | '/' | '.'))
                .count()
                >= 1
            && token
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
        if clock {
            return Some(format!("`{token}` is no clock time"));
        }
        if date {
            return Some(format!("`{token}` is no date in the calendar"));
        }
        let placeholder = token.contains(['?', 'X', 'x'])
            && token
                .chars()
                .all(|c| c.is_ascii_digit() || "-/.?Xx".contains(c));
        if placeholder {
            return Some(format!(
                "`{token}` names no date this reader can place: write the date meant"
            ));
        }
        return None;
    }
    let next = text.split_whitespace().nth(1).unwrap_or_default();
    if month(token.trim_end_matches('.')).is_some()
        && next.starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(format!("`{token} {next}` is no date in the calendar"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_looks_like_an_entry_is_told_apart_from_prose() {
        assert!(why("T+5m alert fires").is_some_and(|w| w.contains("counts from the start")));
        assert_eq!(
            why("25:00 restart").as_deref(),
            Some("`25:00` is no clock time")
        );
        assert_eq!(
            why("**2021-02-30** deploy").as_deref(),
            Some("`2021-02-30` is no date in the calendar")
        );
        assert_eq!(
            why("Feb 30 deploy").as_deref(),
            Some("`Feb 30` is no date in the calendar")
        );
        assert!(why("2021/22-??-?? HH:mm run").is_some_and(|w| w.contains("names no date")));
        assert_eq!(why("3 nodes were added"), None);
        assert_eq!(why("Someone noticed the dashboard"), None);
    }
}
