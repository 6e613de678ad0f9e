//! `adopt` on any text: it returns data, and what it writes is a postmortem
//! that reads back and keeps the original body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::author::adopt::{Options, adopt};

fuzz_target!(|text: &str| {
    let options = Options {
        zone: None,
        file_name: Some("2026-05-14-incident.md".into()),
    };
    if let Ok(adopted) = adopt(text, &options) {
        assert!(postmortem::document::parse(&adopted.text).document.is_some());
        if !text.starts_with("---") && !text.starts_with("+++") {
            assert!(adopted.text.ends_with(text));
        }
    }
});
