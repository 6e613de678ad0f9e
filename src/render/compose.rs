//! Putting generated content into the author's body: where the author put
//! its marker (`<!-- postmortem: timeline -->`), else at the end of its
//! section, after the author's prose (so "the items below" points at
//! them); a section the body lacks is added in the canonical order.

use crate::document::body::{Canonical, is_section, names_match};
use pulldown_cmark::{Event, Tag, TagEnd};

/// The sections that get generated content, in canonical order.
pub(crate) const GENERATED: [Canonical; 3] = [
    Canonical::Impact,
    Canonical::Timeline,
    Canonical::Remediation,
];

/// The marker an author writes where a section's generated content goes.
pub(crate) fn marker(section: Canonical) -> &'static str {
    match section {
        Canonical::Impact => "<!-- postmortem: impact -->",
        Canonical::Timeline => "<!-- postmortem: timeline -->",
        _ => "<!-- postmortem: actions -->",
    }
}

/// A body's section headings, found once for a render: where each ends,
/// and which section it names under the project's `sections`.
pub(crate) struct Outline<'b> {
    body: &'b str,
    headings: Vec<(usize, Option<Canonical>)>,
}

impl<'b> Outline<'b> {
    /// The outline of `body`; `sections` are the headings the project
    /// accepts for each (`Blast radius` for Impact).
    pub(crate) fn of(body: &'b str, sections: &[(String, Vec<String>)]) -> Outline<'b> {
        Outline {
            body,
            headings: headings(body, sections),
        }
    }

    /// Whether the author's Timeline section lists the events itself.
    pub(crate) fn lists_own_timeline(&self) -> bool {
        let (body, headings) = (self.body, &self.headings);
        headings
            .iter()
            .position(|(_, c)| *c == Some(Canonical::Timeline))
            .is_some_and(|index| lists_times(section_text(body, headings, index)))
    }

    /// The body with `block(section)` in each generated section.
    pub(crate) fn compose(&self, block: impl Fn(Canonical) -> String) -> String {
        compose_at(self.body, &self.headings, block)
    }
}

fn compose_at(
    body: &str,
    headings: &[(usize, Option<Canonical>)],
    block: impl Fn(Canonical) -> String,
) -> String {
    let mut inserts: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for section in GENERATED {
        let content = block(section);
        if let Some(at) = body.find(marker(section)) {
            let text = format!("{}\n", content.trim_end());
            inserts.push((at..at + marker(section).len(), text));
            continue;
        }
        if content.trim().is_empty() {
            continue;
        }
        match headings.iter().position(|(_, c)| *c == Some(section)) {
            Some(index) => inserts.push(after_prose(body, headings, index, &content)),
            None => {
                // Before the first section that comes later in the canonical order.
                let order = |c: Canonical| {
                    Canonical::ALL
                        .iter()
                        .position(|&o| o == c)
                        .unwrap_or(usize::MAX)
                };
                // Headings come in file order: the first such is the place.
                let later = headings
                    .iter()
                    .find(|(_, c)| c.is_some_and(|c| order(c) > order(section)))
                    .map(|&(end, _)| heading_start(body, end));
                let text = format!("## {}\n\n{}\n\n", section.heading(), content.trim_end());
                match later {
                    Some(at) => inserts.push((at..at, text)),
                    None => inserts.push((body.len()..body.len(), format!("\n{text}"))),
                }
            }
        }
    }
    inserts.sort_by_key(|(at, _)| at.start);
    let mut out = String::with_capacity(body.len() + 4096);
    let mut from = 0;
    for (at, text) in inserts {
        out.push_str(&body[from..at.start.max(from)]);
        out.push_str(&text);
        from = at.end.max(from);
    }
    out.push_str(&body[from..]);
    out
}

/// The section headings ([`is_section`]): where each ends, and which
/// section it names.
fn headings(body: &str, sections: &[(String, Vec<String>)]) -> Vec<(usize, Option<Canonical>)> {
    let mut out = Vec::new();
    let mut title: Option<String> = None;
    for (event, range) in crate::document::markdown::parser(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => title = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(title) = title.as_mut() {
                    title.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let canonical = title
                    .take()
                    .and_then(|t| Canonical::from_heading_in(&t, sections));
                if is_section(level as u8, canonical) {
                    let end = range.start + body[range.clone()].trim_end().len();
                    out.push((end, canonical));
                }
            }
            _ => {}
        }
    }
    out
}

