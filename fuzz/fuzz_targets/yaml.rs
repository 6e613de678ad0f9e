//! The YAML tree builder on any text: it never panics, returns within its
//! budgets, and every span (key, value, error) lies inside the text, values
//! on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::yaml::{self, Node, Value};

fn check(node: &Node, text: &str, base: usize) {
    let end = base + text.len();
    assert!(node.span.start >= base && node.span.start <= node.span.end && node.span.end <= end);
    assert!(text.is_char_boundary(node.span.start - base));
    assert!(text.is_char_boundary(node.span.end - base));
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|item| check(item, text, base)),
        Value::Map(entries) => {
            for entry in entries {
                assert!(entry.key.span.start >= base && entry.key.span.end <= end);
                check(&entry.value, text, base);
            }
        }
        _ => {}
    }
}

fuzz_target!(|text: &str| {
    // An offset, as the front matter has in a file.
    let base = 4;
    match yaml::parse(text, base) {
        Ok(root) => check(&root, text, base),
        Err(error) => {
            assert!(error.span.start >= base && error.span.start <= base + text.len());
            assert!(!error.message.is_empty() && !error.message.contains("Error {"));
        }
    }
});
