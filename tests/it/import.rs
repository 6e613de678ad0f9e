//! `import` from each source's saved export (samples in
//! tests/fixtures/import and tests/fixtures/statuspage, sources in their
//! READMEs): every entry's instant, kind, text and author; each import lints
//! without errors; `--into` merges once and adds nothing the second time.

use crate::common;
use std::path::Path;
use std::process::Output;

/// After every sample, so no imported time is in the future.
const NOW: &str = "2026-12-01T00:00:00Z";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::postmortem_in(dir)
        .env("POSTMORTEM_NOW", NOW)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    common::repo(&format!("tests/fixtures/{name}"))
        .to_str()
        .unwrap()
        .to_string()
}

/// Each entry as `instant in UTC | kind | who | event`.
fn entries(text: &str) -> Vec<String> {
    common::timeline(text)
        .into_iter()
        .map(|(at, kind, who, event)| format!("{at} | {kind} | {who} | {event}"))
        .collect()
}

/// The rules and severities `lint` reports on `text`.
fn errors(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("imported.md"), text).unwrap();
    let output = run(dir.path(), &["lint", "--format", "json", "imported.md"]);
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["severity"] == "error")
        .map(|v| format!("{}: {}", v["rule"], v["message"]))
        .collect()
}

fn print(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut all = args.to_vec();
    all.push("--print");
    let text = stdout(&run(dir.path(), &all));
    assert_eq!(errors(&text), Vec::<String>::new(), "{text}");
    text
}

#[test]
fn pagerduty_log_entries_become_milestones_notes_and_who_did_them() {
    let text = print(&[
        "import",
        "pagerduty",
        &fixture("import/pagerduty-log-entries.json"),
    ]);
    assert!(
        text.contains("title: \"GO009: Create from go program updated\"\n"),
        "{text}"
    );
    assert!(text.contains("services: [Test Service]\n"));
    assert_eq!(
        entries(&text),
        [
            "2013-03-06 20:28:46 | detected | - | Triggered through the website: Martian's are attacking",
            "2013-03-06 20:28:46 | note | - | Assigned to Tim Wright by timeout",
            "2013-03-06 20:29:30 | acknowledged | Tim Wright | Acknowledged by Tim Wright",
            "2013-03-06 20:59:30 | note | - | Unacknowledged by timeout",
            "2013-03-06 21:00:30 | escalated | - | Escalated to Bob Smith by timeout",
            "2013-03-06 21:10:02 | note | Bob Smith | Rolled back the 20:20 deploy of the go program; error rate falling.",
            "2013-03-06 21:33:15 | resolved | Tim Wright | Resolved by Tim Wright: Fixed",
        ]
    );
    // Who did it shows in renders, unless the event already names them.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pd.md"), &text).unwrap();
    let rendered = stdout(&run(dir.path(), &["render", "pd.md", "--to", "markdown"]));
    assert!(
        rendered.contains("error rate falling. (Bob Smith) |"),
        "{rendered}"
    );
    assert!(
        rendered.contains("| Acknowledged by Tim Wright |"),
        "{rendered}"
    );
    let with = print(&[
        "import",
        "pagerduty",
        &fixture("import/pagerduty-log-entries.json"),
        "--notifications",
    ]);
    assert!(with.contains("Notified Bob Smith by email"));
}

#[test]
fn opsgenie_alert_logs_leave_out_views_and_read_the_log_text() {
    let text = print(&[
        "import",
        "opsgenie",
        &fixture("import/opsgenie-alert-logs.json"),
        "--id",
        "70413a06",
    ]);
    assert_eq!(
        entries(&text),
        [
            "2026-05-14 13:20:58 | detected | System | Alert created via Datadog[Datadog] with tags [db, replica]",
            "2026-05-14 13:24:11 | acknowledged | Priya Raman | Alert acknowledged via Mobile",
            "2026-05-14 13:30:58 | escalated | System | Alert escalated to next with rule [Page secondary after 10m]",
            "2026-05-14 13:49:40 | note | Priya Raman | Added note: replica caught up, lag under 1s",
            "2026-05-14 13:51:09 | resolved | Priya Raman | Alert closed via Web",
        ]
    );
}

