//! Times typed into a postmortem that is not today's, milestones typed
//! twice, and starts in the future: read as the person meant, or refused
//! with the reason; never a file that its own lint rejects.

use crate::common;
use std::path::Path;
use std::process::Output;

/// A 2018 postmortem whose timeline runs from 22:10 to 23:40 in Berlin.
const OLD: &str = "---
title: Queue stalled after a broker upgrade
status: draft
severity: SEV2
timezone: Europe/Berlin
services: [queue]
impact:
  start: 2018-05-01 22:10
timeline:
  - at: 2018-05-01 22:10
    kind: start
    event: Consumers stop receiving messages
  - at: 23:40
    kind: resolved
    event: Broker rolled back
action_items: []
---

## Summary

The queue stalled.
";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::postmortem_in(dir)
        .env("POSTMORTEM_NOW", "2026-12-06T18:00:00Z")
        .args(args)
        .output()
        .unwrap()
}

fn old(dir: &Path) -> String {
    std::fs::write(dir.join("old.md"), OLD).unwrap();
    "old.md".into()
}

fn added(dir: &Path, args: &[&str]) -> (Output, String) {
    let file = old(dir);
    let mut all = vec!["timeline", "add", file.as_str()];
    all.extend(args);
    let output = run(dir, &all);
    (output, std::fs::read_to_string(dir.join(file)).unwrap())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_time_alone_typed_into_an_old_postmortem_lands_on_its_own_day() {
    let dir = tempfile::tempdir().unwrap();
    let (output, text) = added(
        dir.path(),
        &["Paged", "--at", "22:54", "--kind", "detected"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        text.contains("  - at: 22:54\n    kind: detected\n    event: Paged\n  - at: 23:40\n"),
        "{text}"
    );
    let json = run(dir.path(), &["render", "old.md", "--to", "json"]);
    let model: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(model["metrics"]["time_to_detect_minutes"], 44, "{model}");
}

#[test]
fn a_time_after_an_old_postmortems_midnight_is_the_next_day_and_one_before_its_start_the_same_day()
{
    let dir = tempfile::tempdir().unwrap();
    let (output, text) = added(dir.path(), &["Queue drained", "--at", "00:20"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(text.contains("  - at: 2018-05-02 00:20\n"), "{text}");
    let (output, text) = added(
        dir.path(),
        &["Upgrade begins", "--at", "21:55", "--kind", "trigger"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        text.contains("timeline:\n  - at: 2018-05-01 21:55\n    kind: trigger\n"),
        "{text}"
    );
}

#[test]
fn a_time_that_two_days_of_an_old_postmortem_hold_is_refused_with_both() {
    let dir = tempfile::tempdir().unwrap();
    let long = OLD.replace("  - at: 23:40\n", "  - at: 2018-05-03 09:00\n");
    std::fs::write(dir.path().join("old.md"), &long).unwrap();
    let output = run(
        dir.path(),
        &["timeline", "add", "old.md", "Check", "--at", "23:00"],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("falls on 2 days") && message.contains("(2018-05-01, 2018-05-02)"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("old.md")).unwrap(),
        long
    );
}

#[test]
fn a_second_start_is_refused_with_the_line_of_the_first_and_replace_moves_it() {
    let dir = tempfile::tempdir().unwrap();
    let (output, text) = added(
        dir.path(),
        &["Errors begin", "--at", "22:05", "--kind", "start"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("line 10"), "{}", stderr(&output));
    assert_eq!(text, OLD);
    let (output, text) = added(
        dir.path(),
        &[
            "Errors begin",
            "--at",
            "22:05",
            "--kind",
            "start",
            "--replace",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(text.matches("kind: start").count(), 1, "{text}");
    // The old start stays, as a note, its words kept.
    assert!(
        text.contains("  - at: 2018-05-01 22:10\n    kind: note\n    event: Consumers stop receiving messages\n"),
        "{text}"
    );
    assert!(text.contains("  start: 2018-05-01 22:05\n"), "{text}");
    assert!(
        text.contains("  - at: 2018-05-01 22:05\n    kind: start\n    event: Errors begin\n"),
        "{text}"
    );
    assert!(text.contains("  - at: 23:40\n"), "{text}");
    let lint = run(dir.path(), &["lint", "--format", "json", "old.md"]);
    let out = String::from_utf8(lint.stdout).unwrap();
    assert!(!out.contains("\"severity\":\"error\""), "{out}");
}

#[test]
fn new_refuses_a_start_in_the_future_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &[
            "new",
            "Ahead",
            "--severity",
            "SEV2",
            "--timezone",
            "UTC",
            "--no-input",
            "--start",
            "2026-12-06 19:00",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("in the future"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("postmortems").exists());
}

#[test]
fn an_abbreviation_for_timezone_selects_the_regions_zone_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &[
            "new",
            "Summer",
            "--severity",
            "SEV2",
            "--timezone",
            "EST",
            "--no-input",
            "--start",
            "2026-07-01 10:00",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("America/New_York"),
        "{}",
        stderr(&output)
    );
    let text =
        std::fs::read_to_string(dir.path().join("postmortems/2026-07-01-summer.md")).unwrap();
    // New York's zone, with its summer time: 10:00 EDT, not the fixed EST zone.
    assert!(text.contains("timezone: America/New_York\n"), "{text}");
    let json = run(
        dir.path(),
        &["render", "postmortems/2026-07-01-summer.md", "--to", "json"],
    );
    let model: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(model["impact"]["start"], "2026-07-01T10:00:00-04:00");
}

#[test]
fn a_start_a_few_minutes_ahead_is_accepted_and_its_file_lints_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    // Now is 18:00 UTC; a clock three minutes fast typed 18:03.
    let output = run(
        dir.path(),
        &[
            "new",
            "Drift",
            "--severity",
            "SEV2",
            "--timezone",
            "Europe/Berlin",
            "--no-input",
            "--start",
            "19:03",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let file = String::from_utf8(output.stdout).unwrap();
    let lint = run(dir.path(), &["lint", "--format", "json", file.trim()]);
    let out = String::from_utf8(lint.stdout).unwrap();
    assert!(!out.contains("\"severity\":\"error\""), "{out}");
}
