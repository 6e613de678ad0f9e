//! Markdown made inert for the blog engine it is written for: text from an
//! author or an import (an alert's `{{ site.secret }}`, a pasted
//! `{{< youtube >}}`) shows as written and never runs the engine's template
//! language.
//!
//! - Jekyll runs Liquid over the whole page before Markdown, code included:
//!   each `{{` and `{%` becomes a Liquid string that prints it
//!   (`{{ "{{" }}`), which no later text can close or reopen. This works on
//!   Jekyll 3 (GitHub Pages) and 4 alike, where `render_with_liquid: false`
//!   exists only in 4.
//! - Hugo expands shortcodes anywhere in content: a complete one
//!   (`{{< name >}}`, `{{% name %}}`) is escaped as Hugo documents,
//!   `{{</* name */>}}`, which Hugo shows as written; an opener with no
//!   closer (which Hugo would reject) gets a word joiner after its braces.
//! - Zola treats `{{ name() }}` and `{% name() %}` as shortcodes: each
//!   delimiter is escaped as Zola documents (`{{/*`, `*/}}`, `{%/*`, `*/%}`).

use crate::config::FrontMatter;

/// `text` (a page's Markdown content) made inert for `flavour`; plain and
/// bare Markdown are returned as they are.
pub(crate) fn inert(text: &str, flavour: FrontMatter) -> String {
    match flavour {
        FrontMatter::Jekyll => liquid(text),
        FrontMatter::Hugo => hugo(text),
        FrontMatter::Zola => text
            .replace("{{", "{{/*")
            .replace("}}", "*/}}")
            .replace("{%", "{%/*")
            .replace("%}", "*/%}"),
        FrontMatter::Plain | FrontMatter::None => text.to_string(),
    }
}

/// Every Liquid opener printed by Liquid itself.
fn liquid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['{']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("{%") {
            out.push_str(&format!("{{{{ \"{}\" }}}}", &tail[..2]));
            rest = &tail[2..];
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Hugo's shortcode delimiters, escaped.
fn hugo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let close = match tail.as_bytes().get(2) {
            Some(b'<') => ">}}",
            Some(b'%') => "%}}",
            _ => {
                out.push_str("{{");
                rest = &tail[2..];
                continue;
            }
        };
        let open = &tail[..3];
        let inner = &tail[3..];
        let next_open = inner.find("{{").unwrap_or(inner.len());
        match inner[..next_open].find(close) {
            Some(end) => {
                let sign = &open[2..];
                out.push_str(&format!("{{{{{sign}/*{}*/{close}", &inner[..end]));
                rest = &inner[end + close.len()..];
            }
            None => {
                // The word joiner keeps the braces from opening a shortcode.
                out.push_str("{{\u{2060}");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liquid_openers_print_themselves() {
        assert_eq!(
            inert("Key {{ site.secret }} and {% raw %} x", FrontMatter::Jekyll),
            "Key {{ \"{{\" }} site.secret }} and {{ \"{%\" }} raw %} x"
        );
        assert_eq!(
            inert("{ a } {{{", FrontMatter::Jekyll),
            "{ a } {{ \"{{\" }}{"
        );
    }

    #[test]
    fn hugo_shortcodes_are_escaped_as_hugo_documents() {
        assert_eq!(
            inert(
                "See {{< youtube abc >}} and {{% param x %}}",
                FrontMatter::Hugo
            ),
            "See {{</* youtube abc */>}} and {{%/* param x */%}}"
        );
        assert_eq!(
            inert("open {{< unclosed", FrontMatter::Hugo),
            "open {{\u{2060}< unclosed"
        );
        assert_eq!(inert("{{ .Site }}", FrontMatter::Hugo), "{{ .Site }}");
    }

    #[test]
    fn zola_delimiters_are_escaped_as_zola_documents() {
        assert_eq!(
            inert("{{ youtube(id=\"x\") }} {% quote() %}", FrontMatter::Zola),
            "{{/* youtube(id=\"x\") */}} {%/* quote() */%}"
        );
    }
}
