//! `timeline add --replace`: moving a milestone the postmortem has, so a
//! second one never contradicts the first. The old entry stays, as a note
//! (nothing the author wrote is lost), and an impact window equal to the
//! milestone moves with it.

use super::Stamps;
use crate::document::{self, Document, Kind};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

pub(super) type Edit = (std::ops::Range<usize>, String);

/// The edit that makes `entry` a note: its `kind` value becomes `note`, so
/// its time and words stay in the timeline and only the milestone moves.
pub(super) fn demote(entry: &document::Entry) -> Edit {
    let span = entry.kind.span;
    (span.start..span.end, "note".to_string())
}

/// `impact.start` (`impact.end`) moved with the `start` (`resolved`)
/// milestone it was equal to, so moving the milestone keeps the window.
pub(super) fn window_edit(
    doc: &Document,
    moved: &document::Entry,
    to: DateTime<FixedOffset>,
) -> Option<Edit> {
    let stated = match moved.kind.value {
        Kind::Start => doc.impact.start.as_ref()?,
        Kind::Resolved => doc.impact.end.as_ref()?,
        _ => return None,
    };
    let was = moved.at.as_ref()?.instant()?;
    if stated.instant()? != was {
        return None;
    }
    let zone = doc.zone.unwrap_or(Tz::UTC);
    let written = Stamps::new(to, None, zone, doc.zone.is_some(), false).at;
    Some((stated.span.start..stated.span.end, written))
}
