//! The body as a reader sees its blocks, one piece per line (or per
//! `<br>`-joined segment): headings (ATX and setext), list items with their
//! content column, paragraph lines, table header rows and rows, blank
//! lines, and what holds no timeline text (fenced and indented code, HTML,
//! quotes, images, link definitions, rules). One pass, no backtracking but
//! the setext underline turning the line before it into a heading.

/// One line, or one `<br>`-separated part of a paragraph line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Piece<'a> {
    /// The line in the body, from 0.
    pub(super) line: usize,
    /// What it is.
    pub(super) kind: Kind,
    /// Its text: a heading's or item's content, a paragraph line, a row.
    pub(super) text: &'a str,
    /// The column its content starts at.
    pub(super) indent: usize,
}

/// What a piece is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A heading of this level.
    Heading(u8),
    /// The first line of a list item.
    Item,
    /// A paragraph line: `start`, the first; `broken`, after a `<br>`.
    Text { start: bool, broken: bool },
    /// A table's header row.
    Header,
    /// A table row.
    Row,
    /// An empty line.
    Blank,
    /// Code, HTML, a quote, an image, a link definition, a rule.
    Other,
}

/// The pieces of `body`.
pub(super) fn pieces(body: &str) -> Vec<Piece<'_>> {
    let lines: Vec<&str> = body.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut out: Vec<Piece> = Vec::with_capacity(lines.len());
    let mut state = State::default();
    for (index, line) in lines.iter().enumerate() {
        let next = lines.get(index + 1).copied();
        state.line(index, line, next, &mut out);
    }
    out
}

#[derive(Default)]
struct State {
    fence: Option<(char, usize)>,
    comment: bool,
    table: bool,
    /// The kind of the previous piece that was not `Other`.
    previous: Option<Kind>,
}

impl State {
    fn line<'a>(
        &mut self,
        index: usize,
        line: &'a str,
        next: Option<&str>,
        out: &mut Vec<Piece<'a>>,
    ) {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        let push = |out: &mut Vec<Piece<'a>>, kind, text, indent| {
            out.push(Piece {
                line: index,
                kind,
                text,
                indent,
            })
        };
        if let Some(kind) = self.hidden(trimmed, indent) {
            push(out, kind, trimmed, indent);
            return;
        }
        if trimmed.is_empty() {
            self.table = false;
            self.previous = Some(Kind::Blank);
            push(out, Kind::Blank, "", 0);
            return;
        }
        if let Some(level) = self.setext(trimmed, out) {
            if let Some(last) = out.last_mut() {
                last.kind = Kind::Heading(level);
            }
            self.previous = Some(Kind::Heading(level));
            push(out, Kind::Other, trimmed, indent);
            return;
        }
        let kind = self.classify(trimmed, indent, next);
        match kind {
            Kind::Heading(level) => push(out, Kind::Heading(level), heading_text(trimmed), indent),
            Kind::Item => {
                let (content, column) = item(line).unwrap_or((trimmed, indent));
                push(out, Kind::Item, content.trim_end(), column);
            }
            Kind::Text { .. } => self.text(index, line, indent, out),
            other => push(out, other, trimmed, indent),
        }
        if kind != Kind::Other {
            self.previous = Some(kind);
        }
    }

    /// Code fences, HTML comments and what is inside them.
    fn hidden(&mut self, trimmed: &str, indent: usize) -> Option<Kind> {
        if self.comment {
            self.comment = !trimmed.contains("-->");
            return Some(Kind::Other);
        }
        if let Some((mark, width)) = self.fence {
            let run = trimmed.chars().take_while(|c| *c == mark).count();
            if run >= width && trimmed[run * mark.len_utf8()..].trim().is_empty() {
                self.fence = None;
            }
            return Some(Kind::Other);
        }
        for mark in ['`', '~'] {
            let run = trimmed.chars().take_while(|c| *c == mark).count();
            if run >= 3 && indent < 4 {
                self.fence = Some((mark, run));
                return Some(Kind::Other);
            }
        }
        if trimmed.starts_with("<!--") {
            self.comment = !trimmed.contains("-->");
            return Some(Kind::Other);
        }
        // Code indented past any list content (a log excerpt under an item).
        (indent >= 8 && !trimmed.is_empty()).then_some(Kind::Other)
    }

    /// `===` or `---` under a paragraph line: the level of the heading.
    fn setext(&self, trimmed: &str, out: &[Piece]) -> Option<u8> {
        let level = match trimmed.chars().next()? {
            '=' => 1,
            '-' => 2,
            _ => return None,
        };
        let mark = if level == 1 { '=' } else { '-' };
        let underline = trimmed.len() >= 2 && trimmed.chars().all(|c| c == mark);
        let under_text = matches!(self.previous, Some(Kind::Text { .. }))
            && out
                .last()
                .is_some_and(|p| matches!(p.kind, Kind::Text { .. }));
        (underline && under_text).then_some(level)
    }

    fn classify(&mut self, trimmed: &str, indent: usize, next: Option<&str>) -> Kind {
        if let Some(level) = atx(trimmed).filter(|_| indent < 4) {
            self.table = false;
            return Kind::Heading(level);
        }
        if trimmed.contains('|') {
            if is_delimiter(trimmed) {
                self.table = true;
                return Kind::Other;
            }
            if next.is_some_and(|n| is_delimiter(n.trim())) {
                return Kind::Header;
            }
            if self.table || trimmed.starts_with('|') {
                return Kind::Row;
            }
        }
        self.table = false;
        if item(trimmed).is_some() {
            return Kind::Item;
        }
        let rule = trimmed.len() >= 3
            && ['-', '*', '_']
                .iter()
                .any(|m| trimmed.chars().all(|c| c == *m || c == ' '));
        let definition = trimmed.starts_with('[') && trimmed.contains("]: ");
        let html = trimmed.starts_with('<')
            && !trimmed[1..].to_ascii_lowercase().starts_with("br")
            && trimmed[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let decoration = trimmed.chars().all(|c| c == '\\');
        let quote = trimmed.starts_with('>');
        let image = trimmed.starts_with("![");
        if rule || definition || html || decoration || quote || image {
            Kind::Other
        } else {
            Kind::Text {
                start: false,
                broken: false,
            }
        }
    }

    /// A paragraph line, split at each `<br>`.
    fn text<'a>(&mut self, index: usize, line: &'a str, indent: usize, out: &mut Vec<Piece<'a>>) {
        let start = !matches!(self.previous, Some(Kind::Text { .. } | Kind::Item));
        for (n, part) in breaks(line.trim()).into_iter().enumerate() {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            out.push(Piece {
                line: index,
                kind: Kind::Text {
                    start: start && n == 0,
                    broken: n > 0,
                },
                text: part,
                indent,
            });
        }
    }
}

