//! `lint --fix`, `--unsafe-fixes` and `--diff`: one file's fixes, written
//! through the same locked, mode-keeping atomic edit as `timeline add`, or
//! shown as a unified diff without writing.

use crate::cli::Failure;
use postmortem::lint::fix::{self, Allowed, Fixed};
use postmortem::{lint, write};
use std::path::Path;

/// What `lint` does with the fixes it knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// Reports findings only.
    Report,
    /// Applies the fixes `Allowed` admits.
    Fix(Allowed),
    /// Prints what those fixes would change and writes nothing.
    Diff(Allowed),
}

impl Mode {
    /// The mode the flags ask for.
    pub(super) fn new(fix: bool, unsafe_fixes: bool, diff: bool) -> Self {
        let allowed = if unsafe_fixes {
            Allowed::Unsafe
        } else {
            Allowed::Safe
        };
        // `--unsafe-fixes` alone writes nothing: only `--fix` writes.
        match (diff, fix) {
            (true, _) => Self::Diff(allowed),
            (false, true) => Self::Fix(allowed),
            (false, false) => Self::Report,
        }
    }
}

/// One file after its fixes: the text its findings refer to, the fixes'
/// outcome and, in diff mode, the diff.
pub(super) struct FileFix {
    pub(super) fixed: Fixed,
    pub(super) diff: Option<String>,
}

/// Fixes the file at `path` (shown as `shown`) as `mode` asks.
pub(super) fn fix_file(
    path: &Path,
    shown: &str,
    text: &str,
    checked: lint::Checked,
    mode: Mode,
    options: &lint::Options,
) -> Result<FileFix, Failure> {
    let (allowed, writes) = match mode {
        Mode::Fix(allowed) => (allowed, true),
        Mode::Diff(allowed) => (allowed, false),
        Mode::Report => (Allowed::Safe, false),
    };
    let first = fix::fix_checked(text, checked, options, allowed);
    if first.fixed == 0 {
        return Ok(FileFix {
            fixed: first,
            diff: None,
        });
    }
    if !writes {
        let diff = unified(shown, text, &first.text);
        return Ok(FileFix {
            fixed: first,
            diff: Some(diff),
        });
    }
    // The file may have changed since it was read: fix what is there at
    // the time of the write, under the lock (what was read needs no second
    // fixing).
    let mut last = None;
    write::edit::<Failure>(path, |current| {
        if current == text {
            last = None;
            return Ok(first.text.clone());
        }
        let fixed = fix::fix(current, options, allowed);
        let text = fixed.text.clone();
        last = Some(fixed);
        Ok(text)
    })?;
    Ok(FileFix {
        fixed: last.unwrap_or(first),
        diff: None,
    })
}

/// A unified diff of `before` and `after`, with three lines of context.
fn unified(shown: &str, before: &str, after: &str) -> String {
    // git's a/ and b/ prefixes, for relative paths only (as `diff -u` shows
    // an absolute one).
    let (old, new) = if Path::new(shown).is_absolute() {
        (shown.to_string(), shown.to_string())
    } else {
        (format!("a/{shown}"), format!("b/{shown}"))
    };
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&old, &new)
        .to_string()
}
