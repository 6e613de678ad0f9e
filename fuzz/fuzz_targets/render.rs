//! Rendering any document that parses never panics: the JSON model, the
//! Markdown page and the HTML page (public and internal).
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::render::{self, page, templates::Templates};
use postmortem::document;
use std::sync::OnceLock;

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::load(None).unwrap_or_else(|e| panic!("built-in templates: {e}")))
}

fuzz_target!(|text: &str| {
    if let Some(document) = document::parse(text).document {
        for public in [true, false] {
            let model = render::model(&document, text, public);
            assert!(render::to_json(&model).starts_with('{'));
            let _ = page::markdown(&model, templates(), page::FrontMatter::Plain, &[]);
            let _ = page::html(&model, templates(), false);
        }
    }
});
