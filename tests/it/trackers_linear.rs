//! `actions sync --tracker linear` against a fake of Linear's GraphQL API
//! that refuses what Linear documents: a key sent other than as
//! `Authorization: <key>` (personal API keys take no `Bearer`), a body that
//! is not `{query, variables}`, an `IssueCreateInput` without `teamId` or
//! `title` or with a field the type does not define, a `dueDate` that is not
//! a `TimelessDate`.

use crate::common::postmortem_in;
use crate::trackers_fake::{self as fake, Fake, Reply, Request, post};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

const KEY: &str = "lin_api_secret_0123456789";
const TEAM_ID: &str = "9cfb482a-81e3-4154-b5b9-2c805e70a02d";
const INPUT: [&str; 4] = ["teamId", "title", "description", "dueDate"];

/// Issues by identifier, with their state's type.
type Issues = Arc<Mutex<Vec<(String, &'static str)>>>;

fn linear() -> (Fake, Issues) {
    limited(0)
}

/// The fake, answering the first `refusals` creates with Linear's
/// `RATELIMITED` error (HTTP 400) before it creates anything.
fn limited(refusals: usize) -> (Fake, Issues) {
    let issues: Issues = Arc::default();
    let state = Arc::clone(&issues);
    let refused = Mutex::new(0);
    let fake = fake::serve(move |r| {
        let mut refused = refused.lock().unwrap();
        if r.body.contains("issueCreate") && *refused < refusals {
            *refused += 1;
            let error =
                json!({"message": "Rate limit exceeded", "extensions": {"code": "RATELIMITED"}});
            return Reply::json(400, json!({"errors": [error]}));
        }
        handle(r, &state)
    });
    (fake, issues)
}

fn error(status: u16, message: &str, kind: &str) -> Reply {
    let error = json!({"message": message, "extensions": {"type": kind, "userPresentableMessage": message}});
    Reply::json(status, json!({"errors": [error]}))
}

fn handle(r: &Request, issues: &Issues) -> Reply {
    if r.header("authorization") != Some(KEY) {
        return error(
            400,
            "Authentication required, not authenticated",
            "authentication error",
        );
    }
    let body = r.json();
    let (Some(query), variables) = (body["query"].as_str(), &body["variables"]) else {
        return error(400, "Must provide query string.", "graphql error");
    };
    if r.method != "POST" || r.path != "/graphql" {
        return error(404, "not found", "not found");
    }
    if query.contains("teams(filter: {key: {eq: $key}})") {
        let nodes = if variables["key"] == "ENG" {
            json!([{"id": TEAM_ID, "key": "ENG"}])
        } else {
            json!([])
        };
        return Reply::json(200, json!({"data": {"teams": {"nodes": nodes}}}));
    }
    if query.contains("issueCreate(input: $input)") {
        return create(&variables["input"], issues);
    }
    if query.contains("issue(id: $id)") {
        let id = variables["id"].as_str().unwrap_or("");
        let found = issues.lock().unwrap().iter().find(|i| i.0 == id).cloned();
        return match found {
            Some((id, kind)) => Reply::json(
                200,
                json!({"data": {"issue": {"identifier": id, "state": {"type": kind}}}}),
            ),
            None => error(200, "Entity not found: Issue", "invalid input"),
        };
    }
    error(
        400,
        "Cannot query field on type \"Query\".",
        "graphql error",
    )
}

fn create(input: &Value, issues: &Issues) -> Reply {
    let Some(map) = input.as_object() else {
        return error(
            400,
            "Variable \"$input\" of required type \"IssueCreateInput!\" was not provided.",
            "graphql error",
        );
    };
    if let Some(key) = map.keys().find(|k| !INPUT.contains(&k.as_str())) {
        return error(
            400,
            &format!("Field \"{key}\" is not defined by type \"IssueCreateInput\"."),
            "graphql error",
        );
    }
    if input["teamId"] != TEAM_ID {
        return error(
            400,
            "Argument Validation Error: teamId must be a UUID of a team",
            "invalid input",
        );
    }
    if input["title"].as_str().is_none_or(str::is_empty) {
        return error(
            400,
            "Argument Validation Error: title should not be empty",
            "invalid input",
        );
    }
    let due = input.get("dueDate").map(|d| {
        d.as_str()
            .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d"))
    });
    if matches!(due, Some(None | Some(Err(_)))) {
        return error(
            400,
            "Variable \"$input\" got invalid value at \"input.dueDate\"; TimelessDate expected",
            "graphql error",
        );
    }
    let mut issues = issues.lock().unwrap();
    let id = format!("ENG-{}", issues.len() + 1);
    issues.push((id.clone(), "unstarted"));
    let url = format!("https://linear.app/acme/issue/{id}/some-title");
    Reply::json(
        200,
        json!({"data": {"issueCreate": {"success": true, "issue": {"identifier": id, "url": url}}}}),
    )
}

fn project(linear: &Fake, team: &str, text: &str) -> tempfile::TempDir {
    let config = format!(
        "trackers:\n  linear: {{team: {team}, api_url: '{}/graphql'}}\n",
        linear.url
    );
    fake::project(&config, text)
}

fn sync(dir: &tempfile::TempDir, key: &str, args: &[&str]) -> std::process::Output {
    let mut command = postmortem_in(dir.path());
    command
        .args(["actions", "sync", "--tracker", "linear"])
        .args(args)
        .env("LINEAR_API_KEY", key);
    command.output().unwrap()
}

#[test]
fn the_linear_fake_refuses_a_bearer_key_and_an_issue_without_its_team() {
    let (linear, _) = linear();
    let query =
        "mutation Create($input: IssueCreateInput!) { issueCreate(input: $input) { success } }";
    let body = json!({"query": query, "variables": {"input": {"title": "T"}}}).to_string();
    let (status, answer) = post(
        &linear.url,
        "/graphql",
        &format!("Authorization: Bearer {KEY}\r\n"),
        &body,
    );
    assert_eq!(
        (status, answer["errors"][0]["extensions"]["type"].as_str()),
        (400, Some("authentication error"))
    );
    let (status, answer) = post(
        &linear.url,
        "/graphql",
        &format!("Authorization: {KEY}\r\n"),
        &body,
    );
    assert_eq!(status, 400);
    assert!(
        answer["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("teamId")
    );
    let (status, _) = post(
        &linear.url,
        "/graphql",
        &format!("Authorization: {KEY}\r\n"),
        "{\"variables\": {}}",
    );
    assert_eq!(status, 400);
}

/// The `IssueCreateInput`s the fake received.
fn inputs(linear: &Fake) -> Vec<Value> {
    let requests = linear.requests.lock().unwrap();
    let creates = requests.iter().map(Request::json).filter(|b| {
        b["query"]
            .as_str()
            .is_some_and(|q| q.contains("issueCreate"))
    });
    creates.map(|b| b["variables"]["input"].clone()).collect()
}

#[test]
fn linear_sync_resolves_the_team_creates_writes_back_then_brings_completed_and_canceled_home() {
    let (linear, issues) = linear();
    let dir = project(&linear, "ENG", &fake::items());
    let run = sync(&dir, KEY, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", fake::text(&run));
    let linked = fake::linked(
        "https://linear.app/acme/issue/ENG-1/some-title",
        "https://linear.app/acme/issue/ENG-2/some-title",
    );
    assert_eq!(fake::postmortem(&dir), linked);
    let created = inputs(&linear);
    assert_eq!(created[0]["dueDate"], "2026-04-01");
    let description = created[0]["description"].as_str().unwrap();
    assert!(description.contains("Checkout errors"), "{description}");
    let item = "created ENG-1 for postmortems/checkout.md: item 1 \"Alert on checkout 5xx\"";
    assert!(fake::text(&run).contains(item));

    let again = sync(&dir, KEY, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", fake::text(&again));
    assert_eq!(
        fake::postmortem(&dir),
        linked,
        "a second run changes nothing"
    );

    issues.lock().unwrap()[0].1 = "completed";
    issues.lock().unwrap()[1].1 = "canceled";
    let home = sync(&dir, KEY, &["--format", "json"]);
    assert_eq!(home.status.code(), Some(0), "{}", fake::text(&home));
    let expected = linked
        .replace("ENG-1/some-title\n", "ENG-1/some-title\n    status: done\n")
        .replace("status: in-progress\n", "status: wontfix\n");
    assert_eq!(fake::postmortem(&dir), expected);
    let events: Value = serde_json::from_slice(&home.stdout).unwrap();
    assert_eq!(events[0]["action"], "status");
    let second = (events[1]["key"].as_str(), events[1]["to"].as_str());
    assert_eq!(second, (Some("ENG-2"), Some("wontfix")));
    assert_eq!(inputs(&linear).len(), 2, "only the first run created");
    for output in [&run, &again, &home] {
        assert!(!fake::text(output).contains(KEY));
    }
}

#[test]
fn linear_stops_naming_an_unknown_team_or_a_refused_key_and_writes_nothing() {
    let (linear, _) = linear();
    let dir = project(&linear, "NOPE", &fake::items());
    let missing = sync(&dir, KEY, &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        fake::text(&missing).contains("Linear has no team NOPE"),
        "{}",
        fake::text(&missing)
    );
    let dir = project(&linear, "ENG", &fake::items());
    let refused = sync(&dir, "lin_api_wrong", &[]);
    assert_eq!(refused.status.code(), Some(2));
    let out = fake::text(&refused);
    assert!(
        out.contains("Linear refused the credentials") && out.contains("check LINEAR_API_KEY"),
        "{out}"
    );
    assert!(!out.contains("lin_api_wrong"));
    assert_eq!(fake::postmortem(&dir), fake::items());
}

#[test]
fn linear_rate_limiting_is_waited_out_and_each_issue_is_created_once() {
    let (linear, issues) = limited(2);
    let dir = project(&linear, "ENG", &fake::items());
    let started = std::time::Instant::now();
    let run = sync(&dir, KEY, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", fake::text(&run));
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(1500),
        "backed off 0.5 s, then 1 s"
    );
    assert_eq!(
        inputs(&linear).len(),
        2 + 2,
        "two refused, then one create per item"
    );
    assert_eq!(issues.lock().unwrap().len(), 2);
    let linked = fake::linked(
        "https://linear.app/acme/issue/ENG-1/some-title",
        "https://linear.app/acme/issue/ENG-2/some-title",
    );
    assert_eq!(fake::postmortem(&dir), linked);
}
