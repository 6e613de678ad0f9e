//! Statuspage: real incidents (Customer.io, Discord, Emma) and shapes the
//! importer must survive (the clock change, HTML bodies, maintenances, the
//! REST API's bare list with a damaged incident), each imported lint-clean
//! in Los Angeles and in Berlin.

use super::{entries, errors, fixture, run, stdout};

const SAMPLES: &[&str] = &[
    "statuspage/discord-2022.json",
    "statuspage/emma-2019.json",
    "statuspage/autumn-change.json",
    "statuspage/github-html.json",
    "statuspage/maintenance.json",
    "statuspage/api-array.json",
    "statuspage/incidents.json",
];

#[test]
fn every_sample_imports_lint_clean_in_los_angeles_and_berlin() {
    let customerio = crate::common::repo("examples/statuspage-customerio-2018.json");
    let customerio = customerio.to_str().unwrap().to_string();
    for zone in ["America/Los_Angeles", "Europe/Berlin"] {
        let dir = tempfile::tempdir().unwrap();
        let mut written = 0;
        for sample in SAMPLES
            .iter()
            .map(|s| fixture(s))
            .chain([customerio.clone()])
        {
            let output = run(
                dir.path(),
                &[
                    "import",
                    "statuspage",
                    &sample,
                    "--all",
                    "--timezone",
                    zone,
                    "--dir",
                    "out",
                ],
            );
            assert!(
                matches!(output.status.code(), Some(0 | 1)),
                "{sample}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            written += String::from_utf8(output.stdout).unwrap().lines().count();
        }
        assert_eq!(written, 9, "{zone}: one file per readable incident");
        for file in std::fs::read_dir(dir.path().join("out")).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            assert_eq!(errors(&text), Vec::<String>::new(), "{zone}: {text}");
        }
    }
}

#[test]
fn the_clock_change_is_written_with_offsets_in_the_repeated_hour() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(&run(
        dir.path(),
        &[
            "import",
            "statuspage",
            &fixture("statuspage/autumn-change.json"),
            "--print",
        ],
    ));
    assert!(
        text.contains("timezone: America/Los_Angeles\n"),
        "the page's zone: {text}"
    );
    assert_eq!(
        entries(&text),
        [
            "2026-11-01 08:20:00 | acknowledged | - | Status page: investigating",
            "2026-11-01 08:20:00 | update | - | We are investigating failed logins.",
            "2026-11-01 08:50:00 | identified | - | Status page: identified",
            "2026-11-01 08:50:00 | update | - | Tokens issued in the repeated hour were rejected.",
            "2026-11-01 09:25:00 | mitigated | - | Status page: monitoring",
            "2026-11-01 09:25:00 | update | - | Token refresh is healthy again.",
            "2026-11-01 09:55:00 | resolved | - | Status page: resolved",
            "2026-11-01 09:55:00 | update | - | Logins have succeeded normally since 01:40 PST.",
        ]
    );
    assert!(text.contains("  - at: 01:25 -08:00\n"), "{text}");
    assert!(text.contains("    next_update: 01:55 -08:00\n"), "{text}");
    assert!(
        text.contains("services: [Authentication]\n"),
        "from the updates: {text}"
    );
}

#[test]
fn an_html_body_gives_its_own_timeline_and_no_resolved_at_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(&run(
        dir.path(),
        &[
            "import",
            "statuspage",
            &fixture("statuspage/github-html.json"),
            "--print",
        ],
    ));
    assert!(
        !text.contains("<li>") && !text.contains("<strong>"),
        "no markup left: {text}"
    );
    assert_eq!(
        entries(&text),
        [
            "2011-07-28 03:06:00 | update | - | Messages posted during this incident:",
            "2011-07-28 03:06:00 | note | - | Some repositories are unavailable while a fileserver pair recovers.",
            "2011-07-28 03:41:00 | note | - | The failover completed; repositories on the pair are being checked.",
            "2011-07-28 04:12:00 | note | - | All repositories are available again.",
        ]
    );
    assert!(
        text.contains("timezone: UTC\n"),
        "Etc/UTC is written as UTC: {text}"
    );
}

#[test]
fn a_damaged_incident_in_a_list_is_reported_and_the_others_imported() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &[
            "import",
            "statuspage",
            &fixture("statuspage/api-array.json"),
            "--all",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).replace(&fixture(""), ""),
        "warning: statuspage/api-array.json: incident `api00000002` was left out: its `created_at` is missing or not RFC 3339\n"
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "postmortems/2026-04-02-webhooks-delayed.md\n"
    );
}

#[test]
fn two_incidents_of_one_day_and_title_both_import_and_the_same_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let page = fixture("statuspage/incidents.json");
    let la = ["--timezone", "America/Los_Angeles"];
    let list = fixture("statuspage/api-array.json");
    let first = run(
        dir.path(),
        &[
            &["import", "statuspage", &list, "--incident", "api00000001"][..],
            &la,
        ]
        .concat(),
    );
    assert_eq!(
        String::from_utf8(first.stdout).unwrap(),
        "postmortems/2026-04-02-webhooks-delayed.md\n"
    );
    // 23:45 in New York is 20:45 in Los Angeles: the same day, the same title.
    let other = run(
        dir.path(),
        &[
            &["import", "statuspage", &page, "--incident", "newer0000002"][..],
            &la,
        ]
        .concat(),
    );
    assert_eq!(
        String::from_utf8(other.stdout).unwrap(),
        "postmortems/2026-04-02-webhooks-delayed-newer0000002.md\n"
    );
    let again = run(
        dir.path(),
        &[
            &["import", "statuspage", &page, "--incident", "newer0000002"][..],
            &la,
        ]
        .concat(),
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("webhooks-delayed-newer0000002.md"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn statuspage_into_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pm.md");
    let draft = stdout(&run(
        dir.path(),
        &[
            "new",
            "Webhooks delayed",
            "--no-input",
            "--start",
            "2026-04-02 23:30",
            "--timezone",
            "America/New_York",
            "--print",
        ],
    ));
    std::fs::write(&file, draft).unwrap();
    let args = [
        "import",
        "statuspage",
        &fixture("statuspage/incidents.json"),
        "--into",
        "pm.md",
    ];
    let first = stdout(&run(dir.path(), &args));
    let merged = std::fs::read_to_string(&file).unwrap();
    let second = stdout(&run(dir.path(), &args));
    assert!(first.starts_with("pm.md: 6 entries added"), "{first}");
    assert!(second.starts_with("pm.md: 0 entries added"), "{second}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), merged);
}
