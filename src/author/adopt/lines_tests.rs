use super::*;

fn entry(line: &str) -> String {
    match read(line, Some(2026)) {
        Read::Entry(l) => format!(
            "{} {}{} | {}",
            l.date.map_or("-".into(), |d| d.to_string()),
            l.time.format("%H:%M"),
            l.label.map_or(String::new(), |z| format!(" {z}")),
            l.event
        ),
        Read::Date(d) => format!("date {d}"),
        Read::Other => "other".into(),
    }
}

#[test]
fn the_ways_people_write_timeline_lines_are_read() {
    assert_eq!(
        entry("- 2:54 PM PST: config change merged"),
        "- 14:54 PST | config change merged"
    );
    assert_eq!(
        entry("* [13:26] someone reports errors"),
        "- 13:26 | someone reports errors"
    );
    assert_eq!(
        entry("1. 14:30 - rollback started"),
        "- 14:30 | rollback started"
    );
    assert_eq!(
        entry("| 08:41 | Alertmanager page: API 5xx |"),
        "- 08:41 | Alertmanager page: API 5xx"
    );
    assert_eq!(
        entry("* May 14, 2:30 PM — Cleanup operation begins"),
        "2026-05-14 14:30 | Cleanup operation begins"
    );
    assert_eq!(
        entry("- **2017-02-28 09:37 UTC** - S3 team debugging"),
        "2017-02-28 09:37 UTC | S3 team debugging"
    );
    assert_eq!(entry("- 9:37am: first alert"), "- 09:37 | first alert");
    assert_eq!(
        entry("- 14:05:30 UTC — page sent"),
        "- 14:05 UTC | page sent"
    );
}

#[test]
fn dates_alone_set_the_date_and_prose_is_left_alone() {
    assert_eq!(entry("### 2017-02-28"), "date 2017-02-28");
    assert_eq!(entry("**Tuesday, Feb 28**"), "date 2026-02-28");
    assert_eq!(entry("### February 28, 2017"), "date 2017-02-28");
    assert_eq!(entry("| Time | Event |"), "other");
    assert_eq!(entry("- Someone noticed the dashboard was red"), "other");
    assert_eq!(entry("We rolled back at 14:30 after the alert."), "other");
    assert_eq!(entry("- 14:30"), "other");
}
