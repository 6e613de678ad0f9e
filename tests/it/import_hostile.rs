//! Importers against hostile and broken exports: a time that is no time is
//! left out with a warning (never a panic), an export cannot exhaust memory
//! or hang the import through links, FIFOs or devices, two alerts never
//! share a file, and a source link is only ever an http(s) link.

use crate::common;
use std::path::Path;
use std::process::Output;

const NOW: &str = "2026-12-01T00:00:00Z";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::postmortem_in(dir)
        .env("POSTMORTEM_NOW", NOW)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `import slack export --channel inc-checkout --print` in `dir`.
fn import_channel(dir: &Path) -> Output {
    let args = ["import", "slack", "export", "--channel", "inc-checkout"];
    run(dir, &[&args[..], &["--print"]].concat())
}

/// A copy of the sample Slack export in `dir/export`.
fn slack_export(dir: &Path) -> std::path::PathBuf {
    let from = common::repo("tests/fixtures/import/slack-export");
    let to = dir.join("export");
    std::fs::create_dir_all(to.join("inc-checkout")).unwrap();
    for name in [
        "channels.json",
        "users.json",
        "inc-checkout/2026-05-14.json",
    ] {
        std::fs::copy(from.join(name), to.join(name)).unwrap();
    }
    to
}

#[test]
fn a_slack_message_whose_ts_is_nan_is_left_out_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let export = slack_export(dir.path());
    let day = export.join("inc-checkout/2026-05-14.json");
    let text = std::fs::read_to_string(&day).unwrap().replacen(
        "[\n",
        "[\n  {\"type\": \"message\", \"ts\": \"NaN\", \"user\": \"U01PRIYA\", \"text\": \"no time\", \"pinned_to\": [\"C07QX4J2K1M\"]},\n",
        1,
    );
    std::fs::write(&day, text).unwrap();
    let output = import_channel(dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("left out 1 message"),
        "{}",
        stderr(&output)
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("no time"));
}

#[test]
fn a_slack_export_is_read_through_no_link_fifo_or_device() {
    let dir = tempfile::tempdir().unwrap();
    let export = slack_export(dir.path());
    let days = export.join("inc-checkout");
    std::os::unix::fs::symlink("/dev/zero", days.join("2026-05-15.json")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", days.join("2026-05-16.json")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(days.join("2026-05-17.json"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let started = std::time::Instant::now();
    let output = import_channel(dir.path());
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Declaring an incident"));
    let escape = run(
        dir.path(),
        &["import", "slack", "export", "--channel", "../..", "--print"],
    );
    assert_eq!(escape.status.code(), Some(2), "{}", stderr(&escape));
}

#[test]
fn an_oversized_slack_day_is_refused_not_read_into_memory() {
    let dir = tempfile::tempdir().unwrap();
    let export = slack_export(dir.path());
    let day = std::fs::File::create(export.join("inc-checkout/2026-05-18.json")).unwrap();
    day.set_len(65 << 20).unwrap();
    let output = import_channel(dir.path());
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("2026-05-18.json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn two_opsgenie_alerts_of_one_day_never_share_a_file_and_force_says_what_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let logs = std::fs::read_to_string(common::repo(
        "tests/fixtures/import/opsgenie-alert-logs.json",
    ))
    .unwrap();
    std::fs::write(dir.path().join("first.json"), &logs).unwrap();
    // A second alert an hour later the same day.
    std::fs::write(dir.path().join("second.json"), logs.replace("T13:", "T14:")).unwrap();
    let first = run(dir.path(), &["import", "opsgenie", "first.json"]);
    let second = run(dir.path(), &["import", "opsgenie", "second.json"]);
    let (first, second) = (
        String::from_utf8(first.stdout).unwrap(),
        String::from_utf8(second.stdout).unwrap(),
    );
    assert!(!first.is_empty() && !second.is_empty());
    assert_ne!(first, second, "each alert has its own file");
    let path = dir.path().join(first.trim());
    let edited = std::fs::read_to_string(&path).unwrap() + "\nNotes typed by hand.\n";
    std::fs::write(&path, edited).unwrap();
    let again = run(dir.path(), &["import", "opsgenie", "first.json", "--force"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("hand edits"), "{}", stderr(&again));
}

#[test]
fn a_source_link_is_written_only_when_it_is_http() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        std::fs::read_to_string(common::repo("tests/fixtures/import/incident-io.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&sample).unwrap();
    let link = value["incident"]["permalink"].as_str().unwrap().to_string();
    for (hostile, shown) in [
        ("javascript:alert(document.cookie)", None),
        (
            "https://app.example.com/x> <script>",
            Some("https://app.example.com/x%3E%20%3Cscript%3E"),
        ),
    ] {
        std::fs::write(dir.path().join("i.json"), sample.replace(&link, hostile)).unwrap();
        let output = run(dir.path(), &["import", "incident-io", "i.json", "--print"]);
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            !text.contains("javascript:") && !text.contains("<script>"),
            "{text}"
        );
        if let Some(shown) = shown {
            assert!(text.contains(&format!("<{shown}>")), "{text}");
        }
    }
}
