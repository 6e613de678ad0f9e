//! The facts every command asks of a postmortem, each defined once: its
//! milestones, the impact window and its length, the time to each
//! milestone, the day it began, and what "today" is in its zone. Lint
//! rules, render, the site, `stats`, `actions` and `new` call these.

use super::model::{Document, Entry, Kind, Stamp};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;

impl Document {
    /// The first entry of milestone `kind`.
    pub fn milestone(&self, kind: Kind) -> Option<&Entry> {
        self.timeline.iter().find(|e| e.kind.value == kind)
    }

    /// The instant of the first entry of milestone `kind`.
    pub fn milestone_at(&self, kind: Kind) -> Option<DateTime<FixedOffset>> {
        self.milestone(kind)?.at.as_ref()?.instant()
    }

    /// Impact start: `impact.start`, else the `start` milestone.
    pub fn impact_start(&self) -> Option<DateTime<FixedOffset>> {
        let stated = self.impact.start.as_ref().and_then(Stamp::instant);
        stated.or_else(|| self.milestone_at(Kind::Start))
    }

    /// The day the incident began, in the document's zone (UTC without one):
    /// the impact start, else the first timeline entry that could be placed.
    pub fn began_on(&self) -> Option<NaiveDate> {
        let first = self.impact_start().or_else(|| {
            self.timeline
                .iter()
                .find_map(|e| e.at.as_ref()?.range())
                .map(|(first, _)| first)
        })?;
        Some(
            first
                .with_timezone(&self.zone.unwrap_or(Tz::UTC))
                .date_naive(),
        )
    }

    /// How long the impact lasted, in whole minutes: from
    /// [`Document::impact_start`] to [`Document::impact_end`].
    pub fn impact_minutes(&self) -> Option<i64> {
        Some((self.impact_end()? - self.impact_start()?).num_minutes())
    }

    /// Minutes from the `start` milestone to the `kind` milestone (time to
    /// detect, acknowledge, mitigate, resolve). With `public`, a milestone
    /// marked internal counts as missing: its value would tell when it was.
    pub fn time_to(&self, kind: Kind, public: bool) -> Option<i64> {
        let at = |kind| {
            let entry = self.milestone(kind).filter(|e| !(public && e.internal))?;
            entry.at.as_ref()?.instant()
        };
        Some((at(kind)? - at(Kind::Start)?).num_minutes())
    }

    /// The date at `now` in the document's zone (UTC without one): what
    /// "today" means for its action items.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.zone.unwrap_or(Tz::UTC))
            .date_naive()
    }

    /// The first and last instants the timeline and the impact window
    /// name: the postmortem's own days, on which a time alone typed for it
    /// is read when it is not today's ([`crate::document::argument::instant_in`]).
    pub fn known_span(&self) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let stated = [&self.impact.start, &self.impact.end]
            .into_iter()
            .filter_map(|s| s.as_ref()?.range());
        let entries = self.timeline.iter().filter_map(|e| e.at.as_ref()?.range());
        stated
            .chain(entries)
            .fold(None, |span, (first, last)| match span {
                None => Some((first, last)),
                Some((a, b)) => Some((first.min(a), last.max(b))),
            })
    }

    /// Impact end: `impact.end`, else the `resolved` milestone.
    pub fn impact_end(&self) -> Option<DateTime<FixedOffset>> {
        let stated = self.impact.end.as_ref().and_then(Stamp::instant);
        stated.or_else(|| self.milestone_at(Kind::Resolved))
    }
}
