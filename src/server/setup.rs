//! The start of a session: the `initialize` exchange, what the client
//! offers (position encodings, versioned edits, workspace folders) and the
//! capabilities the server answers with.

use super::position::Encoding;
use super::send;
use lsp_server::{Connection, ErrorCode, Message, Response};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, InitializeParams,
    OneOf, PositionEncodingKind, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};
use std::path::PathBuf;

/// What the server learnt of the client at `initialize`.
#[derive(Debug)]
pub(super) struct Client {
    /// How it counts characters.
    pub(super) encoding: Encoding,
    /// Whether it takes versioned edits (`documentChanges`).
    pub(super) versioned_edits: bool,
    /// Its workspace folders (or root), as paths.
    pub(super) roots: Vec<PathBuf>,
}

/// Waits for `initialize` and answers it (a request before it is answered
/// with ServerNotInitialized, a notification ignored); `None` when the
/// client sends `exit` or goes away first.
pub(super) fn initialize(connection: &Connection) -> Option<Client> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(request) if request.method == "initialize" => {
                let params: InitializeParams =
                    serde_json::from_value(request.params).unwrap_or_default();
                let client = client(&params);
                let result = serde_json::json!({
                    "capabilities": capabilities(client.encoding),
                    "serverInfo": { "name": "postmortem", "version": env!("CARGO_PKG_VERSION") },
                });
                send(connection, Response::new_ok(request.id, result).into());
                return Some(client);
            }
            Message::Request(request) => {
                let code = ErrorCode::ServerNotInitialized as i32;
                let message = "the server is not initialized yet".to_string();
                send(
                    connection,
                    Response::new_err(request.id, code, message).into(),
                );
            }
            Message::Notification(notification) if notification.method == "exit" => return None,
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
}

fn client(params: &InitializeParams) -> Client {
    let versioned_edits = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.workspace_edit.as_ref())
        .and_then(|e| e.document_changes)
        .unwrap_or(false);
    Client {
        encoding: encoding(params),
        versioned_edits,
        roots: roots(params),
    }
}

/// The workspace folders, else the root the client names (`rootUri`, then
/// the older `rootPath`); none when it names none.
#[allow(deprecated)] // `root_uri` and `root_path` are what older clients send
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders
            .iter()
            .filter_map(|f| super::state::path_of(&f.uri))
            .collect();
    }
    let uri = params.root_uri.as_ref().and_then(super::state::path_of);
    let path = params.root_path.as_ref().map(PathBuf::from);
    uri.or(path).into_iter().collect()
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
    let sync = TextDocumentSyncOptions {
        open_close: Some(true),
        change: Some(TextDocumentSyncKind::FULL),
        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
        ..TextDocumentSyncOptions::default()
    };
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
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
