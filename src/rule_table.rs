//! The one list of rules. Each row names a rule's variant, the id users
//! write and see, and its module under `src/lint/rules/`, in documentation
//! order; everything else is generated from it, as ruff generates its
//! registry: the `Rule` enum with its ids (`diagnostic`'s `declare_rules`),
//! and the rule modules with the table of their metadata (`lint::rules`'s
//! `declare_rule_modules`). A new rule is one row here and one file there.
//! This module names nothing of ours: it sits on the bottom floor, and each
//! floor that reads the table says what it makes of it.

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

pub(crate) use rule_table;
