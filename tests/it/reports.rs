//! `actions` and `stats` on the repository's postmortems and on a generated
//! set of 300 postmortems whose answers are known by construction.

use crate::common;

use insta_cmd::get_cargo_bin;
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(get_cargo_bin("postmortem"))
        .current_dir(dir)
        .env("POSTMORTEM_NOW", "2026-06-01T00:00:00Z")
        .args(args)
        .output()
        .unwrap()
}

fn json_of(output: &Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&output.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Postmortem `i`: severity SEV(i%4+1), service svc(i%3), year 2020+i%5.
/// Detection 10*(severity) minutes after start; resolution 60+j minutes
/// after start, j = i/4 (0..74 within each severity); no mitigation when
/// i%5 == 0. Two action items: one done, one open and overdue when i is even.
fn generated(i: usize) -> String {
    let severity = i % 4 + 1;
    let resolve = 60 + i / 4;
    let due = if i.is_multiple_of(2) {
        "2026-01-01"
    } else {
        "2026-12-01"
    };
    let mut lines = vec![
        "---".to_string(),
        format!("title: Incident {i}"),
        format!("severity: SEV{severity}"),
        "timezone: UTC".into(),
        format!("services: [svc{}]", i % 3),
        "timeline:".into(),
        format!("  - at: {}-03-01 10:00", 2020 + i % 5),
        "    kind: start".into(),
        format!("  - at: 10:{:02}", 10 * severity),
        "    kind: detected".into(),
    ];
    if !i.is_multiple_of(5) {
        lines.extend(["  - at: 10:59".into(), "    kind: mitigated".into()]);
    }
    lines.extend([
        format!("  - at: {:02}:{:02}", 10 + resolve / 60, resolve % 60),
        "    kind: resolved".into(),
        "action_items:".into(),
        format!("  - title: Item {i} done"),
        format!("    owner: team{}", i % 2),
        "    due: 2025-01-01".into(),
        "    status: done".into(),
        format!("  - title: Item {i} open"),
        format!("    owner: team{}", i % 2),
        format!("    due: {due}"),
        "---".into(),
    ]);
    lines.join("\n") + "\n"
}

fn generated_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    for i in 0..300 {
        std::fs::write(
            dir.path().join(format!("postmortems/{i:03}.md")),
            generated(i),
        )
        .unwrap();
    }
    dir
}

#[test]
fn stats_by_severity_on_generated_postmortems_match_the_construction() {
    let dir = generated_folder();
    let groups = json_of(&run(
        dir.path(),
        &["stats", "--by", "severity", "--format", "json"],
    ));
    assert_eq!(groups.len(), 4);
    for (k, group) in groups.iter().enumerate() {
        assert_eq!(group["group"], format!("SEV{}", k + 1));
        assert_eq!(group["incidents"], 75);
        assert_eq!(
            group["time_to_detect"],
            json!({"median_minutes": 10.0 * (k as f64 + 1.0), "p90_minutes": 10.0 * (k as f64 + 1.0), "missing": 0})
        );
        // Resolution 60..134 minutes: median 97, 90th percentile 60 + 0.9 * 74.
        assert_eq!(group["time_to_resolve"]["median_minutes"], 97.0);
        assert!((group["time_to_resolve"]["p90_minutes"].as_f64().unwrap() - 126.6).abs() < 1e-9);
        assert_eq!(
            group["time_to_mitigate"]["missing"], 15,
            "i%5 == 0 lacks mitigation"
        );
        assert_eq!(group["time_to_acknowledge"]["missing"], 75);
        assert_eq!(group["time_to_acknowledge"]["median_minutes"], Value::Null);
    }
}

