//! `postmortem.yml`: discovery and precedence, rejected keys with their line,
//! rule levels set by the project and by one file, custom severities and
//! sections, the default folder, and `postmortem config`.

use crate::common;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::path::Path;
use std::process::{Command, Output};

fn postmortem(dir: &Path) -> Command {
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(dir)
        .env("POSTMORTEM_NOW", common::NOW)
        .env("NO_COLOR", "1");
    command
}

fn findings(output: &Output) -> Vec<String> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| {
            format!(
                "{} {}",
                v["rule"].as_str().unwrap(),
                v["severity"].as_str().unwrap()
            )
        })
        .collect()
}

/// The concise report of `postmortem lint incidents` in `dir`.
fn concise(dir: &Path) -> String {
    let output = postmortem(dir)
        .args(["lint", "--format", "concise", "incidents"])
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

/// `rule severity` of each finding of `postmortem lint incidents` in `dir`.
fn json_findings(dir: &Path) -> Vec<String> {
    findings(
        &postmortem(dir)
            .args(["lint", "--format", "json", "incidents"])
            .output()
            .unwrap(),
    )
}

/// A project: `postmortem.yml` at the top, one postmortem in `incidents/`.
fn project(config: &str, postmortem: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postmortem.yml"), config).unwrap();
    std::fs::create_dir_all(dir.path().join("incidents/2026")).unwrap();
    std::fs::write(dir.path().join("incidents/2026/checkout.md"), postmortem).unwrap();
    dir
}

fn placeholder_doc() -> String {
    std::fs::read_to_string(common::repo("examples/rules/placeholder.md")).unwrap()
}

#[test]
fn the_nearest_config_above_the_current_folder_applies() {
    let dir = project(
        "dir: incidents\nrules:\n  placeholder: error\n",
        &placeholder_doc(),
    );
    let sub = dir.path().join("incidents/2026");
    let output = postmortem(&sub)
        .args(["lint", "--format", "json", "checkout.md"])
        .output()
        .unwrap();
    assert_eq!(
        findings(&output),
        ["placeholder error", "placeholder error"]
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn config_flag_takes_precedence_over_the_discovered_file() {
    let dir = project("rules:\n  placeholder: error\n", &placeholder_doc());
    std::fs::write(dir.path().join("quiet.yml"), "rules:\n  placeholder: off\n").unwrap();
    let output = postmortem(dir.path())
        .args([
            "--config",
            "quiet.yml",
            "lint",
            "--format",
            "json",
            "incidents",
        ])
        .output()
        .unwrap();
    assert_eq!(findings(&output), Vec::<String>::new());
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn the_configured_dir_is_what_lint_checks_by_default() {
    let dir = project(
        "dir: incidents\nrules:\n  placeholder: off\n",
        &placeholder_doc(),
    );
    let output = postmortem(dir.path()).args(["lint"]).output().unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "0 errors, 0 warnings in 1 file\n"
    );
}

#[test]
fn unknown_keys_and_values_are_rejected_with_their_line() {
    let dir = project(
        "dir: incidents\ncolour: red\nrules:\n  timline-order: error\n  dst: loud\n  zone-label: off\n",
        "",
    );
    assert_cmd_snapshot!(postmortem(dir.path()).args(["--config", "postmortem.yml", "lint"]));
}

#[test]
fn a_file_can_allow_a_rule_for_itself() {
    let doc = placeholder_doc().replace(
        "status: draft\n",
        "status: draft\nlint:\n  allow: [placeholder]\n",
    );
    let dir = project("rules:\n  placeholder: error\n", &doc);
    assert_eq!(json_findings(dir.path()), Vec::<String>::new());
    let typo = placeholder_doc().replace(
        "status: draft\n",
        "status: draft\nlint:\n  allow: [placeholdr]\n",
    );
    std::fs::write(dir.path().join("incidents/2026/checkout.md"), typo).unwrap();
    let text = concise(dir.path());
    assert!(
        text.contains("error[schema] unknown rule `placeholdr` in `lint.allow`"),
        "{text}"
    );
}

#[test]
fn custom_severities_and_sections_replace_the_defaults() {
    let doc = std::fs::read_to_string(common::repo("tests/fixtures/pass/placeholder.md")).unwrap();
    let config = "severities:\n  P1: customers cannot pay\n  P2: customers are slowed down\nsections:\n  Summary: []\n  Customer communication: [Comms]\n";
    let dir = project(config, &doc);
    let text = concise(dir.path());
    assert!(
        text.contains("error[schema] `SEV2` is not a valid severity"),
        "{text}"
    );
    assert!(
        text.contains(
            "warning[section-missing] the body has no `## Customer communication` section"
        ),
        "{text}"
    );
    assert!(
        !text.contains("Root cause"),
        "only the configured sections are required: {text}"
    );
    let fixed = doc
        .replace("severity: SEV2", "severity: P1")
        .replace("## Impact", "## Comms");
    std::fs::write(dir.path().join("incidents/2026/checkout.md"), fixed).unwrap();
    assert_eq!(concise(dir.path()), "0 errors, 0 warnings in 1 file\n");
}

#[test]
fn duration_tolerance_is_configurable() {
    let doc = std::fs::read_to_string(common::repo("tests/fixtures/pass/placeholder.md"))
        .unwrap()
        .replace("duration: 40m", "duration: 50m");
    let strict = project("", &doc);
    assert_eq!(json_findings(strict.path()), ["duration-claim error"]);
    let loose = project("duration_tolerance: {minutes: 10, percent: 5}\n", &doc);
    assert_eq!(json_findings(loose.path()), Vec::<String>::new());
}

#[test]
fn config_prints_every_setting_with_its_origin() {
    let dir = project(
        "dir: incidents\ntimezone: Europe/Berlin\nrules:\n  zone-label: off\nupdate_interval: 30m\nblameless: [dropped the ball]\n",
        "",
    );
    assert_cmd_snapshot!(postmortem(dir.path()).args(["--config", "postmortem.yml", "config"]));
}

#[test]
fn extra_keys_are_accepted_and_kept_in_markdown_renders() {
    let doc = std::fs::read_to_string(common::repo("tests/fixtures/pass/placeholder.md"))
        .unwrap()
        .replacen(
            "\nstatus:",
            "\nlayout: post\npermalink: /incidents/checkout/\ncategories:\n  - ops\n  - incidents\naliases: [/old/checkout/, \"/post mortem/\"]  # for Hugo\nstatus:",
            1,
        );
    let without = project("", &doc);
    assert_eq!(
        json_findings(without.path()),
        [
            "schema error",
            "schema error",
            "schema error",
            "schema error"
        ]
    );
    let with = project(
        "extra_keys: [layout, permalink, categories, aliases]\n",
        &doc,
    );
    assert_eq!(json_findings(with.path()), Vec::<String>::new());
    let output = postmortem(with.path())
        .args(["render", "incidents/2026/checkout.md", "--to", "markdown"])
        .output()
        .unwrap();
    let page = String::from_utf8(output.stdout).unwrap();
    let front = page.split("\n---\n").next().unwrap();
    assert!(
        front.ends_with(concat!(
            "layout: post\npermalink: /incidents/checkout/\ncategories:\n  - ops\n  - incidents\n",
            "aliases: [/old/checkout/, \"/post mortem/\"]  # for Hugo"
        )),
        "{front}"
    );
}

#[test]
fn extra_keys_cannot_take_over_the_formats_own_keys() {
    let dir = project("extra_keys: [layout, timeline]\n", "");
    let output = postmortem(dir.path())
        .args(["lint", "incidents"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`timeline` is a key of the postmortem format itself"),
        "{stderr}"
    );
}
