//! `import ... --into FILE`: entries merged at their place in time, the
//! rest of the file untouched, an entry typed by hand at the same minute
//! with the same kind not repeated, and a second run adding nothing.

use super::{entries, errors, fixture, run, stdout};

/// A postmortem with a hand-typed entry, in Berlin time.
fn base(hand_typed: &str) -> String {
    format!(
        "---\ntitle: Imported into   # keep this comment\nstatus: draft\ntimezone: Europe/Berlin\ntimeline:\n{hand_typed}action_items: []\n---\n\n## Summary\n\nWritten by hand.\n"
    )
}

/// Imports twice into a file holding `hand_typed`; returns the merged text
/// and both runs' reports.
fn twice(args: &[&str], hand_typed: &str) -> (String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pm.md");
    let original = base(hand_typed);
    std::fs::write(&file, &original).unwrap();
    let mut all = args.to_vec();
    all.extend(["--into", "pm.md"]);
    let first = stdout(&run(dir.path(), &all));
    let merged = std::fs::read_to_string(&file).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let second = stdout(&run(dir.path(), &all));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        merged,
        "the second run changed the file"
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        modified,
        "the second run rewrote the file"
    );
    assert!(merged.starts_with("---\ntitle: Imported into   # keep this comment\n"));
    assert!(merged.ends_with("## Summary\n\nWritten by hand.\n"));
    assert!(merged.contains(hand_typed), "{merged}");
    assert_eq!(errors(&merged), Vec::<String>::new(), "{merged}");
    (merged, first, second)
}

#[test]
fn pagerduty_into_twice_adds_once_and_keeps_the_hand_typed_acknowledgement() {
    let hand = "  - at: 2013-03-06 21:29\n    kind: acknowledged\n    event: Tim took the page on his phone\n";
    let (merged, first, second) = twice(
        &[
            "import",
            "pagerduty",
            &fixture("import/pagerduty-log-entries.json"),
        ],
        hand,
    );
    assert_eq!(first, "pm.md: 6 entries added, 1 already there\n");
    assert_eq!(second, "pm.md: 0 entries added, 7 already there\n");
    let read = entries(&merged);
    assert_eq!(read.len(), 7, "{read:#?}");
    assert_eq!(
        read.iter()
            .filter(|e| e.contains("| acknowledged |"))
            .count(),
        1
    );
}

#[test]
fn opsgenie_slack_and_incident_io_into_twice_change_nothing_the_second_time() {
    // The incident.io start typed by hand (15:02 in Berlin) is the one the
    // import states (13:02 UTC): it is there already.
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &[
                "import",
                "opsgenie",
                &fixture("import/opsgenie-alert-logs.json"),
            ],
            "  - at: 2026-05-14 15:00\n    event: Replica lag alert noticed in the dashboard\n",
            "pm.md: 5 entries added, 0 already there\n",
        ),
        (
            &[
                "import",
                "slack",
                &fixture("import/slack-export.zip"),
                "--channel",
                "inc-checkout",
            ],
            "  - at: 2026-05-14 15:00\n    event: Certificate rotation job paused\n",
            "pm.md: 5 entries added, 0 already there\n",
        ),
        (
            &["import", "incident-io", &fixture("import/incident-io.json")],
            "  - at: 2026-05-14 15:02\n    kind: start\n    event: First failed payment in the logs\n",
            "pm.md: 8 entries added, 1 already there\n",
        ),
    ];
    for (args, hand, expected) in cases {
        let (merged, first, second) = twice(args, hand);
        assert_eq!(first, expected);
        assert!(second.starts_with("pm.md: 0 entries added"), "{second}");
        assert!(merged.contains("    source: "), "{merged}");
    }
}

#[test]
fn a_milestone_the_file_already_has_elsewhere_is_merged_as_a_note() {
    let hand =
        "  - at: 2026-05-14 15:00\n    kind: start\n    event: First failed payment in the logs\n";
    let (merged, first, _) = twice(
        &["import", "incident-io", &fixture("import/incident-io.json")],
        hand,
    );
    assert!(first.contains("1 added as notes"), "{first}");
    let starts: Vec<String> = entries(&merged)
        .into_iter()
        .filter(|e| e.contains("Impact started") || e.contains("| start |"))
        .collect();
    assert_eq!(
        starts,
        [
            "2026-05-14 13:00:00 | start | - | First failed payment in the logs",
            "2026-05-14 13:02:00 | note | - | Impact started",
        ]
    );
}

#[test]
fn imported_messages_of_one_minute_each_merge_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export");
    std::fs::create_dir_all(export.join("inc")).unwrap();
    std::fs::write(
        export.join("channels.json"),
        r#"[{"id": "C1", "name": "inc"}]"#,
    )
    .unwrap();
    std::fs::write(
        export.join("users.json"),
        r#"[{"id": "U1", "real_name": "Ana Lima"}]"#,
    )
    .unwrap();
    // Three messages within 13:25 UTC, the minute of a note typed by hand.
    std::fs::write(
        export.join("inc/2026-05-14.json"),
        r#"[{"type": "message", "ts": "1778765100.000100", "user": "U1", "text": "first"},
            {"type": "message", "ts": "1778765110.000200", "user": "U1", "text": "second"},
            {"type": "message", "ts": "1778765120.000300", "user": "U1", "text": "third"}]"#,
    )
    .unwrap();
    let hand = "  - at: 2026-05-14 15:25\n    event: Someone noticed\n";
    let (merged, first, second) = twice(
        &[
            "import",
            "slack",
            export.to_str().unwrap(),
            "--channel",
            "inc",
            "--all",
        ],
        hand,
    );
    assert_eq!(
        first, "pm.md: 2 entries added, 1 already there\n",
        "{merged}"
    );
    assert_eq!(second, "pm.md: 0 entries added, 3 already there\n");
    let read: Vec<String> = entries(&merged)
        .into_iter()
        .map(|e| e.split(" | ").last().unwrap().to_string())
        .collect();
    // The note typed at 15:25 stands for the first message of its minute only.
    assert_eq!(read, ["Someone noticed", "second", "third"], "{merged}");
}
