//! The hostile-input corpus: files people really produce (empty, binary,
//! huge, deeply nested, alias bombs, impossible dates, Windows line endings)
//! each get a finding with a line number and the right outcome, never a
//! panic or a hang.

use crate::common;

use postmortem::diagnostic::Severity;
use postmortem::document::span::LineIndex;
use postmortem::lint;

/// Lints `bytes`; the (rule, line) pairs and whether the run fails.
fn lint_bytes(bytes: &[u8]) -> (Vec<(String, usize)>, bool) {
    let (text, checked) = lint::check_bytes(bytes, &common::options());
    let index = LineIndex::new(&text);
    let found = checked
        .findings
        .iter()
        .map(|f| (f.rule.id().to_string(), f.positions(&text, &index).0.line))
        .collect();
    let fails = checked
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    (found, fails)
}

fn expect(name: &str, bytes: &[u8], rule: &str, line: usize, fails: bool) {
    let (found, failed) = lint_bytes(bytes);
    assert!(
        found.contains(&(rule.to_string(), line)),
        "{name}: expected {rule} on line {line}, got {found:?}"
    );
    assert_eq!(failed, fails, "{name}: {found:?}");
}

const VALID: &str =
    "---\ntitle: x\ntimezone: UTC\ntimeline:\n  - at: 2026-03-01 10:00\n    kind: start\n---\n";

#[test]
fn broken_files_get_a_front_matter_finding_on_their_first_line() {
    expect("empty file", b"", "front-matter", 1, true);
    expect(
        "no front matter",
        b"# Outage\n\nIt broke.\n",
        "front-matter",
        1,
        true,
    );
    expect("only ---", b"---", "front-matter", 1, true);
    expect(
        "unterminated",
        b"---\ntitle: x\ntimeline: []\n",
        "front-matter",
        1,
        true,
    );
    expect(
        "tab indentation",
        b"---\ntitle: x\ntimeline:\n\t- at: 10:00\n---\n",
        "front-matter",
        4,
        true,
    );
}

#[test]
fn front_matter_and_no_body_only_warns_about_sections() {
    let (found, fails) = lint_bytes(VALID.as_bytes());
    assert!(!fails);
    assert!(
        found.iter().any(|(rule, _)| rule == "section-missing"),
        "{found:?}"
    );
}

#[test]
fn byte_order_mark_and_crlf_keep_lines_right() {
    let text = format!(
        "\u{feff}{}",
        VALID
            .replace("timezone: UTC", "timezone: Nowhere/City")
            .replace('\n', "\r\n")
    );
    expect("BOM and CRLF", text.as_bytes(), "timezone", 3, true);
}

#[test]
fn bytes_that_are_not_utf8_are_named_with_their_offset() {
    let mut bytes = VALID.as_bytes().to_vec();
    bytes.splice(9..9, [0xFF, 0xFE]);
    let (text, checked) = lint::check_bytes(&bytes, &common::options());
    assert_eq!(
        checked.findings[0].message,
        "the file is not UTF-8: byte 0xFF at offset 9"
    );
    assert!(text.contains('\u{FFFD}'));
    expect("non-UTF-8", &bytes, "encoding", 2, true);
}

#[test]
fn very_large_files_and_lines_are_read_in_full() {
    let big = format!(
        "{VALID}\n## Summary\n\n{}",
        "Words that go on. TODO\n".repeat(2_300_000)
    );
    assert!(big.len() > 50_000_000);
    expect("50 MB file", big.as_bytes(), "placeholder", 11, false);
    // A TODO on each of 2.3 million lines: 50 findings and one that counts the rest.
    let (text, checked) = lint::check_bytes(big.as_bytes(), &common::options());
    let placeholders: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.rule.id() == "placeholder")
        .collect();
    assert_eq!(placeholders.len(), lint::PER_RULE + 1);
    assert_eq!(
        placeholders[lint::PER_RULE].message,
        "and 2299950 more `placeholder` findings in this file, from here on"
    );
    assert!(text.len() > 50_000_000);
    let long_line = VALID.replace("title: x", &format!("title: {}", "x".repeat(1_000_000)));
    expect(
        "1 MB line",
        format!("{long_line}TBD").as_bytes(),
        "placeholder",
        8,
        false,
    );
}

#[test]
fn documents_past_the_parsers_limits_are_refused_with_a_line() {
    let many: String = (0..100_000)
        .map(|i| format!("  - at: 2026-03-01 {:02}:{:02}\n", i / 60 % 24, i % 60))
        .collect();
    let text = format!("---\ntitle: x\ntimezone: UTC\ntimeline:\n{many}---\n");
    let (found, fails) = lint_bytes(text.as_bytes());
    assert!(
        fails && found[0].0 == "front-matter" && found[0].1 > 4,
        "{:?}",
        &found[..1]
    );
    let mut bomb =
        String::from("---\ntitle: x\ntimeline: []\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g"])
    {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{previous}"); 10].join(", ")
        ));
    }
    bomb.push_str("---\n");
    let (found, fails) = lint_bytes(bomb.as_bytes());
    assert!(
        fails && found[0].0 == "front-matter",
        "alias bomb: {found:?}"
    );
    let nested = format!(
        "---\ntitle: x\ntimeline: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    expect(
        "10,000 nested lists",
        nested.as_bytes(),
        "front-matter",
        3,
        true,
    );
}

#[test]
fn wrong_types_and_duplicate_keys_are_schema_errors() {
    expect(
        "duplicate key",
        b"---\ntitle: x\ntitle: y\ntimeline: []\n---\n",
        "schema",
        3,
        true,
    );
    expect(
        "at: 1430",
        b"---\ntitle: x\ntimezone: UTC\ntimeline:\n  - at: 1430\n---\n",
        "schema",
        5,
        true,
    );
    expect(
        "title: yes",
        b"---\ntitle: yes\ntimeline: []\n---\n",
        "schema",
        2,
        true,
    );
}

#[test]
fn impossible_dates_and_times_are_timestamp_errors() {
    for (at, name) in [
        ("2026-02-30 10:00", "Feb 30"),
        ("2026-03-01 24:00", "24:00"),
        ("2026-12-31 23:59:60", "leap second"),
        ("0000-01-01 10:00", "year 0"),
        ("10000-01-01 10:00", "year 10000"),
    ] {
        let text = VALID.replace("2026-03-01 10:00", at);
        expect(name, text.as_bytes(), "timestamp", 5, true);
    }
}

#[test]
fn every_form_with_an_impossible_offset_is_a_timestamp_error() {
    for at in [
        "2026-03-01 10:00 +25:00",
        "2026-03-01T10:00:00+24:30",
        "2026-03-01T10:00-99",
        "10:00 +1900",
        "2:30 PM -25:00",
        "2026-03-01 10:00 XST",
    ] {
        let text = VALID
            .replace("2026-03-01 10:00", at)
            .replace("timeline:\n", "timeline:\n  - at: 2026-03-01 09:00\n");
        expect(at, text.as_bytes(), "timestamp", 6, true);
    }
}

#[test]
fn zone_names_that_do_not_exist_are_timezone_errors() {
    for zone in ["Mars/Olympus_Mons", "PT", "GMT+25", "America/Los Angeles"] {
        let text = VALID.replace("timezone: UTC", &format!("timezone: {zone}"));
        expect(zone, text.as_bytes(), "timezone", 3, true);
    }
}
