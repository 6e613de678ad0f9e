//! Rendered HTML never runs anything, whatever the body holds, with raw HTML
//! shown as text or allowed through the sanitizer (`--allow-html`): no
//! `script` element, no `on*` attribute, and no `javascript:`, `vbscript:`
//! or `data:` URL in an attribute that loads or links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::document;
use postmortem::render::{self, page, templates::Templates};
use std::sync::OnceLock;

const FRONT: &str = "---\ntitle: Fuzz\ntimezone: UTC\ntimeline:\n  - at: 2026-01-01 10:00\n    kind: start\n  - at: 10:30\n    kind: resolved\n---\n";

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::load(None).unwrap_or_else(|e| panic!("built-in templates: {e}")))
}

fuzz_target!(|body: &str| {
    let text = format!("{FRONT}{body}");
    let Some(document) = document::parse(&text).document else {
        return;
    };
    let model = render::model(&document, &text, true);
    for allow_html in [false, true] {
        if let Ok(html) = page::html(&model, templates(), allow_html) {
            check(&html, allow_html);
        }
    }
});

/// Walks every tag of `html` and panics on anything that could run.
fn check(html: &str, allow_html: bool) {
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let Some(end) = tag_end(bytes, start + 1) else { return };
        let tag = &html[start + 1..end];
        at = end + 1;
        if tag.starts_with('!') || tag.starts_with('/') || tag.starts_with('?') {
            continue;
        }
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let name = name.to_ascii_lowercase();
        assert!(
            !matches!(name.as_str(), "script" | "iframe" | "object" | "embed" | "base" | "form"),
            "a <{name}> element (allow_html {allow_html}): {tag}"
        );
        for (attribute, value) in attributes(&tag[name.len()..]) {
            assert!(!attribute.starts_with("on"), "an {attribute} attribute (allow_html {allow_html}): {tag}");
            if matches!(attribute.as_str(), "href" | "src" | "action" | "formaction" | "xlink:href" | "srcset") {
                let url: String = decode(&value)
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!url.starts_with(scheme), "{attribute}={value} (allow_html {allow_html})");
                }
            }
        }
    }
}

/// Where the tag that opened before `from` ends, outside quoted values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The attributes of a tag's inside, names lowercased.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = inside.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    while !rest.is_empty() {
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v.to_string();
            rest = tail;
        }
        if !name.is_empty() {
            found.push((name, value));
        }
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    }
    found
}

/// Numeric character references and the named ones a scheme could hide in.
fn decode(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').unwrap_or(0);
        let entity = &rest[1..end.max(1)];
        let decoded = match entity.strip_prefix('#') {
            Some(n) => match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => n.parse().ok(),
            }
            .and_then(char::from_u32),
            None => match entity.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "amp" => Some('&'),
                _ => None,
            },
        };
        match decoded {
            Some(c) if end > 0 => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
