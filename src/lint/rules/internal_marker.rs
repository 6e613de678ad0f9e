//! `internal-marker`: `<!-- internal -->` and `<!-- /internal -->` that do
//! not pair up.

use crate::diagnostic::{Finding, Rule};
use crate::document::Document;
use crate::document::internal::Problem;
use crate::lint::registry::{Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::InternalMarker,
    level: Level::Error,
    summary: "an `<!-- internal -->` marker without its `<!-- /internal -->`, or the reverse",
    docs: "\
What it catches: body text meant for the internal version only is written
between `<!-- internal -->` and `<!-- /internal -->`. The rule reports an
opening marker that is never closed, a closing marker with nothing open, and
an opening marker inside an internal part that is already open. Markers are
read case- and space-blind (`<!-- INTERNAL -->`, `<!--internal-->` and
`<!-- internal --->` all open a part), also inside an HTML block; a comment
whose first or last word is `internal` otherwise (`<!-- end internal -->`)
is reported, and public versions treat it as an opening, so a typo never
publishes what it was meant to hide.

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
    fix: None,
    check: Some(check),
};

fn check(document: &Document, _: &Context, out: &mut Vec<Finding>) {
    for (problem, span) in document.body.internal().problems {
        let (message, help) = match problem {
            Problem::Nested => (
                "an internal part is opened again before the open one is closed",
                "close the first with `<!-- /internal -->`",
            ),
            Problem::Stray => (
                "`<!-- /internal -->` closes nothing",
                "add `<!-- internal -->` where the internal part begins, or remove this marker",
            ),
            Problem::Unclosed => (
                "`<!-- internal -->` is never closed: everything after it would be left out of public versions",
                "add `<!-- /internal -->` where the internal part ends",
            ),
            Problem::NearMiss => (
                "this comment looks like an internal marker but is not one; public versions hide everything from here until a `<!-- /internal -->`",
                "write `<!-- internal -->` to open an internal part and `<!-- /internal -->` to close it, or reword the comment without the word `internal`",
            ),
        };
        out.push(Finding::new(Rule::InternalMarker, span, message).with_help(help));
    }
}
