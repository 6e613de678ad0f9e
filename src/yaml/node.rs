//! The tree the YAML reader makes: values, each node with its span in the
//! file, mappings' entries with their keys' spans.

use crate::span::{Span, Spanned};

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