#[test]
fn stats_by_year_and_since_count_every_incident_once() {
    let dir = generated_folder();
    let years = json_of(&run(
        dir.path(),
        &["stats", "--by", "year", "--format", "json"],
    ));
    let counts: Vec<(String, u64)> = years
        .iter()
        .map(|g| {
            (
                g["group"].as_str().unwrap().into(),
                g["incidents"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        (2020..2025)
            .map(|y| (y.to_string(), 60))
            .collect::<Vec<_>>()
    );
    let recent = json_of(&run(
        dir.path(),
        &["stats", "--since", "2023-01-01", "--format", "json"],
    ));
    assert_eq!(recent[0]["incidents"], 120);
    let services = json_of(&run(
        dir.path(),
        &["stats", "--by", "service", "--format", "json"],
    ));
    assert_eq!(
        services
            .iter()
            .map(|g| g["incidents"].as_u64().unwrap())
            .sum::<u64>(),
        300
    );
}

#[test]
fn actions_overdue_lists_exactly_the_late_items_and_exits_one() {
    let dir = generated_folder();
    let output = run(dir.path(), &["actions", "--overdue", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let rows = json_of(&output);
    assert_eq!(rows.len(), 150);
    assert!(
        rows.iter()
            .all(|r| r["overdue"] == true && r["status"] == "open")
    );
    let mine = json_of(&run(
        dir.path(),
        &["actions", "--open", "--owner", "team1", "--format", "json"],
    ));
    assert_eq!(mine.len(), 150, "the odd incidents' open items");
    assert!(mine.iter().all(|r| r["overdue"] == false));
    assert_eq!(
        run(dir.path(), &["actions", "--format", "csv"])
            .stdout
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        601
    );
}

#[test]
fn stats_on_the_repositorys_postmortems() {
    let groups = json_of(&run(
        &common::repo(""),
        &["stats", "--by", "year", "--format", "json"],
    ));
    let resolve: Vec<Value> = groups
        .iter()
        .map(|g| g["time_to_resolve"]["median_minutes"].clone())
        .collect();
    assert_eq!(resolve, [json!(260.0), json!(336.0), json!(1605.0)]);
    let all = json_of(&run(&common::repo(""), &["stats", "--format", "json"]));
    assert_eq!(all[0]["incidents"], 3);
    assert_eq!(
        all[0]["time_to_detect"]["missing"], 2,
        "two sources give no detection time"
    );
}

#[test]
fn actions_on_the_repositorys_postmortems_list_open_items_first_by_due_date() {
    let open = json_of(&run(
        &common::repo(""),
        &["actions", "--open", "--format", "json"],
    ));
    let titles: Vec<&str> = open.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 4);
    assert!(
        titles[0].starts_with("Move this cleanup onto the automated"),
        "the only dated one first"
    );
    assert_eq!(
        run(&common::repo(""), &["actions", "--overdue"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn the_incident_day_is_the_same_for_the_page_the_site_and_the_stats() {
    // Detected at 23:30 on March 31 in Los Angeles (06:30 UTC on April 1),
    // written on April 10: every command says March 31.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    let source = common::repo("tests/fixtures/facts/detected-before-midnight-in-los-angeles.md");
    std::fs::copy(&source, dir.path().join("postmortems/la.md")).unwrap();
    let model = run(dir.path(), &["render", "postmortems/la.md", "--to", "json"]);
    let model: Value = serde_json::from_slice(&model.stdout).unwrap();
    assert_eq!(model["day"], "2026-03-31");
    assert_eq!(
        model["slug"], "2026-03-31-la",
        "named by its file and the incident's day"
    );
    let site = run(
        dir.path(),
        &["render", "postmortems", "--out", "site", "--include-drafts"],
    );
    assert_eq!(
        site.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&site.stderr)
    );
    assert!(dir.path().join("site/2026-03-31-la.html").exists());
    let stats = json_of(&run(
        dir.path(),
        &["stats", "--by", "quarter", "--format", "json"],
    ));
    assert_eq!(stats[0]["group"], "2026-Q1");
    // No impact window: zero hours, not `-0`.
    assert_eq!(stats[0]["impact_hours"], json!(0.0));
    let table = run(dir.path(), &["stats", "--by", "quarter"]);
    assert!(!String::from_utf8(table.stdout).unwrap().contains("-0"));
}

/// The tables for people, as a terminal of `columns` would show them.
fn readable(columns: &str, args: &[&str]) -> String {
    let output = Command::new(get_cargo_bin("postmortem"))
        .current_dir(common::repo(""))
        .env("POSTMORTEM_NOW", "2026-12-01T00:00:00Z")
        .env("COLUMNS", columns)
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let width: usize = columns.parse().unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= width, "{line}");
    }
    text
}

#[test]
fn terminal_tables_fit_80_and_120_columns_with_words_for_headers() {
    for columns in ["80", "120"] {
        let actions = readable(columns, &["actions", "postmortems"]);
        insta::assert_snapshot!(format!("actions-{columns}"), actions);
        let stats = readable(columns, &["stats", "postmortems", "--by", "service"]);
        insta::assert_snapshot!(format!("stats-{columns}"), stats);
    }
    let dir = generated_folder();
    let overdue = run(dir.path(), &["actions", "--overdue"]);
    let table = String::from_utf8(overdue.stdout).unwrap();
    assert_eq!(
        table.lines().next().unwrap().split_whitespace().next(),
        Some("Due")
    );
    assert_eq!(table.matches("open, OVERDUE").count(), 150, "{table}");
    let wide = readable("1000", &["actions", "postmortems", "--wide"]);
    assert!(wide.contains("Make the cleanup tool refuse input sets whose date filter is not strictly before the reference snapshot"));
}
