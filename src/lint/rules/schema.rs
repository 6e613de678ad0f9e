//! `schema`: keys and values that do not fit format v1 (reported while the
//! document is read, in `document::fields` and `document::schema`).

use crate::diagnostic::{Applicability, Finding, Rule};
use crate::document::Document;
use crate::lint::registry::{FixInfo, Context, Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::Schema,
    level: Level::Error,
    summary: "unknown or duplicate key, wrong type, missing title or timeline, unknown value",
    docs: "\
What it catches: a key format v1 does not know (with the key you probably
meant), a key given twice, a value of the wrong type (a list where text
belongs; a number or boolean where text or a time belongs, such as
`at: 1430` or `title: yes`), a missing `title` or `timeline`, and a value
outside its set (`severity: SEV5`, `kind: fixed`, `status: done`).

Why it matters: a misspelt key is silently ignored by most tools, so the fact
it held is lost. Unquoted `yes`, `no` and `1430` are read as a boolean or a
number by many YAML readers (blog engines included), not as the text you wrote.

Failing:
    title: yes
    severty: SEV2
    timeline:
      - at: 1430

Fixed:
    title: \"yes\"
    severity: SEV2
    timeline:
      - at: 2026-05-14 14:30",
    fix: Some(FixInfo {
        applicability: &[Applicability::Safe, Applicability::Unsafe],
        what: "safe: a number or boolean where text or a time belongs is quoted as written \
             (`title: yes` -> `title: \"yes\"`), and a time YAML read as a number is written \
             as the clock time (`at: 1430` -> `at: \"14:30\"`). Unsafe: an unknown key with one \
             clear did-you-mean is renamed to it (`sevrity` -> `severity`).",
    }),
    check: Some(check),
};

// Severities are project settings, so they are checked here rather than by
// the parser.
fn check(document: &Document, context: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = &document.severity else {
        return;
    };
    let allowed = &context.settings.severities;
    if allowed.iter().any(|(name, _)| *name == severity.value) {
        return;
    }
    let names: Vec<&str> = allowed.iter().map(|(name, _)| name.as_str()).collect();
    let near = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(&severity.value));
    let help = match near {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("use one of: {}", names.join(", ")),
    };
    let message = format!("`{}` is not a valid severity", severity.value);
    out.push(Finding::new(Rule::Schema, severity.span, message).with_help(help));
}
