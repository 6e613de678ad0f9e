//! `postmortem server`: a language server over a connection (standard
//! input and output from the binary, framed by [`wire`]). The postmortem is
//! checked on open and on change (a burst of changes once, when the client
//! pauses), with the postmortem.yml of its folder; the server answers code
//! actions (each fix, and "fix all safe" as versioned minimal edits), hover,
//! completion (names from other postmortems gathered on a background
//! thread) and the document outline. One message at a time, on the
//! `lsp-server` crate's types.

mod completion;
mod dispatch;
mod edits;
mod features;
mod hover;
mod known;
mod position;
mod setup;
mod state;
pub mod wire;

pub use position::{Encoding, Lines};
pub use state::State;

use chrono::{DateTime, Utc};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{PublishDiagnosticsParams, Uri};
use std::time::Instant;

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`: the process should exit with 0.
    Shutdown,
    /// `exit` without `shutdown`, or the connection closed first: the
    /// protocol asks for exit code 1.
    Abandoned,
}

/// Runs the server on `connection` (with "now" pinned to `now`, else the
/// clock read at every check) until the client sends `exit` or the
/// connection closes.
pub fn run(connection: &Connection, now: Option<DateTime<Utc>>) -> Ending {
    let Some(client) = setup::initialize(connection) else {
        return Ending::Abandoned;
    };
    let mut state = State::new(now, client.encoding, client.roots);
    state.versioned_edits = client.versioned_edits;
    let mut shut_down = false;
    while let Some(message) = next(connection, &mut state, shut_down) {
        match message {
            Message::Request(request) if shut_down => {
                let code = ErrorCode::InvalidRequest as i32;
                let message = "the server is shutting down".to_string();
                send(
                    connection,
                    Response::new_err(request.id, code, message).into(),
                );
            }
            Message::Request(request) if request.method == "shutdown" => {
                shut_down = true;
                send(connection, Response::new_ok(request.id, ()).into());
            }
            Message::Request(request) => respond(connection, &mut state, request),
            Message::Notification(notification) if notification.method == "exit" => break,
            Message::Notification(_) if shut_down => {}
            Message::Notification(notification) => {
                guarded(|| dispatch::apply(&mut state, notification));
            }
            Message::Response(_) => {}
        }
    }
    if shut_down {
        Ending::Shutdown
    } else {
        Ending::Abandoned
    }
}

/// The next message, checking and publishing the documents whose check is
/// due while the client is quiet; `None` once the connection is closed.
fn next(connection: &Connection, state: &mut State, shut_down: bool) -> Option<Message> {
    loop {
        match connection.receiver.try_recv() {
            Ok(message) => {
                let overdue = state.due(Instant::now(), false);
                check(connection, state, &overdue);
                return Some(message);
            }
            Err(error) if error.is_disconnected() => return None,
            Err(_) => {}
        }
        if !shut_down {
            let due = state.due(Instant::now(), true);
            check(connection, state, &due);
        }
        let Some(wait) = state.next_due(Instant::now()).filter(|_| !shut_down) else {
            return connection.receiver.recv().ok();
        };
        match connection.receiver.recv_timeout(wait) {
            Ok(message) => return Some(message),
            Err(error) if error.is_timeout() => {}
            Err(_) => return None,
        }
    }
}

/// Checks each of `uris` and publishes its diagnostics.
fn check(connection: &Connection, state: &mut State, uris: &[Uri]) {
    for uri in uris {
        if guarded(|| state.check(uri)) == Some(true) {
            publish(connection, state, uri.clone());
        }
    }
}

/// Answers `request`, after checking the document it names if a change
/// is pending.
fn respond(connection: &Connection, state: &mut State, request: Request) {
    let document = request.params.pointer("/textDocument/uri");
    if let Some(uri) = document.and_then(|u| u.as_str()?.parse::<Uri>().ok()) {
        check(connection, state, &[uri]);
    }
    let id = request.id.clone();
    let response = guarded(|| dispatch::answer(state, request)).unwrap_or_else(|| {
        let code = ErrorCode::InternalError as i32;
        Response::new_err(id, code, "postmortem failed on this request".into())
    });
    send(connection, Message::Response(response));
}

/// Runs `work`; a panic (a bug) fails this one message instead of the
/// server, so the editor keeps its diagnostics for every other file.
fn guarded<T>(work: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).ok()
}

// The client went away: nothing is left to tell.
fn send(connection: &Connection, message: Message) {
    let _ = connection.sender.send(message);
}

fn publish(connection: &Connection, state: &State, uri: Uri) {
    let Some((open, lines)) = state.lines(&uri) else {
        return;
    };
    let params = PublishDiagnosticsParams {
        diagnostics: features::diagnostics(&uri, open, &lines),
        uri,
        version: Some(open.version),
    };
    let notification = Notification::new(PublishDiagnostics::METHOD.to_string(), params);
    send(connection, Message::Notification(notification));
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::RequestId;
    use serde_json::json;

    fn request(id: i32, method: &str, params: serde_json::Value) -> Message {
        Message::Request(Request::new(RequestId::from(id), method.into(), params))
    }

    fn notify(method: &str, params: serde_json::Value) -> Message {
        Message::Notification(Notification::new(method.into(), params))
    }

    #[test]
    fn in_process_a_session_checks_answers_and_shuts_down() {
        let (server, client) = Connection::memory();
        let now = crate::document::stamp::instant("2026-03-05T12:00:00Z").unwrap();
        let running = std::thread::spawn(move || run(&server, Some(now)));
        let utf8 = json!({ "capabilities": { "general": { "positionEncodings": ["utf-8"] } } });
        client.sender.send(request(1, "initialize", utf8)).unwrap();
        let Message::Response(init) = client.receiver.recv().unwrap() else {
            panic!("expected the initialize response")
        };
        assert_eq!(
            init.response_result.unwrap()["capabilities"]["positionEncoding"],
            "utf-8"
        );
        client
            .sender
            .send(notify("initialized", json!({})))
            .unwrap();
        let uri = "file:///nowhere/a.md";
        let text = "---\ntitle: é\ntimezone: PT\ntimeline: []\n---\n";
        let document = json!({ "uri": uri, "languageId": "markdown", "version": 1, "text": text });
        client
            .sender
            .send(notify(
                "textDocument/didOpen",
                json!({ "textDocument": document }),
            ))
            .unwrap();
        let Message::Notification(published) = client.receiver.recv().unwrap() else {
            panic!("expected diagnostics")
        };
        let diagnostics = published.params["diagnostics"].as_array().unwrap().clone();
        let zone = diagnostics
            .iter()
            .find(|d| d["code"] == "timezone")
            .unwrap();
        // UTF-8 positions: the line after `é` (two bytes) is unaffected.
        assert_eq!(
            zone["range"]["start"],
            json!({ "line": 2, "character": 10 })
        );
        let unknown = json!({ "textDocument": { "uri": "file:///elsewhere.md" } });
        client
            .sender
            .send(request(2, "textDocument/documentSymbol", unknown))
            .unwrap();
        let Message::Response(symbols) = client.receiver.recv().unwrap() else {
            panic!("expected a response")
        };
        assert_eq!(symbols.response_result.unwrap(), serde_json::Value::Null);
        client
            .sender
            .send(request(3, "shutdown", json!(null)))
            .unwrap();
        let _ = client.receiver.recv().unwrap();
        client.sender.send(notify("exit", json!(null))).unwrap();
        assert_eq!(running.join().unwrap(), Ending::Shutdown);
    }
}
