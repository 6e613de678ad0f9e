//! One module per rule: its documentation next to its check. Rules that the
//! parser reports (`encoding`, `front-matter`, `schema`, and the reading part
//! of `timestamp`) document there what `src/document` finds.

use crate::rule_table::{declare_rule_modules, rule_table};

rule_table!(declare_rule_modules);
