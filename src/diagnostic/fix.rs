//! Fixes: the repair a rule knows for its finding, as edits of the file's
//! bytes, with how far it can be trusted.

use crate::span::Span;
use serde::Serialize;

/// How far a fix can be trusted, which decides who applies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Cannot change what the postmortem says: `lint --fix` applies it.
    Safe,
    /// Probably right, but worth a look: `lint --fix --unsafe-fixes`.
    Unsafe,
    /// A suggestion shown to the author, never applied by `--fix`; it may
    /// offer alternatives (both offsets of an ambiguous time).
    DisplayOnly,
}

impl Applicability {
    /// The name used in output and docs.
    pub fn name(self) -> &'static str {
        match self {
            Self::Safe => "safe",
            Self::Unsafe => "unsafe",
            Self::DisplayOnly => "display-only",
        }
    }
}

/// One replacement of a byte range; an empty range inserts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The bytes replaced, in the whole file.
    pub span: Span,
    /// What they are replaced with.
    pub content: String,
}

impl Edit {
    /// Replaces `span` with `content`.
    pub fn replace(span: Span, content: impl Into<String>) -> Self {
        Self {
            span,
            content: content.into(),
        }
    }

    /// Inserts `content` at byte `at`.
    pub fn insert(at: usize, content: impl Into<String>) -> Self {
        Self::replace(Span::point(at), content)
    }
}

/// One way to repair a finding: a short title (the literal replacement,
/// for an editor's quick-fix menu) and its edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// What the choice does, such as "write `2026-03-02 00:10`".
    pub title: String,
    /// The edits, not overlapping, in file order.
    pub edits: Vec<Edit>,
}

/// The repair of a finding: one choice, or several for a display-only fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Who may apply it.
    pub applicability: Applicability,
    /// The choices; `--fix` applies the first.
    pub choices: Vec<Choice>,
}

impl Fix {
    /// A fix of one choice.
    pub fn new(applicability: Applicability, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            applicability,
            choices: vec![Choice {
                title: title.into(),
                edits,
            }],
        }
    }

    /// A display-only fix offering each of `choices`.
    pub fn alternatives(choices: Vec<Choice>) -> Self {
        Self {
            applicability: Applicability::DisplayOnly,
            choices,
        }
    }

    /// The edits `--fix` would apply: the first choice's.
    pub fn edits(&self) -> &[Edit] {
        self.choices.first().map_or(&[], |c| c.edits.as_slice())
    }
}
