//! Building the normalized model of any document that parses never panics,
//! and its JSON is valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::{document, render};

fuzz_target!(|text: &str| {
    if let Some(document) = document::parse(text).document {
        let json = render::to_json(&render::model(&document, text, true));
        assert!(json.starts_with('{'));
    }
});
