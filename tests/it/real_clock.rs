//! Every command that defaults to now, run on the real clock (no
//! `POSTMORTEM_NOW`), in zones whose abbreviations and offsets differ: a
//! pinned clock once hid a `timeline add` that failed on every real run.

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::{Command, Output};

/// Zones people run the tour in: Berlin (the README's), Jerusalem (IST is
/// UTC+2 there), Dublin (IST is summer time) and Kolkata (UTC+5:30).
const ZONES: &[&str] = &[
    "Europe/Berlin",
    "Asia/Jerusalem",
    "Europe/Dublin",
    "Asia/Kolkata",
];

/// The binary in `dir` on the real clock.
fn real(dir: &Path) -> Command {
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(dir)
        .env_remove("POSTMORTEM_NOW")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    command
}

fn run(dir: &Path, args: &[String]) -> Output {
    real(dir).args(args).output().unwrap()
}

fn ok(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The error-level findings lint reports for `file`, on the real clock.
fn errors(dir: &Path, file: &str) -> Vec<String> {
    let args = ["lint", "--format", "json", file].map(String::from);
    let output = run(dir, &args);
    assert!(output.status.code().unwrap() < 2, "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["severity"] == "error")
        .map(|v| format!("{}: {}", v["rule"], v["message"]))
        .collect()
}

/// Splits a console line the way a shell would for the README's commands:
/// words, and double-quoted strings as one word.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => (quoted, started) = (!quoted, true),
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            _ => (word, started) = (word + &c.to_string(), true),
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// The README's tour of `new` and `timeline add`: each command with the
/// output it shows (continuation lines joined).
fn tour() -> Vec<(Vec<String>, Option<String>)> {
    let readme = std::fs::read_to_string(crate::common::repo("README.md")).unwrap();
    let block = readme
        .split("```console\n")
        .map(|b| b.split("```").next().unwrap())
        .find(|b| b.starts_with("$ postmortem new \""))
        .expect("the README's tour block");
    let joined = block.replace("\\\n", " ");
    let mut commands: Vec<(Vec<String>, Option<String>)> = Vec::new();
    for line in joined.lines() {
        match line.strip_prefix("$ ") {
            Some(command) => commands.push((words(command), None)),
            None => commands.last_mut().unwrap().1 = Some(line.to_string()),
        }
    }
    commands
}

#[test]
fn the_readme_tour_runs_on_the_real_clock_in_every_zone_and_lints_clean() {
    let tour = tour();
    assert_eq!(tour.len(), 3, "{tour:?}");
    for zone in ZONES {
        let dir = tempfile::tempdir().unwrap();
        let shown = tour[0].1.clone().unwrap();
        let mut written = None;
        for (command, _) in &tour {
            let args: Vec<String> = command[1..]
                .iter()
                .map(|w| match (w.as_str(), &written) {
                    ("Europe/Berlin", _) => zone.to_string(),
                    (path, Some(file)) if path == shown => String::clone(file),
                    _ => w.clone(),
                })
                .collect();
            let out = ok(&run(dir.path(), &args), &format!("{args:?} in {zone}"));
            written.get_or_insert_with(|| out.trim().to_string());
        }
        let file = written.unwrap();
        assert_eq!(errors(dir.path(), &file), Vec::<String>::new(), "{zone}");
        let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert!(text.contains(&format!("timezone: {zone}\n")), "{text}");
        for kind in ["start", "detected", "resolved"] {
            assert_eq!(
                text.matches(&format!("kind: {kind}\n")).count(),
                1,
                "{text}"
            );
        }
    }
}

#[test]
fn timeline_add_with_the_default_now_writes_the_current_minute() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "Live", "--severity", "SEV2", "--start", "now"];
    let mut args: Vec<String> = new.map(String::from).to_vec();
    args.extend(["--timezone", "Asia/Kolkata", "--no-input"].map(String::from));
    let before = chrono::Utc::now();
    let file = ok(&run(dir.path(), &args), "new").trim().to_string();
    let add = ["timeline", "add", &file, "First responder joins"].map(String::from);
    ok(&run(dir.path(), &add), "timeline add");
    let after = chrono::Utc::now();
    let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
    let kolkata = chrono::FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
    // Either minute is right when the clock turned between the two reads.
    let minutes = [before, after].map(|t| t.with_timezone(&kolkata).format("%H:%M").to_string());
    let entry = text
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("- at:"))
        .unwrap();
    assert!(
        minutes.iter().any(|m| entry.contains(m.as_str())) && !entry.contains(":00."),
        "{entry} not at {minutes:?}"
    );
}

