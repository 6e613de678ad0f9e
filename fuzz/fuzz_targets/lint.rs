//! Linting any bytes never panics, every finding points inside the text, and
//! both reporters can show it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::report::{FileReport, Format, render};
use postmortem::{document::stamp, lint};

fuzz_target!(|bytes: &[u8]| {
    let Ok(now) = stamp::instant("2026-03-05T12:00:00Z") else { return };
    let (text, checked) = lint::check_bytes(bytes, &lint::Options::new(now));
    for finding in &checked.findings {
        assert!(finding.span.start <= text.len() + 1);
    }
    let report = FileReport { path: "fuzz.md", text: &text, findings: &checked.findings };
    let _ = render(Format::Human, report, false);
    let _ = render(Format::Json, report, false);
});