/// `content` at the end of section `index`, after the author's prose and
/// before the next section's heading.
fn after_prose(
    body: &str,
    headings: &[(usize, Option<Canonical>)],
    index: usize,
    content: &str,
) -> (std::ops::Range<usize>, String) {
    let end = headings
        .get(index + 1)
        .map_or(body.len(), |&(next, _)| heading_start(body, next));
    let at = body[..end].trim_end().len().max(headings[index].0);
    let after = &body[at..];
    let blank = after.len() - after.trim_start_matches(['\n', '\r']).len();
    let tail = if blank >= 2 || (blank == 1 && at + 1 == body.len()) {
        ""
    } else {
        "\n"
    };
    (at..at, format!("\n\n{}{tail}", content.trim_end()))
}

/// The text of section `index`, from its heading to the next section's.
fn section_text<'b>(
    body: &'b str,
    headings: &[(usize, Option<Canonical>)],
    index: usize,
) -> &'b str {
    let end = headings
        .get(index + 1)
        .map_or(body.len(), |&(next, _)| heading_start(body, next));
    body.get(headings[index].0..end).unwrap_or_default()
}

/// Whether `text` lists events by time itself: two or more lines (list
/// items, table rows, bold or bracketed leads, headings) that begin with a
/// clock time, alone or after a date.
fn lists_times(text: &str) -> bool {
    let timed = |line: &str| {
        let lead = line.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '*' | '+' | '|' | '#' | '[' | '(' | '_' | '>')
        });
        // `2026-02-10 16:00`, `Feb 10, 16:00`, `16:00`, `4:00 PM`: a clock
        // time within the first 24 characters, before any other words end.
        let head: String = lead.chars().take(24).collect();
        head.split_whitespace().take(4).any(|word| {
            let word = word.trim_matches(|c: char| !c.is_ascii_digit() && c != ':');
            let mut parts = word.split(':');
            let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
                return false;
            };
            (1..=2).contains(&h.len())
                && h.bytes().all(|b| b.is_ascii_digit())
                && m.get(..2)
                    .is_some_and(|m| m.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    text.lines().filter(|l| timed(l)).count() >= 2
}

/// `body` without a first heading that repeats the title (`# Outage` above
/// a postmortem titled "Outage"): the page shows the title once.
pub(crate) fn without_title<'b>(body: &'b str, title: &str) -> &'b str {
    let trimmed = body.trim_start_matches(['\n', '\r']);
    let Some(line) = trimmed.lines().next() else {
        return body;
    };
    let heading = line.strip_prefix("# ").map(str::trim);
    if heading.is_some_and(|h| !title.is_empty() && names_match(h, title)) {
        return trimmed[line.len()..].trim_start_matches(['\n', '\r']);
    }
    body
}

/// The section a heading names: its own name or a built-in alias, else a
/// heading the project accepts for a section.
fn heading_start(body: &str, end: usize) -> usize {
    body[..end].rfind('\n').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deeper_heading_that_names_a_section_gets_its_content() {
        let body = "# Outage\n### Impact\nSlow.\n### Timeline\n### Remediation\nFix.\n";
        let out = Outline::of(body, &[]).compose(|c| format!("[{}]", c.heading()));
        assert_eq!(
            out,
            "# Outage\n### Impact\nSlow.\n\n[Impact]\n\n### Timeline\n\n[Timeline]\n\n### Remediation\nFix.\n\n[Remediation]\n"
        );
    }

    #[test]
    fn content_goes_under_its_heading_and_missing_sections_are_added_in_order() {
        let body = "## Summary\nIt broke.\n\n## Impact\nSlow.\n\n## Root cause\nA bug.\n";
        let out = Outline::of(body, &[]).compose(|c| format!("[{}]", c.heading()));
        assert_eq!(
            out,
            "## Summary\nIt broke.\n\n## Impact\nSlow.\n\n[Impact]\n\n## Timeline\n\n[Timeline]\n\n## Root cause\nA bug.\n\n## Remediation\n\n[Remediation]\n\n"
        );
    }

    #[test]
    fn a_marker_places_the_content_where_the_author_wants_it() {
        let body = "## Timeline\nBefore.\n<!-- postmortem: timeline -->\nAfter.\n";
        let out = Outline::of(body, &[]).compose(|c| format!("[{}]", c.heading()));
        assert!(
            out.starts_with(
                "## Impact\n\n[Impact]\n\n## Timeline\nBefore.\n[Timeline]\n\nAfter.\n"
            ),
            "{out}"
        );
    }
}
