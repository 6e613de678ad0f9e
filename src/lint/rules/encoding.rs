//! `encoding`: the file cannot be read as text: it is not UTF-8 (reported
//! by `document::parse_bytes`) or larger than a postmortem may be.

use crate::diagnostic::Rule;
use crate::lint::registry::{Level, RuleInfo};

/// The rule's registry entry.
pub(crate) const INFO: RuleInfo = RuleInfo {
    rule: Rule::Encoding,
    level: Level::Error,
    summary: "the file is not valid UTF-8, or too large to read",
    docs: "\
What it catches: bytes that are not UTF-8, such as a file saved as Latin-1 or
Windows-1252 by an editor, or binary pasted in. The finding names the offset of
the first bad byte. A file over 64 MiB is not read at all and gets this
finding instead (a path that names a log or a dump by mistake).

Why it matters: every other check, and every renderer, reads text. A file that
is not UTF-8 cannot be checked at all, so nothing else is reported until it is
fixed.

Failing: a file containing the byte 0xE9 (Latin-1 `é`) in `Caf\\xE9`.

Fixed: the same file saved as UTF-8 (`Café`).",
    fix: None,
    check: None,
};
