//! One module per rule: its documentation next to its check. Rules that the
//! parser reports (`encoding`, `front-matter`, `schema`, and the reading part
//! of `timestamp`) document there what `src/document` finds.

pub mod action_item;
pub mod action_overdue;
pub mod action_sla;
pub mod blameless_language;
pub mod dst;
pub mod duration_claim;
pub mod encoding;
pub mod front_matter;
pub mod future_time;
pub mod impact_window;
pub mod internal_marker;
pub mod milestone_duplicate;
pub mod milestone_missing;
pub mod milestone_order;
pub mod placeholder;
pub mod prose_duration;
pub mod schema;
pub mod section_empty;
pub mod section_missing;
pub mod timeline_order;
pub mod timestamp;
pub mod timezone;
pub mod update_gap;
pub mod update_late;
pub mod vague_action;
pub mod zone_label;
