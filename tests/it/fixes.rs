//! Fixes: each rule that documents a fix offers it on its failing example
//! (a snapshot of every choice and of the diff `--fix --unsafe-fixes`
//! makes), `--fix` keeps every byte outside its edits and the file's mode,
//! `--diff` writes nothing, and machine formats carry the edits.

use crate::common;
use insta_cmd::assert_cmd_snapshot;
use postmortem::diagnostic::{Applicability, Rule};
use postmortem::lint::fix::{self, Allowed};
use postmortem::lint::{self, registry};
use std::os::unix::fs::PermissionsExt;

/// Every fix choice of `rule`'s example as text, then the unified diff of
/// applying the unsafe and safe ones.
fn fix_transcript(rule: Rule) -> String {
    let text = std::fs::read_to_string(fixture(rule)).unwrap();
    let options = common::example_options();
    let checked = lint::check(&text, &options);
    let mut out = String::new();
    for finding in checked.findings.iter().filter(|f| f.rule == rule) {
        let Some(fix) = &finding.fix else { continue };
        out.push_str(&format!(
            "{} [{}]\n",
            finding.message,
            fix.applicability.name()
        ));
        for choice in &fix.choices {
            let edits: Vec<String> = choice
                .edits
                .iter()
                .map(|e| format!("{}..{} -> {:?}", e.span.start, e.span.end, e.content))
                .collect();
            out.push_str(&format!("  {}: {}\n", choice.title, edits.join(", ")));
        }
    }
    let fixed = fix::fix(&text, &options, Allowed::Unsafe);
    let diff = similar::TextDiff::from_lines(&text, &fixed.text)
        .unified_diff()
        .header("before", "after")
        .to_string();
    out.push_str(&format!("\nfixed {}:\n{diff}", fixed.fixed));
    out
}

/// The rule's example, or `tests/fixtures/fixes/<rule>.md` where the
/// example shows a case without a fix (a time in the spring gap).
fn fixture(rule: Rule) -> std::path::PathBuf {
    let own = common::repo(&format!("tests/fixtures/fixes/{}.md", rule.id()));
    if own.exists() {
        return own;
    }
    common::repo(&format!("examples/rules/{}.md", rule.id()))
}

#[test]
fn each_rule_with_a_documented_fix_offers_it_on_its_example() {
    for info in registry::all().iter().filter(|i| i.fix.is_some()) {
        let transcript = fix_transcript(info.rule);
        assert!(
            transcript.contains('['),
            "{}: the example has no fix",
            info.rule.id()
        );
        insta::assert_snapshot!(format!("fix-{}", info.rule.id()), transcript);
    }
}

#[test]
fn applied_fixes_remove_their_findings_and_leave_other_bytes_alone() {
    let options = common::example_options();
    for info in registry::all().iter().filter(|i| i.fix.is_some()) {
        let name = fixture(info.rule).display().to_string();
        let text = std::fs::read_to_string(&name).unwrap();
        let before = lint::check(&text, &options);
        let applicable = before
            .findings
            .iter()
            .filter(|f| {
                f.fix
                    .as_ref()
                    .is_some_and(|x| x.applicability != Applicability::DisplayOnly)
            })
            .count();
        let fixed = fix::fix(&text, &options, Allowed::Unsafe);
        assert!(fixed.fixed <= applicable, "{name}");
        let count = |findings: &[postmortem::Finding]| {
            findings.iter().filter(|f| f.rule == info.rule).count()
        };
        let own = before.findings.iter().any(|f| {
            f.rule == info.rule
                && f.fix
                    .as_ref()
                    .is_some_and(|x| x.applicability != Applicability::DisplayOnly)
        });
        if own {
            assert!(
                count(&fixed.checked.findings) < count(&before.findings),
                "{name}"
            );
        }
        // Every line no edit touches is kept as it was, in place.
        let spans: Vec<_> = before
            .findings
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .filter(|x| x.applicability != Applicability::DisplayOnly)
            .flat_map(|x| x.edits().iter().map(|e| e.span))
            .collect();
        let diff = similar::TextDiff::from_lines(&text, &fixed.text);
        let mut at = 0;
        for change in diff.iter_all_changes() {
            if change.tag() == similar::ChangeTag::Insert {
                continue;
            }
            let line = at..at + change.value().len();
            at = line.end;
            let touched = spans
                .iter()
                .any(|s| s.start <= line.end && line.start <= s.end);
            assert!(
                touched || change.tag() == similar::ChangeTag::Equal,
                "{name}: untouched line changed: {:?}",
                change.value()
            );
        }
    }
}

const BROKEN: &str = "---
title: Checkout errors
date: 2026-03-03
status: draft
severity: SEV2
timezone: europe/berlin
timeline:
  - at: 2026-03-01 23:50
    kind: start
    event: Errors begin
  - at: 00:10
    kind: detected
    event: Alert fires
  - at: 0130
    kind: resolved
    event: Fixed
---

## Summary

Checkout failed for two hours.
";

