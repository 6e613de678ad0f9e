//! `actions sync --tracker github` where it fails: 401/403, 404, 422,
//! 429, 5xx and a run killed between two creates, through a scripted fake
//! (Prism, in `trackers_prism`, answers every valid request with its
//! example, so it cannot fail on cue).

use crate::common::postmortem_in;
use crate::trackers_fake::{self as fake, Reply};
use serde_json::{Value, json};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub(crate) const TOKEN: &str = "ghp_secretTOKEN0123456789abcdefghij";

pub(crate) fn github_config(url: &str, repo: &str) -> String {
    format!(
        "trackers:\n  github: {{repo: {repo}, api_url: '{url}', labels: [postmortem], owners: {{storage-team: octocat}}}}\n"
    )
}

pub(crate) fn sync(dir: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    postmortem_in(dir.path())
        .args(["actions", "sync"])
        .args(args)
        .env("GITHUB_TOKEN", TOKEN)
        .output()
        .unwrap()
}

/// A fake GitHub answering the n-th create (from 0) with `create(n)`.
fn scripted(create: impl Fn(usize) -> Reply + Send + Sync + 'static) -> fake::Fake {
    let made = Arc::new(Mutex::new(0));
    fake::serve(move |r| {
        if r.method != "POST" {
            return Reply::json(200, json!({"state": "open", "state_reason": null}));
        }
        let n = {
            let mut made = made.lock().unwrap();
            *made += 1;
            *made - 1
        };
        create(n)
    })
}

fn issue(n: usize) -> Reply {
    Reply::json(
        201,
        json!({"number": n + 1, "html_url": format!("https://github.com/acme/checkout/issues/{}", n + 1)}),
    )
}

fn failing(
    status: u16,
    body: Value,
    after: Option<&'static str>,
) -> impl Fn(usize) -> Reply + Send + Sync {
    move |_| {
        let mut reply = Reply::json(status, body.clone());
        reply
            .headers
            .extend(after.map(|a| ("Retry-After", a.to_string())));
        reply
    }
}

#[test]
fn github_refused_credentials_a_missing_repository_or_a_long_retry_after_stop_the_run_naming_what_to_do()
 {
    let cases = [
        (
            failing(401, json!({"message": "Bad credentials"}), None),
            "GitHub refused the credentials (HTTP 401); check GITHUB_TOKEN",
        ),
        (
            failing(
                403,
                json!({"message": "Resource not accessible by integration"}),
                None,
            ),
            "GitHub refused the credentials (HTTP 403); check GITHUB_TOKEN",
        ),
        (
            failing(404, json!({"message": "Not Found"}), None),
            "GitHub has no repository acme/checkout",
        ),
        (
            failing(
                429,
                json!({"message": "API rate limit exceeded"}),
                Some("3600"),
            ),
            "GitHub kept answering HTTP 429 after 1 try; run again in 3600 seconds or later, as it asks",
        ),
    ];
    for (script, words) in cases {
        let github = scripted(script);
        let dir = fake::project(&github_config(&github.url, "acme/checkout"), &fake::items());
        let run = sync(&dir, &[]);
        assert_eq!(run.status.code(), Some(2), "{}", fake::text(&run));
        assert!(fake::text(&run).contains(words), "{}", fake::text(&run));
        assert!(!fake::text(&run).contains(TOKEN));
        assert_eq!(fake::postmortem(&dir), fake::items());
        let authorization = github.requests.lock().unwrap()[0]
            .header("authorization")
            .map(String::from);
        assert_eq!(authorization, Some(format!("Bearer {TOKEN}")));
    }
}

#[test]
fn a_github_validation_failure_names_the_item_and_githubs_words_and_writes_nothing_for_it() {
    let github = scripted(|n| match n {
        0 => Reply::json(
            422,
            json!({"message": "Validation Failed", "errors": [{"resource": "Issue", "code": "invalid", "field": "assignees"}], "documentation_url": "https://docs.github.com/rest"}),
        ),
        n => issue(n),
    });
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &fake::items());
    let run = sync(&dir, &[]);
    assert_eq!(run.status.code(), Some(1), "{}", fake::text(&run));
    assert!(fake::text(&run).contains("not created for postmortems/checkout.md: item 1 \"Alert on checkout 5xx\": GitHub refused the issue: Validation Failed; assignees invalid; nothing was written for it"), "{}", fake::text(&run));
    let expected = fake::linked("", "https://github.com/acme/checkout/issues/2");
    assert_eq!(fake::postmortem(&dir), expected);
}