/// `line` split at `<br>`, `<br/>`, `<br />` in any case.
fn breaks(line: &str) -> Vec<&str> {
    if !line.contains('<') {
        return vec![line];
    }
    let lower = line.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find("<br") {
        let at = search + found;
        let Some(close) = lower[at..].find('>').filter(|c| {
            lower[at + 3..at + c]
                .trim()
                .trim_end_matches('/')
                .trim()
                .is_empty()
        }) else {
            search = at + 3;
            continue;
        };
        parts.push(&line[from..at]);
        from = at + close + 1;
        search = from;
    }
    parts.push(&line[from..]);
    parts
}

/// The level of an ATX heading.
fn atx(trimmed: &str) -> Option<u8> {
    let level = trimmed.bytes().take_while(|b| *b == b'#').count();
    let rest = &trimmed[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then(|| u8::try_from(level).unwrap_or(6))
}

fn heading_text(trimmed: &str) -> &str {
    let rest = trimmed.trim_start_matches('#').trim();
    let closing = rest.trim_end_matches('#');
    if closing.ends_with(' ') || closing.is_empty() {
        closing.trim_end()
    } else {
        rest
    }
}

/// A table's delimiter row: `|---|:---:|`, `--- | ---`.
fn is_delimiter(trimmed: &str) -> bool {
    trimmed.contains('-')
        && trimmed.contains(['|', ':'])
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A list item's content and the column it starts at: `- x`, `* x`, `+ x`,
/// `1. x`, `2) x`.
pub(super) fn item(line: &str) -> Option<(&str, usize)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=9).contains(&digits) || !rest[digits..].starts_with(['.', ')']) {
            return None;
        }
        digits + 1
    };
    let after = &rest[marker..];
    if after.is_empty() {
        return Some(("", indent + marker));
    }
    let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
    (gap > 0).then(|| (after[gap..].trim_end(), indent + marker + gap))
}

#[cfg(test)]
#[path = "pieces_tests.rs"]
mod tests;
