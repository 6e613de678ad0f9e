//! The machine formats of `lint`: SARIF checked against what the 2.1.0
//! schema requires, GitHub workflow commands with their escaping, JUnit XML,
//! the concise lines, and `-o` writing the report to a file.

use crate::common;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use postmortem::diagnostic::{Rule, Severity};
use postmortem::document::span::Position;
use postmortem::report::github;
use postmortem::report::located::Located;
use serde_json::Value;
use std::process::Command;

const FILES: [&str; 3] = [
    "examples/rules/schema.md",
    "examples/rules/update-late.md",
    "examples/minimal.md",
];

fn lint(format: &str) -> Command {
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(common::repo(""))
        .env("POSTMORTEM_NOW", common::NOW)
        .env("NO_COLOR", "1")
        .args(["lint", "--format", format])
        .args(FILES);
    command
}

#[test]
fn sarif_has_every_field_the_2_1_0_schema_requires() {
    let output = lint("sarif").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "postmortem");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Rule::ALL.len());
    for rule in rules {
        assert!(rule["id"].is_string());
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(
            rule["help"]["text"]
                .as_str()
                .unwrap()
                .contains("Why it matters")
        );
        assert!(
            ["error", "warning"].contains(&rule["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for result in results {
        assert!(result["message"]["text"].is_string());
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("examples/rules/")
        );
        let region = &location["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key}");
        }
    }
    assert_eq!(results[0]["region"], Value::Null);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
}

#[test]
fn github_commands_escape_commas_colons_and_newlines() {
    let finding = Located {
        path: "post, mortems/a:b.md".into(),
        start: Position { line: 3, column: 7 },
        end: Position {
            line: 3,
            column: 12,
        },
        rule: Rule::Schema,
        severity: Severity::Error,
        message: "100% wrong: a, b\nc".into(),
        help: Some("fix it".into()),
        fix: None,
    };
    assert_eq!(
        github::render(&[finding]),
        "::error file=post%2C mortems/a%3Ab.md,line=3,col=7,endLine=3,endColumn=12,title=schema::100%25 wrong: a, b%0Ac%0Ahelp: fix it\n"
    );
}

#[test]
fn github_format_annotates_each_finding() {
    assert_cmd_snapshot!(lint("github"));
}

#[test]
fn junit_has_a_suite_per_file_and_a_failure_per_error() {
    assert_cmd_snapshot!(lint("junit"));
}

#[test]
fn concise_prints_one_line_per_finding() {
    assert_cmd_snapshot!(lint("concise"));
}

#[test]
fn output_file_receives_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.sarif");
    let output = lint("sarif").arg("-o").arg(&target).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let log: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 3);
}

#[test]
fn a_file_that_could_not_be_read_is_in_every_machine_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::repo("examples/minimal.md"),
        dir.path().join("good.md"),
    )
    .unwrap();
    let report = |format: &str| {
        let output = common::postmortem_in(dir.path())
            .args(["lint", "--format", format, "good.md", "missing.md"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}");
        String::from_utf8(output.stdout).unwrap()
    };
    let sarif: Value = serde_json::from_str(&report("sarif")).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false, "{sarif}");
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing.md"
    );
    let json = report("json");
    let record: Value = serde_json::from_str(json.lines().last().unwrap()).unwrap();
    assert_eq!(record["file"], "missing.md", "{json}");
    assert!(record["error"].as_str().unwrap().contains("does not exist"));
    assert!(report("junit").contains("<error message=\"missing.md does not exist"));
    assert!(report("github").contains("::error file=missing.md,title=could not check::"));
}