#[test]
fn reports_renders_and_the_site_run_on_the_real_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = ["new", "Live", "--severity", "SEV2", "--start", "now"]
        .map(String::from)
        .to_vec();
    args.extend(["--timezone", "Europe/Dublin", "--no-input"].map(String::from));
    let file = ok(&run(dir.path(), &args), "new").trim().to_string();
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(2)).date_naive();
    let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
    let owed = format!(
        "action_items:\n  - title: Add a canary stage for config pushes\n    owner: alice\n    due: {yesterday}\n    status: open\n"
    );
    std::fs::write(
        dir.path().join(&file),
        text.replace("action_items: []\n", &owed),
    )
    .unwrap();
    let actions = ok(&run(dir.path(), &["actions".into()]), "actions");
    assert!(actions.contains("Add a canary stage"), "{actions}");
    assert!(actions.to_lowercase().contains("overdue"), "{actions}");
    for args in [
        vec!["stats"],
        vec!["render", file.as_str(), "--to", "html"],
        vec!["site", "postmortems", "--out", "public"],
    ] {
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        let output = run(dir.path(), &args);
        assert!(output.status.code().unwrap() < 2, "{args:?}: {output:?}");
    }
    assert!(dir.path().join("public/index.html").exists());
}

/// A postmortem whose detection is `detected` (UTC), written for the real clock.
fn detected_at(detected: chrono::DateTime<chrono::Utc>) -> String {
    let start = detected - chrono::Duration::minutes(30);
    format!(
        "---\ntitle: Live\nstatus: draft\nseverity: SEV2\ntimezone: UTC\nservices: [api]\ntimeline:\n  - at: {}\n    kind: start\n    event: Errors begin\n  - at: {}\n    kind: detected\n    event: Alert fires\naction_items: []\n---\n\n## Summary\n\nErrors.\n",
        start.format("%Y-%m-%d %H:%M"),
        detected.format("%Y-%m-%d %H:%M"),
    )
}

#[test]
fn the_language_server_checks_against_the_real_clock() {
    let mut server = crate::lsp::Server::spawn_args(&["server"]);
    let init = server.request("initialize", serde_json::json!({ "capabilities": {} }));
    assert!(init["capabilities"].is_object());
    server.notify("initialized", serde_json::json!({}));
    let now = chrono::Utc::now();
    let rules = |diagnostics: &serde_json::Value| -> Vec<String> {
        diagnostics["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let past = server.open(
        "file:///tmp/past.md",
        &detected_at(now - chrono::Duration::hours(2)),
    );
    assert!(!rules(&past).contains(&"future-time".to_string()), "{past}");
    let ahead = server.open(
        "file:///tmp/ahead.md",
        &detected_at(now + chrono::Duration::hours(3)),
    );
    assert!(
        rules(&ahead).contains(&"future-time".to_string()),
        "{ahead}"
    );
}

#[test]
fn serve_previews_on_the_real_clock() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    let now = chrono::Utc::now();
    std::fs::write(
        dir.path().join("postmortems/live.md"),
        detected_at(now - chrono::Duration::minutes(5)),
    )
    .unwrap();
    let mut child = real(dir.path())
        .args(["serve", "postmortems", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let (status, index) = crate::serve::get(&address, "/");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(status, "HTTP/1.1 200 OK", "{index}");
    // On the real clock the entry five minutes ago is no future time: no
    // findings page stands in for the postmortem.
    assert!(
        index.contains("Live") && !index.contains("future"),
        "{index}"
    );
}

#[test]
fn new_without_a_zone_takes_the_zone_tz_names_and_the_time_now_there() {
    for zone in ZONES {
        let dir = tempfile::tempdir().unwrap();
        let output = real(dir.path())
            .env("TZ", zone)
            .args(["new", "Checkout errors", "--severity", "SEV2"])
            .args(["--start", "now", "--no-input", "--print"])
            .output()
            .unwrap();
        let text = ok(&output, "new");
        assert!(text.contains(&format!("timezone: {zone}\n")), "{text}");
        let tz: chrono_tz::Tz = zone.parse().unwrap();
        let today = chrono::Utc::now().with_timezone(&tz).date_naive();
        let yesterday = today.pred_opt().unwrap();
        // The start is now on the zone's clock (a run at midnight may see either day).
        assert!(
            text.contains(&format!("start: {today} "))
                || text.contains(&format!("start: {yesterday} ")),
            "{zone}: {text}"
        );
    }
}
