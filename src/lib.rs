//! `postmortem`: read, check and render incident postmortems kept as
//! Markdown files with YAML front matter.
//!
//! The library never prints and never exits: [`document::parse`] and
//! [`lint::check`] are functions from text and options to data.

pub mod diagnostic;
pub mod document;
pub mod lint;
