//! GitHub issues through the REST API: `POST /repos/{owner}/{repo}/issues`
//! to create, `GET /repos/{owner}/{repo}/issues/{number}` for the state
//! (`closed` with `state_reason` `completed` or `not_planned`). A token in
//! `Authorization: Bearer`; assignees only through the configured owner map.

use super::http::Http;
use super::{Created, Kind, NewIssue, Remote, Tracker, TrackerError};
use crate::config::trackers::GithubSettings;
use crate::document::issue;
use serde_json::{Value, json};

/// The REST API version the requests are written for.
const API_VERSION: &str = "2022-11-28";

pub(super) struct Github {
    settings: GithubSettings,
    http: Http,
}

impl Github {
    pub(super) fn new(settings: GithubSettings, token: String) -> Github {
        let http = Http::new(Kind::Github, format!("Bearer {token}"));
        Github { settings, http }
    }

    fn api(&self) -> &str {
        self.settings.api_url.trim_end_matches('/')
    }

    fn get_or_post(
        &self,
        url: &str,
        body: Option<&str>,
    ) -> Result<super::http::Reply, TrackerError> {
        // GitHub's recommended type first; `application/json`, which GitHub
        // also answers, for servers serving its published description.
        let headers = [
            ("Accept", "application/vnd.github+json, application/json"),
            ("X-GitHub-Api-Version", API_VERSION),
        ];
        self.http.send(url, body, &headers)
    }
}

impl Tracker for Github {
    fn kind(&self) -> Kind {
        Kind::Github
    }

    fn owns(&self, link: &str) -> bool {
        issue::github(link).is_some_and(|(repo, _)| repo.eq_ignore_ascii_case(&self.settings.repo))
    }

    fn create(&mut self, issue: &NewIssue) -> Result<Created, TrackerError> {
        let assignees: Vec<&String> = issue
            .owner
            .iter()
            .filter_map(|owner| {
                let found = self.settings.owners.iter().find(|(o, _)| o == owner);
                found.map(|(_, login)| login)
            })
            .collect();
        let mut body = json!({"title": issue.title, "body": issue.markdown()});
        if !self.settings.labels.is_empty() {
            body["labels"] = json!(self.settings.labels);
        }
        if !assignees.is_empty() {
            body["assignees"] = json!(assignees);
        }
        let url = format!("{}/repos/{}/issues", self.api(), self.settings.repo);
        let reply = self.get_or_post(&url, Some(&body.to_string()))?;
        let missing = format!("repository {}", self.settings.repo);
        let reply = self.http.check(reply, &missing, message)?;
        let made = reply.json();
        let url = made["html_url"].as_str().map(String::from);
        let key = url.as_deref().and_then(issue::github_key);
        match (url, key) {
            (Some(url), Some(key)) => Ok(Created { url, key }),
            _ => Err(self
                .http
                .unexpected("the new issue has no `html_url`".into())),
        }
    }

    fn state(&mut self, link: &str) -> Result<Remote, TrackerError> {
        let Some((repo, number)) = issue::github(link) else {
            return Err(self.http.unexpected(format!("{link} is no issue address")));
        };
        let url = format!("{}/repos/{repo}/issues/{number}", self.api());
        let reply = self.get_or_post(&url, None)?;
        let reply = self
            .http
            .check(reply, &format!("issue {repo}#{number}"), message)?;
        let issue = reply.json();
        match (issue["state"].as_str(), issue["state_reason"].as_str()) {
            (Some("open"), _) => Ok(Remote::Open),
            (Some("closed"), Some("not_planned" | "duplicate")) => Ok(Remote::WontFix),
            (Some("closed"), _) => Ok(Remote::Done),
            _ => Err(self
                .http
                .unexpected(format!("issue {repo}#{number} has no `state`"))),
        }
    }
}

/// GitHub's words for a refused request: `message` and each error's detail.
fn message(body: &Value) -> Option<String> {
    let mut text = body["message"].as_str()?.to_string();
    for error in body["errors"].as_array().into_iter().flatten() {
        let detail = match error {
            Value::String(s) => s.clone(),
            _ => error["message"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| {
                    let field = error["field"].as_str().unwrap_or("");
                    format!("{field} {}", error["code"].as_str().unwrap_or(""))
                        .trim()
                        .to_string()
                }),
        };
        text.push_str(&format!("; {detail}"));
    }
    Some(text)
}
