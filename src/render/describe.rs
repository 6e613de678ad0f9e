//! What a reader is told first about a postmortem when its front matter
//! has no `summary`: the first paragraph of its Summary section, as plain
//! text (hints and other comments left out).

use crate::document::body::Canonical;
use pulldown_cmark::{Event, Tag, TagEnd};

/// The first paragraph under the Summary heading of `body`, if any.
pub(crate) fn summary_paragraph(body: &str) -> Option<String> {
    let mut heading: Option<String> = None;
    let mut in_summary = false;
    let mut paragraph: Option<String> = None;
    for event in crate::document::markdown::parser(body) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let title = heading.take().unwrap_or_default();
                in_summary = Canonical::from_heading(&title) == Some(Canonical::Summary);
            }
            Event::Start(Tag::Paragraph) if in_summary => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) if paragraph.is_some() => {
                let text = paragraph.take().unwrap_or_default();
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    return Some(text);
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&text);
                } else if let Some(paragraph) = paragraph.as_mut() {
                    paragraph.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(paragraph) = paragraph.as_mut() {
                    paragraph.push(' ');
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_paragraph_of_the_summary_section_as_text() {
        let body = "# Outage\n\n## Summary\n\n<!-- hint: two sentences -->\n\nQueries *failed* for\n`5 hours`.\n\nMore.\n\n## Impact\n\nSlow.\n";
        assert_eq!(
            summary_paragraph(body).as_deref(),
            Some("Queries failed for 5 hours.")
        );
        assert_eq!(summary_paragraph("## Impact\n\nSlow.\n"), None);
        assert_eq!(summary_paragraph("## Summary\n\n<!-- hint: x -->\n"), None);
    }
}
