//! The integration tests, as one binary (one link of the crate, one allow
//! header): the CLI through real processes, files, terminals and a browser,
//! and the library through its public API.

// Tests fail by panicking; helpers outside #[test] functions do too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod adopt;
mod adopt_corpus;
mod adopt_shapes;
mod atomic;
mod author;
mod blog_engines;
mod browser;
mod browser_pages;
mod cli;
mod common;
mod config;
mod editor;
mod fixes;
mod floors;
mod formats;
mod hostile;
mod hostile_prose;
mod import;
mod import_hostile;
mod interactive;
mod lsp;
mod never_panics;
mod never_panics_authoring;
mod never_panics_http;
mod packaging;
mod postmortems;
mod prose_duration;
mod real_clock;
mod render;
mod render_config;
mod reports;
mod rules;
mod safety;
mod serve;
mod serve_browser;
mod serve_safety;
mod server;
mod server_safety;
mod server_wire;
mod site_both;
mod slow_writer;
mod trackers_fake;
mod trackers_github;
mod trackers_home;
mod trackers_jira;
mod trackers_linear;
mod trackers_prism;
mod typed_times;
mod zone_labels;
