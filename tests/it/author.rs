//! Writing postmortems from the command line: `new` (scripted), `new --from`,
//! `timeline add` and `import statuspage`, checked through the files they
//! write and what `lint` and `render` then say about them.

use crate::common;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::path::Path;
use std::process::{Command, Output};

fn postmortem(dir: &Path) -> Command {
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(dir)
        .env("POSTMORTEM_NOW", "2026-11-22T10:00:00Z")
        .env("NO_COLOR", "1");
    command
}

fn run(dir: &Path, args: &[&str]) -> Output {
    postmortem(dir).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn lint_rules(dir: &Path, file: &str) -> Vec<(String, String)> {
    let output = run(dir, &["lint", "--format", "json", file]);
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| {
            (
                v["rule"].as_str().unwrap().to_string(),
                v["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const NEW: &[&str] = &[
    "new",
    "Checkout errors after a config push",
    "--no-input",
    "--severity",
    "SEV2",
    "--start",
    "2026-11-21 14:30",
    "--timezone",
    "Europe/Berlin",
    "--service",
    "checkout",
    "--author",
    "alice",
];

#[test]
fn new_writes_a_draft_that_lints_with_only_what_is_left_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), NEW);
    assert_eq!(output.status.code(), Some(0));
    let path = "postmortems/2026-11-21-checkout-errors-after-a-config-push.md";
    assert_eq!(
        stdout(&output),
        format!("{path}\n"),
        "stdout is the path, for $EDITOR"
    );
    let findings = lint_rules(dir.path(), path);
    assert!(findings.iter().any(|(rule, _)| rule == "placeholder"));
    for (rule, severity) in &findings {
        assert!(
            ["placeholder", "milestone-missing"].contains(&rule.as_str()),
            "{rule}"
        );
        assert_eq!(severity, "warning");
    }
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), NEW);
    let path = dir
        .path()
        .join("postmortems/2026-11-21-checkout-errors-after-a-config-push.md");
    std::fs::write(&path, "edited by hand").unwrap();
    let output = run(dir.path(), NEW);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("2026-11-21-checkout-errors-after-a-config-push.md already exists; pass --force to replace it, or write it into another folder with --dir"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand");
    let forced: Vec<&str> = NEW.iter().copied().chain(["--force"]).collect();
    assert_eq!(run(dir.path(), &forced).status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("---\ntitle: Checkout errors")
    );
}

#[test]
fn new_without_a_title_and_no_terminal_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd_snapshot!(postmortem(dir.path()).args(["new", "--no-input"]));
}

const FROM: &str = "title: Search index stale after a failed reindex
severity: SEV3
timezone: America/New_York
services: [search]
impact:
  start: 2026-04-02 09:00
  end: 11:30
  users: \"search results up to 3 hours old\"
timeline:
  - at: 2026-04-02 09:00
    kind: start
    event: Nightly reindex fails halfway
  - at: 09:40
    kind: detected
    event: Freshness alert fires
  - at: 11:30
    kind: resolved
    event: Reindex completes
action_items:
  - title: Alert when a reindex fails instead of when results go stale
    owner: search-team
    due: 2026-05-01
";

#[test]
fn new_from_yaml_round_trips_into_the_rendered_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = postmortem(dir.path())
        .args(["new", "--from", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), FROM.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = stdout(&output).trim().to_string();
    assert_eq!(
        path,
        "postmortems/2026-04-02-search-index-stale-after-a-failed-reindex.md"
    );
    let rendered = run(dir.path(), &["render", &path, "--to", "json"]);
    let model: serde_json::Value = serde_json::from_slice(&rendered.stdout).unwrap();
    assert_eq!(model["title"], "Search index stale after a failed reindex");
    assert_eq!(model["severity"], "SEV3");
    assert_eq!(model["services"], serde_json::json!(["search"]));
    assert_eq!(model["impact"]["start"], "2026-04-02T09:00:00-04:00");
    assert_eq!(model["impact"]["end"], "2026-04-02T11:30:00-04:00");
    assert_eq!(model["impact"]["users"], "search results up to 3 hours old");
    assert_eq!(model["metrics"]["time_to_detect_minutes"], 40);
    assert_eq!(model["timeline"][1]["event"], "Freshness alert fires");
    assert_eq!(model["action_items"][0]["owner"], "search-team");
    assert_eq!(model["action_items"][0]["due"], "2026-05-01");
}

