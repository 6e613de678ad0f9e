//! The preview's HTTP/1.1 server: std's TCP listener and a thread per
//! connection, GET and HEAD for the site's files, and `/__events`, a
//! server-sent event stream that says `reload` whenever the site was
//! rebuilt. It serves a local preview to one writer, so it needs no async
//! runtime; requests are bounded (8 KB of head) and connections time out.

use super::preview::Preview;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// What open pages run: reload when the site changes, and reconnect when
/// the server comes back after a restart.
const RELOAD_JS: &str =
    "new EventSource('/__events').addEventListener('reload', () => location.reload());\n";

/// Serves `preview` on `listener` until the process ends.
pub(super) fn serve(listener: TcpListener, preview: Arc<Preview>) {
    for stream in listener.incoming().flatten() {
        let preview = Arc::clone(&preview);
        std::thread::spawn(move || {
            let _ = handle(stream, &preview);
        });
    }
}

fn handle(stream: TcpStream, preview: &Preview) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?).take(8 * 1024);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers are read and ignored: nothing the preview serves depends on them.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut stream = stream;
    match (method, path) {
        ("GET", "/__events") => events(stream, preview),
        ("GET" | "HEAD", "/__reload.js") => respond(
            &mut stream,
            method,
            "200 OK",
            "text/javascript",
            RELOAD_JS.as_bytes(),
        ),
        ("GET" | "HEAD", _) => match lookup(preview, path) {
            Some((name, body)) => {
                respond(&mut stream, method, "200 OK", content_type(&name), &body)
            }
            None => {
                let body = preview.file("404.html").unwrap_or_else(|| b"<!DOCTYPE html><title>not found</title><h1>Not found</h1><p><a href=\"/\">All postmortems</a></p>".to_vec());
                respond(
                    &mut stream,
                    method,
                    "404 Not Found",
                    "text/html; charset=utf-8",
                    &body,
                )
            }
        },
        _ => respond(
            &mut stream,
            "GET",
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"only GET and HEAD\n",
        ),
    }
}

/// The file for a URL path: `/` is the index, `/name` may leave out `.html`.
fn lookup(preview: &Preview, path: &str) -> Option<(String, Vec<u8>)> {
    let name = path.trim_start_matches('/');
    let name = if name.is_empty() { "index.html" } else { name };
    let decoded = percent_decoded(name);
    [
        decoded.clone(),
        format!("{decoded}.html"),
        format!("{}/index.html", decoded.trim_end_matches('/')),
    ]
    .into_iter()
    .find_map(|name| preview.file(&name).map(|body| (name, body)))
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
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

fn respond(
    stream: &mut TcpStream,
    method: &str,
    status: &str,
    kind: &str,
    body: &[u8],
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The event stream: `reload` after each rebuild, a comment every 15 s so a
/// closed page is noticed and its thread ends.
fn events(mut stream: TcpStream, preview: &Preview) -> std::io::Result<()> {
    stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n")?;
    stream.flush()?;
    let mut seen = preview.generation();
    loop {
        let now = preview.wait(seen, Duration::from_secs(15));
        if now == seen {
            stream.write_all(b": still here\n\n")?;
        } else {
            seen = now;
            stream.write_all(b"event: reload\ndata: reload\n\n")?;
        }
        stream.flush()?;
    }
}
