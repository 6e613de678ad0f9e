//! The YAML reader, on the bottom floors: a tree in which every node and key
//! knows its byte span in the file, and `fields`, which reads typed values
//! out of it with findings for what does not fit. The front matter
//! (`document`) and `postmortem.yml` (`config`) are both read with it.
//! granit's event parser reads it and `build` makes the untyped tree straight
//! from its events, so that schema checks can report every problem in one
//! pass instead of the first one.

mod build;
pub mod fields;
mod node;
mod scalar;

pub use node::{Entry, Node, Value};

use crate::span::Span;
use build::Failure;

/// A YAML syntax error or a breached parser budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// Lowercase description without position.
    pub message: String,
    /// What to do about it.
    pub help: &'static str,
    /// Where it happened, in the whole file.
    pub span: Span,
}

/// Parses the front matter `yaml`, which starts at byte `base` of the file.
pub fn parse(yaml: &str, base: usize) -> Result<Node, YamlError> {
    build::build(yaml, base).map_err(|failure| describe(&failure, yaml, base))
}

fn describe(failure: &Failure, yaml: &str, base: usize) -> YamlError {
    let (offset, message, help) = match failure {
        Failure::Limits(offset) => (
            *offset,
            "the front matter is past the parser's limits (too many values, too deep \
             nesting, or too many aliases)"
                .to_string(),
            "write the values out plainly; a postmortem needs neither deep nesting nor aliases",
        ),
        Failure::Unsupported(offset, what) => (
            *offset,
            (*what).to_string(),
            "write the front matter as plain `key: value` lines",
        ),
        Failure::Syntax(error) => {
            let offset = error
                .marker()
                .byte_offset()
                .unwrap_or_else(|| char_offset(yaml, error.marker().index()));
            let text = error.info();
            if matches!(
                error.kind(),
                granit_parser::ErrorKind::RecursionLimitExceeded
            ) {
                return describe(&Failure::Limits(offset), yaml, base);
            }
            let help = if text.contains("tab") {
                "indent with spaces; YAML does not allow tabs for indentation"
            } else {
                "check the indentation, quotes and brackets at and just before this point"
            };
            (offset, format!("invalid YAML: {text}"), help)
        }
    };
    YamlError {
        message,
        help,
        span: Span::point(base + offset.min(yaml.len())),
    }
}

fn char_offset(yaml: &str, chars: usize) -> usize {
    yaml.char_indices()
        .nth(chars)
        .map_or(yaml.len(), |(i, _)| i)
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
    fn an_alias_copies_its_anchor_and_points_at_itself() {
        let yaml = "a: &x [1, 2]\nb: *x\n";
        let root = parse(yaml, 0).unwrap();
        let Value::Map(entries) = root.value else {
            panic!("expected a mapping")
        };
        assert_eq!(entries[1].value.value, entries[0].value.value);
        assert_eq!(
            &yaml[entries[1].value.span.start..entries[1].value.span.end],
            "*x"
        );
    }

    #[test]
    fn tags_decide_over_the_plain_reading() {
        let root = parse("a: !!str 1430\nb: !!int \"5\"\nc: !note 12\n", 0).unwrap();
        let Value::Map(entries) = root.value else {
            panic!("expected a mapping")
        };
        let values: Vec<_> = entries.into_iter().map(|e| e.value.value).collect();
        assert_eq!(
            values,
            [
                Value::Str("1430".into()),
                Value::Int(5),
                Value::Str("12".into())
            ]
        );
    }

    #[test]
    fn keys_that_are_not_text_are_refused_where_they_start() {
        let error = parse("title: x\n[a, b]: c\n", 0).unwrap_err();
        assert_eq!(error.span.start, 9);
        assert!(error.message.contains("key"), "{}", error.message);
    }

    #[test]
    fn syntax_errors_carry_a_position_and_no_debug_text() {
        let error = parse("a: [1, 2\nb: 1\n", 10).unwrap_err();
        assert!(error.message.starts_with("invalid YAML"));
        assert!(error.span.start >= 10);
    }
}
