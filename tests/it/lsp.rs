//! A language client for the tests: `postmortem server` as a real process
//! spoken to over its standard input and output, every message it sends
//! read on a thread so that a test waits for one with a deadline instead of
//! hanging.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long a test waits for any one message.
const PATIENCE: Duration = Duration::from_secs(60);

pub(crate) struct Server {
    pub(crate) child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next: u64,
}

impl Server {
    /// A server initialized by a client with no particular capabilities.
    pub(crate) fn start() -> Self {
        Self::start_with(json!({ "capabilities": {} }))
    }

    /// A server initialized with `params`.
    pub(crate) fn start_with(params: Value) -> Self {
        let mut server = Self::spawn();
        let init = server.request("initialize", params);
        assert!(init["capabilities"]["positionEncoding"].is_string());
        server.notify("initialized", json!({}));
        server
    }

    /// The process, not initialized; stderr is kept for [`Server::finish`].
    pub(crate) fn spawn() -> Self {
        Self::spawn_args(&["server", "--now", "2026-03-05T12:00:00Z"])
    }

    /// The process started with `args` (`server` and its flags), not initialized.
    pub(crate) fn spawn_args(args: &[&str]) -> Self {
        let mut child = Command::new(insta_cmd::get_cargo_bin("postmortem"))
            .args(args)
            .env_remove("POSTMORTEM_NOW")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut stdout = stdout;
            while let Some(message) = read_message(&mut stdout) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            messages,
            next: 1,
        }
    }

    /// Writes `bytes` as they are.
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub(crate) fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// The next message the server sends.
    pub(crate) fn receive(&mut self) -> Value {
        match self.messages.recv_timeout(PATIENCE) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server in time"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    pub(crate) fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The whole response to a request (`result` or `error`).
    pub(crate) fn call(&mut self, method: &str, params: Value) -> Value {
        self.call_seeing(method, params).0
    }

    /// The whole response to a request and the messages that came before it.
    pub(crate) fn call_seeing(&mut self, method: &str, params: Value) -> (Value, Vec<Value>) {
        let id = self.next;
        self.next += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let mut before = Vec::new();
        loop {
            let message = self.receive();
            if message["id"] == id {
                return (message, before);
            }
            before.push(message);
        }
    }

    pub(crate) fn request(&mut self, method: &str, params: Value) -> Value {
        self.call(method, params)["result"].clone()
    }

    /// Opens `uri` at version 1 and returns its first diagnostics.
    pub(crate) fn open(&mut self, uri: &str, text: &str) -> Value {
        let document = json!({ "uri": uri, "languageId": "markdown", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
        loop {
            let message = self.receive();
            if message["method"] == "textDocument/publishDiagnostics" {
                return message;
            }
        }
    }

    /// Closes standard input and waits for the process: its status, what
    /// it wrote on stderr and how long it took to end.
    pub(crate) fn finish(mut self) -> (ExitStatus, String, Duration) {
        drop(self.stdin.take());
        let started = Instant::now();
        let deadline = started + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not end after its input closed");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let mut stderr = String::new();
        let _ = self
            .child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr);
        (status, stderr, started.elapsed())
    }
}

/// One framed message, `None` at the end of the output.
fn read_message(stdout: &mut impl BufRead) -> Option<Value> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if stdout.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line == "\r\n" {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    stdout.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The labels of a completion result.
pub(crate) fn labels(result: &Value) -> Vec<String> {
    result
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

/// A position in `uri`, as requests take it.
pub(crate) fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

/// The completion labels at `line`:`character` of `uri` once they are not
/// empty (names from other postmortems are gathered in the background), or
/// empty after a generous wait.
pub(crate) fn completed_eventually(
    server: &mut Server,
    uri: &str,
    line: u32,
    character: u32,
) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = labels(&server.request("textDocument/completion", at(uri, line, character)));
        if !found.is_empty() || Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