#[test]
fn opsgenie_incident_timelines_map_by_type_and_skip_hidden_entries() {
    let text = print(&[
        "import",
        "opsgenie",
        &fixture("import/opsgenie-incident-timeline.json"),
    ]);
    assert_eq!(
        entries(&text),
        [
            "2021-12-22 09:47:44 | detected | System | Incident opened",
            "2021-12-22 09:52:10 | acknowledged | Lena Hoffmann | Responder alert acknowledged",
            "2021-12-22 10:05:31 | note | Lena Hoffmann | Failover started: promoted the standby in eu-west-1",
            "2021-12-22 10:31:19 | resolved | Lena Hoffmann | Incident resolved",
        ]
    );
}

const SLACK_PINNED: [&str; 5] = [
    "2026-05-14 13:25:00 | note | Priya Raman | Declaring an incident: card payments failing for ~30% of checkouts since about 13:02. @Sam Okafor can you look at the gateway?",
    "2026-05-14 13:26:00 | note | Sam Okafor | On it. Gateway returns `certificate_unknown` on every handshake.",
    "2026-05-14 13:30:00 | note | Priya Raman | Thanks, paging the certificates owner.",
    "2026-05-14 13:48:30 | note | Sam Okafor | Rolled the client certificate back to the previous one & restarted payments-api. Errors are dropping: payments dashboard (https://grafana.example.com/d/pay)",
    "2026-05-14 14:12:00 | note | Opsgenie | Alert closed: payments-api error rate",
];

#[test]
fn slack_exports_give_the_pinned_messages_with_their_threads_by_real_name() {
    let zipped = print(&[
        "import",
        "slack",
        &fixture("import/slack-export.zip"),
        "--channel",
        "inc-checkout",
    ]);
    assert_eq!(entries(&zipped), SLACK_PINNED);
    assert!(
        zipped.contains("title: Checkout payments failing\n"),
        "{zipped}"
    );
    let folder = print(&[
        "import",
        "slack",
        &fixture("import/slack-export"),
        "--channel",
        "#inc-checkout",
    ]);
    assert_eq!(folder, zipped, "the folder and its .zip import alike");
}

#[test]
fn slack_all_takes_every_message_but_not_joins_and_since_until_cut_it() {
    let all = print(&[
        "import",
        "slack",
        &fixture("import/slack-export"),
        "--channel",
        "inc-checkout",
        "--all",
    ]);
    let all = entries(&all);
    assert_eq!(all.len(), 6, "{all:#?}");
    assert!(
        all[3].contains("Lena H | anyone else seeing slow builds?"),
        "{all:#?}"
    );
    let window = print(&[
        "import",
        "slack",
        &fixture("import/slack-export"),
        "--channel",
        "inc-checkout",
        "--all",
        "--since",
        "2026-05-14 13:29",
        "--until",
        "2026-05-14 13:50",
    ]);
    assert_eq!(entries(&window).len(), 3);
}

#[test]
fn incident_io_named_timestamps_are_milestones_and_updates_are_notes() {
    let text = print(&["import", "incident-io", &fixture("import/incident-io.json")]);
    assert!(text.contains("severity: SEV2\n"));
    assert!(text.contains("services: [payments-api, checkout-web]\n"));
    assert_eq!(
        entries(&text),
        [
            "2026-05-14 13:02:00 | start | - | Impact started",
            "2026-05-14 13:21:40 | detected | - | Reported at",
            "2026-05-14 13:24:05 | acknowledged | - | Accepted at",
            "2026-05-14 13:24:05 | note | Priya Raman | Payments are failing for some checkouts; investigating the card gateway.",
            "2026-05-14 13:48:30 | note | Sam Okafor | The gateway rejects our client certificate since the 13:00 rotation; rolling the old one back.",
            "2026-05-14 14:10:00 | mitigated | - | Fixed at",
            "2026-05-14 14:32:00 | resolved | - | Resolved at",
            "2026-05-14 14:32:00 | note | Priya Raman | Payments have succeeded normally for 20 minutes; moving to post-incident.",
            "2026-05-14 16:02:00 | note | - | Closed at",
        ]
    );
}

#[path = "import_into.rs"]
mod into;
#[path = "import_statuspage.rs"]
mod statuspage;