#[test]
fn new_from_invalid_yaml_gets_lint_diagnostics_on_the_yaml_file() {
    let dir = tempfile::tempdir().unwrap();
    let broken = FROM
        .replace("severity: SEV3", "severity: SEV9")
        .replace("  - at: 09:40", "  - at: 9:99");
    std::fs::write(dir.path().join("incident.yaml"), broken).unwrap();
    assert_cmd_snapshot!(postmortem(dir.path()).args(["new", "--from", "incident.yaml"]));
    assert!(!dir.path().join("postmortems").exists(), "nothing written");
}

const ODD: &str = "---
# Written by hand; keep this header.
title:   \"Failover took longer than planned\"
timezone: Europe/Berlin   # all times local
timeline:
  # lead-up
  -   at: '2026-03-01 23:10'
      kind: start
      event: >-
        Replica lag
        grows
  - {at: 23:20, kind: detected, event: Lag alert}

  -   at: 23:50   # still Sunday
      kind: mitigated
      event: \"Writes paused\"
---
Body text, untouched.
";

#[test]
fn timeline_add_changes_no_other_byte_and_keeps_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("odd.md");
    std::fs::write(&file, ODD).unwrap();
    let now = ["--now", "2026-03-01T23:00:00Z"]; // 00:00 on March 2 in Berlin
    let first = run(
        dir.path(),
        &[
            &[
                "timeline",
                "add",
                "odd.md",
                "Failover starts: step 1",
                "--at",
                "23:30",
                "--kind",
                "escalated",
            ][..],
            &now,
        ]
        .concat(),
    );
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let after = std::fs::read_to_string(&file).unwrap();
    let added =
        "  -   at: 23:30\n      kind: escalated\n      event: \"Failover starts: step 1\"\n";
    assert_eq!(
        after.replacen(added, "", 1),
        ODD,
        "every other byte unchanged"
    );
    assert!(after.find(added).unwrap() < after.find("  -   at: 23:50").unwrap());
    assert!(after.find(added).unwrap() > after.find("Lag alert").unwrap());
    // After midnight, a time alone is written with its date.
    let second = run(
        dir.path(),
        &[
            "timeline",
            "add",
            "odd.md",
            "All clear",
            "--at",
            "00:15",
            "--now",
            "2026-03-01T23:30:00Z",
        ],
    );
    assert_eq!(
        second.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let last = std::fs::read_to_string(&file).unwrap();
    assert!(
        last.contains("\"Writes paused\"\n  -   at: 2026-03-02 00:15\n      event: All clear\n---"),
        "{last}"
    );
    let findings = lint_rules(dir.path(), "odd.md");
    assert!(
        !findings.iter().any(|(rule, _)| rule == "timeline-order"),
        "{findings:?}"
    );
}

#[test]
fn timeline_add_leaves_the_file_alone_when_it_cannot_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.md");
    std::fs::write(&file, "---\ntitle: [unclosed\n---\n").unwrap();
    let output = run(dir.path(), &["timeline", "add", "broken.md", "Something"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "---\ntitle: [unclosed\n---\n"
    );
}

