//! `internal-marker`: `<!-- internal -->` and `<!-- /internal -->` that do
//! not pair up.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::document::body::{INTERNAL_CLOSE, INTERNAL_OPEN};
use crate::document::span::Span;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub const INFO: RuleInfo = RuleInfo {
    rule: Rule::InternalMarker,
    level: Level::Error,
    summary: "an `<!-- internal -->` marker without its `<!-- /internal -->`, or the reverse",
    docs: "\
What it catches: body text meant for the internal version only is written
between `<!-- internal -->` and `<!-- /internal -->`. The rule reports an
opening marker that is never closed, a closing marker with nothing open, and
an opening marker inside an internal part that is already open.

Why it matters: public renderings and site builds leave internal parts out.
With a marker missing, either internal text (customer names, credentials in a
log line, a vendor dispute) is published, or the public version loses the rest
of the document.

Failing:
    ## Root cause
    <!-- internal -->
    The vendor's failover script was untested.

Fixed:
    ## Root cause
    <!-- internal -->
    The vendor's failover script was untested.
    <!-- /internal -->",
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    let mut open: Option<Span> = None;
    for comment in &document.body.comments {
        match comment.value.as_str() {
            INTERNAL_OPEN => {
                if open.is_some() {
                    let message = "an internal part is opened again before the open one is closed";
                    out.push(
                        Finding::new(Rule::InternalMarker, comment.span, message)
                            .with_help("close the first with `<!-- /internal -->`"),
                    );
                }
                open = Some(comment.span);
            }
            INTERNAL_CLOSE if open.take().is_none() => {
                let message = "`<!-- /internal -->` closes nothing";
                out.push(Finding::new(Rule::InternalMarker, comment.span, message).with_help("add `<!-- internal -->` where the internal part begins, or remove this marker"));
            }
            _ => {}
        }
    }
    if let Some(span) = open {
        let message = "`<!-- internal -->` is never closed: everything after it would be left out of public versions";
        out.push(
            Finding::new(Rule::InternalMarker, span, message)
                .with_help("add `<!-- /internal -->` where the internal part ends"),
        );
    }
}
