//! The repository's own postmortems: each renders to the normalized model
//! with the metrics worked out by hand from its source write-up.

use crate::common;

use postmortem::{lint, render};
use serde_json::{Value, json};

fn model(name: &str) -> Value {
    let path = common::repo(&format!("postmortems/{name}"));
    let text = std::fs::read_to_string(&path).unwrap();
    let options =
        lint::Options::new(postmortem::document::stamp::instant("2026-11-22T00:00:00Z").unwrap());
    let checked = lint::check(&text, &options);
    let errors: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.severity.to_string() == "error")
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    serde_json::to_value(render::model(&checked.document.unwrap(), &text, false).view()).unwrap()
}

fn metrics(model: &Value) -> Value {
    json!([
        model["impact"]["duration_minutes"],
        model["metrics"]["time_to_detect_minutes"],
        model["metrics"]["time_to_acknowledge_minutes"],
        model["metrics"]["time_to_mitigate_minutes"],
        model["metrics"]["time_to_resolve_minutes"],
    ])
}

#[test]
fn storage_cleanup_2026_spans_a_day_in_pacific_daylight_time() {
    let m = model("2026-05-14-query-failures-after-storage-cleanup.md");
    // 14:30 -> 15:11 detect, 20:11 mitigate, next day 17:15 resolve.
    assert_eq!(metrics(&m), json!([1605, 41, null, 341, 1605]));
    assert_eq!(m["impact"]["start"], "2026-05-14T14:30:00-07:00");
    assert_eq!(m["impact"]["end"], "2026-05-15T17:15:00-07:00");
    assert_eq!(m["timeline"][6]["at"], "2026-05-15T17:15:00-07:00");
    assert_eq!(m["impact"]["data_loss"], true);
}

#[test]
fn api_downtime_2012_reads_twelve_hour_times_and_dates_alone() {
    let m = model("2012-07-31-api-downtime-load-balancers-out-of-memory.md");
    // 8:00 AM to 12:20 PM PDT; no detection time in the source.
    assert_eq!(metrics(&m), json!([260, null, null, null, 260]));
    assert_eq!(m["timeline"][0]["at"], "2012-07-31T08:00:00-07:00");
    assert_eq!(m["timeline"][1]["at"], "2012-07-31");
    assert_eq!(m["timeline"][1]["precision"], "day");
    assert_eq!(m["timeline"][4]["at"], "2012-07-31T12:20:00-07:00");
}

#[test]
fn kernel_bug_2018_is_measured_from_the_postmortems_start_time() {
    let m = model("2018-12-21-processing-paused-after-database-kernel-bug.md");
    // 05:29 start, 10:08 processing resumes, 11:05 backlog cleared.
    assert_eq!(metrics(&m), json!([279, null, null, 279, 336]));
    assert_eq!(m["timeline"][1]["next_update"], "2018-12-21T09:15:00Z");
}

#[test]
fn every_postmortem_in_the_folder_is_covered_above() {
    let names: Vec<_> = std::fs::read_dir(common::repo("postmortems"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        3,
        "add a test with its expected metrics for each new postmortem"
    );
}
