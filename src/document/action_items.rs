//! Reading `action_items`: title, owner, kind, priority, due date (a date
//! alone), status and link, each checked against format v1.

use super::model::{ActionItem, ActionKind, ActionStatus, Priority};
use super::schema::{ACTION, ACTION_KINDS, ACTION_STATUSES, PRIORITIES, Reader};
use crate::span::Spanned;
use crate::yaml::Node;
use chrono::NaiveDate;

impl Reader<'_, '_> {
    pub(super) fn actions(&mut self, node: &Node) -> Vec<ActionItem> {
        let mut items = Vec::new();
        for item in self.fields.list(node, "`action_items`") {
            let fields = self.fields.mapping(item, "an action item", ACTION);
            let get = |key: &str| fields.iter().find(|e| e.key.value == key).map(|e| &e.value);
            let source = self.source;
            let title = get("title").and_then(|n| self.fields.text(n, source, "`title`"));
            if title.is_none() {
                self.fields.report(
                    item.span,
                    "an action item has no `title`".into(),
                    Some("say what will change".into()),
                );
            }
            items.push(ActionItem {
                span: item.span,
                title,
                owner: get("owner").and_then(|n| self.fields.text(n, source, "`owner`")),
                kind: get("kind")
                    .and_then(|n| self.fields.choice(n, source, "action kind", ACTION_KINDS))
                    .and_then(|k| Some(Spanned::new(ActionKind::from_name(&k.value)?, k.span))),
                priority: get("priority")
                    .and_then(|n| self.fields.choice(n, source, "priority", PRIORITIES))
                    .and_then(|p| Some(Spanned::new(Priority::from_name(&p.value)?, p.span))),
                due: get("due").and_then(|n| self.due(n)),
                status: get("status")
                    .and_then(|n| {
                        self.fields
                            .choice(n, source, "action status", ACTION_STATUSES)
                    })
                    .map(|s| {
                        let status =
                            ActionStatus::from_name(&s.value).unwrap_or(ActionStatus::Open);
                        Spanned::new(status, s.span)
                    })
                    .unwrap_or_else(|| Spanned::new(ActionStatus::Open, item.span)),
                link: get("link").and_then(|n| self.fields.text(n, source, "`link`")),
                internal: get("internal").is_some_and(|n| self.internal(n)),
            });
        }
        items
    }

    fn due(&mut self, node: &Node) -> Option<Spanned<NaiveDate>> {
        let stamp = self.stamp(node, None, "`due`")?;
        if !stamp.is_day() {
            let help = format!("write the date alone: `{}`", stamp.local.date());
            self.fields.report(
                stamp.span,
                "`due` should be a date without a time".into(),
                Some(help),
            );
        }
        Some(Spanned::new(stamp.local.date(), stamp.span))
    }
}
