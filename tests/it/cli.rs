//! The command line as a user meets it: transcripts of `lint` and `render`
//! (stdout, stderr and exit code) as insta snapshots, run from the
//! repository root with a fixed "now".

use crate::common;

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

#[test]
fn lint_of_a_folder_without_postmortems_exits_two_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = postmortem().arg("lint").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no postmortems found in"));
}

#[test]
fn lint_dash_reads_standard_input_under_the_stdin_filename() {
    use std::io::Write;
    let mut child = postmortem()
        .args([
            "lint",
            "-",
            "--stdin-filename",
            "postmortems/new.md",
            "--format",
            "concise",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(common::repo("examples/rules/timeline-order.md")).unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let output = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.starts_with("postmortems/new.md:28:9: error[timeline-order]"),
        "{out}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn an_output_file_extension_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let (sarif, page) = (dir.path().join("r.sarif"), dir.path().join("p.html"));
    postmortem()
        .args(["lint", "postmortems", "-o"])
        .arg(&sarif)
        .output()
        .unwrap();
    assert!(
        std::fs::read_to_string(&sarif)
            .unwrap()
            .contains("\"version\": \"2.1.0\"")
    );
    let render = postmortem()
        .args([
            "render",
            "--now",
            "2026-11-22T00:00:00Z",
            "postmortems/2026-05-14-query-failures-after-storage-cleanup.md",
            "-o",
        ])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(render.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn out_with_a_single_file_is_refused_and_names_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.html");
    let output = postmortem()
        .args([
            "render",
            "postmortems/2026-05-14-query-failures-after-storage-cleanup.md",
            "--to",
            "html",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("write one page with `-o"));
    assert!(!out.exists());
}

#[test]
fn a_broken_draft_does_not_stop_the_site_and_feed_ids_are_absolute() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("in");
    std::fs::create_dir(&source).unwrap();
    std::fs::copy(
        common::repo("postmortems/2026-05-14-query-failures-after-storage-cleanup.md"),
        source.join("published.md"),
    )
    .unwrap();
    // A draft with a timeline-order error.
    std::fs::copy(
        common::repo("examples/rules/timeline-order.md"),
        source.join("draft.md"),
    )
    .unwrap();
    let output = postmortem()
        .args(["render", "--now", "2026-11-22T00:00:00Z", "--out"])
        .arg(dir.path().join("site"))
        .arg(&source)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("1 unpublished draft skipped; --include-drafts adds them"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("(1 postmortem)"));
    let feed = std::fs::read_to_string(dir.path().join("site/feed.xml")).unwrap();
    assert!(
        feed.contains("<id>tag:postmortem.invalid,2000:incident-postmortems</id>"),
        "{feed}"
    );
    assert!(
        feed.contains("<id>tag:postmortem.invalid,2026-05-14:incident-postmortems/2026-05-14-"),
        "{feed}"
    );
}
