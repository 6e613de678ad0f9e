//! One module per rule: its documentation next to its check. Rules that the
//! parser reports (`encoding`, `front-matter`, `schema`, and the reading part
//! of `timestamp`) document there what `src/document` finds.

use crate::rule_table::rule_table;

/// The rule modules and the table of their metadata, in `Rule::ALL` order.
macro_rules! declare_rule_modules {
    ($(($variant:ident, $id:literal, $module:ident)),* $(,)?) => {
        $(pub(crate) mod $module;)*

        /// Every rule's registry entry, indexed by [`Rule::index`](crate::diagnostic::Rule::index).
        pub(crate) static RULES: [crate::lint::registry::RuleInfo; crate::diagnostic::Rule::COUNT] =
            [$($module::INFO),*];
    };
}

rule_table!(declare_rule_modules);
