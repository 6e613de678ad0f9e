//! The Markdown body: its sections (level 1 and 2 headings, matched to the
//! canonical postmortem sections by name and alias), its prose runs and its
//! HTML comments, each with its span in the file.

use crate::span::{Span, Spanned};
use pulldown_cmark::{Event, Tag, TagEnd};

/// The sections every postmortem has, in their canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Canonical {
    /// What happened, in a paragraph.
    Summary,
    /// Who was affected and how.
    Impact,
    /// The timeline (its table is generated from the front matter).
    Timeline,
    /// Why it happened.
    RootCause,
    /// What will change.
    Remediation,
    /// What went well, what went wrong, where we got lucky (optional).
    LessonsLearned,
}

impl Canonical {
    /// Required sections, in order.
    pub const REQUIRED: [Canonical; 5] = [
        Canonical::Summary,
        Canonical::Impact,
        Canonical::Timeline,
        Canonical::RootCause,
        Canonical::Remediation,
    ];

    /// The heading to write.
    pub fn heading(self) -> &'static str {
        match self {
            Canonical::Summary => "Summary",
            Canonical::Impact => "Impact",
            Canonical::Timeline => "Timeline",
            Canonical::RootCause => "Root cause",
            Canonical::Remediation => "Remediation",
            Canonical::LessonsLearned => "Lessons learned",
        }
    }

    /// Other headings accepted for it.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Canonical::Summary => &[
                "Overview",
                "What happened",
                "Incident summary",
                "Executive summary",
            ],
            Canonical::Impact => &["Customer impact", "Impact assessment", "User impact"],
            Canonical::Timeline => &["Timeline of events", "Incident timeline", "Event timeline"],
            Canonical::RootCause => &[
                "Root causes",
                "Root cause analysis",
                "Root Cause Analysis (RCA)",
                "Cause",
            ],
            Canonical::Remediation => &[
                "Action items",
                "Follow-ups",
                "Follow ups",
                "Corrective actions",
                "Corrective and preventative actions",
                "Resolution",
                "Resolution and recovery",
                "Remediation and prevention",
                "Next steps",
            ],
            Canonical::LessonsLearned => &["Lessons", "What we learned"],
        }
    }

    /// Every section, in canonical order.
    pub const ALL: [Canonical; 6] = [
        Canonical::Summary,
        Canonical::Impact,
        Canonical::Timeline,
        Canonical::RootCause,
        Canonical::Remediation,
        Canonical::LessonsLearned,
    ];

    /// The section a heading names, by case-insensitive name or alias.
    pub fn from_heading(heading: &str) -> Option<Canonical> {
        Canonical::ALL.into_iter().find(|c| {
            names_match(heading, c.heading()) || c.aliases().iter().any(|a| names_match(heading, a))
        })
    }

    /// The section a heading names under a project's `sections`
    /// (postmortem.yml): its own names and aliases, then the headings the
    /// project accepts for each (`Blast radius` for Impact).
    pub fn from_heading_in(heading: &str, sections: &[(String, Vec<String>)]) -> Option<Canonical> {
        Canonical::from_heading(heading).or_else(|| {
            sections
                .iter()
                .find(|(name, aliases)| {
                    names_match(heading, name) || aliases.iter().any(|a| names_match(heading, a))
                })
                .and_then(|(name, aliases)| {
                    Canonical::from_heading(name)
                        .or_else(|| aliases.iter().find_map(|a| Canonical::from_heading(a)))
                })
        })
    }

    /// Its name in the model's JSON and in templates (`root_cause`).
    pub fn key(self) -> &'static str {
        match self {
            Canonical::Summary => "summary",
            Canonical::Impact => "impact",
            Canonical::Timeline => "timeline",
            Canonical::RootCause => "root_cause",
            Canonical::Remediation => "remediation",
            Canonical::LessonsLearned => "lessons_learned",
        }
    }
}

/// Whether a heading is a section: level 1 and 2 always, a deeper one only
/// when it names a postmortem section (`### Root cause`). The body reader and
/// the renderer both ask this.
pub(crate) fn is_section(level: u8, canonical: Option<Canonical>) -> bool {
    level <= 2 || canonical.is_some()
}

/// Whether a heading names `name`: case-insensitive, a trailing colon, a
/// section number (`2.`, `3 `) and a trailing note in parentheses
/// (`Timeline (UTC)`) ignored.
pub(crate) fn names_match(heading: &str, name: &str) -> bool {
    let text = heading.trim().trim_end_matches(':').trim();
    let text = text
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['.', ' '])
        .filter(|_| text.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(text)
        .trim();
    let text = match text.rfind(" (") {
        Some(open) if text.ends_with(')') => text[..open].trim_end(),
        _ => text,
    };
    text.eq_ignore_ascii_case(name.trim())
}

