//! What each message does. Notifications change the documents (an unknown
//! one is ignored, as the protocol asks); requests are answered (code
//! actions, hover, completion and the outline) from the document as last
//! checked: `null` for a document that is not open, InvalidParams for
//! parameters that do not read, MethodNotFound for a method the server does
//! not answer.

use super::state::State;
use super::{completion, features, hover};
use lsp_server::{ErrorCode, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, HoverRequest, Request as _,
};
use lsp_types::{HoverContents, MarkupContent, MarkupKind};
use serde_json::Value;

/// The response to `request`.
pub(super) fn answer(state: &State, request: Request) -> Response {
    let id = request.id.clone();
    let result = match request.method.as_str() {
        CodeActionRequest::METHOD => on::<lsp_types::CodeActionParams>(request, |p| {
            let uri = &p.text_document.uri;
            let (open, lines) = state.lines(uri)?;
            let versioned = state.versioned_edits;
            let actions = features::code_actions(uri, open, &lines, p.range, versioned);
            serde_json::to_value(actions).ok()
        }),
        HoverRequest::METHOD => on::<lsp_types::HoverParams>(request, |p| {
            let at = p.text_document_position_params;
            let (open, lines) = state.lines(&at.text_document.uri)?;
            let value = hover::hover(open, lines.offset(at.position))?;
            let contents = HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            });
            let hover = lsp_types::Hover {
                contents,
                range: None,
            };
            serde_json::to_value(hover).ok()
        }),
        Completion::METHOD => on::<lsp_types::CompletionParams>(request, |p| {
            let at = p.text_document_position;
            let (open, lines) = state.lines(&at.text_document.uri)?;
            let known = state.known(&at.text_document.uri);
            let items = completion::complete(open, lines.offset(at.position), &known);
            serde_json::to_value(items).ok()
        }),
        DocumentSymbolRequest::METHOD => on::<lsp_types::DocumentSymbolParams>(request, |p| {
            let (open, lines) = state.lines(&p.text_document.uri)?;
            serde_json::to_value(features::symbols(open, &lines)).ok()
        }),
        method => {
            let code = ErrorCode::MethodNotFound as i32;
            let message = format!("postmortem server does not answer `{method}`");
            return Response::new_err(id, code, message);
        }
    };
    match result {
        Ok(value) => Response::new_ok(id, value.unwrap_or(Value::Null)),
        Err(message) => Response::new_err(id, ErrorCode::InvalidParams as i32, message),
    }
}

/// The result of `answer` on the request's parameters (`None` for a
/// document that is not open); an error when they do not read as `P`.
fn on<P: serde::de::DeserializeOwned>(
    request: Request,
    answer: impl FnOnce(P) -> Option<Value>,
) -> Result<Option<Value>, String> {
    let method = request.method.clone();
    match request.extract::<P>(&method) {
        Ok((_, params)) => Ok(answer(params)),
        Err(error) => Err(error.to_string()),
    }
}

/// Takes the documents' changes in (checked later, when due); an unknown
/// notification is ignored, as the protocol asks.
pub(super) fn apply(state: &mut State, notification: Notification) -> Option<()> {
    match notification.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let params: lsp_types::DidOpenTextDocumentParams =
                notification.extract(DidOpenTextDocument::METHOD).ok()?;
            let document = params.text_document;
            // Gathering starts now, so a completion finds names ready.
            state.known(&document.uri);
            state.change(document.uri, document.version, document.text);
        }
        DidChangeTextDocument::METHOD => {
            let params: lsp_types::DidChangeTextDocumentParams =
                notification.extract(DidChangeTextDocument::METHOD).ok()?;
            // Full sync: the last change holds the whole text.
            let text = params.content_changes.into_iter().last()?.text;
            let document = params.text_document;
            state.change(document.uri, document.version, text);
        }
        DidCloseTextDocument::METHOD => {
            let params: lsp_types::DidCloseTextDocumentParams =
                notification.extract(DidCloseTextDocument::METHOD).ok()?;
            state.close(&params.text_document.uri);
        }
        DidSaveTextDocument::METHOD => {
            let params: lsp_types::DidSaveTextDocumentParams =
                notification.extract(DidSaveTextDocument::METHOD).ok()?;
            state.saved(&params.text_document.uri);
        }
        _ => {}
    }
    Some(())
}
