//! Linear through its GraphQL API: the team key is resolved to its id once
//! (`teams(filter: {key: {eq: ...}})`), issues are created with the
//! `issueCreate` mutation and read with `issue(id: "ENG-3") { state { type } }`
//! (`completed` is done, `canceled` won't be). A personal API key goes in
//! `Authorization` as it is, without `Bearer`.

use super::http::Http;
use super::{Created, Kind, NewIssue, Remote, Tracker, TrackerError};
use crate::config::trackers::LinearSettings;
use serde_json::{Value, json};

const TEAM: &str =
    "query Team($key: String!) { teams(filter: {key: {eq: $key}}) { nodes { id key } } }";
const CREATE: &str = "mutation Create($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { identifier url } } }";
const STATE: &str = "query State($id: String!) { issue(id: $id) { identifier state { type } } }";

pub(super) struct Linear {
    settings: LinearSettings,
    http: Http,
    team_id: Option<String>,
}

impl Linear {
    pub(super) fn new(settings: LinearSettings, key: String) -> Linear {
        let mut http = Http::new(Kind::Linear, key);
        http.rate_limited = |reply| {
            let errors = reply.json()["errors"].clone();
            errors.as_array().into_iter().flatten().any(|e| {
                let code = &e["extensions"]["code"];
                code == "RATELIMITED" || e["extensions"]["type"] == "ratelimited"
            })
        };
        Linear {
            settings,
            http,
            team_id: None,
        }
    }

    /// The `data` of a GraphQL request; `missing` names what a 404 lacks.
    fn graphql(&self, query: &str, variables: Value, missing: &str) -> Result<Value, TrackerError> {
        let body = json!({"query": query, "variables": variables}).to_string();
        let headers = [("Accept", "application/json")];
        let reply = self
            .http
            .send(&self.settings.api_url, Some(&body), &headers)?;
        let answer = reply.json();
        if is_auth_error(&answer) {
            return Err(TrackerError::Auth {
                tracker: Kind::Linear,
                status: reply.status,
            });
        }
        let answer = self.http.check(reply, missing, message)?.json();
        if let Some(text) = message(&answer) {
            return Err(TrackerError::Rejected {
                tracker: Kind::Linear,
                message: text,
            });
        }
        Ok(answer["data"].clone())
    }

    fn team(&mut self) -> Result<String, TrackerError> {
        if let Some(id) = &self.team_id {
            return Ok(id.clone());
        }
        let team = format!("team {}", self.settings.team);
        let data = self.graphql(TEAM, json!({"key": self.settings.team}), &team)?;
        let id = data["teams"]["nodes"][0]["id"].as_str().map(String::from);
        let id = id.ok_or(TrackerError::NotFound {
            tracker: Kind::Linear,
            what: team,
        })?;
        self.team_id = Some(id.clone());
        Ok(id)
    }
}

impl Tracker for Linear {
    fn kind(&self) -> Kind {
        Kind::Linear
    }

    fn owns(&self, link: &str) -> bool {
        let prefix = format!("{}-", self.settings.team);
        crate::document::issue::linear_key(link).is_some_and(|k| k.starts_with(&prefix))
    }

    fn create(&mut self, issue: &NewIssue) -> Result<Created, TrackerError> {
        let team = self.team()?;
        let description = issue.markdown();
        let mut input = json!({"teamId": team, "title": issue.title, "description": description});
        if let Some(due) = issue.due {
            input["dueDate"] = json!(due.to_string());
        }
        let what = format!("team {}", self.settings.team);
        let data = self.graphql(CREATE, json!({ "input": input }), &what)?;
        let made = &data["issueCreate"]["issue"];
        match (made["url"].as_str(), made["identifier"].as_str()) {
            (Some(url), Some(key)) => Ok(Created {
                url: url.to_string(),
                key: key.to_string(),
            }),
            _ => Err(self
                .http
                .unexpected("`issueCreate` returned no issue".into())),
        }
    }

    fn state(&mut self, link: &str) -> Result<Remote, TrackerError> {
        let Some(key) = crate::document::issue::linear_key(link) else {
            return Err(self.http.unexpected(format!("{link} is no issue address")));
        };
        let data = self.graphql(STATE, json!({ "id": key }), &format!("issue {key}"))?;
        match data["issue"]["state"]["type"].as_str() {
            Some("completed") => Ok(Remote::Done),
            Some("canceled") => Ok(Remote::WontFix),
            Some(_) => Ok(Remote::Open),
            None => Err(TrackerError::NotFound {
                tracker: Kind::Linear,
                what: format!("issue {key}"),
            }),
        }
    }
}

/// Whether the errors say the key was refused (Linear may answer so with 400 or 200).
fn is_auth_error(answer: &Value) -> bool {
    answer["errors"].as_array().into_iter().flatten().any(|e| {
        let kind = e["extensions"]["type"]
            .as_str()
            .or(e["extensions"]["code"].as_str());
        kind.is_some_and(|k| {
            let k = k.to_ascii_lowercase();
            k.contains("authentication") || k == "forbidden"
        })
    })
}

/// The GraphQL errors' messages, the user-presentable one when given.
fn message(answer: &Value) -> Option<String> {
    let messages: Vec<String> = answer["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let shown = e["extensions"]["userPresentableMessage"].as_str();
            shown.or(e["message"].as_str()).map(String::from)
        })
        .collect();
    (!messages.is_empty()).then(|| messages.join("; "))
}