#[test]
fn github_429_and_503_are_retried_honouring_retry_after_then_the_run_stops_keeping_links_written() {
    let github = scripted(|n| match n {
        0 => failing(
            429,
            json!({"message": "API rate limit exceeded"}),
            Some("1"),
        )(n),
        1 => issue(0),
        _ => failing(503, json!({"message": "Service Unavailable"}), Some("0"))(n),
    });
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &fake::items());
    let started = Instant::now();
    let run = sync(&dir, &["--base-url", "https://pm.acme.test/"]);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After: 1 was waited for"
    );
    assert_eq!(run.status.code(), Some(2), "{}", fake::text(&run));
    assert!(fake::text(&run).contains("GitHub kept answering HTTP 503 after 4 tries; run again later (links written so far stay)"), "{}", fake::text(&run));
    assert_eq!(github.count("POST", "/repos/acme/checkout/issues"), 2 + 4);
    let sent = github.requests.lock().unwrap()[1].json();
    let page = "(https://pm.acme.test/2026-03-01-checkout.html)";
    assert!(sent["body"].as_str().unwrap().contains(page), "{sent}");
    assert_eq!(
        (&sent["labels"], &sent["assignees"]),
        (&json!(["postmortem"]), &json!(["octocat"]))
    );
    let unowned = github.requests.lock().unwrap()[2].json();
    assert!(
        unowned.get("assignees").is_none(),
        "an owner not in `owners` assigns no one"
    );
    let first = fake::linked("https://github.com/acme/checkout/issues/1", "");
    assert_eq!(fake::postmortem(&dir), first);
}

#[test]
fn a_run_killed_between_two_creates_keeps_the_first_link_and_the_next_run_creates_only_the_rest() {
    let stalled = scripted(|n| {
        if n > 0 {
            std::thread::sleep(Duration::from_secs(20));
        }
        issue(n)
    });
    let dir = fake::project(
        &github_config(&stalled.url, "acme/checkout"),
        &fake::items(),
    );
    let mut child = postmortem_in(dir.path())
        .args(["actions", "sync"])
        .env("GITHUB_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while stalled.count("POST", "/") < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the second create never came"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let first = fake::linked("https://github.com/acme/checkout/issues/1", "");
    assert_eq!(fake::postmortem(&dir), first);

    let healthy = scripted(|n| issue(n + 1));
    let config = github_config(&healthy.url, "acme/checkout");
    std::fs::write(dir.path().join("postmortem.yml"), config).unwrap();
    let rerun = sync(&dir, &[]);
    assert_eq!(rerun.status.code(), Some(0), "{}", fake::text(&rerun));
    assert_eq!(
        healthy.count("POST", "/"),
        1,
        "only the missing issue is created"
    );
    let both = fake::linked(
        "https://github.com/acme/checkout/issues/1",
        "https://github.com/acme/checkout/issues/2",
    );
    assert_eq!(fake::postmortem(&dir), both);
}

#[test]
fn an_issue_whose_link_cannot_be_written_is_named_and_the_run_stops_before_filing_more() {
    let github = scripted(issue);
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &fake::items());
    let file = dir.path().join("postmortems/checkout.md");
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).unwrap();
    let run = sync(&dir, &[]);
    assert_eq!(run.status.code(), Some(2), "{}", fake::text(&run));
    let out = fake::text(&run);
    assert!(out.contains("https://github.com/acme/checkout/issues/1 was created but its link could not be written"), "{out}");
    assert!(
        out.contains(
            "write `link: https://github.com/acme/checkout/issues/1` into the item by hand"
        ),
        "{out}"
    );
    assert_eq!(github.count("POST", "/"), 1);
}

#[test]
fn a_dry_run_that_reads_nothing_needs_no_token_and_one_that_reads_asks_for_it() {
    let github = scripted(issue);
    let without_token = |dir: &tempfile::TempDir| {
        postmortem_in(dir.path())
            .args(["actions", "sync", "--dry-run"])
            .env_remove("GITHUB_TOKEN")
            .output()
            .unwrap()
    };
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &fake::items());
    let plan = without_token(&dir);
    assert_eq!(plan.status.code(), Some(0), "{}", fake::text(&plan));
    assert!(
        fake::text(&plan).contains("would create an issue for"),
        "{}",
        fake::text(&plan)
    );
    let base = "https://github.com/acme/checkout/issues";
    let linked = fake::linked(&format!("{base}/1"), &format!("{base}/2"));
    let dir = fake::project(&github_config(&github.url, "acme/checkout"), &linked);
    let reads = without_token(&dir);
    assert_eq!(reads.status.code(), Some(2), "{}", fake::text(&reads));
    assert!(
        fake::text(&reads).contains("GitHub needs GITHUB_TOKEN"),
        "{}",
        fake::text(&reads)
    );
    let sent = github.count("GET", "/") + github.count("POST", "/");
    assert_eq!(sent, 0, "nothing was sent");
}
