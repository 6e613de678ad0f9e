//! The rule registry: for every rule its one-line summary, its documentation
//! (kept in the rule's own file), its default level for a document's status,
//! and the check that runs on a parsed document.

use super::prose::Prose;
use super::rules;
use crate::diagnostic::{Finding, Rule, Severity};
use crate::document::{Document, Status};
use chrono::{DateTime, Utc};

/// What a check may look at besides the document.
#[derive(Clone, Copy, Debug)]
pub struct Context<'s> {
    /// "Now", for future timestamps and overdue items.
    pub now: DateTime<Utc>,
    /// The file's text, for narrowing a span to the words in it.
    pub source: &'s str,
    /// The project's settings.
    pub settings: &'s crate::config::Settings,
    /// The document's prose, cut into words once for the rules that read it.
    pub(crate) prose: &'s Prose<'s>,
}

/// A check on a parsed document; parser-stage rules have none.
pub type Check = fn(&Document, &Context, &mut Vec<Finding>);

/// How a rule's default level depends on the document's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Always an error.
    Error,
    /// Always a warning.
    Warning,
    /// A warning, an error once the postmortem is in review or published.
    ErrorFromReview,
    /// A warning, an error once the postmortem is published.
    ErrorWhenPublished,
}

impl Level {
    /// The severity for a document with `status`.
    pub fn severity(self, status: Status) -> Severity {
        let error = match self {
            Level::Error => true,
            Level::Warning => false,
            Level::ErrorFromReview => status >= Status::Review,
            Level::ErrorWhenPublished => status == Status::Published,
        };
        if error {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// How the level reads in rule listings.
    pub fn describe(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::ErrorFromReview => "warning; error from review",
            Level::ErrorWhenPublished => "warning; error if published",
        }
    }
}

/// Everything known about one rule.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Its default level.
    pub level: Level,
    /// One line: what it catches.
    pub summary: &'static str,
    /// What it catches, why it matters, a failing and a fixed example.
    pub docs: &'static str,
    /// The fix it offers, when it has one.
    pub fix: Option<FixInfo>,
    /// The check, for rules that look at a parsed document.
    pub check: Option<Check>,
}

/// What a rule's fix does, and every applicability its fixes may have: a
/// test holds each rule to emitting only what it declares here.
#[derive(Clone, Copy, Debug)]
pub struct FixInfo {
    /// The applicabilities of the fixes the rule emits.
    pub applicability: &'static [crate::diagnostic::Applicability],
    /// What the fix changes and why it is that applicability, for `explain`.
    pub what: &'static str,
}

/// Every rule, in documentation order.
pub fn all() -> &'static [RuleInfo; Rule::COUNT] {
    &rules::RULES
}

/// The information about `rule`.
pub fn info(rule: Rule) -> &'static RuleInfo {
    &rules::RULES[rule.index()]
}
