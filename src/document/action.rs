//! Action items as the model holds them: where each stands, and the facts
//! every command asks of them (still owed, overdue).

use crate::span::{Span, Spanned};
use chrono::NaiveDate;

/// One `action_items` item.
#[derive(Clone, Debug)]
pub struct ActionItem {
    /// The item as a whole (its first key).
    pub span: Span,
    /// `title`.
    pub title: Option<Spanned<String>>,
    /// `owner`.
    pub owner: Option<Spanned<String>>,
    /// `kind`.
    pub kind: Option<Spanned<ActionKind>>,
    /// `priority`.
    pub priority: Option<Spanned<Priority>>,
    /// `due`.
    pub due: Option<Spanned<NaiveDate>>,
    /// `status` (default open).
    pub status: Spanned<ActionStatus>,
    /// `link`.
    pub link: Option<Spanned<String>>,
    /// `internal: true`: left out of public renderings.
    pub internal: bool,
}

/// Where an action item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionStatus {
    /// `open` (the default).
    Open,
    /// `in-progress`.
    InProgress,
    /// `done`.
    Done,
    /// `wontfix`.
    WontFix,
}

/// What an action item does about the incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    /// Keeps it from happening again.
    Prevent,
    /// Makes it smaller when it does.
    Mitigate,
    /// Finds it sooner.
    Detect,
    /// Changes how people work.
    Process,
}

super::names::names!(ActionKind {
    Prevent => "prevent",
    Mitigate => "mitigate",
    Detect => "detect",
    Process => "process",
});

/// How urgent an action item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// Now.
    P0,
    /// Soon.
    P1,
    /// This quarter.
    P2,
    /// When there is time.
    P3,
}

super::names::names!(Priority {
    P0 => "P0",
    P1 => "P1",
    P2 => "P2",
    P3 => "P3",
});

super::names::names!(ActionStatus {
    Open => "open",
    InProgress => "in-progress",
    Done => "done",
    WontFix => "wontfix",
});

impl ActionStatus {
    /// Open or in progress: work still owed.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

impl ActionItem {
    /// Open or in progress: work still owed.
    pub fn is_open(&self) -> bool {
        self.status.value.is_open()
    }

    /// Still owed and due before `today` (the document's [`Document::today`](super::Document::today)).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.as_ref().is_some_and(|d| d.value < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(status: ActionStatus, due: &str) -> ActionItem {
        let span = Span::new(0, 1);
        ActionItem {
            span,
            title: None,
            owner: None,
            kind: None,
            priority: None,
            due: Some(Spanned::new(due.parse().unwrap_or_default(), span)),
            status: Spanned::new(status, span),
            link: None,
            internal: false,
        }
    }

    #[test]
    fn an_item_is_overdue_from_the_day_after_it_was_due_until_it_is_finished() {
        let today: NaiveDate = "2026-06-10".parse().unwrap_or_default();
        assert!(!item(ActionStatus::Open, "2026-06-10").is_overdue(today));
        assert!(item(ActionStatus::Open, "2026-06-09").is_overdue(today));
        assert!(item(ActionStatus::InProgress, "2026-06-09").is_overdue(today));
        assert!(!item(ActionStatus::Done, "2026-06-09").is_overdue(today));
        assert!(!item(ActionStatus::WontFix, "2026-06-09").is_overdue(today));
    }

    #[test]
    fn statuses_read_back_by_the_name_they_are_written_with() {
        for (status, name) in ActionStatus::NAMES {
            assert_eq!(ActionStatus::from_name(name), Some(status));
            assert_eq!(status.name(), name);
        }
        assert_eq!(ActionStatus::from_name("closed"), None);
    }
}
