//! `actions sync --tracker jira` against a fake of Jira Cloud's REST API v3
//! that refuses what Jira documents it refuses: credentials other than
//! `Authorization: Basic base64(email:token)`, a description that is not an
//! Atlassian Document Format document (v3 rejects a plain string), a
//! missing summary, project or issue type, fields it does not know, a due
//! date that is not `YYYY-MM-DD`.

use crate::common::postmortem_in;
use crate::trackers_fake::{self as fake, Fake, Reply, Request, post};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

const EMAIL: &str = "ops@acme.test";
const TOKEN: &str = "jira-secret-123";
/// base64 of `ops@acme.test:jira-secret-123`, computed apart from the code under test.
const BASIC: &str = "Basic b3BzQGFjbWUudGVzdDpqaXJhLXNlY3JldC0xMjM=";
/// The fields the fake's create screen has, space-separated.
const FIELDS: &str = "project summary issuetype description labels duedate priority";

/// Issues by key: status category and resolution.
type Issues = Arc<Mutex<Vec<(String, &'static str, Option<&'static str>)>>>;

fn jira() -> (Fake, Issues) {
    let issues: Issues = Arc::default();
    let state = Arc::clone(&issues);
    let fake = fake::serve(move |r| handle(r, &state));
    (fake, issues)
}

fn handle(r: &Request, issues: &Issues) -> Reply {
    if r.header("authorization") != Some(BASIC) {
        let words = json!({"errorMessages": ["Client must be authenticated to access this resource."], "errors": {}});
        return Reply::json(401, words);
    }
    let path = r.path.split('?').next().unwrap_or("");
    match (r.method.as_str(), path) {
        ("GET", "/rest/api/3/project/OPS") => {
            Reply::json(200, json!({"id": "10000", "key": "OPS"}))
        }
        ("GET", p) if p.starts_with("/rest/api/3/project/") => Reply::json(
            404,
            json!({"errorMessages": [format!("No project could be found with key '{}'.", &p[20..])], "errors": {}}),
        ),
        ("POST", "/rest/api/3/issue") => create(r, issues),
        ("GET", p) if p.starts_with("/rest/api/3/issue/") => {
            let key = &p[18..];
            let found = issues.lock().unwrap().iter().find(|i| i.0 == key).cloned();
            match found {
                Some((key, category, resolution)) => Reply::json(
                    200,
                    json!({"key": key, "fields": {
                        "status": {"name": category, "statusCategory": {"key": category}},
                        "resolution": resolution.map(|name| json!({"name": name})),
                    }}),
                ),
                None => Reply::json(
                    404,
                    json!({"errorMessages": ["Issue does not exist or you do not have permission to see it."], "errors": {}}),
                ),
            }
        }
        _ => Reply::json(404, json!({"errorMessages": ["no such resource"]})),
    }
}

fn create(r: &Request, issues: &Issues) -> Reply {
    let errors = problems(&r.json()["fields"]);
    if !errors.is_empty() {
        return Reply::json(400, json!({"errorMessages": [], "errors": errors}));
    }
    let mut issues = issues.lock().unwrap();
    let key = format!("OPS-{}", issues.len() + 1);
    issues.push((key.clone(), "new", None));
    Reply::json(
        201,
        json!({"id": "10001", "key": key, "self": "http://x/rest/api/3/issue/10001"}),
    )
}

/// Jira's field errors for `fields`, by field.
fn problems(fields: &Value) -> serde_json::Map<String, Value> {
    let mut errors = serde_json::Map::new();
    let mut refuse = |field: &str, message: &str| errors.insert(field.into(), message.into());
    let Some(map) = fields.as_object() else {
        refuse("fields", "fields is required");
        return errors;
    };
    for key in map
        .keys()
        .filter(|k| !FIELDS.split(' ').any(|f| f == k.as_str()))
    {
        refuse(
            key,
            &format!(
                "Field '{key}' cannot be set. It is not on the appropriate screen, or unknown."
            ),
        );
    }
    if fields["project"]["key"] != "OPS" {
        refuse("project", "valid project is required");
    }
    if fields["summary"].as_str().is_none_or(str::is_empty) {
        refuse("summary", "You must specify a summary of the issue.");
    }
    if fields["issuetype"]["name"] != "Task" {
        refuse("issuetype", "Specify a valid issue type");
    }
    if map.contains_key("description") && !is_adf(&fields["description"]) {
        refuse(
            "description",
            "Operation value must be an Atlassian Document (see the Atlassian Document Format)",
        );
    }
    let due = fields["duedate"].as_str();
    if map.contains_key("duedate")
        && due.is_none_or(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err())
    {
        refuse("duedate", "Error parsing date string");
    }
    errors
}

