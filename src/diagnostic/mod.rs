//! Findings: the problems `lint` reports in a postmortem, as data. A finding
//! names its rule, severity, byte span, message and an optional help line;
//! reporters turn spans into line and column with the file's [`LineIndex`].

mod fix;

pub use fix::{Applicability, Choice, Edit, Fix};

use crate::span::{LineIndex, Position, Span};
use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing; fails the run only under `--deny-warnings`.
    Warning,
    /// The postmortem contradicts itself or cannot be read; fails the run.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Warning => "warning",
            Self::Error => "error",
        })
    }
}

/// The `Rule` enum, its count, its ids and its index.
macro_rules! declare_rules {
    ($(($variant:ident, $id:literal, $module:ident)),* $(,)?) => {
        /// Every rule the linter knows, by its stable kebab-case id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl Rule {
            /// How many rules there are.
            pub const COUNT: usize = [$($id),*].len();

            /// All rules, in the order they are documented.
            pub const ALL: [Rule; Rule::COUNT] = [$(Rule::$variant),*];

            /// The id users write and see, such as `timeline-order`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)*
                }
            }

            /// The rule's place in [`Rule::ALL`], for tables indexed by rule.
            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

crate::rule_table::rule_table!(declare_rules);

impl Rule {
    /// The rule with id `id`, if there is one.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.id() == id)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One problem in one postmortem; serializes with its rule's id and its
/// span as byte offsets (reporters add lines and columns).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Rule,
    /// Error or warning (after the document's status is taken into account).
    pub severity: Severity,
    /// The offending value, as bytes of the whole file.
    pub span: Span,
    /// What is wrong, as a lowercase phrase.
    pub message: String,
    /// How to fix it, where that is known.
    pub help: Option<String>,
    /// The repair as edits, where the rule knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of `rule` at `span`; the severity is set by the linter.
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity: Severity::Error,
            span,
            message: message.into(),
            help: None,
            fix: None,
        }
    }

    /// The same finding with a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// The same finding with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Start and end positions of the span in `text`.
    pub fn positions(&self, text: &str, index: &LineIndex) -> (Position, Position) {
        (
            index.position(text, self.span.start),
            index.position(text, self.span.end),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_serializes_as_data_with_its_rule_id() {
        let finding = Finding::new(Rule::TimelineOrder, Span::new(3, 8), "out of order")
            .with_help("write the date");
        let value = serde_json::to_value(&finding).unwrap_or_default();
        assert_eq!(value["rule"], "timeline-order");
        assert_eq!(value["severity"], "error");
        assert_eq!(value["span"]["start"], 3);
        assert_eq!(value["message"], "out of order");
        assert_eq!(value["help"], "write the date");
    }
}
