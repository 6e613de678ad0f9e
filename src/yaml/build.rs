//! The tree built straight from granit's event stream: one pass, no
//! intermediate values, with budgets on depth, nodes and aliases so that a
//! hostile file costs bounded time and memory.

use super::node::{Entry, Node, Value};
use super::scalar;
use crate::span::{Span, Spanned};
use granit_parser::{Event, Parser, ScanError};
use std::collections::HashMap;

/// Nested collections allowed; postmortems use three or four.
const MAX_DEPTH: usize = 64;
/// Values allowed, counting each alias as the values it copies.
const MAX_NODES: usize = 250_000;
/// Aliases allowed in one front matter.
const MAX_ALIASES: usize = 50_000;

/// Why the tree could not be built, at a byte offset of the YAML text.
pub(super) enum Failure {
    /// The parser's own error.
    Syntax(ScanError),
    /// A breached budget.
    Limits(usize),
    /// Valid YAML the format cannot hold, with what to say.
    Unsupported(usize, &'static str),
}

/// A collection being read, with the values read so far.
enum Open {
    Seq(Vec<Node>),
    Map(Vec<Entry>, Option<Spanned<String>>),
}

struct Frame {
    open: Open,
    span: Span,
    anchor: usize,
}

/// Reads `yaml` into a tree whose spans start at byte `base` of the file.
pub(super) fn build(yaml: &str, base: usize) -> Result<Node, Failure> {
    let mut builder = Builder {
        base,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        aliases: 0,
        root: None,
    };
    for item in Parser::new_from_str(yaml) {
        let (event, span) = item.map_err(Failure::Syntax)?;
        let at = span.start.byte_offset().unwrap_or(0);
        let end = span.end.byte_offset().unwrap_or(at);
        builder.event(event, Span::new(base + at, base + end.max(at)))?;
    }
    Ok(builder.root.unwrap_or(Node {
        value: Value::Null,
        span: Span::point(base),
    }))
}

struct Builder {
    base: usize,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    aliases: usize,
    root: Option<Node>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Failure> {
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, span)?;
                if let Some(Frame {
                    open: Open::Map(_, key @ None),
                    ..
                }) = self.stack.last_mut()
                {
                    *key = Some(Spanned::new(text.into_owned(), span));
                    return Ok(());
                }
                let value = scalar::resolve(&text, style, tag.as_deref());
                self.finish(Node { value, span }, anchor)
            }
            Event::SequenceStart(_, anchor, _) => self.open(Open::Seq(Vec::new()), span, anchor),
            Event::MappingStart(_, anchor, _) => {
                self.open(Open::Map(Vec::new(), None), span, anchor)
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(),
            Event::Alias(id) => self.alias(id, span),
            Event::DocumentStart(..) if self.root.is_some() => Err(Failure::Unsupported(
                span.start - self.base,
                "the front matter holds more than one YAML document",
            )),
            _ => Ok(()),
        }
    }

    fn count(&mut self, nodes: usize, span: Span) -> Result<(), Failure> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > MAX_NODES {
            return Err(Failure::Limits(span.start - self.base));
        }
        Ok(())
    }

    fn expects_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                open: Open::Map(_, None),
                ..
            })
        )
    }

    fn open(&mut self, open: Open, span: Span, anchor: usize) -> Result<(), Failure> {
        if self.expects_key() {
            return Err(Failure::Unsupported(
                span.start - self.base,
                "a key in the front matter is a list or a mapping, not text",
            ));
        }
        self.count(1, span)?;
        if self.stack.len() >= MAX_DEPTH {
            return Err(Failure::Limits(span.start - self.base));
        }
        self.stack.push(Frame { open, span, anchor });
        Ok(())
    }

    fn close(&mut self) -> Result<(), Failure> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let value = match frame.open {
            Open::Seq(items) => Value::Seq(items),
            Open::Map(entries, _) => Value::Map(entries),
        };
        let node = Node {
            value,
            span: frame.span,
        };
        self.finish(node, frame.anchor)
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<(), Failure> {
        self.aliases += 1;
        if self.aliases > MAX_ALIASES {
            return Err(Failure::Limits(span.start - self.base));
        }
        let Some((target, size)) = self.anchors.get(&id) else {
            return Err(Failure::Unsupported(
                span.start - self.base,
                "an alias refers to the value it is part of",
            ));
        };
        let (target, size) = (target.clone(), *size);
        if self.expects_key() {
            return Err(Failure::Unsupported(
                span.start - self.base,
                "a key in the front matter is an alias, not text",
            ));
        }
        self.count(size, span)?;
        self.finish(Node { span, ..target }, 0)
    }

    /// Puts a finished value where it belongs: its collection, or the root.
    fn finish(&mut self, node: Node, anchor: usize) -> Result<(), Failure> {
        if anchor != 0 {
            let size = size(&node);
            self.anchors.insert(anchor, (node.clone(), size));
        }
        match self.stack.last_mut() {
            Some(Frame {
                open: Open::Seq(items),
                ..
            }) => items.push(node),
            Some(Frame {
                open: Open::Map(entries, key),
                ..
            }) => match key.take() {
                Some(key) => entries.push(Entry { key, value: node }),
                None => {
                    return Err(Failure::Unsupported(
                        node.span.start - self.base,
                        "a key in the front matter is not text",
                    ));
                }
            },
            None => self.root = Some(node),
        }
        Ok(())
    }
}

/// How many values `node` holds, itself included.
fn size(node: &Node) -> usize {
    match &node.value {
        Value::Seq(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Map(entries) => 1 + entries.iter().map(|e| 1 + size(&e.value)).sum::<usize>(),
        _ => 1,
    }
}