#[test]
fn import_statuspage_turns_the_customerio_updates_into_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let sample = common::repo("examples/statuspage-customerio-2018.json");
    let output = run(
        dir.path(),
        &["import", "statuspage", sample.to_str().unwrap(), "--print"],
    );
    assert_eq!(output.status.code(), Some(0));
    let draft = stdout(&output);
    insta::assert_snapshot!("customerio_import", draft);
    std::fs::write(dir.path().join("imported.md"), &draft).unwrap();
    let findings = lint_rules(dir.path(), "imported.md");
    let late = findings
        .iter()
        .filter(|(rule, _)| rule == "update-late")
        .count();
    assert_eq!(late, 2, "the two late status updates: {findings:?}");
    assert!(
        findings.iter().all(|(_, severity)| severity == "warning"),
        "{findings:?}"
    );
}

#[test]
fn import_statuspage_picks_the_newest_incident_or_the_one_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let page = common::repo("tests/fixtures/statuspage/incidents.json");
    let page = page.to_str().unwrap();
    let newest = run(
        dir.path(),
        &[
            "import",
            "statuspage",
            page,
            "--timezone",
            "America/New_York",
        ],
    );
    assert_eq!(
        stdout(&newest),
        "postmortems/2026-04-02-webhooks-delayed.md\n"
    );
    let text = std::fs::read_to_string(
        dir.path()
            .join("postmortems/2026-04-02-webhooks-delayed.md"),
    )
    .unwrap();
    assert!(text.contains("severity: SEV1\n"));
    assert!(text.contains("  - at: 2026-04-03 00:20\n    kind: mitigated\n"));
    assert!(text.contains("    next_update: 01:30\n"), "{text}");
    let older = run(
        dir.path(),
        &[
            "import",
            "statuspage",
            page,
            "--incident",
            "older0000001",
            "--print",
        ],
    );
    let older = stdout(&older);
    assert!(older.contains("title: Elevated API latency\nstatus: draft\nseverity: SEV3\n"));
    // Without --timezone or a configured zone, the page's own zone.
    assert!(older.contains("timezone: America/New_York\n"), "{older}");
    assert!(
        older.contains("  - at: 2026-03-02 14:05\n    kind: acknowledged\n"),
        "{older}"
    );
    assert!(older.contains("  - at: 14:05\n    kind: update\n    event: We are looking into slow API responses.\n    next_update: 14:35\n"), "30 minutes after 14:05 EST: {older}");
    let missing = run(
        dir.path(),
        &["import", "statuspage", page, "--incident", "nope"],
    );
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn import_statuspage_explains_invalid_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        "{\"incident\": {\"id\": \"x\",}\n",
    )
    .unwrap();
    assert_cmd_snapshot!(postmortem(dir.path()).args(["import", "statuspage", "bad.json"]));
    std::fs::write(dir.path().join("other.json"), "{\"status\": \"ok\"}").unwrap();
    assert_cmd_snapshot!(postmortem(dir.path()).args(["import", "statuspage", "other.json"]));
}

/// Runs `args` in `dir` with "now" at `now`.
fn run_at(dir: &Path, now: &str, args: &[&str]) -> Output {
    postmortem(dir)
        .env("POSTMORTEM_NOW", now)
        .args(args)
        .output()
        .unwrap()
}

