//! `postmortem`: read, check and render incident postmortems kept as
//! Markdown files with YAML front matter.
//!
//! The library never prints and never exits: [`document::parse`],
//! [`lint::check`] and [`render::model`] are functions from text and options
//! to data. The `postmortem` binary parses arguments, prints and exits.
//!
//! ```
//! use postmortem::{diagnostic::Rule, document::stamp, lint};
//!
//! let text = "---
//! title: Checkout errors
//! timezone: Europe/Berlin
//! timeline:
//!   - at: 2026-03-01 23:50
//!     kind: start
//!   - at: 00:10
//!     kind: detected
//! ---
//! ";
//! let options = lint::Options::new(stamp::instant("2026-03-05T12:00:00Z").unwrap());
//! let checked = lint::check(text, &options);
//! let order = checked.findings.iter().find(|f| f.rule == Rule::TimelineOrder).unwrap();
//! assert_eq!(order.help.as_deref(), Some("the date probably changed: write `2026-03-02 00:10`"));
//! ```

pub mod author;
pub mod collection;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod document;
pub mod duration;
pub mod error;
pub mod escape;
pub mod lint;
pub mod render;
pub mod report;
mod rule_table;
pub mod serve_http;
#[cfg(feature = "cli")]
pub mod server;
pub mod site;
pub mod slug;
pub mod span;
pub mod suggest;
pub mod tracker;
pub mod write;
pub mod yaml;

// The types a program using the library works with, at the crate root.
pub use config::{Config, Settings};
pub use diagnostic::{Finding, Rule, Severity};
pub use document::{ActionItem, ActionStatus, Document, Entry, Kind, Stamp, Status};
pub use error::Error;
pub use lint::{Checked, Options};
pub use render::Model;
pub use report::{Emitter, FileReport, Format, Reporter};
pub use span::Span;
