//! The text of a new postmortem: front matter from what is known, and the
//! body's sections, each with a `hint:` comment that the `placeholder` rule
//! reports until the author replaces it.

use super::emit::{list, local_stamp, scalar};
use crate::slug::slug;
use chrono::DateTime;
use chrono_tz::Tz;

/// What is known when a postmortem is started.
#[derive(Clone, Debug)]
pub struct Draft {
    /// `title`.
    pub title: String,
    /// `severity`, such as `SEV2`.
    pub severity: Option<String>,
    /// When impact started, in `timezone`.
    pub start: DateTime<Tz>,
    /// IANA zone name.
    pub timezone: String,
    /// `services`.
    pub services: Vec<String>,
    /// `authors`.
    pub authors: Vec<String>,
}

/// The body sections with their hints, in canonical order.
const SECTIONS: &[(&str, &str)] = &[
    (
        "## Summary",
        "two or three sentences: what happened, who was affected, for how long, how it ended",
    ),
    (
        "## Impact",
        "who and what was affected, how badly, for how long; numbers where there are numbers",
    ),
    (
        "## Timeline",
        "the table is generated from the front matter; log entries with `postmortem timeline add`",
    ),
    (
        "## Root cause",
        "the conditions that made this possible, not who pressed the button",
    ),
    (
        "## Remediation",
        "what changes, and why it prevents a repeat; list the items under `action_items`",
    ),
    ("## Lessons learned", "what this incident taught the team"),
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

/// The front matter for `draft`, fences included.
pub fn front_matter(draft: &Draft) -> String {
    // With its offset when the local time happened twice (clocks going back).
    let start = local_stamp(draft.start.fixed_offset(), draft.start.timezone(), false);
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", scalar(&draft.title)));
    out.push_str("status: draft\n");
    if let Some(severity) = &draft.severity {
        out.push_str(&format!("severity: {}\n", scalar(severity)));
    }
    out.push_str(&format!("timezone: {}\n", scalar(&draft.timezone)));
    if !draft.authors.is_empty() {
        out.push_str(&format!("authors: {}\n", list(&draft.authors)));
    }
    if !draft.services.is_empty() {
        out.push_str(&format!("services: {}\n", list(&draft.services)));
    }
    out.push_str(&format!("impact:\n  start: {start}\n"));
    out.push_str(&format!(
        "timeline:\n  - at: {start}\n    kind: start\n    event: TODO what users first noticed\n"
    ));
    out.push_str("action_items: []\n---\n");
    out
}

/// The body skeleton.
pub fn body() -> String {
    let mut out = String::new();
    for (heading, hint) in SECTIONS {
        out.push_str(&format!("\n{heading}\n\n<!-- hint: {hint} -->\n"));
    }
    out
}

/// The whole new postmortem.
pub fn document(draft: &Draft) -> String {
    front_matter(draft) + &body()
}

/// The file name: `YYYY-MM-DD-slug.md` from the start date and the title.
pub fn file_name(date: chrono::NaiveDate, title: &str) -> String {
    format!("{date}-{}.md", slug(title))
}
