//! Setting one key of one action item in place (`link`, `status`), for
//! `actions sync`: the value is replaced where it is written, or a line is
//! added under the item's last key at its keys' indentation. No other byte
//! changes: comments, quoting and the order of keys stay.

use crate::author::emit::scalar;
use crate::document::{self, ActionItem};
use crate::span::Span;

/// Why the key was not set.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    /// The file has no readable front matter.
    #[error(
        "the file's front matter cannot be read; run `postmortem lint` on it and fix that first"
    )]
    Unreadable,
    /// The item is no longer where it was (the file changed meanwhile).
    #[error("action item {0} is not in the file any more; run the command again")]
    Gone(usize),
    /// The item is written as a flow mapping (`- {title: ...}`).
    #[error(
        "action item {0} is written on one line (`{{...}}`); write its keys on lines of their own to let the command change it"
    )]
    Layout(usize),
    /// The result would not read back as intended.
    #[error("setting `{0}` would change more than that key; the file was left as it was")]
    WouldBreak(&'static str),
}

/// `text` with `key` of action item `index` (from 0), titled `title`, set
/// to `value`; an item of another title there is [`ItemError::Gone`].
pub fn set(
    text: &str,
    (index, title): (usize, &str),
    key: &'static str,
    value: &str,
) -> Result<String, ItemError> {
    let doc = document::parse(text)
        .document
        .ok_or(ItemError::Unreadable)?;
    let item = doc
        .action_items
        .get(index)
        .filter(|i| i.title.as_ref().is_some_and(|t| t.value == title))
        .ok_or(ItemError::Gone(index + 1))?;
    let written = match key {
        "link" => item.link.as_ref().map(|l| l.span),
        "status" => Some(item.status.span).filter(|s| *s != item.span),
        _ => None,
    };
    let updated = match written {
        Some(span) => format!(
            "{}{}{}",
            &text[..span.start],
            scalar(value),
            &text[span.end..]
        ),
        None => insert(text, item, index, key, value)?,
    };
    verify(&doc.action_items, &updated, index, key, value)?;
    Ok(updated)
}

fn insert(
    text: &str,
    item: &ActionItem,
    index: usize,
    key: &str,
    value: &str,
) -> Result<String, ItemError> {
    let start = item.span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if text[start..].starts_with('{') || text[line_start..start].contains('{') {
        return Err(ItemError::Layout(index + 1));
    }
    let indent = " ".repeat(text[line_start..start].chars().count());
    let end = last_end(item).min(text.len());
    let at = if text[..end].ends_with('\n') {
        end
    } else {
        text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
    };
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lead = if text[..at].ends_with('\n') {
        ""
    } else {
        newline
    };
    let line = format!("{lead}{indent}{key}: {}{newline}", scalar(value));
    Ok(format!("{}{line}{}", &text[..at], &text[at..]))
}

/// Where the item's last written value ends.
fn last_end(item: &ActionItem) -> usize {
    let spans: [Option<Span>; 7] = [
        Some(item.span),
        item.title.as_ref().map(|v| v.span),
        item.owner.as_ref().map(|v| v.span),
        item.kind.as_ref().map(|v| v.span),
        item.priority.as_ref().map(|v| v.span),
        item.due.as_ref().map(|v| v.span),
        item.link.as_ref().map(|v| v.span),
    ];
    let status = Some(item.status.span);
    spans
        .into_iter()
        .chain([status])
        .flatten()
        .map(|s| s.end)
        .max()
        .unwrap_or(0)
}

/// The new text reads back with the same items, this one's key set.
fn verify(
    before: &[ActionItem],
    text: &str,
    index: usize,
    key: &'static str,
    value: &str,
) -> Result<(), ItemError> {
    let after = document::parse(text)
        .document
        .ok_or(ItemError::WouldBreak(key))?;
    let title = |i: &ActionItem| i.title.as_ref().map(|t| t.value.clone());
    let same = after.action_items.len() == before.len()
        && after
            .action_items
            .iter()
            .zip(before)
            .all(|(a, b)| title(a) == title(b));
    let item = after
        .action_items
        .get(index)
        .ok_or(ItemError::WouldBreak(key))?;
    let set = match key {
        "link" => item.link.as_ref().is_some_and(|l| l.value == value),
        _ => item.status.value.name() == value,
    };
    if same && set {
        Ok(())
    } else {
        Err(ItemError::WouldBreak(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "---\ntitle: T\naction_items:\n  # first\n  - title: 'Add alert'   # keep\n    owner: sre\n  - title: Fix\n    status: open  # was open\n---\n";

    #[test]
    fn a_missing_key_goes_under_the_items_last_key_and_nothing_else_changes() {
        let out = set(
            TEXT,
            (0, "Add alert"),
            "link",
            "https://x.test/a/b/issues/1",
        )
        .unwrap();
        assert_eq!(
            out,
            TEXT.replace(
                "owner: sre\n",
                "owner: sre\n    link: https://x.test/a/b/issues/1\n"
            )
        );
    }

    #[test]
    fn a_written_value_is_replaced_where_it_stands_keeping_its_comment() {
        let out = set(TEXT, (1, "Fix"), "status", "done").unwrap();
        assert_eq!(
            out,
            TEXT.replace("status: open  # was open", "status: done  # was open")
        );
    }

    #[test]
    fn an_unindented_list_and_crlf_lines_are_kept_as_written() {
        let text = "---\r\ntitle: T\r\naction_items:\r\n- title: A\r\n  due: 2026-04-01\r\n---\r\n";
        let out = set(text, (0, "A"), "status", "done").unwrap();
        let added = "  due: 2026-04-01\r\n  status: done\r\n";
        assert_eq!(out, text.replace("  due: 2026-04-01\r\n", added));
    }

    #[test]
    fn an_item_of_another_title_is_not_touched() {
        assert_eq!(set(TEXT, (0, "Fix"), "link", "u"), Err(ItemError::Gone(1)));
    }

    #[test]
    fn a_one_line_item_is_refused() {
        let text = "---\ntitle: T\naction_items:\n  - {title: A}\n---\n";
        assert_eq!(set(text, (0, "A"), "link", "u"), Err(ItemError::Layout(1)));
    }
}