/// One heading and what stands under it.
#[derive(Clone, Debug)]
pub struct Section {
    /// The heading text.
    pub title: String,
    /// 1 for `#`, 2 for `##`, and so on.
    pub level: u8,
    /// The heading line.
    pub span: Span,
    /// The canonical section it is, if any.
    pub canonical: Option<Canonical>,
    /// Anything other than comments and blank lines under it.
    pub has_content: bool,
    /// An unreplaced template hint (`<!-- hint: ... -->`) under it.
    pub has_hint: bool,
}

/// The Markdown body.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// The body's bytes in the file.
    pub span: Span,
    /// Level 1 and 2 headings, and deeper ones that name a postmortem
    /// section, in order.
    pub sections: Vec<Section>,
    /// Prose text runs (not code), with spans.
    pub texts: Vec<Spanned<String>>,
    /// HTML comments, with spans.
    pub comments: Vec<Spanned<String>>,
}

/// Reads the body, which is `text` at byte `base` of the file.
pub(crate) fn parse(text: &str, base: usize) -> Body {
    let mut body = Body {
        span: Span::new(base, base + text.len()),
        ..Body::default()
    };
    let mut heading: Option<(u8, usize, String)> = None;
    let mut in_code = false;
    let mut in_html_block = false;
    for (event, range) in super::markdown::parser(text).into_offset_iter() {
        // Block spans include their line break; findings should end on the line.
        let end = range.start + text[range.clone()].trim_end().len();
        let span = Span::new(range.start, end).shifted(base);
        match event {
            // A block is read whole, so a comment inside it (or across its
            // lines) is found like any other.
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                record_html(&mut body, &text[range.start..end], span.start);
            }
            Event::End(TagEnd::HtmlBlock) => in_html_block = false,
            Event::Html(_) if in_html_block => {}
            Event::Html(_) | Event::InlineHtml(_) => {
                record_html(&mut body, &text[range.start..end], span.start)
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, span.start, String::new()));
            }
            // A heading that is no section is content of the one it stands in.
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, title)) = heading.take() {
                    let canonical = Canonical::from_heading(&title);
                    if is_section(level, canonical) {
                        body.sections.push(Section {
                            canonical,
                            title,
                            level,
                            span: Span::new(start, span.end),
                            has_content: false,
                            has_hint: false,
                        });
                    } else {
                        mark_content(&mut body);
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some((_, _, title)) = heading.as_mut() {
                    title.push_str(&t);
                }
            }
            other => record_content(&mut body, other, span, in_code),
        }
    }
    body
}

/// Records the comments in `html` (which starts at byte `at` of the file);
/// anything else in it is content.
fn record_html(body: &mut Body, html: &str, at: usize) {
    let mut rest = 0;
    while let Some(open) = html[rest..].find("<!--").map(|i| rest + i) {
        if !html[rest..open].trim().is_empty() {
            mark_content(body);
        }
        let inner_start = open + 4;
        let (inner_end, end) = match html[inner_start..].find("-->") {
            Some(i) => (inner_start + i, inner_start + i + 3),
            None => (html.len(), html.len()),
        };
        let inner = html[inner_start..inner_end].trim();
        if is_hint(inner)
            && let Some(section) = body.sections.last_mut()
        {
            section.has_hint = true;
        }
        let span = Span::new(at + open, at + end);
        body.comments.push(Spanned::new(inner.to_string(), span));
        rest = end;
    }
    if !html[rest..].trim().is_empty() {
        mark_content(body);
    }
}

/// Template hints are comments that begin with `hint:`.
pub(crate) fn is_hint(comment: &str) -> bool {
    comment
        .get(..5)
        .is_some_and(|start| start.eq_ignore_ascii_case("hint:"))
}

fn record_content(body: &mut Body, event: Event<'_>, span: Span, in_code: bool) {
    match event {
        Event::Text(text) => {
            if !text.trim().is_empty() {
                mark_content(body);
            }
            if !in_code {
                body.texts.push(Spanned::new(text.into_string(), span));
            }
        }
        Event::Code(_) | Event::Rule | Event::Start(Tag::Image { .. } | Tag::Table(_)) => {
            mark_content(body)
        }
        _ => {}
    }
}

fn mark_content(body: &mut Body) {
    if let Some(section) = body.sections.last_mut() {
        section.has_content = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_match_aliases_and_know_if_they_are_empty() {
        let body = parse(
            "## Summary\nIt broke.\n\n## Root causes\n<!-- hint: why -->\n## Follow-ups\n- fix\n",
            0,
        );
        let found: Vec<_> = body
            .sections
            .iter()
            .map(|s| (s.canonical, s.has_content))
            .collect();
        assert_eq!(
            found,
            [
                (Some(Canonical::Summary), true),
                (Some(Canonical::RootCause), false),
                (Some(Canonical::Remediation), true)
            ]
        );
        assert_eq!(body.comments[0].value, "hint: why");
    }

    #[test]
    fn text_in_code_blocks_is_not_prose() {
        let body = parse("## Summary\n```\nTODO\n```\n", 10);
        assert!(body.texts.is_empty());
        assert!(body.sections[0].has_content);
    }
}
