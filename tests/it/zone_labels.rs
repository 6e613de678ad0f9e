//! Zone labels read as the document's zone uses them, and one mistake
//! giving one error only when that is honest.

use crate::common;
use std::path::Path;

/// A postmortem in `zone` whose detection is written `09:20 {label}`, eight
/// minutes after the start, on `date`.
fn labelled(zone: &str, date: &str, label: &str) -> String {
    format!(
        "---
title: Payments failed after a certificate rotation
status: draft
severity: SEV2
timezone: {zone}
services: [payments]
timeline:
  - at: {date} 09:12
    kind: start
    event: Card payments start failing
  - at: 09:20 {label}
    kind: detected
    event: Error-rate alert fires
  - at: 09:45
    kind: resolved
    event: Old certificate restored
action_items: []
---

## Summary

Card payments failed.
"
    )
}

/// The rule and severity of every finding about times, with `config` as
/// the project's postmortem.yml.
fn timeline_findings(dir: &Path, text: &str, config: &str) -> Vec<(String, String)> {
    std::fs::write(dir.join("postmortem.yml"), config).unwrap();
    std::fs::write(dir.join("pm.md"), text).unwrap();
    let output = common::postmortem_in(dir)
        .args(["lint", "--format", "json", "pm.md"])
        .output()
        .unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| {
            [
                "timeline-order",
                "zone-label",
                "timestamp",
                "milestone-order",
            ]
            .contains(&v["rule"].as_str().unwrap())
        })
        .map(|v| {
            (
                v["rule"].as_str().unwrap().to_string(),
                format!("{}: {}", v["severity"], v["message"]),
            )
        })
        .collect()
}

#[test]
fn ist_and_cst_are_read_as_the_documents_zone_uses_them() {
    let dir = tempfile::tempdir().unwrap();
    for (zone, date, label) in [
        // Israel Standard Time in winter, Irish Standard Time in summer,
        // China Standard Time, India Standard Time.
        ("Asia/Jerusalem", "2026-01-12", "IST"),
        ("Europe/Dublin", "2026-07-12", "IST"),
        ("Asia/Shanghai", "2026-07-12", "CST"),
        ("Asia/Kolkata", "2026-07-12", "IST"),
        ("Europe/London", "2026-07-12", "BST"),
    ] {
        let text = labelled(zone, date, label);
        assert_eq!(
            timeline_findings(dir.path(), &text, ""),
            Vec::<(String, String)>::new(),
            "{zone}"
        );
    }
}

#[test]
fn an_ambiguous_abbreviation_the_zone_never_used_asks_for_an_offset() {
    let dir = tempfile::tempdir().unwrap();
    let text = labelled("UTC", "2026-07-12", "IST");
    let found = timeline_findings(dir.path(), &text, "");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "timestamp");
    assert!(
        found[0].1.contains("ambiguous") && found[0].1.contains("Asia/Kolkata"),
        "{found:?}"
    );
}

/// The out-of-season fixture: `14:38 PST` in July.
fn out_of_season() -> String {
    std::fs::read_to_string(common::repo("tests/fixtures/zone-label-consequences.md")).unwrap()
}

#[test]
fn an_order_mistake_that_reading_the_labels_as_meant_leaves_is_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    // 14:36 is before 14:38 however the label is read.
    let text = out_of_season().replace("at: 14:50", "at: 14:36");
    let rules: Vec<String> = timeline_findings(dir.path(), &text, "")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert!(rules.contains(&"timeline-order".to_string()), "{rules:?}");
    assert!(rules.contains(&"zone-label".to_string()), "{rules:?}");
}

#[test]
fn a_folded_order_finding_never_raises_a_rule_above_its_configured_level() {
    let dir = tempfile::tempdir().unwrap();
    let config = "rules:\n  zone-label: warning\n";
    let found = timeline_findings(dir.path(), &out_of_season(), config);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "zone-label");
    assert!(found[0].1.starts_with("\"warning\""), "{found:?}");
    let default = timeline_findings(dir.path(), &out_of_season(), "");
    assert_eq!(default.len(), 1, "{default:?}");
    assert!(default[0].1.starts_with("\"error\""), "{default:?}");
}
