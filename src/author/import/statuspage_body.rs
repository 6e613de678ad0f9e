//! A status update's body as text: HTML bodies (GitHub's archived incidents
//! are `<ul><li><strong>2011-07-28 03:06:00</strong> - ...</li></ul>`) made
//! plain, and lines that begin with a date and time read as the update's
//! own timeline, in the page's zone unless they name UTC or an offset.

use crate::document::zone;
use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// A body read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Body {
    /// The text without markup and without its timeline lines.
    pub text: String,
    /// Each timestamped line: when, and what it says.
    pub lines: Vec<(DateTime<FixedOffset>, String)>,
}

/// `body` read, with times alone in `zone`.
pub(super) fn read(body: &str, zone: Tz) -> Body {
    let plain = if looks_like_html(body) {
        strip(body)
    } else {
        body.to_string()
    };
    let mut out = Body::default();
    let mut rest = Vec::new();
    for line in plain.lines() {
        match timed(line.trim(), zone) {
            Some(entry) => out.lines.push(entry),
            None => rest.push(line),
        }
    }
    out.text = rest.join("\n").trim().to_string();
    out
}

fn looks_like_html(body: &str) -> bool {
    body.match_indices('<').any(|(i, _)| {
        body[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
            && body[i..].contains('>')
    })
}

/// Markup removed: block ends and line breaks become line breaks.
fn strip(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name = tag
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        if matches!(
            name,
            "br" | "p" | "li" | "ul" | "ol" | "div" | "tr" | "h1" | "h2" | "h3" | "h4"
        ) {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    entities(&out)
}

fn entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// `2011-07-28 03:06:00 - what` (or `... UTC: what`) as an entry.
fn timed(line: &str, zone: Tz) -> Option<(DateTime<FixedOffset>, String)> {
    let line = line.trim_start_matches(['-', '*', '•', ' ']);
    let (stamp, rest) = leading_stamp(line)?;
    let (offset, rest) = leading_zone(rest);
    let text = rest
        .trim_start()
        .trim_start_matches(['-', '–', '—', ':', '|'])
        .trim();
    if text.is_empty() {
        return None;
    }
    let at = match offset {
        Some(offset) => offset.from_local_datetime(&stamp).single()?,
        None => zone.from_local_datetime(&stamp).earliest()?.fixed_offset(),
    };
    Some((at, text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

fn leading_stamp(line: &str) -> Option<(NaiveDateTime, &str)> {
    for (format, len) in [("%Y-%m-%d %H:%M:%S", 19), ("%Y-%m-%d %H:%M", 16)] {
        let head = line.get(..len)?;
        if let Ok(stamp) = NaiveDateTime::parse_from_str(head, format) {
            return Some((stamp, &line[len..]));
        }
    }
    None
}

fn leading_zone(rest: &str) -> (Option<FixedOffset>, &str) {
    let trimmed = rest.trim_start();
    let word = trimmed.split_whitespace().next().unwrap_or("");
    let offset = zone::label(word.trim_end_matches(':')).and_then(|l| l.fixed());
    match offset {
        Some(o) => (Some(o), &trimmed[word.len()..]),
        None => (None, rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_timeline_becomes_entries_in_the_page_zone() {
        let body = "<p>Summary of the outage.</p><ul><li><strong>2011-07-28 03:06:00</strong> - Fileservers unreachable</li><li><strong>2011-07-28 03:20</strong> UTC: failover &amp; recovery</li></ul>";
        let read = read(body, Tz::UTC);
        assert_eq!(read.text, "Summary of the outage.");
        let shown: Vec<String> = read
            .lines
            .iter()
            .map(|(t, s)| format!("{} {s}", t.to_rfc3339()))
            .collect();
        assert_eq!(
            shown,
            [
                "2011-07-28T03:06:00+00:00 Fileservers unreachable",
                "2011-07-28T03:20:00+00:00 failover & recovery"
            ]
        );
    }

    #[test]
    fn plain_bodies_and_less_than_signs_stay_as_written() {
        let read = read("Latency < 5% now; we are monitoring.", Tz::UTC);
        assert_eq!(read.text, "Latency < 5% now; we are monitoring.");
        assert!(read.lines.is_empty());
    }
}