/// A `doc` of version 1 whose nodes all have a type, and whose text nodes have text.
fn is_adf(doc: &Value) -> bool {
    fn node(n: &Value) -> bool {
        let typed = n["type"].as_str().is_some();
        let text = n["type"] != "text" || n["text"].as_str().is_some_and(|t| !t.is_empty());
        let children = n
            .get("content")
            .is_none_or(|c| c.as_array().is_some_and(|c| c.iter().all(node)));
        typed && text && children
    }
    doc["type"] == "doc" && doc["version"] == 1 && doc["content"].is_array() && node(doc)
}

fn config(fake: &Fake, extra: &str) -> String {
    format!(
        "trackers:\n  jira: {{url: '{}', project: OPS, labels: [postmortem], priorities: {{P1: High}}{extra}}}\n",
        fake.url
    )
}

fn sync(dir: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    sync_with(dir, args, Some(TOKEN))
}

/// `actions sync` with `JIRA_EMAIL` and `token` as `JIRA_API_TOKEN` (unset when `None`).
fn sync_with(dir: &tempfile::TempDir, args: &[&str], token: Option<&str>) -> std::process::Output {
    let mut command = postmortem_in(dir.path());
    command
        .args(["actions", "sync"])
        .args(args)
        .env("JIRA_EMAIL", EMAIL);
    match token {
        Some(token) => command.env("JIRA_API_TOKEN", token),
        None => command.env_remove("JIRA_API_TOKEN"),
    };
    command.output().unwrap()
}

#[test]
fn the_jira_fake_refuses_a_plain_description_a_missing_summary_and_bearer_credentials() {
    let (jira, _) = jira();
    let auth = format!("Authorization: {BASIC}\r\n");
    let plain = json!({"fields": {"project": {"key": "OPS"}, "issuetype": {"name": "Task"}, "summary": "S", "description": "plain"}});
    let (status, body) = post(&jira.url, "/rest/api/3/issue", &auth, &plain.to_string());
    assert_eq!(status, 400);
    assert!(
        body["errors"]["description"]
            .as_str()
            .unwrap()
            .contains("Atlassian Document")
    );
    let untitled = json!({"fields": {"project": {"key": "OPS"}, "issuetype": {"name": "Task"}}});
    let (status, body) = post(&jira.url, "/rest/api/3/issue", &auth, &untitled.to_string());
    assert_eq!((status, body["errors"]["summary"].is_string()), (400, true));
    let bearer = format!("Authorization: Bearer {TOKEN}\r\n");
    assert_eq!(post(&jira.url, "/rest/api/3/issue", &bearer, "{}").0, 401);
    assert_eq!(jira.count("POST", "/rest/api/3/issue"), 3);
}

