//! Splitting any text into front matter and body never panics, and the parts
//! it returns are in order and inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::document::split::split;

fuzz_target!(|text: &str| {
    if let Ok(parts) = split(text) {
        assert!(parts.open.end <= parts.yaml.start);
        assert!(parts.yaml.start <= parts.yaml.end && parts.yaml.end <= parts.body.start);
        assert!(parts.body.end == text.len());
    }
});
