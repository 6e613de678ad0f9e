//! The postmortem document: splitting a file into front matter and body,
//! reading the front matter into typed values with positions, parsing and
//! placing timestamps, and finding the body's sections.

mod action;
mod action_items;
pub mod argument;
pub(crate) mod body;
mod facts;
pub(crate) mod foreign;
pub(crate) mod internal;
pub mod issue;
pub mod json_schema;
pub(crate) mod markdown;
pub mod model;
pub(crate) mod names;
pub(crate) mod schema;
pub use crate::span;
pub mod split;
pub mod stamp;
pub mod time;
mod timeline_entries;
pub mod zone;

pub use model::{
    ActionItem, ActionKind, ActionStatus, Document, Entry, Impact, Kind, Placement, Priority,
    Stamp, Status,
};

use crate::diagnostic::{Finding, Rule};
use span::Span;
use split::SplitError;

/// A file read as far as it could be: the document, if the front matter was
/// YAML, and what stood in the way.
#[derive(Debug)]
pub struct Parsed {
    /// The document, when its front matter could be read at all.
    pub document: Option<Document>,
    /// `encoding`, `front-matter`, `schema` and `timestamp` findings.
    pub findings: Vec<Finding>,
}

/// Reads a postmortem from its text.
pub fn parse(text: &str) -> Parsed {
    parse_with(text, &[])
}

/// Reads a postmortem from its text, accepting the front matter keys
/// `extra_keys` (from postmortem.yml) besides the format's own.
pub(crate) fn parse_with(text: &str, extra_keys: &[String]) -> Parsed {
    match split::split(text) {
        Ok(parts) => parse_parts(text, &parts, extra_keys),
        Err(error) => unreadable(front_matter_finding(text, error)),
    }
}

fn parse_parts(text: &str, parts: &split::Parts, extra_keys: &[String]) -> Parsed {
    let yaml = &text[parts.yaml.start..parts.yaml.end];
    let root = match crate::yaml::parse(yaml, parts.yaml.start) {
        Ok(root) => root,
        Err(error) => {
            let finding = Finding::new(Rule::FrontMatter, error.span, error.message);
            return unreadable(finding.with_help(error.help));
        }
    };
    let body = body::parse(&text[parts.body.start..parts.body.end], parts.body.start);
    let mut fields = crate::yaml::fields::Fields::default();
    let document = schema::document(&root, parts, body, text, &mut fields, extra_keys);
    if let Some(finding) = foreign::blog_post(&root, parts.yaml.start, document.has_timeline) {
        return unreadable(finding);
    }
    Parsed {
        document: Some(document),
        findings: fields.findings,
    }
}

/// Reads a postmortem from raw bytes, reporting text that is not UTF-8.
/// Returns the text used for positions alongside the result.
pub fn parse_bytes(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Parsed) {
    parse_bytes_with(bytes, &[])
}

/// [`parse_bytes`], accepting the front matter keys `extra_keys`.
pub fn parse_bytes_with<'b>(
    bytes: &'b [u8],
    extra_keys: &[String],
) -> (std::borrow::Cow<'b, str>, Parsed) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.into(), parse_with(text, extra_keys)),
        Err(error) => {
            let offset = error.valid_up_to();
            let byte = bytes.get(offset).copied().unwrap_or(0);
            let finding = Finding::new(
                Rule::Encoding,
                Span::new(offset, offset + 1),
                format!("the file is not UTF-8: byte 0x{byte:02X} at offset {offset}"),
            )
            .with_help("save the file as UTF-8");
            (String::from_utf8_lossy(bytes), unreadable(finding))
        }
    }
}

/// The result for a file over the size limit, which was not read.
pub fn too_large(size: u64, limit: u64) -> Parsed {
    let finding = Finding::new(
        Rule::Encoding,
        Span::new(0, 0),
        format!(
            "the file is {size} bytes, over the {limit} a postmortem may have; it was not read"
        ),
    )
    .with_help("split the file, or check that the path names a postmortem");
    unreadable(finding)
}

fn unreadable(finding: Finding) -> Parsed {
    Parsed {
        document: None,
        findings: vec![finding],
    }
}

fn front_matter_finding(text: &str, error: SplitError) -> Finding {
    match error {
        SplitError::Missing { first_line } => foreign::no_front_matter(text, first_line),
        SplitError::Unterminated { open } => {
            Finding::new(Rule::FrontMatter, open, "the front matter is never closed")
                .with_help("end the front matter with a `---` line before the Markdown body")
        }
    }
}
