//! Hover: on a timestamp, the instant it stands for (UTC and the
//! document's zone with the abbreviation in force) and its offset from the
//! start; on a finding, its rule's explanation; on a `kind`, its meaning.

use super::state::Open;
use crate::document::{Document, Kind, zone};
use crate::duration::format as duration;
use crate::lint::registry;
use chrono::Utc;

/// The Markdown to show for byte `offset` of `open`, if any.
pub(super) fn hover(open: &Open, offset: usize) -> Option<String> {
    let inside = |span: crate::span::Span| span.start <= offset && offset <= span.end;
    let mut parts = Vec::new();
    if let Some(document) = &open.checked.document {
        if let Some(stamp) = document.stamps().find(|s| inside(s.span)) {
            parts.extend(instant(document, stamp));
        }
        if let Some(entry) = document.timeline.iter().find(|e| inside(e.kind.span)) {
            let kind = entry.kind.value;
            parts.push(format!("**`{}`**: {}", kind.name(), kind.meaning()));
        }
    }
    for finding in open.checked.findings.iter().filter(|f| inside(f.span)) {
        let info = registry::info(finding.rule);
        parts.push(format!(
            "**{}**: {}\n\n{}",
            finding.rule.id(),
            info.summary,
            info.docs
        ));
    }
    (!parts.is_empty()).then(|| parts.join("\n\n---\n\n"))
}

fn instant(document: &Document, stamp: &crate::document::Stamp) -> Option<String> {
    let at = stamp.instant()?;
    let utc = at.with_timezone(&Utc).format("%Y-%m-%d %H:%M UTC");
    let local = match document.zone {
        Some(tz) => {
            let abbreviation = zone::abbreviation(tz, at);
            let here = at.with_timezone(&tz).format("%Y-%m-%d %H:%M");
            format!("{here} {abbreviation} ({}, UTC{})", tz.name(), at.offset())
        }
        None => format!("{} (UTC{})", at.format("%Y-%m-%d %H:%M"), at.offset()),
    };
    let mut text = format!("`{}` is **{local}**, {utc}", stamp.text);
    if let Some(start) = document.milestone_at(Kind::Start) {
        let minutes = (at - start).num_minutes();
        let sign = if minutes < 0 { "-" } else { "+" };
        text.push_str(&format!(
            "; T{sign}{} from `start`",
            duration(minutes.abs())
        ));
    }
    Some(text)
}
