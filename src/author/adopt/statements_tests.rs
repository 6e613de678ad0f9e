use super::*;
use crate::author::adopt::pieces::pieces;

fn title_of(body: &str) -> Option<String> {
    title(&pieces(body))
}

#[test]
fn titles_come_from_the_first_heading_that_names_no_section() {
    assert_eq!(
        title_of("intro\n## Summary\n# DB outage\n").as_deref(),
        Some("DB outage")
    );
    assert_eq!(
        title_of("Data delays (November 2025)\n=====\n\nIncident Summary\n---\n\n### Scope\n")
            .as_deref(),
        Some("Data delays (November 2025)")
    );
    assert_eq!(
        title_of("# Incident Title\n\nADFS Outage\n\n## Summary\n").as_deref(),
        Some("ADFS Outage")
    );
    assert_eq!(
        title_of("Status: final<br> Owners: @Hixie\n\n## Summary\n\n## Timeline\n"),
        None
    );
    assert_eq!(title_of("## Summary\n\n### 2023-08-25\n"), None);
    assert_eq!(
        title_from_name("Postmortem-flutter.dev-outage-on-August-26-2023.md"),
        "Postmortem flutter.dev outage on August 26 2023"
    );
    assert_eq!(title_from_name("2026-05-14-db-failover.md"), "db failover");
}

#[test]
fn the_day_of_undated_times_comes_from_what_the_document_states() {
    let body = "# 2022-05-23 - wire.com website outage\n\nLast updated: 2022-05-25\n\n## Timeline\n\n*06:00*: down\n";
    let p = pieces(body);
    let s = crate::author::adopt::sections::sections(&p);
    let title = title(&p).unwrap();
    let (found, from) = dates(&p, &s, &title, None, None, None);
    assert_eq!(
        from,
        Some((NaiveDate::from_ymd_opt(2022, 5, 23).unwrap(), "its title"))
    );
    assert_eq!(found.year, Some(2022));
    assert_eq!(written_on(&p), NaiveDate::from_ymd_opt(2022, 5, 25));
    let body = "**Date**: 03/10/2021\n\n## Timeline\n\n#### 29-09-2021\n\n- 15:46 x\n";
    let p = pieces(body);
    let s = crate::author::adopt::sections::sections(&p);
    let (_, from) = dates(&p, &s, "x", None, None, Some(true));
    assert_eq!(
        from,
        Some((
            NaiveDate::from_ymd_opt(2021, 10, 3).unwrap(),
            "its Date line"
        ))
    );
}
