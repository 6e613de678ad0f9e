use super::*;
use crate::author::adopt::pieces::pieces;
use crate::author::adopt::sections::sections;

/// Each entry as `line: stamp | event`, each left line as `left line: why`.
fn read(body: &str) -> Vec<String> {
    let pieces = pieces(body);
    let built = build(&pieces, &sections(&pieces));
    let mut out: Vec<String> = built
        .entries
        .iter()
        .map(|e| {
            let context = e.context.map_or(String::new(), |d| format!(" on {d:?}"));
            let phase = e.phase.map_or(String::new(), |pm| {
                format!(" {}", if pm { "pm" } else { "am" })
            });
            format!("{}:{context}{phase} | {}", e.line, e.event)
        })
        .collect();
    out.extend(
        built
            .left
            .iter()
            .map(|l| format!("left {}: {}", l.line, l.why)),
    );
    out.extend(built.phases.iter().map(|l| format!("phase {l}")));
    out
}

#[test]
fn entries_take_their_whole_text_up_to_the_next_entry() {
    let body = "# Outage\n\n## Timeline\n\n- 10:00 alert fires on\n  the API\n  - pager rings\n- 10:05 [ack](https://x) by on-call\n\nProse after the list.\n\n## Root cause\n\n- 11:00 not in the timeline\n";
    assert_eq!(
        read(body),
        [
            "4: | alert fires on the API; pager rings",
            "7: | [ack](https://x) by on-call",
        ]
    );
}

#[test]
fn headings_dates_and_phases_are_read_as_a_reader_reads_them() {
    let body = "## Timeline\n\n_All times in EEST_\n\n## May 12\n\n### 20:15\n\nTicket opened\n\n### 00:40\nResources ran out.\n\nStill.\n\n### 1:42-1:59 PM: Deploy\n\n- 1:42: first\n- 1:59: last\n\n## Action Items\n\n- [ ] write it\n";
    let read = read(body);
    assert_eq!(
        read[0],
        "6: on Month... | Ticket opened".replace(
            " on Month...",
            &format!(" on {:?}", Day::NoYear { month: 5, day: 12 })
        )
    );
    assert!(read[1].ends_with("| Resources ran out. Still."), "{read:?}");
    assert!(read[2].contains(" pm | first"), "{read:?}");
    assert!(read.contains(&"phase 15".to_string()), "{read:?}");
}

#[test]
fn time_alone_lines_take_the_text_below_and_br_joins_split_entries() {
    let body = "## Timeline\n\n1:03\nFirst alert fires\n\n5:05\nIncident declared.\nMore words\n\n### 2023-08-25\n\n15:27 - change<br> 21:14 - takes effect\n";
    let read = read(body);
    assert_eq!(read[0], "2: | First alert fires");
    assert_eq!(read[1], "5: | Incident declared. More words");
    assert!(
        read[2].ends_with("| change") && read[3].ends_with("| takes effect"),
        "{read:?}"
    );
}

#[test]
fn what_looks_like_an_entry_and_is_not_read_is_left_with_its_reason() {
    let body = "## Timeline\n\n- T+5m alert fires\n- 25:00 restart\n- someone noticed\n\n| Time | Event |\n|---|---|\n| 12:60 | bad |\n";
    let read = read(body);
    assert_eq!(read.len(), 3, "{read:?}");
    assert!(read[0].starts_with("left 2: `T+5m`"));
    assert!(read[1].starts_with("left 3: `25:00`"));
    assert!(read[2].starts_with("left 8: `12:60`"));
}

#[test]
fn a_date_heading_with_nothing_timed_under_it_is_a_date_only_entry() {
    let body = "## Timeline\n\n### 2018-01-11\n\nAn email warns.\n\n### 2018-01-19 11:00\n\nAnother email.\n";
    let read = read(body);
    assert_eq!(read.len(), 2, "{read:?}");
    assert!(read[0].ends_with("| An email warns."));
    assert!(read[1].ends_with("| Another email."));
}

#[test]
fn a_statement_dates_every_entry_without_a_date() {
    let body = "## Timeline of events\n\nUnless otherwise noted all events happened on 2019-10-21, and all times are in\nUTC.\n\n- **2019-10-20 00:55: builds fail**\n- **01:38: alerts fired\n  (paged)**\n";
    let read = read(body);
    assert!(read[0].ends_with("| builds fail"), "{read:?}");
    assert!(read[1].ends_with("| alerts fired (paged)"), "{read:?}");
}
