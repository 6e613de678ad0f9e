//! The one list of rules. Each row names a rule's variant, the id users
//! write and see, and its module under `src/lint/rules/`, in documentation
//! order; everything else is generated from it, as ruff generates its
//! registry: the `Rule` enum with its ids (`diagnostic`), and the rule
//! modules with the table of their metadata (`lint::rules`). A new rule is
//! one row here and one file there.

/// Calls `$then!` with the rows of the table.
macro_rules! rule_table {
    ($then:ident) => {
        $then! {
            (Encoding, "encoding", encoding),
            (FrontMatter, "front-matter", front_matter),
            (Schema, "schema", schema),
            (Timestamp, "timestamp", timestamp),
            (Timezone, "timezone", timezone),
            (Dst, "dst", dst),
            (ZoneLabel, "zone-label", zone_label),
            (TimelineOrder, "timeline-order", timeline_order),
            (MilestoneDuplicate, "milestone-duplicate", milestone_duplicate),
            (MilestoneOrder, "milestone-order", milestone_order),
            (MilestoneMissing, "milestone-missing", milestone_missing),
            (ImpactWindow, "impact-window", impact_window),
            (DurationClaim, "duration-claim", duration_claim),
            (UpdateLate, "update-late", update_late),
            (FutureTime, "future-time", future_time),
            (SectionMissing, "section-missing", section_missing),
            (SectionEmpty, "section-empty", section_empty),
            (Placeholder, "placeholder", placeholder),
            (ActionItem, "action-item", action_item),
            (ActionOverdue, "action-overdue", action_overdue),
            (BlamelessLanguage, "blameless-language", blameless_language),
            (VagueAction, "vague-action", vague_action),
            (ProseDuration, "prose-duration", prose_duration),
            (UpdateGap, "update-gap", update_gap),
            (ActionSla, "action-sla", action_sla),
            (InternalMarker, "internal-marker", internal_marker),
        }
    };
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

/// The rule modules and the table of their metadata, in `Rule::ALL` order.
macro_rules! declare_rule_modules {
    ($(($variant:ident, $id:literal, $module:ident)),* $(,)?) => {
        $(pub(crate) mod $module;)*

        /// Every rule's registry entry, indexed by [`Rule::index`](crate::diagnostic::Rule::index).
        pub(crate) static RULES: [crate::lint::registry::RuleInfo; crate::diagnostic::Rule::COUNT] =
            [$($module::INFO),*];
    };
}

pub(crate) use {declare_rule_modules, declare_rules, rule_table};
