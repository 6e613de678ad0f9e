//! A small HTTP/1.1 server on 127.0.0.1 (port 0) for the tracker tests: each
//! request is read whole, recorded, and answered by the test's handler,
//! one connection each (`Connection: close`).

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// A request as the fake received it.
#[derive(Clone, Debug)]
pub(crate) struct Request {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Request {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        let found = self
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name));
        found.map(|(_, v)| v.as_str())
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// An answer.
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: String,
}

impl Reply {
    pub(crate) fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running fake: its address and every request it received.
pub(crate) struct Fake {
    pub(crate) url: String,
    pub(crate) requests: Arc<Mutex<Vec<Request>>>,
}

impl Fake {
    /// The requests so far with this method whose path starts with `prefix`.
    pub(crate) fn count(&self, method: &str, prefix: &str) -> usize {
        let requests = self.requests.lock().unwrap();
        requests
            .iter()
            .filter(|r| r.method == method && r.path.starts_with(prefix))
            .count()
    }
}

/// Serves `handler` on 127.0.0.1 until the test binary ends.
pub(crate) fn serve(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Fake {
    serve_at("127.0.0.1", handler)
}

/// Serves `handler` on a free port of the loopback address `ip` (Linux
/// answers on all of 127.0.0.0/8: `127.0.0.2` is another host to a client).
pub(crate) fn serve_at(
    ip: &str,
    handler: impl Fn(&Request) -> Reply + Send + Sync + 'static,
) -> Fake {
    let listener = TcpListener::bind((ip, 0)).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let handler: Arc<Handler> = Arc::new(handler);
    let seen = Arc::clone(&requests);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (handler, seen) = (Arc::clone(&handler), Arc::clone(&seen));
            std::thread::spawn(move || answer(stream, &*handler, &seen));
        }
    });
    Fake { url, requests }
}

fn answer(stream: TcpStream, handler: &Handler, seen: &Mutex<Vec<Request>>) {
    let Some(request) = read(&stream) else { return };
    seen.lock().unwrap().push(request.clone());
    let reply = handler(&request);
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let mut stream = stream;
    let _ = stream.write_all(format!("{head}\r\n{}", reply.body).as_bytes());
}

fn read(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let length = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let body = String::from_utf8(body).ok()?;
    Some(Request {
        method,
        path,
        headers,
        body,
    })
}

/// Sends `request` (raw HTTP/1.1 text) to `url` and gives back the status
/// and body: how the tests show that a fake refuses what the tracker would.
pub(crate) fn raw(url: &str, request: &str) -> (u16, Value) {
    let address = url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

/// A POST of `body` as raw HTTP with `headers` (`Name: value` lines).
pub(crate) fn post(url: &str, path: &str, headers: &str, body: &str) -> (u16, Value) {
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\n{headers}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    raw(url, &request)
}

/// A folder with `postmortem.yml` holding `config` and one postmortem,
/// `postmortems/checkout.md`, holding `text`.
pub(crate) fn project(config: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postmortem.yml"), config).unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    std::fs::write(dir.path().join("postmortems/checkout.md"), text).unwrap();
    dir
}

/// The postmortem of [`project`], as it is now.
pub(crate) fn postmortem(dir: &tempfile::TempDir) -> String {
    std::fs::read_to_string(dir.path().join("postmortems/checkout.md")).unwrap()
}

/// The action items of [`items`]: two open (one in progress, with a
/// comment and single quotes that must stay) and one done.
const ACTION_ITEMS: &str = "action_items:
  # the one that matters
  - title: 'Alert on checkout 5xx'   # from the review
    owner: storage-team
    priority: P1
    kind: detect
    due: 2026-04-01
  - title: Add a runbook
    status: in-progress
  - title: Rotate the keys
    status: done
";

/// [`common::CHECKOUT`](crate::common::CHECKOUT) with [`ACTION_ITEMS`].
pub(crate) fn items() -> String {
    let end = "---\n\n## Summary";
    crate::common::CHECKOUT.replacen(end, &format!("{ACTION_ITEMS}{end}"), 1)
}

/// The output of a finished command, as text: stdout then stderr.
pub(crate) fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// [`items`] with `link: first` under item 1 and `link: second` under item
/// 2, each left out when empty: what a sync writes.
pub(crate) fn linked(first: &str, second: &str) -> String {
    let mut text = items();
    for (line, link) in [
        ("due: 2026-04-01\n", first),
        ("status: in-progress\n", second),
    ] {
        if !link.is_empty() {
            text = text.replace(line, &format!("{line}    link: {link}\n"));
        }
    }
    text
}

/// Every file under `dir`, as text.
pub(crate) fn all_files(dir: &std::path::Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&all_files(&path));
        } else {
            text.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
        }
    }
    text
}
