//! Tests of byte-preserving timeline insertion.

use super::*;
use crate::document::stamp;

fn now(text: &str) -> DateTime<Utc> {
    stamp::instant(text).unwrap()
}

fn entry(at: &str, kind: Option<Kind>, event: &str) -> NewEntry {
    NewEntry {
        at: at.into(),
        kind,
        event: event.into(),
        ..NewEntry::default()
    }
}

const DOC: &str = "---
title: Failover   # keep this comment
timezone: Europe/Berlin
timeline:
    # the lead-up
    -   at: '2026-03-01 23:10'
        kind: start
        event: \"Replica lag grows\"

    # after midnight
    -   at: 2026-03-02 00:20
        event: >
          Failover completes
          and traffic returns
extra_order: kept
---
Body, unchanged.
";

#[test]
fn inserts_between_entries_and_changes_no_other_byte() {
    let text = DOC.replace("extra_order: kept\n", "");
    let out = add(
        &text,
        &entry("23:40", Some(Kind::Detected), "Lag alert: fires"),
        now("2026-03-02T06:00:00Z"),
        false,
    )
    .unwrap();
    let expected_line =
        "    -   at: 23:40\n        kind: detected\n        event: \"Lag alert: fires\"\n";
    assert_eq!(
        out.replacen(expected_line, "", 1),
        text,
        "only the new lines were added"
    );
    let at = out.find(expected_line).unwrap();
    assert!(
        at < out.find("# after midnight").unwrap(),
        "placed before the comment of the next entry"
    );
}

#[test]
fn a_time_alone_after_midnight_is_written_with_its_date() {
    let text = "---\ntitle: x\ntimezone: Europe/Berlin\ntimeline:\n  - at: 2026-03-01 23:10\n    kind: start\n---\n";
    let out = add(
        text,
        &entry("00:45", None, "All clear"),
        now("2026-03-02T00:00:00Z"),
        false,
    )
    .unwrap();
    assert_eq!(
        out,
        text.replace(
            "start\n---",
            "start\n  - at: 2026-03-02 00:45\n    event: All clear\n---"
        )
    );
    // Same day as the entry before: the time alone is enough.
    let again = add(
        &out,
        &entry("00:50", None, "Checked"),
        now("2026-03-02T00:00:00Z"),
        false,
    )
    .unwrap();
    assert!(
        again.contains("  - at: 00:50\n    event: Checked\n---"),
        "{again}"
    );
}

#[test]
fn a_time_alone_later_than_now_is_yesterdays() {
    let text = DOC.replace("extra_order: kept\n", "");
    // 00:30 local on March 2: "23:50" means March 1, between the two entries.
    let out = add(
        &text,
        &entry("23:50", None, "Paged the database team"),
        now("2026-03-01T23:30:00Z"),
        false,
    )
    .unwrap();
    let first = out.find("Replica lag").unwrap();
    let new = out.find("Paged the database").unwrap();
    assert!(first < new && new < out.find("Failover completes").unwrap());
    assert!(out.contains("-   at: 23:50\n"));
}

#[test]
fn an_empty_flow_timeline_becomes_a_block_list() {
    let text = "---\ntitle: x\ntimezone: UTC\ntimeline: []  # none yet\n---\n";
    let out = add(
        text,
        &entry("2026-03-01 10:00", Some(Kind::Start), "Errors start"),
        now("2026-03-02T00:00:00Z"),
        false,
    )
    .unwrap();
    assert_eq!(
        out,
        "---\ntitle: x\ntimezone: UTC\ntimeline:  # none yet\n  - at: 2026-03-01 10:00\n    kind: start\n    event: Errors start\n---\n"
    );
}

#[test]
fn crlf_files_get_crlf_lines() {
    let text = DOC.replace('\n', "\r\n");
    let out = add(
        &text,
        &entry("now", None, "Checked"),
        now("2026-03-02T05:00:00Z"),
        false,
    )
    .unwrap();
    assert!(!out.replace("\r\n", "").contains('\n'));
    assert_eq!(
        out.len(),
        text.len() + "    -   at: 06:00\r\n        event: Checked\r\n".len()
    );
}

#[test]
fn refuses_a_flow_list_and_an_unreadable_file() {
    let flow = "---\ntitle: x\ntimezone: UTC\ntimeline: [{at: 2026-03-01 10:00}]\n---\n";
    let error = add(
        flow,
        &entry("now", None, "x"),
        now("2026-03-02T00:00:00Z"),
        false,
    )
    .unwrap_err();
    assert_eq!(error, AddError::Layout("flow list"));
    let error = add(
        "no front matter",
        &entry("now", None, "x"),
        now("2026-03-02T00:00:00Z"),
        false,
    )
    .unwrap_err();
    assert_eq!(error, AddError::Unreadable);
}
