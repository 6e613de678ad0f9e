//! The intervals a duration is held to, from how its sentence reads: the
//! impact window for the impact, start to the milestone for the time to
//! detect, acknowledge, identify, mitigate or resolve, from a named event
//! for "after detection", the gaps between consecutive milestones for "39
//! more minutes", and every interval when the sentence does not say.

use super::about::{Reading, Subject};
use crate::document::{Document, Kind};
use crate::duration::format as duration;
use chrono::{DateTime, FixedOffset};

/// The milestones a duration can be measured between, in incident order.
const MILESTONES: [Kind; 6] = [
    Kind::Start,
    Kind::Detected,
    Kind::Acknowledged,
    Kind::Identified,
    Kind::Mitigated,
    Kind::Resolved,
];

/// How a duration was read, for the finding's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Said {
    /// The sentence does not say: any interval will do.
    Anything,
    /// Of the impact: the impact window.
    Impact,
    /// Of a milestone: the time to reach it.
    Milestone(Kind),
    /// Counted from an event the sentence names.
    From(Kind),
    /// As more time after an earlier stretch.
    More,
}

/// The intervals, in minutes, a duration must match one of.
#[derive(Debug)]
pub(super) struct Held {
    /// The intervals.
    pub minutes: Vec<i64>,
    said: Said,
    window: Option<i64>,
}

/// The instants of a postmortem that its prose measures.
pub(super) struct Times {
    milestones: Vec<(Kind, DateTime<FixedOffset>)>,
    trigger: Option<DateTime<FixedOffset>>,
    impact_end: Option<DateTime<FixedOffset>>,
    window: Option<i64>,
}

impl Times {
    /// The milestones, trigger and impact window of `document`.
    pub(super) fn new(document: &Document) -> Self {
        Self {
            milestones: MILESTONES
                .into_iter()
                .filter_map(|kind| Some((kind, document.milestone_at(kind)?)))
                .collect(),
            trigger: document.milestone_at(Kind::Trigger),
            impact_end: document.impact_end(),
            window: document.impact_minutes(),
        }
    }

    /// Whether there is anything to hold a duration to.
    pub(super) fn is_empty(&self) -> bool {
        self.milestones.len() < 2 && self.window.is_none()
    }