#[test]
fn diff_prints_the_changes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, BROKEN).unwrap();
    let mut cmd = common::postmortem_in(dir.path());
    cmd.args(["lint", "a.md", "--diff", "--now", "2026-03-05T00:00:00Z"]);
    assert_cmd_snapshot!(cmd);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BROKEN);
}

#[test]
fn fix_applies_safe_fixes_in_place_keeping_the_mode_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, BROKEN).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let mut cmd = common::postmortem_in(dir.path());
    cmd.args([
        "lint",
        "a.md",
        "--fix",
        "--format",
        "concise",
        "--now",
        "2026-03-05T00:00:00Z",
    ]);
    assert_cmd_snapshot!(cmd);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        BROKEN
            .replace("europe/berlin", "Europe/Berlin")
            .replace("at: 0130", "at: \"01:30\"")
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn unsafe_fixes_write_the_date_a_time_alone_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, BROKEN).unwrap();
    let status = common::postmortem_in(dir.path())
        .args([
            "lint",
            "a.md",
            "--fix",
            "--unsafe-fixes",
            "--now",
            "2026-03-05T00:00:00Z",
        ])
        .output()
        .unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("  - at: 2026-03-02 00:10\n"), "{after}");
    assert!(after.contains("## Root cause\n\n<!-- hint: write the root cause -->\n"));
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
}

#[test]
fn json_and_sarif_carry_each_fix_with_its_edits() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), BROKEN).unwrap();
    let run = |format: &str| {
        let out = common::postmortem_in(dir.path())
            .args([
                "lint",
                "a.md",
                "--format",
                format,
                "--now",
                "2026-03-05T00:00:00Z",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let json = run("json");
    let zone: serde_json::Value = json
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["rule"] == "timezone")
        .unwrap();
    assert_eq!(zone["fix"]["applicability"], "safe");
    let edit = &zone["fix"]["choices"][0]["edits"][0];
    assert_eq!(edit["start"]["line"], 6);
    assert_eq!(edit["start"]["column"], 11);
    assert_eq!(edit["content"], "Europe/Berlin");
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let zone = results.iter().find(|r| r["ruleId"] == "timezone").unwrap();
    let replacement = &zone["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["deletedRegion"]["startLine"], 6);
    assert_eq!(replacement["deletedRegion"]["startColumn"], 11);
    assert_eq!(replacement["deletedRegion"]["endColumn"], 24);
    assert_eq!(replacement["insertedContent"]["text"], "Europe/Berlin");
}

#[test]
fn a_misspelt_key_gets_no_rename_when_the_key_it_means_is_already_there() {
    let text = "---\ntitle: x\nseverity: SEV2\nsevrity: SEV2\ntimeline: []\n---\n";
    let checked = lint::check(text, &common::options());
    let finding = checked
        .findings
        .iter()
        .find(|f| f.message == "unknown key `sevrity` in the front matter")
        .unwrap();
    assert!(finding.fix.is_none());
    assert_eq!(
        finding.help.as_deref(),
        Some("did you mean `severity`? it is already given: keep one")
    );
    let alone = lint::check(&text.replace("severity: SEV2\n", ""), &common::options());
    let rename = alone
        .findings
        .iter()
        .find(|f| f.message == "unknown key `sevrity` in the front matter")
        .and_then(|f| f.fix.as_ref())
        .unwrap();
    assert_eq!(rename.applicability, Applicability::Unsafe);
    assert_eq!(rename.edits()[0].content, "severity");
}

#[test]
fn unsafe_fixes_alone_reports_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, BROKEN).unwrap();
    let output = common::postmortem_in(dir.path())
        .args([
            "lint",
            "a.md",
            "--unsafe-fixes",
            "--now",
            "2026-03-05T00:00:00Z",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BROKEN);
}

/// Every Markdown file under `dir`, recursively.
fn markdown_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            markdown_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

#[test]
fn each_rule_emits_only_the_fixes_it_declares_and_says_what_they_are() {
    let options = common::example_options();
    let mut files = Vec::new();
    for dir in ["examples", "postmortems", "tests/fixtures"] {
        markdown_under(&common::repo(dir), &mut files);
    }
    let mut seen = std::collections::BTreeSet::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        for finding in lint::check_bytes(&bytes, &options).1.findings {
            let Some(fix) = &finding.fix else { continue };
            let declared = registry::info(finding.rule).fix.unwrap_or_else(|| {
                panic!(
                    "{}: {} emits a fix it does not declare",
                    path.display(),
                    finding.rule.id()
                )
            });
            assert!(
                declared.applicability.contains(&fix.applicability),
                "{}: {} emits a {} fix, declared {:?}",
                path.display(),
                finding.rule.id(),
                fix.applicability.name(),
                declared.applicability
            );
            seen.insert((finding.rule, fix.applicability));
        }
    }
    for info in registry::all() {
        let Some(fix) = info.fix else { continue };
        for applicability in fix.applicability {
            let name = applicability.name();
            assert!(
                fix.what.to_lowercase().contains(name),
                "{}: the fix's text never says `{name}`",
                info.rule.id()
            );
            assert!(
                seen.contains(&(info.rule, *applicability)),
                "{}: no example or fixture shows its {name} fix",
                info.rule.id()
            );
        }
    }
}
