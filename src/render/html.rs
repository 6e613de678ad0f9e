//! Markdown to HTML, safely: raw HTML in the author's text is shown as text
//! (unless allowed), links and images with `javascript:`, `data:` or
//! `vbscript:` targets lose them, and generated blocks replace their markers.

use super::templates::safe_url;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

/// The marker `compose` leaves where generated HTML goes.
pub fn marker(name: &str) -> String {
    format!("<!--postmortem:{name}-->")
}

/// `markdown` as HTML; `blocks` are (marker, HTML) pairs to put in place.
pub fn convert(markdown: &str, allow_html: bool, blocks: &[(String, String)]) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => {
            let trimmed = html.trim();
            match blocks.iter().find(|(marker, _)| marker == trimmed) {
                Some((_, block)) => Event::Html(CowStr::from(block.clone())),
                None if allow_html => Event::Html(html),
                None => Event::Text(html),
            }
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

fn safe(url: CowStr<'_>) -> CowStr<'_> {
    let checked = safe_url(&url);
    if checked == "#" {
        CowStr::from("#")
    } else {
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text_and_dangerous_links_are_defused() {
        let html = convert(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![i](data:image/png;base64,AA)",
            false,
            &[],
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(
            html.contains("href=\"#\"") && html.contains("src=\"#\""),
            "{html}"
        );
    }

    #[test]
    fn markers_become_the_generated_block() {
        let blocks = [(marker("impact"), "<table>figures</table>".to_string())];
        let html = convert(
            "## Impact\n\n<!--postmortem:impact-->\n\nSlow.\n",
            false,
            &blocks,
        );
        assert!(html.contains("<table>figures</table>"), "{html}");
    }
}
