use super::*;

fn first(body: &str) -> Option<(String, Option<&'static str>)> {
    statements(body)
        .into_iter()
        .next()
        .map(|s| (s.written, s.zone.map(|z| z.name())))
}

fn zone(body: &str) -> Option<&'static str> {
    first(body).and_then(|(_, z)| z)
}

#[test]
fn zone_statements_are_found_wherever_they_stand() {
    assert_eq!(
        zone("## Timeline\nAll times in PST.\n"),
        Some("America/Los_Angeles")
    );
    assert_eq!(zone("## Timeline (UTC)\n"), Some("UTC"));
    assert_eq!(zone("_All times in EEST_\n"), Some("Europe/Athens"));
    assert_eq!(
        zone("| Date and Time in CET | Event |"),
        Some("Europe/Berlin")
    );
    assert_eq!(zone("| Time (UTC) | Event |"), Some("UTC"));
    assert_eq!(
        zone("## Timeline (all times in PST/PDT)"),
        Some("America/Los_Angeles")
    );
    assert_eq!(zone("Unless noted all times are in\nUTC."), Some("UTC"));
    assert_eq!(
        zone("#### 29-09-2021 (All times CEST)"),
        Some("Europe/Berlin")
    );
    assert_eq!(zone("All times in UTC+1"), Some("Etc/GMT-1"));
    assert_eq!(zone("All times in GMT+2"), Some("Etc/GMT-2"));
    assert_eq!(zone("All times in UC/Pacific"), Some("America/Los_Angeles"));
    assert_eq!(zone("All times are Europe/Berlin"), Some("Europe/Berlin"));
    assert_eq!(zone("## Timeline (times in BST)"), Some("Europe/London"));
    assert_eq!(zone("All times in IST"), Some("Asia/Kolkata"));
    assert_eq!(
        zone("All times are Pacific Standard Time."),
        Some("America/Los_Angeles")
    );
    assert_eq!(
        zone("All timestamps are in Berlin time"),
        Some("Europe/Berlin")
    );
    assert_eq!(
        zone("All events are documented in [UTC](https://en.wikipedia.org/wiki/UTC) time."),
        Some("UTC")
    );
    assert_eq!(
        zone("_All times in Pacific Time (PT)_"),
        Some("America/Los_Angeles")
    );
}

#[test]
fn a_statement_no_zone_answers_to_is_kept_unresolved_and_prose_is_no_statement() {
    assert_eq!(first("All times in GST."), Some(("GST".into(), None)));
    assert_eq!(
        first("All times are in Europe."),
        Some(("Europe".into(), None))
    );
    assert_eq!(first("We spent all times in meetings"), None);
    assert_eq!(first("Time to detect: 5 minutes"), None);
    assert_eq!(first("It timed out, sometimes twice, at runtime."), None);
    assert_eq!(first("The time to recover was long"), None);
}

#[test]
fn a_statement_after_a_no_break_space_is_read_without_cutting_a_character() {
    assert_eq!(zone("All events are in\u{a0}UTC time."), Some("UTC"));
    assert_eq!(first("x\u{a0}time"), None);
}
