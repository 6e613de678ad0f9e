//! The document model: a postmortem's front matter as typed values that
//! remember where they were written, with every timestamp placed on the
//! time line, and the sections of its Markdown body.

pub use super::action::{ActionItem, ActionKind, ActionStatus, Priority};
use super::body::Body;
use super::time::Written;
use crate::span::{Span, Spanned};
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use chrono_tz::Tz;

/// A whole postmortem.
#[derive(Clone, Debug)]
pub struct Document {
    /// The opening `---` line, where file-level findings point.
    pub head: Span,
    /// `title`.
    pub title: Option<Spanned<String>>,
    /// `status` (default draft).
    pub status: Spanned<Status>,
    /// `severity`, such as `SEV2`.
    pub severity: Option<Spanned<String>>,
    /// `timezone` as written.
    pub timezone: Option<Spanned<String>>,
    /// `timezone` when it names an IANA zone.
    pub zone: Option<Tz>,
    /// `date`: when the postmortem was written.
    pub date: Option<Stamp>,
    /// `authors`.
    pub authors: Vec<Spanned<String>>,
    /// `services`.
    pub services: Vec<Spanned<String>>,
    /// `tags`: topics for readers (a site lists the postmortems of each).
    pub tags: Vec<Spanned<String>>,
    /// `summary`.
    pub summary: Option<Spanned<String>>,
    /// `impact`.
    pub impact: Impact,
    /// `timeline`, in file order.
    pub timeline: Vec<Entry>,
    /// The `timeline` key (the opening fence when there is none).
    pub timeline_key: Span,
    /// Whether the front matter has a `timeline` key at all (its absence is
    /// one `schema` finding; nothing else is reported about it).
    pub has_timeline: bool,
    /// `action_items`, in file order.
    pub action_items: Vec<ActionItem>,
    /// The Markdown body.
    pub body: Body,
    /// Rules this file opts out of (`lint: { allow: [...] }`).
    pub allow: Vec<crate::diagnostic::Rule>,
    /// Entries under keys that `extra_keys` in postmortem.yml allows: the
    /// key and the entry as written (`layout: post`), in file order.
    /// Markdown renders keep them.
    pub extra: Vec<(String, Spanned<String>)>,
}

/// Where the postmortem is in its review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Being written.
    Draft,
    /// Being reviewed.
    Review,
    /// Final and public.
    Published,
}

super::names::names!(Status {
    Draft => "draft",
    Review => "review",
    Published => "published",
});

/// `impact`: when users were affected, and how.
#[derive(Clone, Debug, Default)]
pub struct Impact {
    /// `impact.start`.
    pub start: Option<Stamp>,
    /// `impact.end`.
    pub end: Option<Stamp>,
    /// `impact.duration`, in minutes.
    pub duration: Option<Spanned<i64>>,
    /// `impact.users`.
    pub users: Option<Spanned<String>>,
    /// `impact.data_loss`.
    pub data_loss: Option<Spanned<bool>>,
    /// `impact.internal`: `users` and `data_loss` stay out of public renderings.
    pub internal: bool,
}

/// What a timeline entry marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// What set the incident off (before or at `start`).
    Trigger,
    /// Users first affected.
    Start,
    /// Someone or something noticed.
    Detected,
    /// A responder took it on.
    Acknowledged,
    /// The cause was found.
    Identified,
    /// Impact stopped or was contained.
    Mitigated,
    /// Back to normal.
    Resolved,
    /// More people or teams called in.
    Escalated,
    /// A public communication.
    Update,
    /// Anything else.
    Note,
}

super::names::names!(Kind {
    Trigger => "trigger",
    Start => "start",
    Detected => "detected",
    Acknowledged => "acknowledged",
    Identified => "identified",
    Mitigated => "mitigated",
    Resolved => "resolved",
    Escalated => "escalated",
    Update => "update",
    Note => "note",
});

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl Kind {
    /// What an entry of this kind marks, for people (the editor's hover).
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Trigger => "what set the incident off (before or at `start`)",
            Self::Start => "users first affected: the impact window and every metric start here",
            Self::Detected => "someone or something noticed: time to detect ends here",
            Self::Acknowledged => "a responder took it on: time to acknowledge ends here",
            Self::Identified => "the cause was found",
            Self::Mitigated => "impact stopped or was contained: time to mitigate ends here",
            Self::Resolved => "back to normal: time to resolve ends here",
            Self::Escalated => "more people or teams called in",
            Self::Update => "a public communication; `next_update` is what it promised",
            Self::Note => "anything else",
        }
    }

    /// The milestone pairs whose order is fixed: (earlier, later), the
    /// first never after the second. `milestone-order` checks them; adopt
    /// keeps a milestone only where it keeps them.
    pub const ORDER: [(Kind, Kind); 10] = [
        (Kind::Start, Kind::Detected),
        (Kind::Start, Kind::Acknowledged),
        (Kind::Start, Kind::Identified),
        (Kind::Start, Kind::Mitigated),
        (Kind::Start, Kind::Resolved),
        (Kind::Detected, Kind::Acknowledged),
        (Kind::Detected, Kind::Identified),
        (Kind::Detected, Kind::Mitigated),
        (Kind::Identified, Kind::Resolved),
        (Kind::Mitigated, Kind::Resolved),
    ];

    /// Milestones happen at most once and feed the metrics.
    pub fn is_milestone(self) -> bool {
        matches!(
            self,
            Kind::Start
                | Kind::Detected
                | Kind::Acknowledged
                | Kind::Identified
                | Kind::Mitigated
                | Kind::Resolved
        )
    }
}

