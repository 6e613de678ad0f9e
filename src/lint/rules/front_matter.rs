//! `front-matter`: no front matter, an unterminated one, or YAML that does
//! not parse (reported by `document::parse`).

use crate::diagnostic::Rule;
use crate::lint::registry::{Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::FrontMatter,
    level: Level::Error,
    summary: "missing or unterminated front matter, or invalid YAML",
    docs: "\
What it catches: a file that does not begin with a `---` line, a front matter
block that is never closed by `---` (or `...`), YAML that does not parse
(bad indentation, tabs, an unclosed quote or bracket), and YAML that expands
past the parser's limits (alias bombs, thousands of nested lists).

Why it matters: the front matter holds the facts every other rule checks.
Without it nothing else can be said about the file.

Failing:
    title: Outage
    timeline: []

Fixed:
    ---
    title: Outage
    timeline: []
    ---",
    fix: None,
    check: None,
};
