//! The HTTP every tracker client shares: one agent, JSON in and out, the
//! credentials in a header, retries of 429 and 5xx answers with a bounded
//! backoff that honours `Retry-After`, and the statuses every tracker means
//! alike (401/403, 404, 400/422) turned into [`TrackerError`]s.

use super::{Kind, TrackerError};
use std::time::Duration;

/// How many requests one call may send in all.
const TRIES: u32 = 4;
/// The first wait when the tracker gives no `Retry-After`; doubled each time.
const FIRST_WAIT: Duration = Duration::from_millis(500);
/// The longest `Retry-After` waited for; a longer one ends the run.
const LONGEST_WAIT: Duration = Duration::from_secs(60);

/// A tracker's answer with a status the caller handles.
#[derive(Debug)]
pub(super) struct Reply {
    /// The HTTP status.
    pub(super) status: u16,
    /// The body as text.
    pub(super) body: String,
}

impl Reply {
    /// The body as JSON (`null` when it is none).
    pub(super) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// A client for one tracker: its agent and its `Authorization` header.
pub(super) struct Http {
    agent: ureq::Agent,
    tracker: Kind,
    authorization: String,
    /// Whether an answer that is no 429 says the tracker is rate limiting
    /// (Linear answers so with a `RATELIMITED` error).
    pub(super) rate_limited: fn(&Reply) -> bool,
}

impl Http {
    /// A client sending `authorization` as the `Authorization` header.
    pub(super) fn new(tracker: Kind, authorization: String) -> Http {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .user_agent(concat!("postmortem/", env!("CARGO_PKG_VERSION")))
            // A renamed repository answers with a redirect on the same host;
            // the credentials go to no other host (ureq compares the host,
            // not the port).
            .redirect_auth_headers(ureq::config::RedirectAuthHeaders::SameHost)
            .build();
        Http {
            agent: config.into(),
            tracker,
            authorization,
            rate_limited: |_| false,
        }
    }

    /// Sends `body` (GET when `None`, else POST) with `headers`, retrying
    /// 429 and 5xx answers and failed connections.
    pub(super) fn send(
        &self,
        url: &str,
        body: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Result<Reply, TrackerError> {
        let mut wait = FIRST_WAIT;
        let mut tries = 0;
        loop {
            tries += 1;
            let (status, after) = match self.once(url, body, headers) {
                Ok((reply, after))
                    if !is_retried(reply.status, after) && !(self.rate_limited)(&reply) =>
                {
                    return Ok(reply);
                }
                Ok((reply, after)) => (reply.status, after),
                Err(_) if tries < TRIES => (0, None),
                Err(source) => return Err(self.transport(url, source)),
            };
            let delay = after.unwrap_or(wait);
            if tries >= TRIES || delay > LONGEST_WAIT {
                return Err(TrackerError::Unavailable {
                    tracker: self.tracker,
                    status,
                    tries,
                    wait: Some(delay.as_secs()).filter(|_| delay > LONGEST_WAIT),
                });
            }
            std::thread::sleep(delay);
            wait *= 2;
        }
    }

    /// One request: the reply and its `Retry-After`, in seconds.
    fn once(
        &self,
        url: &str,
        body: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Result<(Reply, Option<Duration>), ureq::Error> {
        let auth = self.authorization.as_str();
        let mut response = match body {
            None => {
                let mut request = self.agent.get(url).header("Authorization", auth);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.call()?
            }
            Some(body) => {
                let mut request = self.agent.post(url).header("Authorization", auth);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.content_type("application/json").send(body)?
            }
        };
        let after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string()?;
        Ok((Reply { status, body }, after))
    }

    fn transport(&self, url: &str, cause: ureq::Error) -> TrackerError {
        TrackerError::Transport {
            tracker: self.tracker,
            url: url.split('?').next().unwrap_or(url).to_string(),
            cause,
        }
    }

    /// `reply` when it succeeded; else the failure its status means:
    /// `missing` names what a 404 says is not there, `message` reads the
    /// tracker's words from a 400 or 422.
    pub(super) fn check(
        &self,
        reply: Reply,
        missing: &str,
        message: impl Fn(&serde_json::Value) -> Option<String>,
    ) -> Result<Reply, TrackerError> {
        let tracker = self.tracker;
        match reply.status {
            200..=299 => Ok(reply),
            401 | 403 => Err(TrackerError::Auth {
                tracker,
                status: reply.status,
            }),
            404 => Err(TrackerError::NotFound {
                tracker,
                what: missing.to_string(),
            }),
            400 | 422 => Err(TrackerError::Rejected {
                tracker,
                message: message(&reply.json()).unwrap_or_else(|| short(&reply.body)),
            }),
            status => Err(self.unexpected(format!("HTTP {status}"))),
        }
    }

    /// An answer the documentation does not describe.
    pub(super) fn unexpected(&self, reason: String) -> TrackerError {
        TrackerError::Reply {
            tracker: self.tracker,
            reason,
        }
    }
}

/// 429 and 5xx, and GitHub's secondary rate limit (a 403 with `Retry-After`).
fn is_retried(status: u16, after: Option<Duration>) -> bool {
    status == 429 || (500..=599).contains(&status) || (status == 403 && after.is_some())
}

/// The start of a body that is no JSON the tracker documents, on one line.
fn short(body: &str) -> String {
    let line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(200) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None if line.is_empty() => "no reason given".into(),
        None => line,
    }
}
