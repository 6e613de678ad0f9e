//! Where things are in a postmortem's text, for inserting and removing
//! timeline entries: line starts and ends, the comments above an entry,
//! and the end of an entry's last line.

use crate::document;
use crate::span::floor_char_boundary;

pub(super) fn line_start(text: &str, offset: usize) -> usize {
    text[..floor_char_boundary(text, offset)]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// The offset just past the line holding `offset`.
pub(super) fn after_line(text: &str, offset: usize) -> usize {
    text[offset.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

/// Moves a line start up over the comment lines directly above it, which
/// describe the entry below them.
pub(super) fn above_comments(text: &str, mut start: usize) -> usize {
    while start > 0 {
        let previous = line_start(text, start - 1);
        if !text[previous..start].trim_start().starts_with('#') {
            break;
        }
        start = previous;
    }
    start
}

/// Just past the last line of `entry`. A block scalar's span already ends
/// after its line break; a plain value's ends within its line.
pub(super) fn end_of_entry(text: &str, entry: &document::Entry) -> usize {
    let end = entry_end(entry).min(text.len());
    if text[..end].ends_with('\n') {
        end
    } else {
        after_line(text, end)
    }
}

fn entry_end(entry: &document::Entry) -> usize {
    [
        Some(entry.span),
        entry.at.as_ref().map(|s| s.span),
        Some(entry.kind.span),
    ]
    .into_iter()
    .chain([
        entry.event.as_ref().map(|e| e.span),
        entry.next_update.as_ref().map(|s| s.span),
        entry.who.as_ref().map(|w| w.span),
        entry.source.as_ref().map(|s| s.span),
    ])
    .flatten()
    .map(|span| span.end)
    .max()
    .unwrap_or(entry.span.end)
}
