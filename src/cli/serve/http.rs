//! What the preview answers to a request head (read by
//! `postmortem::serve_http`): GET and HEAD for the site's files,
//! `/__reload.js`, and `/__events`, the server-sent event stream
//! (`events.rs`). Only requests whose `Host` names the server are answered
//! (DNS rebinding); every response closes its connection.

use super::preview::Preview;
use postmortem::serve_http::{HeadError, Origin, Request};

/// What open pages run: reload when the site changes, and reconnect when
/// the server comes back after a restart.
const RELOAD_JS: &str =
    "new EventSource('/__events').addEventListener('reload', () => location.reload());\n";

/// The page with the reload script, which the page's policy now allows.
pub(super) fn with_reload(page: &str) -> String {
    page.replacen(
        "default-src 'none';",
        "default-src 'none'; script-src 'self'; connect-src 'self';",
        1,
    )
    .replacen(
        "</body>",
        "<script src=\"/__reload.js\"></script>\n</body>",
        1,
    )
}

/// The head that opens an event stream.
pub(super) const EVENTS_HEAD: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";

/// A response: bytes to send, then close; or the event stream.
pub(super) enum Reply {
    /// The whole response.
    Bytes(Vec<u8>),
    /// [`EVENTS_HEAD`], then events as the site is rebuilt.
    Events,
}

/// The response to a head `serve_http::parse` read, or refused.
pub(super) fn answer(
    head: Result<Request, HeadError>,
    preview: &Preview,
    origin: &Origin,
) -> Reply {
    let request = match head {
        Ok(request) => request,
        Err(HeadError::TooLarge) => {
            return refusal(
                "431 Request Header Fields Too Large",
                "send a request head under 8 KB",
            );
        }
        Err(error) => return refusal("400 Bad Request", &error.to_string()),
    };
    let Some(host) = &request.host else {
        return refusal("400 Bad Request", "send a Host header naming the server");
    };
    if !origin.allows(host) {
        let text = format!(
            "this server answers only at its own address: open {}",
            origin.url()
        );
        return refusal("421 Misdirected Request", &text);
    }
    let method = request.method.as_str();
    let path = request.path();
    match (method, path.as_str()) {
        ("GET", "/__events") => Reply::Events,
        ("GET" | "HEAD", "/__reload.js") => {
            response(method, "200 OK", "text/javascript", RELOAD_JS.as_bytes())
        }
        ("GET" | "HEAD", _) => match lookup(preview, &path) {
            Some((name, body)) => response(method, "200 OK", content_type(&name), &body),
            None => {
                let body = preview.file("404.html").unwrap_or_else(|| b"<!DOCTYPE html><title>not found</title><h1>Not found</h1><p><a href=\"/\">All postmortems</a></p>".to_vec());
                response(method, "404 Not Found", "text/html; charset=utf-8", &body)
            }
        },
        _ => refusal("405 Method Not Allowed", "only GET and HEAD"),
    }
}

/// A refusal: the status and a line of plain text saying what to do.
pub(super) fn refusal(status: &str, text: &str) -> Reply {
    response(
        "GET",
        status,
        "text/plain; charset=utf-8",
        format!("{text}\n").as_bytes(),
    )
}

/// The file for a URL path: `/` is the index, `/name` may leave out `.html`.
fn lookup(preview: &Preview, path: &str) -> Option<(String, Vec<u8>)> {
    let name = path.trim_start_matches('/');
    let name = if name.is_empty() { "index.html" } else { name };
    [
        name.to_string(),
        format!("{name}.html"),
        format!("{}/index.html", name.trim_end_matches('/')),
    ]
    .into_iter()
    .find_map(|name| preview.file(&name).map(|body| (name, body)))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "xml" if name.starts_with("feed") => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "js" => "text/javascript",
        _ => "application/octet-stream",
    }
}

fn response(method: &str, status: &str, kind: &str, body: &[u8]) -> Reply {
    let mut bytes = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if method != "HEAD" {
        bytes.extend_from_slice(body);
    }
    Reply::Bytes(bytes)
}

/// The response's bytes, for refusals sent as they are.
impl Reply {
    pub(super) fn into_bytes(self) -> Vec<u8> {
        match self {
            Reply::Bytes(bytes) => bytes,
            Reply::Events => EVENTS_HEAD.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(reply: Reply) -> String {
        String::from_utf8(reply.into_bytes()).unwrap()
    }

    #[test]
    fn a_refusal_has_its_status_a_length_and_a_line_of_text() {
        let reply = text(refusal(
            "421 Misdirected Request",
            "open http://127.0.0.1:1/",
        ));
        assert!(
            reply.starts_with("HTTP/1.1 421 Misdirected Request\r\n"),
            "{reply}"
        );
        assert!(reply.contains("Content-Length: 25\r\n"), "{reply}");
        assert!(
            reply.ends_with("\r\n\r\nopen http://127.0.0.1:1/\n"),
            "{reply}"
        );
    }

    #[test]
    fn head_responses_have_no_body() {
        let reply = text(response("HEAD", "200 OK", "text/javascript", b"x"));
        assert!(reply.ends_with(
            "Content-Length: 1\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        ));
    }
}
