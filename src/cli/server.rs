//! `postmortem server`: the language server on standard input and output.
//! The binary frames the messages itself (`server::wire`: a message over
//! 32 MiB is skipped, never allocated, and said so on stderr and to the
//! editor), writes each message whole under stdout's lock, and exits 0
//! after `shutdown` then `exit`, 1 on `exit` (or the end of input) without
//! `shutdown`, 2 when the input cannot be read as LSP.

use crate::cli::Failure;
use crate::output;
use lsp_server::{Message, Notification};
use postmortem::server::wire::{self, Frame, MAX_MESSAGE_BYTES};
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The time to treat as now (RFC 3339 or `YYYY-MM-DD HH:MM`), for
    /// overdue action items and future times.
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
    /// Accepted for editors that pass it (VS Code's client does); standard
    /// input and output are the only transport.
    #[arg(long, hide = true)]
    stdio: bool,
}

pub(super) fn run(args: Args) -> Result<ExitCode, Failure> {
    // Pinned only when asked; otherwise each check reads the clock.
    let now = match args.now.as_deref() {
        Some(text) => Some(super::now(Some(text))?),
        None => None,
    };
    let (server, client) = lsp_server::Connection::memory();
    let lsp_server::Connection { sender, receiver } = client;
    let (failed, failure) = std::sync::mpsc::channel();
    // Sends its failure before its end closes the server's input.
    std::thread::spawn(move || {
        if let Err(error) = read_stdin(|message| sender.send(message).is_ok()) {
            let _ = failed.send(error);
        }
    });
    let writer = std::thread::spawn(move || receiver.iter().try_for_each(|m| write(&m)));
    let ending = postmortem::server::run(&server, now);
    drop(server);
    let written = writer.join().unwrap_or(Ok(()));
    // The reader may still wait on standard input: the process ends anyway.
    if let Ok(source) = failure.try_recv() {
        return Err(Failure::ServerIo { cause: source });
    }
    match written {
        Err(source) if source.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::ServerIo { cause: source })
        }
        _ => Ok(match ending {
            postmortem::server::Ending::Shutdown => ExitCode::SUCCESS,
            postmortem::server::Ending::Abandoned => ExitCode::from(1),
        }),
    }
}

/// Reads messages from standard input and hands each to `deliver` (false
/// once the server stopped listening), until `exit` or the end of input.
fn read_stdin(deliver: impl Fn(Message) -> bool) -> io::Result<()> {
    let mut frames = wire::Reader::new(io::stdin().lock(), MAX_MESSAGE_BYTES);
    while let Some(frame) = frames.next_frame()? {
        match frame {
            Frame::Message(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if !deliver(message) || exit {
                    break;
                }
            }
            Frame::Oversized(length) => skipped(length)?,
            Frame::Malformed(why) => malformed(&why)?,
        }
    }
    Ok(())
}

/// Tells the person (stderr) and the editor (a warning it shows) that a
/// message too large to read was skipped.
fn skipped(length: u64) -> io::Result<()> {
    let text = format!(
        "postmortem server skipped a message of {length} bytes, over its limit of {} MiB \
         (a document that large is not checked)",
        MAX_MESSAGE_BYTES >> 20
    );
    output::message("warning", &text);
    let params = serde_json::json!({ "type": 2, "message": text });
    write(&Message::Notification(Notification::new(
        "window/showMessage".into(),
        params,
    )))
}

/// Answers a body that is not a JSON-RPC message with JSON-RPC's parse
/// error (its `id` cannot be known, so it is null).
fn malformed(why: &str) -> io::Result<()> {
    output::message("warning", &format!("postmortem server skipped {why}"));
    let error = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": -32700, "message": why },
    });
    let body = error.to_string();
    let mut stdout = io::stdout().lock();
    write!(stdout, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    stdout.flush()
}

/// Writes `message` whole, holding stdout so that no other write splits it.
fn write(message: &Message) -> io::Result<()> {
    message.write(&mut io::stdout().lock())
}
