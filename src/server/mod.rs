//! `postmortem server`: a language server over a connection (standard
//! input and output from the binary). The postmortem is checked on open
//! and on every change, with the postmortem.yml of its folder; the server
//! answers code actions (each fix, and "fix all safe"), hover, completion
//! and the document outline. Synchronous, one message at a time, as
//! rust-analyzer and ruff's server are built on the same `lsp-server`.

mod completion;
mod features;
mod hover;
mod position;
mod state;

pub use position::{Encoding, Lines};
pub use state::State;

use chrono::{DateTime, Utc};
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, HoverRequest, Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverContents, HoverProviderCapability,
    InitializeParams, MarkupContent, MarkupKind, OneOf, PositionEncodingKind,
    PublishDiagnosticsParams, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    Uri,
};

/// Why the server stopped before the client asked it to.
#[derive(Debug, thiserror::Error)]
#[error("the language server connection failed: {0}")]
pub struct ServerError(#[from] lsp_server::ProtocolError);

/// Runs the server on `connection` until the client shuts it down.
pub fn run(connection: &Connection, now: DateTime<Utc>) -> Result<(), ServerError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let encoding = encoding(&params);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": { "name": "postmortem", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    let mut state = State::new(now, encoding);
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let id = request.id.clone();
                let response = guarded(|| answer(&state, request)).unwrap_or_else(|| {
                    let code = lsp_server::ErrorCode::InternalError as i32;
                    Response::new_err(id, code, "postmortem failed on this request".into())
                });
                send(connection, Message::Response(response));
            }
            Message::Notification(notification) => {
                let changed = guarded(|| apply(&mut state, notification)).flatten();
                if let Some(uri) = changed {
                    publish(connection, &state, uri);
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
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

/// UTF-8 when the client offers it (no conversion), else LSP's UTF-16.
fn encoding(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|e| e.contains(&PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "/".into()]),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// Updates the documents; the document whose diagnostics changed.
fn apply(state: &mut State, notification: Notification) -> Option<Uri> {
    match notification.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let params: lsp_types::DidOpenTextDocumentParams =
                notification.extract(DidOpenTextDocument::METHOD).ok()?;
            state.set(params.text_document.uri.clone(), params.text_document.text);
            Some(params.text_document.uri)
        }
        DidChangeTextDocument::METHOD => {
            let params: lsp_types::DidChangeTextDocumentParams =
                notification.extract(DidChangeTextDocument::METHOD).ok()?;
            // Full sync: the last change holds the whole text.
            let text = params.content_changes.into_iter().last()?.text;
            state.set(params.text_document.uri.clone(), text);
            Some(params.text_document.uri)
        }
        DidCloseTextDocument::METHOD => {
            let params: lsp_types::DidCloseTextDocumentParams =
                notification.extract(DidCloseTextDocument::METHOD).ok()?;
            state.close(&params.text_document.uri);
            None
        }
        _ => None,
    }
}

fn publish(connection: &Connection, state: &State, uri: Uri) {
    let Some((open, lines)) = state.lines(&uri) else {
        return;
    };
    let params = PublishDiagnosticsParams {
        diagnostics: features::diagnostics(&uri, open, &lines),
        uri,
        version: None,
    };
    let notification = Notification::new(PublishDiagnostics::METHOD.to_string(), params);
    send(connection, Message::Notification(notification));
}

/// The response to `request`: its result, or null for a document that is
/// not open or a method the server does not answer.
fn answer(state: &State, request: Request) -> Response {
    let id = request.id.clone();
    let result = match request.method.as_str() {
        CodeActionRequest::METHOD => on::<lsp_types::CodeActionParams>(request, |p| {
            let uri = &p.text_document.uri;
            let (open, lines) = state.lines(uri)?;
            serde_json::to_value(features::code_actions(uri, open, &lines, p.range)).ok()
        }),
        HoverRequest::METHOD => on::<lsp_types::HoverParams>(request, |p| {
            let at = p.text_document_position_params;
            let (open, lines) = state.lines(&at.text_document.uri)?;
            let value = hover::hover(open, lines.offset(at.position))?;
            let contents = HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            });
            serde_json::to_value(lsp_types::Hover {
                contents,
                range: None,
            })
            .ok()
        }),
        Completion::METHOD => on::<lsp_types::CompletionParams>(request, |p| {
            let at = p.text_document_position;
            let (open, lines) = state.lines(&at.text_document.uri)?;
            let known = state.known(&at.text_document.uri);
            let items = completion::complete(open, lines.offset(at.position), known.as_deref());
            serde_json::to_value(items).ok()
        }),
        DocumentSymbolRequest::METHOD => on::<lsp_types::DocumentSymbolParams>(request, |p| {
            let (open, lines) = state.lines(&p.text_document.uri)?;
            serde_json::to_value(features::symbols(open, &lines)).ok()
        }),
        _ => None,
    };
    Response::new_ok(id, result.unwrap_or(serde_json::Value::Null))
}

/// The result of `answer` on the request's parameters; `None` when they do
/// not read as `P` or name a document that is not open.
fn on<P: serde::de::DeserializeOwned>(
    request: Request,
    answer: impl FnOnce(P) -> Option<serde_json::Value>,
) -> Option<serde_json::Value> {
    let method = request.method.clone();
    let (_, params) = request.extract::<P>(&method).ok()?;
    answer(params)
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
        let running = std::thread::spawn(move || run(&server, now).is_ok());
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
        assert!(running.join().unwrap());
    }
}
