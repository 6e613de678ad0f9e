//! Reading typed values out of the YAML tree, reporting every wrong type,
//! unknown key (with a did-you-mean) and duplicate key as a `schema` finding
//! instead of stopping at the first.

use super::{Entry, Node, Value};
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule};
use crate::span::{Span, Spanned};
use crate::suggest::{close_choice, did_you_mean};

/// Collects findings while values are read.
#[derive(Debug, Default)]
pub struct Fields {
    /// Everything found so far.
    pub findings: Vec<Finding>,
}

impl Fields {
    /// Records a `schema` finding.
    pub fn report(&mut self, span: Span, message: String, help: Option<String>) {
        let finding = Finding::new(Rule::Schema, span, message);
        self.findings.push(match help {
            Some(help) => finding.with_help(help),
            None => finding,
        });
    }

    /// Records a `schema` finding with the fix that its help describes.
    pub(crate) fn report_fix(&mut self, span: Span, message: String, help: String, fix: Fix) {
        let finding = Finding::new(Rule::Schema, span, message).with_help(help);
        self.findings.push(finding.with_fix(fix));
    }

    /// The entries of a mapping node, checked against the `known` keys of
    /// `what`; unknown and repeated keys are reported and left out.
    pub fn mapping<'n>(&mut self, node: &'n Node, what: &str, known: &[&str]) -> Vec<&'n Entry> {
        self.mapping_or(node, what, known, None)
    }

    /// [`Fields::mapping`], with `otherwise` added to the help of an
    /// unknown key that has no did-you-mean.
    pub(crate) fn mapping_or<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        known: &[&str],
        otherwise: Option<&str>,
    ) -> Vec<&'n Entry> {
        let Value::Map(entries) = &node.value else {
            if node.value != Value::Null {
                let found = node.type_name();
                self.report(
                    node.span,
                    format!("{what} should be a mapping of keys, found {found}"),
                    None,
                );
            }
            return Vec::new();
        };
        let mut kept: Vec<&Entry> = Vec::new();
        for entry in entries {
            let key = entry.key.value.as_str();
            if !known.contains(&key) {
                let message = format!("unknown key `{key}` in {what}");
                let near = did_you_mean(key, known);
                // Renaming to a key the mapping already has would only make
                // a duplicate: then the help says so, and no fix is offered.
                if let Some(near) = near.filter(|n| entries.iter().any(|e| e.key.value == *n)) {
                    let help = format!("did you mean `{near}`? it is already given: keep one");
                    self.report(entry.key.span, message, Some(help));
                    continue;
                }
                if let Some(near) = near {
                    let fix = Fix::new(
                        Applicability::Unsafe,
                        format!("rename to `{near}`"),
                        vec![Edit::replace(entry.key.span, near)],
                    );
                    let help = format!("did you mean `{near}`?");
                    self.report_fix(entry.key.span, message, help, fix);
                    continue;
                }
                let known = format!("known keys: {}", known.join(", "));
                let help = otherwise.map_or(known.clone(), |o| format!("{known}; {o}"));
                self.report(entry.key.span, message, Some(help));
            } else if kept.iter().any(|k| k.key.value == key) {
                self.report(
                    entry.key.span,
                    format!("`{key}` is given twice in {what}"),
                    Some("keep one of them; YAML readers disagree on which one wins".into()),
                );
            } else {
                kept.push(entry);
            }
        }
        kept
    }

    /// Text; a number or boolean is reported (other YAML readers would not
    /// keep it as written), and null counts as absent.
    pub fn text(&mut self, node: &Node, source: &str, what: &str) -> Option<Spanned<String>> {
        match &node.value {
            Value::Str(s) => Some(Spanned::new(s.clone(), node.span)),
            Value::Null => None,
            Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
                let raw = raw(source, node.span);
                let quoted = format!("\"{raw}\"");
                let fix = Fix::new(
                    Applicability::Safe,
                    format!("write {quoted}"),
                    vec![Edit::replace(node.span, quoted.clone())],
                );
                self.report_fix(
                    node.span,
                    format!("{what} should be text, found {} `{raw}`", node.type_name()),
                    format!("quote it: {quoted}"),
                    fix,
                );
                None
            }
            Value::Seq(_) | Value::Map(_) => {
                self.report(
                    node.span,
                    format!("{what} should be text, found {}", node.type_name()),
                    None,
                );
                None
            }
        }
    }

    /// A list of text; a single text value is taken as a list of one.
    pub(crate) fn text_list(
        &mut self,
        node: &Node,
        source: &str,
        what: &str,
    ) -> Vec<Spanned<String>> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(item, source, what))
                .collect(),
            _ => self.text(node, source, what).into_iter().collect(),
        }
    }

    /// One of `allowed`, reported with a did-you-mean otherwise.
    pub fn choice(
        &mut self,
        node: &Node,
        source: &str,
        what: &str,
        allowed: &[&str],
    ) -> Option<Spanned<String>> {
        let value = self.text(node, source, what)?;
        if allowed.contains(&value.value.as_str()) {
            return Some(value);
        }
        let help = close_choice(&value.value, allowed).map_or_else(
            || format!("use one of: {}", allowed.join(", ")),
            |k| format!("did you mean `{k}`?"),
        );
        self.report(
            value.span,
            format!("`{}` is not a valid {what}", value.value),
            Some(help),
        );
        None
    }

    /// A boolean.
    pub(crate) fn boolean(&mut self, node: &Node, what: &str) -> Option<Spanned<bool>> {
        match node.value {
            Value::Bool(b) => Some(Spanned::new(b, node.span)),
            Value::Null => None,
            _ => {
                self.report(
                    node.span,
                    format!("{what} should be true or false, found {}", node.type_name()),
                    None,
                );
                None
            }
        }
    }

    /// The items of a list (null counts as empty).
    pub fn list<'n>(&mut self, node: &'n Node, what: &str) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            Value::Null => &[],
            _ => {
                self.report(
                    node.span,
                    format!("{what} should be a list, found {}", node.type_name()),
                    None,
                );
                &[]
            }
        }
    }
}

/// The source text of a span, for quoting in messages.
pub fn raw(source: &str, span: Span) -> &str {
    source.get(span.start..span.end).unwrap_or("").trim()
}
