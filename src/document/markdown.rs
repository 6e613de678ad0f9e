//! The one way a body's Markdown is read: every reader (the body's
//! sections, lint's fix checks, render's composition, description and HTML)
//! builds its parser here, so they all see the same blocks (GitHub's
//! tables, strikethrough and task lists, as the blog engines do).

use pulldown_cmark::{Options, Parser};

/// The Markdown extensions every reader turns on.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// A parser over `text` with [`options`].
pub(crate) fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}
