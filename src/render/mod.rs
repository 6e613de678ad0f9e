//! Rendering: the normalized model of a postmortem (the render context every
//! output format is made from) and its JSON form.

mod build;
mod catalog;
pub mod charts;
pub(crate) mod compose;
pub mod context;
mod describe;
pub(crate) mod display;
pub(crate) mod figure;
mod figure_narrow;
pub mod html;
mod inert;
mod internal;
mod meta;
pub mod model;
pub mod page;
pub mod site;
pub mod templates;
pub mod view;

pub use build::{file_slug, model, model_of_file};
pub use model::Model;

/// The normalized document as pretty-printed JSON, ending in a newline:
/// each fact once, so `days` (the timeline grouped for templates, every
/// entry again) is left out; `timeline` has every entry with its date.
pub fn to_json(model: &Model) -> String {
    // The model holds only strings, numbers, booleans and lists.
    let mut json = serde_json::to_string_pretty(&model.view()).unwrap_or_default();
    json.push('\n');
    json
}
