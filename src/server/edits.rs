//! The edits the server sends: the least text replaced to turn a document
//! into its fixed form (never the whole document), wrapped in a workspace
//! edit that names the version it was computed on when the client takes
//! versioned edits, so an editor refuses it once the author typed on.

use super::position::Lines;
use crate::span::Span;
use lsp_types::{
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit,
    Uri, WorkspaceEdit,
};
use std::collections::HashMap;
use std::time::Duration;

/// How long the line diff may search for the smallest set of changes
/// before settling for a larger (still correct) one.
const DIFF_TIME: Duration = Duration::from_millis(500);

/// The replacements that turn `before` into `after`: each run of changed
/// lines, narrowed to the bytes that differ, as a span of `before` and its
/// new text, in order and not overlapping.
pub(super) fn minimal(before: &str, after: &str) -> Vec<(Span, String)> {
    let diff = similar::TextDiff::configure()
        .timeout(DIFF_TIME)
        .diff_lines(before, after);
    let old = starts(diff.old_slices());
    let new = starts(diff.new_slices());
    let mut edits = Vec::new();
    let mut hunk: Option<(usize, usize, usize, usize)> = None;
    for op in diff.ops() {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            edits.extend(
                hunk.take()
                    .map(|h| narrowed(before, after, h))
                    .unwrap_or_default(),
            );
            continue;
        }
        let (os, _, ns, _) = hunk.unwrap_or((old[o.start], 0, new[n.start], 0));
        hunk = Some((os, old[o.end], ns, new[n.end]));
    }
    edits.extend(hunk.map(|h| narrowed(before, after, h)).unwrap_or_default());
    edits
}

/// The byte offset where each line starts, and the end.
fn starts(lines: &[&str]) -> Vec<usize> {
    let mut at = 0;
    let mut out = Vec::with_capacity(lines.len() + 1);
    out.push(0);
    for line in lines {
        at += line.len();
        out.push(at);
    }
    out
}

/// The hunk `before[os..oe]` -> `after[ns..ne]`, line by line when both
/// sides have as many lines, each narrowed.
fn narrowed(
    before: &str,
    after: &str,
    (os, oe, ns, ne): (usize, usize, usize, usize),
) -> Vec<(Span, String)> {
    let (old, new) = (&before[os..oe], &after[ns..ne]);
    if old.lines().count() != new.lines().count() {
        return vec![narrow(old, new, os)];
    }
    let mut at = os;
    let pairs = old.split_inclusive('\n').zip(new.split_inclusive('\n'));
    let mut edits = Vec::new();
    for (line, replacement) in pairs {
        if line != replacement {
            edits.push(narrow(line, replacement, at));
        }
        at += line.len();
    }
    edits
}

/// `old` (at byte `at` of the document) -> `new` without the bytes both
/// share at their start and end.
fn narrow(old: &str, new: &str, at: usize) -> (Span, String) {
    let mut head = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(head) {
        head -= 1;
    }
    let (old, new) = (&old[head..], &new[head..]);
    let mut tail = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - tail) || !new.is_char_boundary(new.len() - tail) {
        tail -= 1;
    }
    let span = Span::new(at + head, at + head + old.len() - tail);
    (span, new[..new.len() - tail].to_string())
}

/// `edits` (spans of the document's text) as LSP text edits.
pub(super) fn text_edits(lines: &Lines<'_>, edits: &[(Span, String)]) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|(span, text)| TextEdit::new(lines.range(*span), text.clone()))
        .collect()
}

/// `edits` of document `uri`: with its `version` when the client takes
/// versioned edits (`documentChanges`), else as plain `changes`.
pub(super) fn workspace_edit(
    uri: &Uri,
    version: Option<i32>,
    edits: Vec<TextEdit>,
) -> WorkspaceEdit {
    let Some(version) = version else {
        return WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        };
    };
    let edit = TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier {
            uri: uri.clone(),
            version: Some(version),
        },
        edits: edits.into_iter().map(OneOf::Left).collect(),
    };
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Edits(vec![edit])),
        ..WorkspaceEdit::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(before: &str, edits: &[(Span, String)]) -> String {
        let mut out = before.to_string();
        for (span, text) in edits.iter().rev() {
            out.replace_range(span.start..span.end, text);
        }
        out
    }

    #[test]
    fn only_the_changed_bytes_are_replaced() {
        let before = "title: x\ntimezone: europe/berlin\nat: 1430\nrest\n";
        let after = "title: x\ntimezone: Europe/Berlin\nat: \"14:30\"\nrest\n";
        let edits = minimal(before, after);
        assert_eq!(applied(before, &edits), after);
        let replaced: usize = edits.iter().map(|(s, _)| s.end - s.start).sum();
        assert!(replaced < 20, "{edits:?}");
        assert!(edits.iter().all(|(s, _)| s.start >= "title: x\n".len()));
    }

    #[test]
    fn shared_bytes_inside_a_character_are_not_split() {
        for (before, after) in [
            ("é\n", "è\n"),
            ("aé", "aèx"),
            ("x\n", "x\ny\n"),
            ("a\nb\n", "b\n"),
        ] {
            let edits = minimal(before, after);
            assert_eq!(applied(before, &edits), after, "{before:?} -> {after:?}");
        }
    }
}
