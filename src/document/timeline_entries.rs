//! Reading `timeline`: each entry's time (a time alone carries the date of
//! the entry before), kind, event and promised next update.

use super::model::{Entry, Kind, Stamp};
use super::schema::{ENTRY, Reader};
use super::stamp::{Context, NO_DATE_HELP, stamp};
use crate::span::Spanned;
use crate::yaml::Node;

impl Reader<'_, '_> {
    pub(super) fn timeline(&mut self, node: &Node) -> Vec<Entry> {
        let mut carry = None;
        let mut undated = false;
        let mut entries = Vec::new();
        for item in self.fields.list(node, "`timeline`") {
            let fields = self.fields.mapping(item, "a timeline entry", ENTRY);
            let get = |key: &str| fields.iter().find(|e| e.key.value == key).map(|e| &e.value);
            let before = self.fields.findings.len();
            let at = match get("at") {
                Some(at) => self.stamp(at, carry, "`at`"),
                None => {
                    self.fields.report(
                        item.span,
                        "a timeline entry has no `at`".into(),
                        Some("add `at: HH:MM` (or a full date and time)".into()),
                    );
                    None
                }
            };
            // Times alone after the first with no date share its cause: one
            // mistake, one finding.
            let no_date = |f: &crate::diagnostic::Finding| f.help.as_deref() == Some(NO_DATE_HELP);
            if self.fields.findings[before..].iter().any(no_date) {
                if undated {
                    self.fields
                        .findings
                        .retain(|f| !no_date(f) || f.span.start < item.span.start);
                }
                undated = true;
            }
            carry = at.as_ref().map(|s| s.local.date()).or(carry);
            let kind = get("kind")
                .and_then(|n| {
                    self.fields
                        .choice(n, self.source, "timeline kind", &Kind::NAME_LIST)
                })
                .map_or(Spanned::new(Kind::Note, item.span), |k| {
                    let kind = Kind::from_name(&k.value).unwrap_or(Kind::Note);
                    Spanned::new(kind, k.span)
                });
            let next_update = get("next_update").and_then(|n| self.next_update(n, at.as_ref()));
            let event = get("event").and_then(|n| self.fields.text(n, self.source, "`event`"));
            let who = get("who").and_then(|n| self.fields.text(n, self.source, "`who`"));
            let source = get("source").and_then(|n| self.fields.text(n, self.source, "`source`"));
            let internal = get("internal").is_some_and(|n| self.internal(n));
            entries.push(Entry {
                span: item.span,
                at,
                kind,
                event,
                next_update,
                who,
                source,
                internal,
            });
        }
        entries
    }

    // A promise is always about later: a time alone before its entry's time
    // means the next day.
    fn next_update(&mut self, node: &Node, at: Option<&Stamp>) -> Option<Stamp> {
        let promised = self.stamp(node, at.map(|s| s.local.date()), "`next_update`")?;
        let (Some(at), true) = (at, promised.carried) else {
            return Some(promised);
        };
        if promised.local >= at.local {
            return Some(promised);
        }
        let next_day = at.local.date().succ_opt()?;
        let context = Context {
            carry: Some(next_day),
            zone: self.zone,
        };
        stamp(&promised.text, promised.span, context).ok()
    }
}
