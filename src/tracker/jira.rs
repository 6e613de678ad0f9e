//! Jira Cloud through the REST API v3: the project is checked once
//! (`GET /rest/api/3/project/{key}`), issues are created with `POST
//! /rest/api/3/issue` (the description in Atlassian Document Format, which
//! v3 requires), and read with `GET /rest/api/3/issue/{key}` (status
//! category `done`; a resolution of won't do marks it not planned).
//! `JIRA_EMAIL` and `JIRA_API_TOKEN` go in `Authorization: Basic`.

use super::http::{Http, Reply};
use super::{Created, Kind, NewIssue, Remote, Tracker, TrackerError};
use crate::config::trackers::JiraSettings;
use serde_json::{Value, json};

/// Resolutions that close an issue without doing it.
const NOT_DONE: [&str; 4] = ["won't do", "won't fix", "duplicate", "cannot reproduce"];

pub(super) struct Jira {
    settings: JiraSettings,
    http: Http,
    project_seen: bool,
}

impl Jira {
    pub(super) fn new(settings: JiraSettings, email: &str, token: &str) -> Jira {
        let basic = {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(format!("{email}:{token}"))
        };
        let http = Http::new(Kind::Jira, format!("Basic {basic}"));
        Jira {
            settings,
            http,
            project_seen: false,
        }
    }

    fn base(&self) -> &str {
        self.settings.url.trim_end_matches('/')
    }

    fn send(&self, path: &str, body: Option<&str>) -> Result<Reply, TrackerError> {
        let url = format!("{}/rest/api/3/{path}", self.base());
        self.http
            .send(&url, body, &[("Accept", "application/json")])
    }

    fn fields(&self, issue: &NewIssue) -> Value {
        let s = &self.settings;
        let mut fields = json!({
            "project": {"key": s.project},
            "issuetype": {"name": s.issue_type},
            "summary": issue.title,
            "description": description(issue),
        });
        if !s.labels.is_empty() {
            fields["labels"] = json!(s.labels);
        }
        if let Some(due) = issue.due {
            fields["duedate"] = json!(due.to_string());
        }
        let priority = issue.priority.as_ref().and_then(|p| {
            s.priorities
                .iter()
                .find(|(ours, _)| ours == p)
                .map(|(_, theirs)| theirs)
        });
        if let Some(name) = priority {
            fields["priority"] = json!({ "name": name });
        }
        fields
    }
}

impl Tracker for Jira {
    fn kind(&self) -> Kind {
        Kind::Jira
    }

    fn owns(&self, link: &str) -> bool {
        let prefix = format!("{}/browse/", self.base());
        let project = format!("{}-", self.settings.project);
        link.strip_prefix(&prefix)
            .is_some_and(|k| k.starts_with(&project))
    }

    fn create(&mut self, issue: &NewIssue) -> Result<Created, TrackerError> {
        let project = format!("project {}", self.settings.project);
        if !self.project_seen {
            let reply = self.send(&format!("project/{}", self.settings.project), None)?;
            self.http.check(reply, &project, message)?;
            self.project_seen = true;
        }
        let body = json!({ "fields": self.fields(issue) }).to_string();
        let reply = self.send("issue", Some(&body))?;
        let made = self.http.check(reply, &project, message)?.json();
        match made["key"].as_str() {
            Some(key) => Ok(Created {
                url: format!("{}/browse/{key}", self.base()),
                key: key.to_string(),
            }),
            None => Err(self.http.unexpected("the new issue has no `key`".into())),
        }
    }

    fn state(&mut self, link: &str) -> Result<Remote, TrackerError> {
        let Some(key) = crate::document::issue::jira_key(link) else {
            return Err(self.http.unexpected(format!("{link} is no issue address")));
        };
        let reply = self.send(&format!("issue/{key}?fields=status,resolution"), None)?;
        let issue = self
            .http
            .check(reply, &format!("issue {key}"), message)?
            .json();
        let fields = &issue["fields"];
        let category = fields["status"]["statusCategory"]["key"].as_str();
        let resolution = fields["resolution"]["name"].as_str().map(str::to_lowercase);
        match category {
            Some("done") if resolution.is_some_and(|r| NOT_DONE.contains(&r.as_str())) => {
                Ok(Remote::WontFix)
            }
            Some("done") => Ok(Remote::Done),
            Some(_) => Ok(Remote::Open),
            None => Err(self
                .http
                .unexpected(format!("issue {key} has no status category"))),
        }
    }
}

/// The description as an Atlassian Document Format document: a paragraph
/// naming the postmortem, then a bullet list of the item's facts.
pub(super) fn description(issue: &NewIssue) -> Value {
    let text = |t: &str| json!({"type": "text", "text": t});
    let paragraph = |content: Vec<Value>| json!({"type": "paragraph", "content": content});
    let mut lead = vec![
        text("Action item from the postmortem "),
        json!({"type": "text", "text": issue.incident, "marks": [{"type": "strong"}]}),
        text(" ("),
    ];
    if issue.postmortem.starts_with("https://") || issue.postmortem.starts_with("http://") {
        let mark = json!([{"type": "link", "attrs": {"href": issue.postmortem}}]);
        lead.push(json!({"type": "text", "text": issue.postmortem, "marks": mark}));
    } else {
        lead.push(text(&issue.postmortem));
    }
    lead.push(text(")."));
    let items: Vec<Value> = issue
        .facts()
        .into_iter()
        .map(|(name, value)| {
            let line = paragraph(vec![text(&format!("{name}: {value}"))]);
            json!({"type": "listItem", "content": [line]})
        })
        .collect();
    let mut content = vec![paragraph(lead)];
    if !items.is_empty() {
        content.push(json!({"type": "bulletList", "content": items}));
    }
    json!({"type": "doc", "version": 1, "content": content})
}

/// Jira's words for a refused request: `errorMessages` and each field's error.
fn message(body: &Value) -> Option<String> {
    let mut parts: Vec<String> = body["errorMessages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m.as_str().map(String::from))
        .collect();
    if let Some(errors) = body["errors"].as_object() {
        parts.extend(
            errors
                .iter()
                .map(|(field, m)| format!("{field}: {}", m.as_str().unwrap_or_default())),
        );
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}
