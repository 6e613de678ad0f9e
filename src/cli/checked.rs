//! What render, the site build and `new --from` share before they write:
//! the lint options from the command line and the configuration, and
//! showing a file's findings the way lint does, refusing it when one is an
//! error.

use crate::output;
use chrono::{DateTime, Utc};
use postmortem::config::Settings;
use postmortem::diagnostic::{Finding, Severity};
use postmortem::document::Document;
use postmortem::lint;
use postmortem::report::{self, FileReport, Format};
use std::sync::Arc;

/// Lint options for a command: "now" (from `--now`, `POSTMORTEM_NOW` or
/// the clock) and the project's settings.
pub(super) fn options(now: DateTime<Utc>, settings: &Settings) -> lint::Options {
    lint::Options {
        now,
        settings: Arc::new(settings.clone()),
    }
}

/// Shows `findings` of the file shown as `shown` (positions in `text`) on
/// standard error, as `lint` would, so stdout keeps only what is written;
/// gives back `document` when none of them is an error.
pub(super) fn check_or_refuse(
    shown: &str,
    text: &str,
    findings: &[Finding],
    document: Option<Document>,
) -> Option<Document> {
    let file = FileReport {
        path: shown,
        text,
        findings,
    };
    output::print_diagnostics(&report::render(Format::Human, file, true));
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    document.filter(|_| !errors)
}
