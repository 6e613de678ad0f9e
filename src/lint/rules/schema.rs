//! `schema`: keys and values that do not fit format v1 (reported while the
//! document is read, in `document::fields` and `document::schema`).

use crate::diagnostic::Rule;
use crate::lint::registry::{Level, RuleInfo};

/// The rule's registry entry.
pub const INFO: RuleInfo = RuleInfo {
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
    check: None,
};
