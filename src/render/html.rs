//! Markdown to HTML, safely: raw HTML in the author's text is shown as text,
//! or, when allowed, passes through the `ammonia` sanitizer with an allowlist
//! fit for postmortems; links and images with `javascript:`, `data:` or
//! `vbscript:` targets lose them; generated blocks replace their markers
//! after sanitizing (they come from our autoescaped templates, and an SVG
//! figure would not survive an HTML allowlist).

use super::templates::safe_url;
use pulldown_cmark::{CowStr, Event, Tag};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Around a generated block's name while the author's HTML is sanitized:
/// private-use characters, which sanitizing keeps as text.
const HOLE: char = '\u{E000}';

/// The sanitizer for `--allow-html`: tables, details/summary, kbd, sup/sub,
/// images and links with http(s) (and mailto for links) or relative URLs.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .add_tag_attributes("td", ["align", "colspan", "rowspan"])
        .add_tag_attributes("th", ["align", "colspan", "rowspan", "scope"])
        .add_tag_attributes("time", ["datetime"])
        .add_tag_attributes("details", ["open"])
        .attribute_filter(|element, attribute, value| {
            // Images load from the web only: no mailto: or relative tricks.
            let web = value.starts_with("https://") || value.starts_with("http://");
            match (element, attribute) {
                ("img", "src") if !web => None,
                _ => Some(value.into()),
            }
        });
    builder
});

/// The marker `compose` leaves where generated HTML goes.
pub fn marker(name: &str) -> String {
    format!("<!--postmortem:{name}-->")
}

/// `markdown` as HTML; `blocks` are (marker, HTML) pairs to put in place.
pub fn convert(markdown: &str, allow_html: bool, blocks: &[(String, String)]) -> String {
    let events = crate::document::markdown::parser(markdown).map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => {
            let trimmed = html.trim();
            match blocks.iter().position(|(marker, _)| marker == trimmed) {
                // Ending as the block does keeps the writer's line breaks.
                Some(index) => {
                    let newline = if blocks[index].1.ends_with('\n') {
                        "\n"
                    } else {
                        ""
                    };
                    Event::Html(CowStr::from(format!("{HOLE}{index}{HOLE}{newline}")))
                }
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
    if allow_html {
        push_sanitized(&mut html, events);
    } else {
        pulldown_cmark::html::push_html(&mut html, events);
    }
    fill_holes(&html, blocks)
}

/// Writes `events` as HTML one top-level block at a time, sanitizing each
/// block that holds raw HTML on its own: an unclosed tag in one block
/// cannot swallow the sections after it.
fn push_sanitized<'a>(out: &mut String, events: impl Iterator<Item = Event<'a>>) {
    let mut block = Vec::new();
    let mut depth = 0usize;
    let mut raw = false;
    for event in events {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(_) | Event::InlineHtml(_) => raw = true,
            _ => {}
        }
        block.push(event);
        if depth == 0 {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, block.drain(..));
            if std::mem::take(&mut raw) {
                out.push_str(&SANITIZER.clean(&html).to_string());
                out.push('\n');
            } else {
                out.push_str(&html);
            }
        }
    }
}

/// Puts each generated block where its hole is.
fn fill_holes(html: &str, blocks: &[(String, String)]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut parts = html.split(HOLE);
    out.push_str(parts.next().unwrap_or(""));
    while let Some(inside) = parts.next() {
        match inside.parse::<usize>().ok().and_then(|i| blocks.get(i)) {
            Some((_, block)) => out.push_str(block.strip_suffix('\n').unwrap_or(block)),
            // Not one of ours (the author typed the character): keep it.
            None => {
                out.push(HOLE);
                out.push_str(inside);
                out.push(HOLE);
            }
        }
        out.push_str(parts.next().unwrap_or(""));
    }
    out
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
    fn allowed_html_is_sanitized_and_generated_blocks_survive() {
        let blocks = [(marker("impact"), "<svg><title>f</title></svg>".to_string())];
        let html = convert(
            "<details><summary>More</summary>\n\n<img src=x onerror=alert(1)>\n\n<a href=\"jav&#x09;ascript:alert(1)\">x</a>\n\n</details>\n\n<!--postmortem:impact-->\n\n<script>alert(1)</script><kbd>Ctrl</kbd>\n",
            true,
            &blocks,
        );
        assert!(html.contains("<details><summary>More</summary>"), "{html}");
        assert!(html.contains("<kbd>Ctrl</kbd>"), "{html}");
        assert!(html.contains("<svg><title>f</title></svg>"), "{html}");
        for bad in ["<script", "onerror", "javascript", "src=\"x\""] {
            assert!(!html.to_lowercase().contains(bad), "{bad} in {html}");
        }
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
