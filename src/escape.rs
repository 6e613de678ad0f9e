//! Document text made inert for the outputs it reaches: a title or a path
//! may hold an escape sequence, a newline or a form feed, which must not
//! recolour or retitle a terminal, forge a line in a line-based format
//! (`::error` in GitHub's log), or make an XML file ill-formed.

use std::borrow::Cow;
use std::fmt::Write;

/// For one line of a line-based format (concise, human titles, GitHub,
/// JUnit): every control character, newlines included, written as an
/// escape (`\n`, `\u{1b}`), so the value stays on its line and inert.
pub fn line(text: &str) -> Cow<'_, str> {
    escape_controls(text, |_| false)
}

/// For free text on a terminal (tool messages, which may span lines): like
/// [`line`] but newlines and tabs kept.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape_controls(text, |c| c == '\n' || c == '\t')
}

/// For a source line shown under a finding: each control character (other
/// than tab and line ends) replaced by as many spaces as it has bytes, so
/// byte offsets into the line still point where they did.
pub fn source(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_control(c) && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_control(c) && !matches!(c, '\t' | '\n' | '\r') {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// For XML 1.0 (feed, SVG, JUnit): characters it forbids (C0 controls other
/// than tab, newline and carriage return; U+FFFE and U+FFFF) become U+FFFD.
pub fn xml(text: &str) -> Cow<'_, str> {
    let forbidden = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    };
    if !text.chars().any(forbidden) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if forbidden(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// C0, DEL, C1, and the line and paragraph separators.
fn is_control(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

fn escape_controls(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_control(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_control(c) || keep(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_newlines_stay_on_the_line_as_text() {
        assert_eq!(
            line("a\n::error::x\u{1b}]0;owned\u{7}"),
            "a\\n::error::x\\u{1b}]0;owned\\u{7}"
        );
        assert_eq!(terminal("two\nlines\u{1b}[2J"), "two\nlines\\u{1b}[2J");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn source_lines_keep_their_byte_offsets() {
        let text = "title: a\u{1b}[31mred\u{85}x";
        let shown = source(text);
        assert_eq!(shown.len(), text.len());
        assert_eq!(shown, "title: a [31mred  x");
    }

    #[test]
    fn xml_forbidden_characters_are_replaced() {
        assert_eq!(xml("a\u{c}b\u{0}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
    }
}