/// One `timeline` item.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The item as a whole (its first key).
    pub span: Span,
    /// `at`; `None` when missing or unreadable (already reported).
    pub at: Option<Stamp>,
    /// `kind` (default note).
    pub kind: Spanned<Kind>,
    /// `event`.
    pub event: Option<Spanned<String>>,
    /// `next_update`: the next public update promised by then.
    pub next_update: Option<Stamp>,
    /// `who`: the person (or system) who did it.
    pub who: Option<Spanned<String>>,
    /// `source`: where an imported entry came from (`pagerduty:Q1ABC`), so
    /// that importing again adds it once.
    pub source: Option<Spanned<String>>,
    /// `internal: true`: left out of public renderings.
    pub internal: bool,
}

/// A timestamp as written and where it falls on the time line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The text as written.
    pub text: String,
    /// Where it was written.
    pub span: Span,
    /// What the text says.
    pub written: Written,
    /// The local date and time after the date of the entry before was carried
    /// over (midnight for a date alone).
    pub local: NaiveDateTime,
    /// The date came from the entry before.
    pub carried: bool,
    /// Where it falls.
    pub placed: Placement,
    /// Its label was not in force on its date (`zone-label`).
    pub misread: Option<super::zone::Misread>,
}

/// Where a timestamp falls on the time line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// One instant.
    At(DateTime<FixedOffset>),
    /// A date alone: the whole day, first and last second.
    Day(DateTime<FixedOffset>, DateTime<FixedOffset>),
    /// The time happened twice (clocks went back); the earlier is used.
    Fold(DateTime<FixedOffset>, DateTime<FixedOffset>),
    /// The time never happened (clocks went forward).
    Gap,
    /// A local time and no `timezone` to place it in.
    NoZone,
}

impl Stamp {
    /// The instant, for a timestamp with a clock time that could be placed.
    pub fn instant(&self) -> Option<DateTime<FixedOffset>> {
        match self.placed {
            Placement::At(t) | Placement::Fold(t, _) => Some(t),
            _ => None,
        }
    }

    /// The earliest and latest instant it can stand for.
    pub fn range(&self) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        match self.placed {
            Placement::Day(first, last) => Some((first, last)),
            _ => self.instant().map(|t| (t, t)),
        }
    }

    /// A date alone, with no clock time.
    pub fn is_day(&self) -> bool {
        self.written.time.is_none()
    }
}

impl Document {
    /// Every text the authors wrote: title, summary, users, timeline events,
    /// action item titles and owners, then the body's prose runs.
    pub fn texts(&self) -> impl Iterator<Item = &Spanned<String>> {
        let items = self.action_items.iter().flat_map(|a| [&a.title, &a.owner]);
        [&self.title, &self.summary, &self.impact.users]
            .into_iter()
            .chain(self.timeline.iter().map(|e| &e.event))
            .chain(items)
            .flatten()
            .chain(&self.body.texts)
    }

    /// Every timestamp in the front matter, in file order.
    pub fn stamps(&self) -> impl Iterator<Item = &Stamp> {
        let head = [&self.date, &self.impact.start, &self.impact.end];
        let entries = self
            .timeline
            .iter()
            .flat_map(|e| [e.at.as_ref(), e.next_update.as_ref()]);
        head.into_iter()
            .map(Option::as_ref)
            .chain(entries)
            .flatten()
    }

    /// [`Document::stamps`], to change in place (error recovery reads a
    /// time as it was meant).
    pub(crate) fn stamps_mut(&mut self) -> impl Iterator<Item = &mut Stamp> {
        let head = [&mut self.date, &mut self.impact.start, &mut self.impact.end];
        let entries = self
            .timeline
            .iter_mut()
            .flat_map(|e| [e.at.as_mut(), e.next_update.as_mut()]);
        head.into_iter()
            .map(Option::as_mut)
            .chain(entries)
            .flatten()
    }
}
