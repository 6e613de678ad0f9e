//! `adopt`: a Markdown postmortem written without the tool (no front
//! matter, or a blog engine's) turned into one in the postmortem format.
//! The body is kept byte for byte; the front matter is written from what
//! the document states: its title, its dates, the zone of its times
//! wherever a statement gives it, and its timeline as people write one
//! (list items, tables, headings, bold-led paragraphs, `<br>`-joined lines,
//! times alone on their line), each entry's whole text kept as written.
//! What looks like an entry and could not be read is reported with its
//! line and reason, as are the decisions a reader should check.

mod build;
mod clock;
mod contexts;
mod dates;
mod front;
mod headers;
mod kinds;
mod lead;
mod pieces;
mod report;
mod resolve;
mod rows;
mod scan;
mod sections;
mod statements;
mod write;
mod zone_names;
mod zones;

use chrono_tz::Tz;

/// What adopt may be told.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The zone of the document's times, whatever it says.
    pub zone: Option<Tz>,
    /// The file's name: a date it starts with (`2026-05-14-db.md`) is the
    /// day of times written without one when the document states none.
    pub file_name: Option<String>,
}

/// A line that looks like a timeline entry and was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    /// Its line in the file, from 1.
    pub line: usize,
    /// The line's text.
    pub text: String,
    /// Why it was not read.
    pub why: String,
}

/// A decision a reader should check: the zone and dates taken, and from
/// where; statements that name no zone; milestones left as notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The line it concerns in the file, from 1, if one.
    pub line: Option<usize>,
    /// What was decided.
    pub text: String,
}

/// The adopted document and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adopted {
    /// The file in the postmortem format.
    pub text: String,
    /// Timeline entries read.
    pub entries: usize,
    /// Entries whose date could not be told (written as a time alone).
    pub undated: usize,
    /// The zone used, if one was stated or given.
    pub zone: Option<Tz>,
    /// Blog keys kept from the original front matter.
    pub kept: Vec<String>,
    /// Lines that look like entries and were not read.
    pub unread: Vec<Unread>,
    /// The decisions taken, for the reader to check.
    pub notes: Vec<Note>,
}

/// Why a file was not adopted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AdoptError {
    /// It is already a postmortem in this format.
    #[error("it is already a postmortem in this format (its front matter has `timeline`)")]
    Ours,
    /// Its front matter cannot be read.
    #[error("{0}")]
    Front(String),
}

/// `text` in the postmortem format.
///
/// # Errors
/// When `text` is already ours or its front matter cannot be read.
pub fn adopt(text: &str, options: &Options) -> Result<Adopted, AdoptError> {
    if front::is_ours(text) {
        return Err(AdoptError::Ours);
    }
    let front = front::read(text).map_err(AdoptError::Front)?;
    let body = &text[front.body..];
    let first_line = text[..front.body].matches('\n').count() + 1;
    let pieces = pieces::pieces(body);
    let sections = sections::sections(&pieces);
    let built = build::build(&pieces, &sections);
    let (day_first, month_first) = dates::order_evidence(text);
    let order = match (day_first > 0, month_first > 0) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    };
    let title = front
        .title
        .clone()
        .or_else(|| statements::title(&pieces))
        .or_else(|| {
            options
                .file_name
                .as_deref()
                .map(statements::title_from_name)
        })
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Untitled postmortem".into());
    let file_date = options.file_name.as_deref().and_then(front::date);
    let (dates, day) = statements::dates(&pieces, &sections, &title, front.date, file_date, order);
    let resolved = resolve::resolve(&built.entries, &dates);
    let context = write::Context {
        title,
        front: &front,
        options,
        pieces: &pieces,
        sections: &sections,
        body,
        first_line,
        day,
        order: (day_first, month_first),
    };
    Ok(write::adopted(&context, &built, resolved))
}