#[test]
fn jira_sync_dry_runs_then_creates_adf_issues_writes_links_and_creates_nothing_again() {
    let (jira, _) = jira();
    let dir = fake::project(&config(&jira, ""), &fake::items());
    let dry = sync(&dir, &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", fake::text(&dry));
    assert_eq!(fake::text(&dry).matches("would create an issue").count(), 2);
    assert_eq!(
        (fake::postmortem(&dir), jira.count("POST", "/")),
        (fake::items(), 0)
    );

    let run = sync(&dir, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", fake::text(&run));
    let base = format!("{}/browse", jira.url);
    let expected = fake::linked(&format!("{base}/OPS-1"), &format!("{base}/OPS-2"));
    assert_eq!(fake::postmortem(&dir), expected);
    let sent = jira
        .requests
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.method == "POST")
        .map(Request::json)
        .collect::<Vec<_>>();
    let first = &sent[0]["fields"];
    assert_eq!(
        (
            first["duedate"].as_str(),
            first["priority"]["name"].as_str()
        ),
        (Some("2026-04-01"), Some("High"))
    );
    assert_eq!(first["labels"], json!(["postmortem"]));
    assert!(first["description"].to_string().contains("Checkout errors"));
    assert!(sent[1]["fields"].get("duedate").is_none());

    let again = sync(&dir, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", fake::text(&again));
    assert_eq!(
        jira.count("POST", "/rest/api/3/issue"),
        2,
        "a second run creates nothing"
    );
    assert_eq!(fake::postmortem(&dir), expected);
    for output in [&dry, &run, &again] {
        assert!(!fake::text(output).contains(TOKEN) && !fake::text(output).contains(&BASIC[6..]));
    }
    assert!(!fake::postmortem(&dir).contains(TOKEN));
}

#[test]
fn jira_done_and_wont_do_come_home_and_a_finished_item_with_an_open_issue_is_only_reported() {
    let (jira, issues) = jira();
    let base = format!("{}/browse", jira.url);
    let text = fake::linked(&format!("{base}/OPS-1"), &format!("{base}/OPS-2")).replace(
        "status: done\n",
        &format!("status: done\n    link: {base}/OPS-3\n"),
    );
    issues.lock().unwrap().extend([
        ("OPS-1".to_string(), "done", None),
        ("OPS-2".to_string(), "done", Some("Won't Do")),
        ("OPS-3".to_string(), "indeterminate", None),
    ]);
    let dir = fake::project(&config(&jira, ""), &text);
    let run = sync(&dir, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", fake::text(&run));
    let expected = text
        .replace("/OPS-1\n", "/OPS-1\n    status: done\n")
        .replace("status: in-progress\n", "status: wontfix\n");
    assert_eq!(fake::postmortem(&dir), expected);
    let out = fake::text(&run);
    assert!(
        out.contains("item 3 \"Rotate the keys\" is done in the file but OPS-3 is open"),
        "{out}"
    );
    assert_eq!(jira.count("POST", "/"), 0);
}

#[test]
fn jira_failures_name_the_variables_the_project_and_jiras_own_words() {
    let (jira, _) = jira();
    let dir = fake::project(&config(&jira, ""), &fake::items());
    let refused = sync_with(&dir, &[], Some("wrong"));
    assert_eq!(refused.status.code(), Some(2));
    let out = fake::text(&refused);
    assert!(
        out.contains(
            "Jira refused the credentials (HTTP 401); check JIRA_EMAIL and JIRA_API_TOKEN"
        ),
        "{out}"
    );
    let unset = sync_with(&dir, &[], None);
    assert_eq!(unset.status.code(), Some(2));
    assert!(
        fake::text(&unset).contains("Jira needs JIRA_EMAIL and JIRA_API_TOKEN in the environment (credentials are read from nowhere else); nothing was sent")
    );

    let nope = fake::project(
        &config(&jira, "").replace("project: OPS", "project: NOPE"),
        &fake::items(),
    );
    let missing = sync(&nope, &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        fake::text(&missing).contains("Jira has no project NOPE"),
        "{}",
        fake::text(&missing)
    );

    let epic = fake::project(&config(&jira, ", issue_type: Epic"), &fake::items());
    let rejected = sync(&epic, &[]);
    assert_eq!(rejected.status.code(), Some(1), "{}", fake::text(&rejected));
    let out = fake::text(&rejected);
    assert!(out.contains("not created for postmortems/checkout.md: item 1 \"Alert on checkout 5xx\": Jira refused the issue: issuetype: Specify a valid issue type; nothing was written for it"), "{out}");
    for d in [&dir, &nope, &epic] {
        assert_eq!(fake::postmortem(d), fake::items());
    }
}
