//! The body as rendered: internal parts (see [`crate::document::internal`])
//! left out of public versions.

use crate::document::Document;
use crate::document::internal::Internal;

/// The Markdown body, without the `internal` parts when `public`. An
/// opening marker never closed hides the rest (lint reports it).
pub(super) fn body(document: &Document, internal: &Internal, text: &str, public: bool) -> String {
    let span = document.body.span;
    let body = text.get(span.start..span.end).unwrap_or("");
    if !public {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len());
    let mut kept_from = 0;
    for region in &internal.regions {
        let start = region.start.saturating_sub(span.start).min(body.len());
        out.push_str(body.get(kept_from..start).unwrap_or(""));
        kept_from = region.end.saturating_sub(span.start).min(body.len());
    }
    out.push_str(body.get(kept_from..).unwrap_or(""));
    out
}
