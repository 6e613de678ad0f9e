//! The command line as a user meets it: transcripts of `lint` and `render`
//! (stdout, stderr and exit code) as insta snapshots, run from the
//! repository root with a fixed "now".

// Tests fail by panicking; helpers outside #[test] functions do too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn postmortem() -> Command {
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(common::repo(""))
        .env("POSTMORTEM_NOW", common::NOW)
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    command
}

#[test]
fn lint_passes_on_the_repositorys_postmortems() {
    // After the newest postmortem's `date`, so none of its times is in the future.
    assert_cmd_snapshot!(postmortem().args(["lint", "--now", "2026-11-22T00:00:00Z"]));
}

#[test]
fn lint_points_at_the_offending_value_with_a_caret_and_help() {
    assert_cmd_snapshot!(postmortem().args(["lint", "examples/rules/timeline-order.md"]));
}

#[test]
fn lint_json_prints_one_finding_per_line() {
    assert_cmd_snapshot!(postmortem().args([
        "lint",
        "--format",
        "json",
        "examples/rules/schema.md"
    ]));
}

#[test]
fn lint_exits_zero_on_warnings_and_one_under_deny_warnings() {
    let file = "examples/rules/update-late.md";
    let status = postmortem().args(["lint", file]).output().unwrap().status;
    assert_eq!(status.code(), Some(0));
    let status = postmortem()
        .args(["lint", "--deny-warnings", file])
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(1));
}

#[test]
fn lint_exits_two_when_a_path_does_not_exist() {
    assert_cmd_snapshot!(postmortem().args(["lint", "examples/minimal.md", "no/such/folder"]));
}

#[test]
fn lint_exits_two_on_an_unusable_now() {
    assert_cmd_snapshot!(postmortem().args(["lint", "--now", "yesterday"]));
}

#[test]
fn lint_reports_every_file_in_a_folder_sorted_by_path() {
    let output = postmortem()
        .args([
            "--config",
            "examples/rules/postmortem.yml",
            "lint",
            "--format",
            "json",
            "examples/rules",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let files: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| v["file"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    let distinct: std::collections::BTreeSet<_> = files.iter().collect();
    assert_eq!(
        distinct.len(),
        postmortem::diagnostic::Rule::ALL.len(),
        "one or more findings from each rule's example"
    );
}

#[test]
fn render_json_reads_standard_input() {
    let input = std::fs::read(common::repo("tests/fixtures/pass/timezone.md")).unwrap();
    assert_cmd_snapshot!(
        postmortem()
            .args(["render", "-", "--to", "json"])
            .pass_stdin(input)
    );
}

#[test]
fn render_refuses_a_file_with_errors() {
    assert_cmd_snapshot!(postmortem().args(["render", "examples/rules/impact-window.md"]));
}

#[test]
fn render_writes_the_output_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("model.json");
    let status = postmortem()
        .args(["render", "tests/fixtures/pass/dst.md", "-o"])
        .arg(&target)
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(json["metrics"]["time_to_resolve_minutes"], 40);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn lint_reports_what_each_example_still_lacks() {
    assert_cmd_snapshot!(postmortem().args([
        "lint",
        "--format",
        "json",
        "--now",
        "2026-05-21T00:00:00Z",
        "examples/minimal.md",
        "examples/full.md",
        "examples/customerio-2018-as-published.md",
        "examples/query-api-2025-draft.md",
    ]));
}

#[test]
fn rules_lists_every_rule_with_its_level() {
    assert_cmd_snapshot!(postmortem().arg("rules"));
}

#[test]
fn explain_prints_a_rules_documentation() {
    assert_cmd_snapshot!(postmortem().args(["explain", "timeline-order"]));
}

#[test]
fn explain_suggests_the_rule_meant() {
    assert_cmd_snapshot!(postmortem().args(["explain", "timline-order"]));
}

#[test]
fn completions_are_printed_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = postmortem().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(
            script.contains("timeline") && script.contains("explain"),
            "{shell}"
        );
    }
}

#[test]
fn man_page_documents_the_subcommands() {
    let output = postmortem().arg("man").output().unwrap();
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie"));
    for command in [
        "lint", "render", "new", "timeline", "import", "rules", "explain",
    ] {
        assert!(page.contains(command), "{command}");
    }
}

#[test]
fn schema_is_a_json_schema_of_the_front_matter() {
    let output = postmortem().arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["required"], serde_json::json!(["title", "timeline"]));
}

#[test]
fn color_always_styles_the_report_and_never_does_not() {
    let colored = postmortem()
        .args(["--color", "always", "lint", "examples/rules/schema.md"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(colored.stdout)
            .unwrap()
            .contains("\u{1b}[")
    );
    let plain = postmortem()
        .args(["--color", "never", "lint", "examples/rules/schema.md"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(plain.stdout).unwrap().contains("\u{1b}["));
}
