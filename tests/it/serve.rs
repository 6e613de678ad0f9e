//! `postmortem serve` end to end, as a writer uses it: started on a free
//! port, a page fetched, a source edited, the open page told to reload
//! within seconds and the change served, a lint error shown in the page,
//! and nothing listening beyond the loopback address.

use crate::common;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, UdpSocket};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A running `postmortem serve` and its address; killed when dropped.
pub(crate) struct Served {
    child: Child,
    pub(crate) address: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `postmortem serve postmortems --port 0` in `dir`, once it listens.
pub(crate) fn serve(dir: &std::path::Path) -> Served {
    serve_with(dir, &[])
}

/// [`serve`] with more arguments (`--public`).
pub(crate) fn serve_with(dir: &std::path::Path, more: &[&str]) -> Served {
    let mut child = common::postmortem_in(dir)
        .env("POSTMORTEM_NOW", "2026-12-01T00:00:00Z")
        .args(["serve", "postmortems", "--port", "0"])
        .args(more)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Served { child, address }
}

/// The status line and body of `GET path` from the server at `address`.
pub(crate) fn get(address: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}

/// Reads the event stream until a reload arrives, at most `within`.
fn reloaded(events: &mut BufReader<TcpStream>, within: Duration) -> bool {
    let start = Instant::now();
    let mut line = String::new();
    while start.elapsed() < within {
        line.clear();
        match events.read_line(&mut line) {
            Ok(0) => return false,
            Ok(_) if line.starts_with("event: reload") => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

fn open_events(address: &str) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET /__events HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut events = BufReader::new(stream);
    let mut line = String::new();
    while !line.starts_with("retry:") {
        line.clear();
        assert!(events.read_line(&mut line).unwrap() > 0);
    }
    events
}

#[test]
fn serve_reloads_open_pages_on_save_and_shows_lint_errors_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("postmortems");
    std::fs::create_dir(&posts).unwrap();
    let source = posts.join("cleanup.md");
    std::fs::copy(common::repo("examples/full.md"), &source).unwrap();
    std::fs::copy(
        common::repo("examples/query-api-2025-draft.md"),
        posts.join("draft.md"),
    )
    .unwrap();
    let served = serve(dir.path());
    assert!(
        served.address.starts_with("127.0.0.1:"),
        "{}",
        served.address
    );

    let (status, index) = get(&served.address, "/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    let page = index
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.ends_with(".html") && !href.contains('/') && href.contains("cleanup"))
        .unwrap_or_else(|| panic!("{index}"))
        .to_string();
    let (status, html) = get(&served.address, &format!("/{page}"));
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        html.contains("<script src=\"/__reload.js\"></script>"),
        "the page reloads itself"
    );
    assert!(
        index.matches("class=\"status draft\"").count() >= 1,
        "drafts are in, and marked: {index}"
    );

    let mut events = open_events(&served.address);
    let text = std::fs::read_to_string(&source).unwrap();
    let edited = text.replacen("title: ", "title: Edited while served, ", 1);
    std::fs::write(&source, &edited).unwrap();
    assert!(
        reloaded(&mut events, Duration::from_secs(5)),
        "no reload within 5 s"
    );
    let (_, html) = get(&served.address, &format!("/{page}"));
    assert!(html.contains("Edited while served"), "the change is served");

    std::fs::write(
        &source,
        edited.replacen("timezone: ", "timezone: Mars/Olympus_", 1),
    )
    .unwrap();
    assert!(
        reloaded(&mut events, Duration::from_secs(5)),
        "no reload after the error"
    );
    let (status, html) = get(&served.address, &format!("/{page}"));
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        html.contains("has errors") && html.contains("error[timezone]"),
        "{html}"
    );
    let (_, index) = get(&served.address, "/");
    assert!(index.contains("Not rendered: errors to fix"), "{index}");
}

#[test]
fn serve_listens_on_loopback_only_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    std::fs::copy(
        common::repo("examples/full.md"),
        dir.path().join("postmortems/full.md"),
    )
    .unwrap();
    let served = serve(dir.path());
    let port = served.address.rsplit(':').next().unwrap();
    // The machine's address on its default route, if it has one (no packet is sent).
    let outward = UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified());
    match outward {
        Some(ip) => assert!(
            TcpStream::connect_timeout(
                &format!("{ip}:{port}").parse().unwrap(),
                Duration::from_secs(2)
            )
            .is_err(),
            "reachable on {ip}"
        ),
        None => assert!(served.address.starts_with("127.0.0.1:")),
    }
    let (status, _) = get(&served.address, "/");
    assert_eq!(status, "HTTP/1.1 200 OK");
}

#[test]
fn serve_reads_every_file_again_when_postmortem_yml_changes() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("postmortems");
    std::fs::create_dir(&posts).unwrap();
    std::fs::copy(
        common::repo("examples/rules/timeline-order.md"),
        posts.join("order.md"),
    )
    .unwrap();
    let config = dir.path().join("postmortem.yml");
    std::fs::write(&config, "lang: en\n").unwrap();
    let served = serve(dir.path());
    let (_, index) = get(&served.address, "/");
    assert!(index.contains("Not rendered: errors to fix"), "{index}");

    let mut events = open_events(&served.address);
    std::fs::write(&config, "lang: en\nrules:\n  timeline-order: warning\n").unwrap();
    assert!(
        reloaded(&mut events, Duration::from_secs(5)),
        "no reload after the configuration changed"
    );
    let (_, index) = get(&served.address, "/");
    assert!(
        !index.contains("Not rendered: errors to fix"),
        "the file unchanged on disk is read again under the new levels: {index}"
    );
}
