//! The text of a new postmortem from what `new` knows: front matter (written
//! by `front`, as for every new file) and the body's configured sections,
//! each with a `hint:` comment that the `placeholder` rule reports until the
//! author replaces it.

use super::emit::local_stamp;
use super::front::{NewFront, skeleton};
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

/// The front matter for `draft`, fences included.
pub fn front_matter(draft: &Draft) -> String {
    // With its offset when the local time happened twice (clocks going back).
    let start = local_stamp(draft.start.fixed_offset(), draft.start.timezone(), false);
    let timeline =
        format!("  - at: {start}\n    kind: start\n    event: TODO what users first noticed\n");
    NewFront {
        title: &draft.title,
        status: "draft",
        severity: draft.severity.as_deref(),
        timezone: Some(&draft.timezone),
        authors: &draft.authors,
        services: &draft.services,
        impact_start: Some(&start),
        timeline: &timeline,
        ..NewFront::default()
    }
    .write()
}

/// The whole new postmortem, its body with the project's `sections`.
pub fn document(draft: &Draft, sections: &[(String, Vec<String>)]) -> String {
    front_matter(draft) + &skeleton(sections, None)
}

/// The file name: `YYYY-MM-DD-slug.md` from the start date and the title.
pub fn file_name(date: chrono::NaiveDate, title: &str) -> String {
    format!("{date}-{}.md", slug(title))
}