    fn at(&self, kind: Kind) -> Option<DateTime<FixedOffset>> {
        match kind {
            Kind::Trigger => self.trigger,
            _ => self
                .milestones
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|m| m.1),
        }
    }

    /// Minutes between every pair of milestones, and the impact window.
    fn every(&self) -> Vec<i64> {
        let times = &self.milestones;
        let mut minutes: Vec<i64> = times
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                times[i + 1..]
                    .iter()
                    .map(move |b| (b.1 - a.1).num_minutes().abs())
            })
            .collect();
        minutes.extend(self.window);
        minutes
    }

    /// Every instant, milestones and the impact's end, in time order.
    fn instants(&self) -> Vec<DateTime<FixedOffset>> {
        let mut all: Vec<_> = self.milestones.iter().map(|m| m.1).collect();
        all.extend(self.impact_end);
        all.sort();
        all.dedup();
        all
    }

    /// The intervals a duration read as `reading` is held to.
    pub(super) fn held_to(&self, reading: &Reading) -> Held {
        let anchor = reading
            .anchor
            .and_then(|kind| Some((kind, self.at(kind)?)))
            .filter(|(kind, _)| *kind != Kind::Start);
        let (said, minutes) = match (anchor, reading.increment) {
            (Some((kind, at)), _) => (Said::From(kind), self.from(at, reading.subject)),
            (None, true) => (Said::More, self.consecutive()),
            (None, false) => self.about(reading.subject),
        };
        match minutes.is_empty() {
            true => self.anything(),
            false => Held {
                minutes,
                said,
                window: self.window,
            },
        }
    }

    fn anything(&self) -> Held {
        Held {
            minutes: self.every(),
            said: Said::Anything,
            window: self.window,
        }
    }

    /// The interval of what the sentence is about, counted from the start.
    fn about(&self, subject: Option<Subject>) -> (Said, Vec<i64>) {
        let from = |a: Option<DateTime<FixedOffset>>, b: Option<DateTime<FixedOffset>>| {
            Some((b? - a?).num_minutes()).filter(|m| *m >= 0)
        };
        match subject {
            None => (Said::Anything, Vec::new()),
            Some(Subject::Impact) => (Said::Impact, self.window.into_iter().collect()),
            Some(Subject::Milestone(kind)) => {
                let end = self.at(kind);
                let mut minutes: Vec<i64> = from(self.at(Kind::Start), end).into_iter().collect();
                // The time to acknowledge (or identify) is often counted from the alert.
                if matches!(kind, Kind::Acknowledged | Kind::Identified) {
                    minutes.extend(from(self.at(Kind::Detected), end));
                }
                (Said::Milestone(kind), minutes)
            }
        }
    }

    /// From `at` to the milestone the sentence is about, and to the next one.
    fn from(&self, at: DateTime<FixedOffset>, subject: Option<Subject>) -> Vec<i64> {
        let later = self.instants().into_iter().filter(|t| *t > at);
        let mut minutes: Vec<i64> = later.take(1).map(|t| (t - at).num_minutes()).collect();
        let end = match subject {
            Some(Subject::Milestone(kind)) => self.at(kind),
            Some(Subject::Impact) => self.impact_end,
            None => None,
        };
        minutes.extend(end.filter(|t| *t > at).map(|t| (t - at).num_minutes()));
        minutes
    }

    /// Minutes between each milestone and the next.
    fn consecutive(&self) -> Vec<i64> {
        let mut all: Vec<_> = self.milestones.iter().map(|m| m.1).collect();
        all.sort();
        all.windows(2)
            .map(|w| (w[1] - w[0]).num_minutes())
            .filter(|m| *m > 0)
            .collect()
    }
}

impl Held {
    /// The finding's message for the duration written `stated`.
    pub(super) fn message(&self, stated: &str) -> String {
        match self.said {
            Said::Anything => {
                format!(
                    "\"{stated}\" matches no interval between milestones, nor the impact window"
                )
            }
            Said::Impact => {
                format!("\"{stated}\", said of the impact, does not match the impact window")
            }
            Said::Milestone(kind) => format!(
                "\"{stated}\", said of the {}, does not match the time to {}",
                noun(kind),
                verb(kind)
            ),
            Said::From(kind) => format!(
                "\"{stated}\", counted from the {} milestone, matches no interval from it",
                kind.name()
            ),
            Said::More => {
                format!("\"{stated}\", said as more time, matches no gap between milestones")
            }
        }
    }

    /// The finding's help: the intervals the duration was held to.
    pub(super) fn help(&self) -> String {
        let listed = || {
            let mut minutes = self.minutes.clone();
            minutes.sort_unstable();
            minutes.dedup();
            let words: Vec<String> = minutes.into_iter().map(duration).collect();
            words.join(", ")
        };
        let what = match (self.said, self.window) {
            (Said::Anything | Said::Impact, Some(window)) => {
                format!("the impact window is {}", duration(window))
            }
            (Said::Anything | Said::Impact, None) => String::new(),
            (Said::Milestone(kind), _) => format!("the time to {} is {}", verb(kind), listed()),
            (Said::From(kind), _) => format!("from {} it is {}", kind.name(), listed()),
            (Said::More, _) => format!("consecutive milestones are {} apart", listed()),
        };
        match what.is_empty() {
            true => "correct the prose or the timeline".to_string(),
            false => format!("{what}; correct the prose or the timeline"),
        }
    }
}

fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Detected => "detection",
        Kind::Acknowledged => "acknowledgement",
        Kind::Identified => "cause's identification",
        Kind::Mitigated => "mitigation",
        _ => "resolution",
    }
}

fn verb(kind: Kind) -> &'static str {
    match kind {
        Kind::Detected => "detect",
        Kind::Acknowledged => "acknowledge",
        Kind::Identified => "identify the cause",
        Kind::Mitigated => "mitigate",
        _ => "resolve",
    }
}