fn errors(dir: &Path, now: &str, file: &str) -> Vec<String> {
    let output = run_at(dir, now, &["lint", "--format", "json", file]);
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["severity"] == "error")
        .map(|v| v["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_morning_after_a_time_alone_means_last_night_for_new_and_timeline_add() {
    let dir = tempfile::tempdir().unwrap();
    // 10:00 in Berlin on July 18: the incident began at 23:41 the night before.
    let morning = "2026-07-18T08:00:00Z";
    let new = run_at(
        dir.path(),
        morning,
        &[
            "new",
            "Night outage",
            "--severity",
            "SEV2",
            "--start",
            "23:41",
            "--timezone",
            "Europe/Berlin",
            "--no-input",
        ],
    );
    assert_eq!(stdout(&new), "postmortems/2026-07-17-night-outage.md\n");
    let file = "postmortems/2026-07-17-night-outage.md";
    let add = run_at(
        dir.path(),
        morning,
        &[
            "timeline", "add", file, "Paged", "--at", "23:50", "--kind", "detected",
        ],
    );
    assert_eq!(add.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
    assert!(
        text.contains("start: 2026-07-17 23:41\n") && text.contains("at: 23:50\n"),
        "{text}"
    );
    assert_eq!(errors(dir.path(), morning, file), Vec::<String>::new());
}

#[test]
fn during_the_repeated_hour_every_command_writes_a_file_its_lint_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let la = ["--timezone", "America/Los_Angeles"];
    // 01:40 PDT, the first pass through the hour the clocks go back.
    let new = run_at(
        dir.path(),
        "2026-11-01T08:40:00Z",
        &[
            "new",
            "Fold",
            "--severity",
            "SEV3",
            "--start",
            "now",
            la[0],
            la[1],
            "--no-input",
        ],
    );
    let file = stdout(&new).trim().to_string();
    for (now, at) in [
        ("2026-11-01T08:50:00Z", "01:45"),                   // PDT
        ("2026-11-01T09:20:00Z", "01:15"),                   // PST: the nearer one
        ("2026-11-01T09:30:00Z", "2026-11-01 01:25 -08:00"), // explicit
        ("2026-11-01T09:35:00Z", "now"),                     // PST
    ] {
        let add = run_at(dir.path(), now, &["timeline", "add", &file, at, "--at", at]);
        assert_eq!(
            add.status.code(),
            Some(0),
            "{at}: {}",
            String::from_utf8_lossy(&add.stderr)
        );
    }
    let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
    for line in [
        "start: 2026-11-01 01:40 -07:00",
        "at: 01:45 -07:00",
        "at: 01:15 -08:00",
        "at: 01:25 -08:00",
        "at: 01:35 -08:00",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    assert_eq!(
        errors(dir.path(), "2026-11-02T00:00:00Z", &file),
        Vec::<String>::new()
    );
    let both = run_at(
        dir.path(),
        "2026-11-02T00:00:00Z",
        &["timeline", "add", &file, "x", "--at", "2026-11-01 01:10"],
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("happened twice"));
}

#[test]
fn a_zone_and_severity_typed_in_any_case_are_written_as_named() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &[
            "new",
            "Case",
            "--severity",
            "sev1",
            "--timezone",
            "europe/berlin",
            "--start",
            "2026-11-20 10:00",
            "--no-input",
            "--print",
        ],
    );
    let text = stdout(&output);
    assert!(
        text.contains("severity: SEV1\n") && text.contains("timezone: Europe/Berlin\n"),
        "{text}"
    );
}

/// A project that requires a Detection section and calls Impact "Blast radius".
const SECTIONS: &str = "sections:\n  Summary: []\n  Blast radius: [Impact]\n  Timeline: []\n  Detection: []\n  Root cause: []\n  Remediation: []\n";

#[test]
fn new_and_import_write_the_sections_the_project_requires() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postmortem.yml"), SECTIONS).unwrap();
    let output = run(dir.path(), NEW);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let new = stdout(&output).trim().to_string();
    let sample = common::repo("examples/statuspage-customerio-2018.json");
    let output = run(
        dir.path(),
        &["import", "statuspage", sample.to_str().unwrap(), "--print"],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    std::fs::write(dir.path().join("imported.md"), stdout(&output)).unwrap();
    for path in [new.as_str(), "imported.md"] {
        let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
        assert!(
            text.contains("\n## Detection\n\n<!-- hint: what belongs under Detection -->\n"),
            "{text}"
        );
        assert!(
            text.contains("\n## Blast radius\n\n<!-- hint: who and what was affected"),
            "{text}"
        );
        assert!(!text.contains("## Impact"), "{text}");
        let findings = lint_rules(dir.path(), path);
        assert!(
            findings.iter().all(|(rule, _)| rule != "section-missing"),
            "{path}: {findings:?}"
        );
    }
}
