//! The counts of a lint run (errors, warnings, files, fixable and fixed
//! findings) and the summary line people read at its end.

use crate::diagnostic::{Applicability, Finding, Severity};

/// Counts across a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Files checked.
    pub files: usize,
    /// Findings `--fix` would repair.
    pub fixable: usize,
    /// Findings only `--fix --unsafe-fixes` would repair.
    pub unsafe_fixable: usize,
    /// Findings repaired by this run's fixes.
    pub fixed: usize,
    /// Whether this run applied (or showed) fixes.
    pub fixing: bool,
    /// Whether those included the unsafe ones.
    pub unsafe_fixes: bool,
    /// Whether the fixes were only shown (`--diff`), not written.
    pub shown_only: bool,
}

impl Totals {
    /// Adds one file's findings.
    pub fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for finding in findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            match finding.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => self.fixable += 1,
                Some(Applicability::Unsafe) => self.unsafe_fixable += 1,
                _ => {}
            }
        }
    }

    /// Adds the counts of `other`, one file's (whether the run fixes is the
    /// run's, set by [`Reporter::fixing`]).
    pub fn merge(&mut self, other: Totals) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.files += 1;
        self.fixable += other.fixable;
        self.unsafe_fixable += other.unsafe_fixable;
        self.fixed += other.fixed;
    }

    /// `2 errors, 1 warning in 3 files`, and what fixes can do.
    pub fn summary(&self) -> String {
        let counts = format!(
            "{}, {} in {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.files, "file")
        );
        let more = match self.unsafe_fixable {
            _ if self.unsafe_fixes => String::new(),
            0 => String::new(),
            n => format!(" ({n} more with `--unsafe-fixes`)"),
        };
        if self.fixing {
            let done = if self.shown_only {
                "would be fixed"
            } else {
                "fixed"
            };
            return format!("{counts}; {} {done}{more}", plural(self.fixed, "finding"));
        }
        match (self.fixable, self.unsafe_fixable) {
            (0, 0) => counts,
            (0, n) => format!("{counts}; {n} fixable with `--fix --unsafe-fixes`"),
            (n, _) => format!("{counts}; {n} fixable with `--fix`{more}"),
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
