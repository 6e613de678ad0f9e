use super::*;
use crate::author::import::{json, promise};
use chrono::DateTime;

#[test]
fn events_are_the_first_sentence_or_200_characters() {
    assert_eq!(
        first_sentence("We are investigating.  More soon."),
        "We are investigating."
    );
    assert_eq!(first_sentence("Version 1.2 is out"), "Version 1.2 is out");
    assert_eq!(
        first_sentence("\nStarted: 6:49am UTC\nSeverity: high"),
        "Started: 6:49am UTC"
    );
    assert_eq!(first_sentence(&"a".repeat(300)).chars().count(), 200);
}

#[test]
fn impact_maps_to_severity() {
    assert_eq!(severity("critical"), Some("SEV1"));
    assert_eq!(severity("none"), Some("SEV4"));
    assert_eq!(severity("weird"), None);
}

#[test]
fn broken_json_names_its_position() {
    let error = json::parse("{\n  \"incidents\": [\n").unwrap_err();
    assert!(
        matches!(error, ImportError::Json { line: 3, .. }),
        "{error}"
    );
    let value = json::parse("[1, 2]").unwrap();
    let read = page(&value).unwrap();
    assert_eq!(read.damaged.len(), 2);
}

#[test]
fn the_promise_reader_reads_every_wording_in_the_corpus() {
    let corpus = include_str!("../../../tests/fixtures/statuspage/promises.tsv");
    let mut misread = Vec::new();
    let mut rows = 0;
    for line in corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let posted = DateTime::parse_from_rfc3339(fields[0]).unwrap();
        let expected = (fields[2] != "-").then(|| DateTime::parse_from_rfc3339(fields[2]).unwrap());
        let read = promise::next_update(fields[1], posted);
        rows += 1;
        if read != expected {
            misread.push(format!(
                "{}: read {read:?}, expected {expected:?}",
                fields[1]
            ));
        }
    }
    assert!(rows >= 30, "{rows} rows");
    assert!(misread.is_empty(), "{}", misread.join("\n"));
}
