//! The body as rendered: internal parts (between `<!-- internal -->` and
//! `<!-- /internal -->`) left out of public versions.

use crate::document::Document;
use crate::document::body::{INTERNAL_CLOSE, INTERNAL_OPEN};

/// The Markdown body, without internal parts when `public`. An opening
/// marker never closed hides the rest (lint reports it as `internal-marker`).
pub fn body(document: &Document, text: &str, public: bool) -> String {
    let span = document.body.span;
    let body = text.get(span.start..span.end).unwrap_or("");
    if !public {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len());
    let mut kept_from = 0;
    let mut open: Option<usize> = None;
    for comment in &document.body.comments {
        let (start, end) = (
            comment.span.start - span.start,
            comment.span.end - span.start,
        );
        match comment.value.as_str() {
            INTERNAL_OPEN if open.is_none() => {
                out.push_str(&body[kept_from..start]);
                open = Some(start);
            }
            INTERNAL_CLOSE if open.is_some() => {
                open = None;
                kept_from = end;
            }
            _ => {}
        }
    }
    if open.is_none() {
        out.push_str(&body[kept_from.min(body.len())..]);
    }
    out
}
