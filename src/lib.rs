//! `postmortem`: read, check and render incident postmortems kept as
//! Markdown files with YAML front matter.
//!
//! The library never prints and never exits: [`document::parse`],
//! [`lint::check`] and [`render::model`] are functions from text and options
//! to data. The `postmortem` binary parses arguments, prints and exits.

pub mod diagnostic;
pub mod discover;
pub mod document;
pub mod error;
pub mod lint;
pub mod render;
pub mod report;
pub mod write;

pub use error::Error;
