//! `trackers:` in `postmortem.yml`: where `actions sync` files issues. Each
//! tracker's addresses default to the public service and may point anywhere
//! (GitHub Enterprise, a proxy, a test server). No secret is read here.

use crate::span::Span;
use crate::yaml::fields::Fields;
use crate::yaml::{self, Entry, Node};

/// The configured trackers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trackers {
    /// `trackers.github`.
    pub github: Option<GithubSettings>,
    /// `trackers.jira`.
    pub jira: Option<JiraSettings>,
    /// `trackers.linear`.
    pub linear: Option<LinearSettings>,
}

/// `trackers.github`.
#[derive(Clone, Debug, PartialEq)]
pub struct GithubSettings {
    /// `owner/name`.
    pub repo: String,
    /// The REST API's root (default `https://api.github.com`).
    pub api_url: String,
    /// Labels every issue gets.
    pub labels: Vec<String>,
    /// Action item owners to GitHub logins; an owner not here is assigned no one.
    pub owners: Vec<(String, String)>,
}

/// `trackers.jira`.
#[derive(Clone, Debug, PartialEq)]
pub struct JiraSettings {
    /// The site, `https://acme.atlassian.net`.
    pub url: String,
    /// The project key.
    pub project: String,
    /// The issue type's name (default `Task`).
    pub issue_type: String,
    /// Labels every issue gets.
    pub labels: Vec<String>,
    /// P0..P3 to Jira priority names; without it no priority is sent.
    pub priorities: Vec<(String, String)>,
}

/// `trackers.linear`.
#[derive(Clone, Debug, PartialEq)]
pub struct LinearSettings {
    /// The team's key (`ENG`).
    pub team: String,
    /// The GraphQL endpoint (default `https://api.linear.app/graphql`).
    pub api_url: String,
}

/// The public GitHub API.
pub const GITHUB_API: &str = "https://api.github.com";
/// The public Linear API.
pub const LINEAR_API: &str = "https://api.linear.app/graphql";

/// Reads `trackers:`; problems go to `fields`.
pub(super) fn read(node: &Node, text: &str, fields: &mut Fields) -> Trackers {
    let mut trackers = Trackers::default();
    for entry in fields.mapping(node, "`trackers`", &["github", "jira", "linear"]) {
        let node = &entry.value;
        match entry.key.value.as_str() {
            "github" => trackers.github = github(node, text, fields),
            "jira" => trackers.jira = jira(node, text, fields),
            _ => trackers.linear = linear(node, text, fields),
        }
    }
    trackers
}

/// The entries of `node` by key, with the text of each scalar.
struct Keys<'n> {
    entries: Vec<&'n Entry>,
    span: Span,
}

impl<'n> Keys<'n> {
    fn new(node: &'n Node, what: &str, known: &[&str], fields: &mut Fields) -> Keys<'n> {
        Keys {
            entries: fields.mapping(node, what, known),
            span: node.span,
        }
    }

    fn node(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|e| e.key.value == key)
            .map(|e| &e.value)
    }

    fn text(&self, key: &str, text: &str, fields: &mut Fields) -> Option<String> {
        let what = format!("`{key}`");
        self.node(key)
            .and_then(|n| fields.text(n, text, &what))
            .map(|t| t.value)
    }

    /// A required key; reported with `example` when missing.
    fn required(
        &self,
        key: &str,
        example: &str,
        text: &str,
        fields: &mut Fields,
    ) -> Option<String> {
        let found = self.text(key, text, fields);
        if found.is_none() && self.node(key).is_none() {
            fields.report(
                self.span,
                format!("the tracker has no `{key}`"),
                Some(format!("add `{key}: {example}`")),
            );
        }
        found
    }

    fn list(&self, key: &str, text: &str, fields: &mut Fields) -> Vec<String> {
        let Some(node) = self.node(key) else {
            return Vec::new();
        };
        fields
            .text_list(node, text, "a label")
            .into_iter()
            .map(|l| l.value)
            .collect()
    }

    fn pairs(&self, key: &str, text: &str, fields: &mut Fields) -> Vec<(String, String)> {
        let Some(node) = self.node(key) else {
            return Vec::new();
        };
        let Node {
            value: yaml::Value::Map(entries),
            ..
        } = node
        else {
            fields.report(node.span, format!("`{key}` should be a mapping"), None);
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|e| {
                Some((
                    e.key.value.clone(),
                    fields.text(&e.value, text, "a name")?.value,
                ))
            })
            .collect()
    }
}

fn github(node: &Node, text: &str, fields: &mut Fields) -> Option<GithubSettings> {
    let keys = Keys::new(
        node,
        "`trackers.github`",
        &["repo", "api_url", "labels", "owners"],
        fields,
    );
    let repo = keys.required("repo", "acme/checkout", text, fields)?;
    if repo.split('/').count() != 2 || repo.split('/').any(str::is_empty) {
        let span = keys.node("repo").map_or(node.span, |n| n.span);
        fields.report(
            span,
            format!("`{repo}` is not owner/name"),
            Some("write it like `acme/checkout`".into()),
        );
        return None;
    }
    Some(GithubSettings {
        repo,
        api_url: keys
            .text("api_url", text, fields)
            .unwrap_or_else(|| GITHUB_API.into()),
        labels: keys.list("labels", text, fields),
        owners: keys.pairs("owners", text, fields),
    })
}

fn jira(node: &Node, text: &str, fields: &mut Fields) -> Option<JiraSettings> {
    let known = ["url", "project", "issue_type", "labels", "priorities"];
    let keys = Keys::new(node, "`trackers.jira`", &known, fields);
    let url = keys.required("url", "https://acme.atlassian.net", text, fields);
    let project = keys.required("project", "OPS", text, fields);
    Some(JiraSettings {
        url: url?,
        project: project?,
        issue_type: keys
            .text("issue_type", text, fields)
            .unwrap_or_else(|| "Task".into()),
        labels: keys.list("labels", text, fields),
        priorities: keys.pairs("priorities", text, fields),
    })
}

fn linear(node: &Node, text: &str, fields: &mut Fields) -> Option<LinearSettings> {
    let keys = Keys::new(node, "`trackers.linear`", &["team", "api_url"], fields);
    Some(LinearSettings {
        team: keys.required("team", "ENG", text, fields)?,
        api_url: keys
            .text("api_url", text, fields)
            .unwrap_or_else(|| LINEAR_API.into()),
    })
}
