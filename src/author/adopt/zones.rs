//! The zone a document's times are in, from what it says wherever it says
//! it: "All times in UTC", "_All times in EEST_", "(in CET)", "Timeline
//! (times in BST)", "Date and Time in CET" in a table header, "all times
//! are in\nUTC" over two lines, "documented in [UTC](...) time". The body is
//! scanned once and each statement looks a few words ahead; a zone is
//! looked up by name (`zone_names`), each name once, so hostile prose
//! costs its length. A statement no zone answers to is
//! kept as such, to be reported, never guessed.

use super::zone_names::Lookup;
use chrono_tz::Tz;

/// A statement of the zone of the document's times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Statement {
    /// Its line in the body, from 0.
    pub(super) line: usize,
    /// The words that name the zone, as written.
    pub(super) written: String,
    /// The zone they name; `None` when none answers to them.
    pub(super) zone: Option<Tz>,
}

/// Words between "times" and the zone's name.
const FILLER: &[&str] = &[
    "are",
    "is",
    "were",
    "be",
    "in",
    "all",
    "listed",
    "given",
    "shown",
    "expressed",
    "reported",
    "below",
    "above",
    "the",
    "this",
    "document",
    "report",
    "postmortem",
    "events",
    "documented",
    "zone",
    "of",
    "local",
    "as",
    "and",
    "date",
    "written",
    "noted",
    "here",
    "(",
    ":",
    "=",
    "our",
    "displayed",
    "use",
    "using",
    "timeline",
    "times",
    "time",
];

/// The most statements read from one document: the first ones decide,
/// and a document of thousands is no postmortem.
const MOST: usize = 256;

/// The zone statements in `body`, in order (the first [`MOST`]).
pub(super) fn statements(body: &str) -> Vec<Statement> {
    let lower = body.to_ascii_lowercase();
    let mut lookup = Lookup::default();
    let mut out = Vec::new();
    let mut line = 0;
    let mut counted = 0;
    for at in memchr::memmem::find_iter(lower.as_bytes(), b"time") {
        if out.len() >= MOST {
            break;
        }
        if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphabetic() {
            continue;
        }
        let word_end = at
            + lower[at..]
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .count();
        if !matches!(
            &lower[at..word_end],
            "time" | "times" | "timeline" | "timestamp" | "timestamps" | "timezone"
        ) {
            continue;
        }
        line += memchr::memchr_iter(b'\n', &lower.as_bytes()[counted..at]).count();
        counted = at;
        let all = window(&lower, at.saturating_sub(8), at)
            .trim_end()
            .ends_with("all");
        if let Some((written, zone)) =
            ahead(body, word_end, all, &mut lookup).or_else(|| behind(body, at, &mut lookup))
        {
            out.push(Statement {
                line,
                written,
                zone,
            });
        }
    }
    out.extend(dated(body, &lower, &mut lookup));
    out.sort_by_key(|s| s.line);
    out
}

/// `Date (UTC)`, a table header's zone in parentheses after "date".
fn dated(body: &str, lower: &str, lookup: &mut Lookup) -> Vec<Statement> {
    let mut out = Vec::new();
    let (mut line, mut counted) = (0, 0);
    for at in memchr::memmem::find_iter(lower.as_bytes(), b"date (") {
        if out.len() >= MOST {
            break;
        }
        if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphabetic() {
            continue;
        }
        line += memchr::memchr_iter(b'\n', &lower.as_bytes()[counted..at]).count();
        counted = at;
        let tokens = tokens(window(body, at + 5, at + 60), 4);
        if let [open, name, ..] = tokens.as_slice()
            && open == "("
            && let Some(zone) = lookup.zone(name)
        {
            out.push(Statement {
                line,
                written: name.clone(),
                zone: Some(zone),
            });
        }
    }
    out
}

/// `times are in UTC`, `Time (UTC)`, `times in BST`, `all times CEST`.
fn ahead(body: &str, from: usize, all: bool, lookup: &mut Lookup) -> Option<(String, Option<Tz>)> {
    let tokens = tokens(window(body, from, from + 160), 10);
    let mut strong = all;
    let mut rest = tokens.as_slice();
    while let Some((first, more)) = rest.split_first() {
        let lower = first.to_ascii_lowercase();
        if !FILLER.contains(&lower.as_str()) {
            break;
        }
        strong |= matches!(lower.as_str(), "in" | "are" | "is" | "(" | ":" | "=");
        rest = more;
    }
    let first = rest.first()?;
    for n in (1..=rest.len().min(3)).rev() {
        let phrase = rest[..n].join(" ");
        if let Some(zone) = lookup.zone(&phrase) {
            return Some((phrase, Some(zone)));
        }
    }
    let named = first.starts_with(|c: char| c.is_ascii_uppercase()) || first.contains(['/', '+']);
    (strong && named && first.len() <= 24).then(|| (first.to_string(), None))
}

/// `in [UTC](https://...) time`, `in Pacific time`.
fn behind(body: &str, at: usize, lookup: &mut Lookup) -> Option<(String, Option<Tz>)> {
    let before = window(body, at.saturating_sub(160), at).trim_end();
    let (name, rest) = if let Some(inner) = before.strip_suffix(')') {
        let open = inner.rfind("](")?;
        let text = &inner[..open];
        let start = text.rfind('[')?;
        (&text[start + 1..], &text[..start])
    } else {
        let name = before.rsplit(char::is_whitespace).next().unwrap_or(before);
        (name, &before[..before.len() - name.len()])
    };
    if !rest.trim_end().to_ascii_lowercase().ends_with(" in") || name.len() > 24 {
        return None;
    }
    let zone = lookup.zone(name)?;
    Some((name.to_string(), Some(zone)))
}

/// Up to `max` words after a statement's cue: markup dropped, a link's
/// text kept, `(` and `:` kept as words, a sentence's end the last word.
fn tokens(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut word = String::new();
    let mut link = false;
    while let Some((_, c)) = chars.next() {
        if out.len() >= max {
            break;
        }
        match c {
            '*' | '_' | '`' | '[' => {}
            ']' if chars.peek().is_some_and(|(_, n)| *n == '(') => link = true,
            ')' if link => link = false,
            _ if link => {}
            '(' | ':' | '=' => {
                flush(&mut word, &mut out);
                out.push(c.to_string());
            }
            '\n' if chars.peek().is_some_and(|(_, n)| *n == '\n') => break,
            '.' | ',' | ';' | ')' | '!' | '?' | '|' | '\n' if !word.contains('/') || c != '.' => {
                flush(&mut word, &mut out);
                if c != '\n' {
                    break;
                }
            }
            c if c.is_whitespace() => flush(&mut word, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    out.truncate(max);
    out
}

/// `body[from..to]`, both ends moved onto character boundaries.
fn window(body: &str, from: usize, to: usize) -> &str {
    let mut from = from.min(body.len());
    while !body.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = to.min(body.len()).max(from);
    while !body.is_char_boundary(to) {
        to += 1;
    }
    &body[from..to]
}

fn flush(word: &mut String, out: &mut Vec<String>) {
    if !word.is_empty() {
        out.push(std::mem::take(word));
    }
}

#[cfg(test)]
#[path = "zones_tests.rs"]
mod tests;
