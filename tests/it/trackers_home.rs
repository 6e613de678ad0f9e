//! What sync brings home and how linked issues are shown: a closed GitHub
//! issue's reason (completed, not planned) in the item's status, the key in
//! `actions`, `stats` and pages, and the trackers in `postmortem config`.

use crate::common::postmortem_in;
use crate::trackers_fake::{self as fake, Reply};
use crate::trackers_github::{TOKEN, github_config, sync};
use serde_json::{Value, json};

#[test]
fn closed_github_issues_set_done_or_wontfix_by_their_reason_and_an_open_one_is_reported() {
    let github = fake::serve(|r| {
        let issue = r.path.rsplit('/').next().unwrap_or("");
        let state = match issue {
            "1" => json!({"state": "closed", "state_reason": "completed"}),
            "2" => json!({"state": "closed", "state_reason": "not_planned"}),
            _ => json!({"state": "open", "state_reason": "reopened"}),
        };
        Reply::json(if r.method == "GET" { 200 } else { 500 }, state)
    });
    let base = "https://github.com/acme/checkout/issues";
    let text = fake::linked(&format!("{base}/1"), &format!("{base}/2")).replace(
        "status: done\n",
        &format!("status: done\n    link: {base}/3\n"),
    );
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &text);
    let dry = sync(&dir, &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", fake::text(&dry));
    assert!(fake::text(&dry).contains("would set postmortems/checkout.md: item 1"));
    assert_eq!(fake::postmortem(&dir), text, "a dry run writes nothing");
    let run = sync(&dir, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", fake::text(&run));
    let expected = text
        .replace(
            &format!("{base}/1\n"),
            &format!("{base}/1\n    status: done\n"),
        )
        .replace("status: in-progress\n", "status: wontfix\n");
    assert_eq!(fake::postmortem(&dir), expected);
    let out = fake::text(&run);
    assert!(
        out.contains("is done in the file but acme/checkout#3 is open; left as it is"),
        "{out}"
    );
    assert_eq!(github.count("POST", "/"), 0);
    let again = sync(&dir, &[]);
    assert!(
        fake::text(&again).contains("0 status changed"),
        "{}",
        fake::text(&again)
    );
}

#[test]
fn a_linked_issue_that_is_gone_is_reported_for_its_item_and_the_others_still_sync() {
    let github = fake::serve(|r| match r.path.rsplit('/').next().unwrap_or("") {
        "1" => Reply::json(404, json!({"message": "Not Found"})),
        _ => Reply::json(200, json!({"state": "closed", "state_reason": "completed"})),
    });
    let base = "https://github.com/acme/checkout/issues";
    let text = fake::linked(&format!("{base}/1"), &format!("{base}/2"));
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &text);
    let run = sync(&dir, &[]);
    let out = fake::text(&run);
    assert_eq!(run.status.code(), Some(1), "{out}");
    assert!(
        out.contains("cannot read acme/checkout#1 for postmortems/checkout.md: item 1"),
        "{out}"
    );
    assert!(out.contains("1 linked issue not found"), "{out}");
    let expected = text.replace("status: in-progress\n", "status: done\n");
    assert_eq!(
        fake::postmortem(&dir),
        expected,
        "item 2 synced, item 1 left"
    );
}

