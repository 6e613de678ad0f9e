//! A YAML tree in which every node and key knows its byte span in the file.
//! serde-saphyr parses; this module keeps the untyped tree so that schema
//! checks can report every problem in one pass instead of the first one.

use crate::span::{Span, Spanned};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Options};
use std::fmt;

/// A YAML value as the parser inferred it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true`, `false` (and the YAML 1.1 spellings such as `yes`).
    Bool(bool),
    /// An integer such as `1430`.
    Int(i64),
    /// A float such as `1.5`.
    Float(f64),
    /// Any other scalar.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order, duplicate keys included.
    Map(Vec<Entry>),
}

/// A value with its span in the whole file.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Its span; for block collections, the position of their first item.
    pub span: Span,
}

/// One `key: value` pair of a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key and its span.
    pub key: Spanned<String>,
    /// The value.
    pub value: Node,
}

impl Node {
    /// A short name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// A YAML syntax error or a breached parser budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct YamlError {
    /// Lowercase description without position.
    pub message: String,
    /// What to do about it.
    pub help: &'static str,
    /// Where it happened, in the whole file.
    pub span: Span,
}

/// Parses the front matter `yaml`, which starts at byte `base` of the file.
pub(crate) fn parse(yaml: &str, base: usize) -> Result<Node, YamlError> {
    let mut options = Options::default();
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<serde_saphyr::Spanned<Raw>>(yaml, options) {
        Ok(root) => Ok(absolute(root, yaml, base)),
        Err(error) => Err(describe(&error, yaml, base)),
    }
}

fn describe(error: &serde_saphyr::Error, yaml: &str, base: usize) -> YamlError {
    let text = error.to_string();
    let offset = error
        .location()
        .and_then(|at| byte_offset(yaml, at.line(), at.column()))
        .unwrap_or(0);
    let (message, help) = if text.starts_with("budget breached") || text.contains("recursion limit")
    {
        (
            "the front matter is past the parser's limits (too many values, too deep \
             nesting, or too many aliases)"
                .to_string(),
            "write the values out plainly; a postmortem needs neither deep nesting nor aliases",
        )
    } else {
        // The parser appends its own "at line L, column C"; findings carry positions.
        let plain = text.split(" at line ").next().unwrap_or(&text);
        let help = if plain.contains("tab") {
            "indent with spaces; YAML does not allow tabs for indentation"
        } else {
            "check the indentation, quotes and brackets at and just before this point"
        };
        (format!("invalid YAML: {plain}"), help)
    };
    YamlError {
        message,
        help,
        span: Span::point(base + offset),
    }
}

// serde-saphyr gives 1-based line and character column for errors.
fn byte_offset(yaml: &str, line: u64, column: u64) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        let skip = usize::try_from(line - 2).ok()?;
        yaml.match_indices('\n').nth(skip)?.0 + 1
    };
    let skip = usize::try_from(column.saturating_sub(1)).ok()?;
    let column_offset = yaml[line_start..]
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .nth(skip)
        .map_or_else(|| yaml[line_start..].find('\n').unwrap_or(0), |(i, _)| i);
    Some(line_start + column_offset)
}

fn span_of(location: &serde_saphyr::Location, yaml: &str, base: usize) -> Span {
    let span = location.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(offset), Some(len)) => {
            let start = usize::try_from(offset).unwrap_or(0);
            let len = usize::try_from(len).unwrap_or(0);
            Span::new(start, start + len).shifted(base)
        }
        _ => Span::point(base + byte_offset(yaml, location.line(), location.column()).unwrap_or(0)),
    }
}

fn absolute(node: serde_saphyr::Spanned<Raw>, yaml: &str, base: usize) -> Node {
    let span = span_of(&node.referenced, yaml, base);
    let value = match node.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|item| absolute(item, yaml, base))
                .collect(),
        ),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(key, value)| Entry {
                    key: Spanned::new(key.value, span_of(&key.referenced, yaml, base)),
                    value: absolute(value, yaml, base),
                })
                .collect(),
        ),
    };
    Node { value, span }
}

/// The tree as serde-saphyr hands it over, with its own span type.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<serde_saphyr::Spanned<Raw>>),
    Map(Vec<(serde_saphyr::Spanned<String>, serde_saphyr::Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_whole_file() {
        let file = "---\ntitle: Hello\nat: 14:30\n---\n";
        let yaml = &file[4..27];
        let root = parse(yaml, 4).unwrap();
        let Value::Map(entries) = root.value else {
            panic!("expected a mapping")
        };
        let at = &entries[1].value;
        assert_eq!(at.value, Value::Str("14:30".into()));
        assert_eq!(&file[at.span.start..at.span.end], "14:30");
    }

    #[test]
    fn syntax_errors_carry_a_position_and_no_debug_text() {
        let error = parse("a: [1, 2\nb: 1\n", 10).unwrap_err();
        assert!(error.message.starts_with("invalid YAML"));
        assert!(error.span.start >= 10);
    }
}
