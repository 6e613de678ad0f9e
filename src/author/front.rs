//! The one writer of a new postmortem's front matter, for `new`, the
//! importers and adopt: the keys in the format's order, each value written
//! so that it reads back as given (`emit`), and the skeleton of the body
//! from the project's configured sections, so a new file carries every
//! section its own lint requires.

use super::emit::{list, scalar};
use crate::document::body::Canonical;
use chrono::NaiveDate;

/// What a new postmortem's front matter says; empty fields are left out.
#[derive(Clone, Debug, Default)]
pub struct NewFront<'a> {
    /// `title`.
    pub title: &'a str,
    /// `status` (`draft` unless a blog said otherwise).
    pub status: &'a str,
    /// `severity`.
    pub severity: Option<&'a str>,
    /// `date`, the writing date.
    pub date: Option<NaiveDate>,
    /// `timezone`, an IANA name.
    pub timezone: Option<&'a str>,
    /// `authors`.
    pub authors: &'a [String],
    /// `services`.
    pub services: &'a [String],
    /// `tags`.
    pub tags: &'a [String],
    /// `summary`.
    pub summary: Option<&'a str>,
    /// `impact.start`, as a timeline writes it.
    pub impact_start: Option<&'a str>,
    /// The timeline's items, as YAML lines (`  - at: ...`), possibly none.
    pub timeline: &'a str,
    /// Other keys kept as written (a blog's `layout: post`), whole lines.
    pub kept: Vec<&'a str>,
}

impl NewFront<'_> {
    /// The front matter, fences included.
    pub fn write(&self) -> String {
        let mut out = format!("---\ntitle: {}\n", scalar(self.title));
        out.push_str(&format!("status: {}\n", self.status));
        let mut line = |key: &str, value: Option<String>| {
            if let Some(value) = value {
                out.push_str(&format!("{key}: {value}\n"));
            }
        };
        line("severity", self.severity.map(scalar));
        line("date", self.date.map(|d| d.to_string()));
        line("timezone", self.timezone.map(scalar));
        let listed = |items: &[String]| (!items.is_empty()).then(|| list(items));
        line("authors", listed(self.authors));
        line("services", listed(self.services));
        line("tags", listed(self.tags));
        line("summary", self.summary.map(scalar));
        if let Some(start) = self.impact_start {
            out.push_str(&format!("impact:\n  start: {start}\n"));
        }
        if self.timeline.is_empty() {
            out.push_str("timeline: []\n");
        } else {
            out.push_str("timeline:\n");
            out.push_str(self.timeline);
        }
        out.push_str("action_items: []\n");
        for kept in &self.kept {
            out.push_str(kept);
        }
        out.push_str("---\n");
        out
    }
}

/// What to write under each canonical section, for the `placeholder` rule
/// to remind the author of until it is replaced.
fn hint(canonical: Canonical) -> &'static str {
    match canonical {
        Canonical::Summary => {
            "two or three sentences: what happened, who was affected, for how long, how it ended"
        }
        Canonical::Impact => {
            "who and what was affected, how badly, for how long; numbers where there are numbers"
        }
        Canonical::Timeline => {
            "the table is generated from the front matter; log entries with `postmortem timeline add`"
        }
        Canonical::RootCause => {
            "the conditions that made this possible, not who pressed the button"
        }
        Canonical::Remediation => {
            "what changes, and why it prevents a repeat; list the items under `action_items`"
        }
        Canonical::LessonsLearned => "what this incident taught the team",
    }
}

/// The lessons-learned block every skeleton ends with, under its heading.
const LESSONS: &[(&str, &str)] = &[
    (
        "### What went well",
        "what helped detect, respond or recover",
    ),
    (
        "### What went wrong",
        "what slowed detection, response or recovery",
    ),
    (
        "### Where we got lucky",
        "what could have made it worse and did not",
    ),
];

/// The body of a new postmortem: a heading with its hint for each of the
/// project's required `sections` (`postmortem.yml`, the canonical five by
/// default), in their order, then Lessons learned; `note` goes first under
/// the first section (an import's link to its source record).
pub fn skeleton(sections: &[(String, Vec<String>)], note: Option<&str>) -> String {
    let mut out = String::new();
    let mut lessons = false;
    for (index, (name, aliases)) in sections.iter().enumerate() {
        let canonical = Canonical::from_heading_in(
            name,
            std::slice::from_ref(&(name.clone(), aliases.clone())),
        );
        let hint = canonical.map_or_else(
            || format!("what belongs under {name}"),
            |c| hint(c).to_string(),
        );
        out.push_str(&format!("\n## {name}\n\n"));
        if let (0, Some(note)) = (index, note) {
            out.push_str(&format!("{note}\n\n"));
        }
        out.push_str(&format!("<!-- hint: {hint} -->\n"));
        if canonical == Some(Canonical::LessonsLearned) {
            lessons = true;
            out.push_str(&lessons_block());
        }
    }
    if !lessons {
        let hint = hint(Canonical::LessonsLearned);
        out.push_str(&format!("\n## Lessons learned\n\n<!-- hint: {hint} -->\n"));
        out.push_str(&lessons_block());
    }
    out
}

fn lessons_block() -> String {
    LESSONS
        .iter()
        .map(|(heading, hint)| format!("\n{heading}\n\n<!-- hint: {hint} -->\n"))
        .collect()
}