#[test]
fn actions_pages_and_stats_show_each_linked_issue_by_its_key() {
    let text = fake::linked(
        "https://github.com/acme/checkout/issues/12",
        "https://acme.atlassian.net/browse/OPS-7",
    )
    .replace(
        "status: done\n",
        "status: done\n    link: https://linear.app/acme/issue/ENG-3/rotate\n",
    );
    let dir = fake::project("", &text);
    let run = |args: &[&str]| {
        let output = postmortem_in(dir.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", fake::text(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let table = run(&["actions", "--wide"]);
    assert!(table.lines().next().unwrap().ends_with("Issue"), "{table}");
    for key in ["acme/checkout#12", "OPS-7", "ENG-3"] {
        assert!(table.contains(key), "{table}");
    }
    let rows: Value = serde_json::from_str(&run(&["actions", "--format", "json"])).unwrap();
    assert_eq!(rows[0]["issue"], "acme/checkout#12");
    let page = run(&["render", "postmortems/checkout.md", "--to", "html"]);
    assert!(page.contains(">OPS-7</a>"), "{page}");
    let markdown = run(&["render", "postmortems/checkout.md", "--to", "markdown"]);
    assert!(markdown.contains("(ENG-3)"), "{markdown}");
    let stats: Value = serde_json::from_str(&run(&["stats", "--format", "json"])).unwrap();
    let counts = json!({"open": 2, "finished": 1, "tracked": 3});
    assert_eq!(stats[0]["action_items"], counts);
}

#[test]
fn config_shows_the_trackers_without_secrets_and_reports_a_repository_not_written_owner_slash_name()
{
    let config = "trackers:\n  github: {repo: acme/checkout, owners: {storage-team: octocat}}\n  linear: {team: ENG}\n";
    let dir = fake::project(config, &fake::items());
    let shown = postmortem_in(dir.path())
        .arg("config")
        .env("GITHUB_TOKEN", TOKEN)
        .output()
        .unwrap();
    let text = fake::text(&shown);
    assert!(text.contains("  github: {repo: acme/checkout, api_url: https://api.github.com, labels: [], owners: {storage-team: octocat}}"), "{text}");
    assert!(
        text.contains("  linear: {team: ENG, api_url: https://api.linear.app/graphql}"),
        "{text}"
    );
    assert!(!text.contains(TOKEN));
    // Two configured and none chosen: the run names them and stops.
    let ambiguous = sync(&dir, &[]);
    assert_eq!(ambiguous.status.code(), Some(2));
    assert!(
        fake::text(&ambiguous).contains(
            "several trackers are configured (github, linear); choose one with --tracker"
        )
    );

    std::fs::write(
        dir.path().join("postmortem.yml"),
        "trackers:\n  github: {repo: checkout}\n",
    )
    .unwrap();
    let wrong = postmortem_in(dir.path()).arg("config").output().unwrap();
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        fake::text(&wrong).contains("`checkout` is not owner/name"),
        "{}",
        fake::text(&wrong)
    );
}

#[test]
fn a_redirect_keeps_the_token_on_the_same_host_and_never_sends_it_to_another() {
    let elsewhere = fake::serve_at("127.0.0.2", |_| Reply::json(200, json!({"state": "open"})));
    let target = format!("{}/repositories/7/issues/2", elsewhere.url);
    let github = fake::serve(move |r| {
        let moved = |to: String| Reply {
            status: 301,
            headers: vec![("Location", to)],
            body: "{}".into(),
        };
        match r.path.as_str() {
            "/repos/acme/checkout/issues/1" => moved("/repositories/42/issues/1".into()),
            "/repos/acme/checkout/issues/2" => moved(target.clone()),
            _ => Reply::json(200, json!({"state": "closed", "state_reason": "completed"})),
        }
    });
    let base = "https://github.com/acme/checkout/issues";
    let text = fake::linked(&format!("{base}/1"), &format!("{base}/2"));
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &text);
    let run = sync(&dir, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", fake::text(&run));
    let bearer = format!("Bearer {TOKEN}");
    let followed = github.requests.lock().unwrap().clone();
    let same = followed
        .iter()
        .find(|r| r.path == "/repositories/42/issues/1");
    assert_eq!(
        same.and_then(|r| r.header("authorization")),
        Some(bearer.as_str())
    );
    let other = elsewhere.requests.lock().unwrap().clone();
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].header("authorization"), None);
    let done = text.replace(
        &format!("{base}/1\n"),
        &format!("{base}/1\n    status: done\n"),
    );
    assert_eq!(fake::postmortem(&dir), done);
}
