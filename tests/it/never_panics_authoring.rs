//! Property tests for what reads other tools' data: any change to a real
//! export leaves every importer returning data, and the draft it writes
//! reads back as the entries imported; `adopt` on any text returns data,
//! and what it writes is a postmortem that keeps the original body.

use crate::common;
use crate::never_panics::{apply, mutation};
use postmortem::author::adopt;
use postmortem::author::import::{self, incident_io, opsgenie, pagerduty, statuspage};
use proptest::prelude::*;
use serde_json::Value;

const SAMPLES: &[&str] = &[
    "tests/fixtures/import/pagerduty-log-entries.json",
    "tests/fixtures/import/opsgenie-alert-logs.json",
    "tests/fixtures/import/opsgenie-incident-timeline.json",
    "tests/fixtures/import/incident-io.json",
    "tests/fixtures/statuspage/autumn-change.json",
    "tests/fixtures/statuspage/github-html.json",
    "examples/statuspage-customerio-2018.json",
];

/// Values a damaged export may hold where it should not.
fn junk(n: u64) -> Value {
    match n % 8 {
        0 => Value::Null,
        1 => Value::from(""),
        2 => Value::from(0),
        3 => Value::from("2026-13-45T99:99:99Z"),
        4 => Value::from("2026-11-01T01:30:00-07:00"),
        5 => Value::Array(Vec::new()),
        6 => Value::from("<li><strong>2011-07-28 03:06</strong> - </li> update at 25:99 PM PT"),
        _ => Value::Object(serde_json::Map::new()),
    }
}

/// Replaces the `pick`-th value (in document order) of `value` with junk.
fn damage(value: &mut Value, pick: &mut u64, with: u64) -> bool {
    if *pick == 0 {
        *value = junk(with);
        return true;
    }
    *pick -= 1;
    let children: Vec<&mut Value> = match value {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(map) => map.values_mut().collect(),
        _ => return false,
    };
    children.into_iter().any(|child| damage(child, pick, with))
}

fn every_importer_reads_back(value: &Value) {
    let zone = chrono_tz::Tz::America__Los_Angeles;
    let mut incidents = Vec::new();
    incidents.extend(pagerduty::incident(value, None, true));
    incidents.extend(opsgenie::incident(value, Some("x")));
    incidents.extend(incident_io::incident(value, Some(value)));
    if let Ok(page) = statuspage::page(value) {
        incidents.extend(page.incidents);
    }
    for incident in incidents {
        let text = import::draft(&incident, zone, &postmortem::Settings::default().sections)
            .expect("a draft reads back as its entries");
        let merged =
            import::into(&text, &incident, chrono::Utc::now()).expect("merging into it works");
        assert_eq!(merged.added, 0, "a draft already holds its own entries");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn damaged_exports_import_or_are_refused_never_panic(
        which in 0usize..SAMPLES.len(),
        damages in proptest::collection::vec((any::<u64>(), any::<u64>()), 1..5),
    ) {
        let text = std::fs::read_to_string(common::repo(SAMPLES[which])).unwrap();
        let mut value = import::parse_json(&text).unwrap();
        for (pick, with) in damages {
            let mut pick = pick % 400;
            damage(&mut value, &mut pick, with);
        }
        every_importer_reads_back(&value);
    }

    #[test]
    fn adopt_on_any_text_writes_a_postmortem_that_keeps_the_body(
        which in 0usize..4,
        mutations in proptest::collection::vec(mutation(), 0..6),
        noise in "[ -~\n]{0,200}",
    ) {
        let fixtures = [
            "tests/fixtures/adopt/2026-02-10-jekyll-deploy-freeze.md",
            "tests/fixtures/adopt/2025-11-03-hugo-cache-stampede.md",
            "tests/fixtures/adopt/zola-dns-outage.md",
            "tests/fixtures/adopt/plain-table-postmortem.md",
        ];
        let original = std::fs::read_to_string(common::repo(fixtures[which])).unwrap();
        for text in [apply(&original, &mutations), noise.clone(), format!("## Timeline\n{noise}")] {
            let options = adopt::Options { zone: None, file_name: Some("2026-05-14-x.md".into()) };
            if let Ok(adopted) = adopt::adopt(&text, &options) {
                let parsed = postmortem::document::parse(&adopted.text);
                prop_assert!(parsed.document.is_some(), "{}", adopted.text);
                if !text.starts_with("---") && !text.starts_with("+++") {
                    prop_assert!(adopted.text.ends_with(&text));
                }
            }
        }
    }

    #[test]
    fn adopt_on_timeline_shaped_noise_writes_a_postmortem_that_keeps_the_body(
        parts in proptest::collection::vec(0usize..TOKENS.len(), 0..80),
        noise in "\\PC{0,20}",
    ) {
        let mut text: String = parts.iter().map(|&i| TOKENS[i]).collect();
        text.push_str(&noise);
        let options = adopt::Options { zone: None, file_name: Some("2026-05-14-x.md".into()) };
        if let Ok(adopted) = adopt::adopt(&text, &options) {
            let parsed = postmortem::document::parse(&adopted.text);
            prop_assert!(parsed.document.is_some(), "{}", adopted.text);
            if !text.starts_with("---") && !text.starts_with("+++") {
                prop_assert!(adopted.text.ends_with(&text));
            }
        }
    }
}

/// The pieces timelines are written with, for noise shaped like them
/// (found a slice inside a no-break space before a zone's name).
const TOKENS: &[&str] = &[
    "## Timeline\n",
    "### ",
    "# ",
    "- ",
    "  - ",
    "| ",
    " |",
    "|---|---|\n",
    "\n",
    "\n\n",
    "**",
    "*",
    "_",
    "`",
    "[",
    "](x)",
    "<br>",
    "<br/>",
    "12:30",
    "1:42",
    "PM",
    "am",
    "-",
    "~",
    "UTC",
    "CET",
    "GST",
    "(",
    ")",
    ":",
    "2021-12-16",
    "16/12/21",
    "03/10/2021",
    "Feb 21",
    "21st",
    "of",
    "March",
    "2021",
    "HH:mm",
    "22:XX",
    "24:XX",
    "--:--",
    "T+5m",
    "All times in ",
    "happened on ",
    "On the ",
    "é",
    "日本",
    "\u{a0}",
    "\t",
    "===\n",
    "---\n",
    "+++\n",
    "title: x\n",
    "Date: ",
    "1506 UTC",
    "Between ",
    " to ",
    "Update: ",
    "Sep 29 2017 08:59",
    "Wednesday ",
    "resolved",
    "paged",
    "<!--",
    "-->",
    "```\n",
    "\\",
    "2025-Feb-07",
    "GMT+2",
    "+05:30",
    "Date (UTC)",
    "documented in [UTC](x) time",
];
