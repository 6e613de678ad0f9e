//! `postmortem serve` against the attacks of issue 23: a page elsewhere
//! whose name resolves to 127.0.0.1 (DNS rebinding), hundreds of slow
//! clients, a public preview quoting what it leaves out, and a site's
//! `--base-url` that is not a web address.

use crate::common;
use crate::serve::{Served, get, serve, serve_with};
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The response to `head` sent as it is: status line and body.
fn exchange(address: &str, head: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (
        head.lines().next().unwrap_or("").to_string(),
        body.to_string(),
    )
}

fn served_example() -> (tempfile::TempDir, Served) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    std::fs::copy(
        common::repo("examples/full.md"),
        dir.path().join("postmortems/full.md"),
    )
    .unwrap();
    let served = serve(dir.path());
    (dir, served)
}

#[test]
fn a_request_naming_another_host_gets_421_and_nothing_of_the_site() {
    let (_dir, served) = served_example();
    let address = &served.address;
    let port = address.rsplit(':').next().unwrap();
    let (_, index) = get(address, "/");
    let page = index
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.ends_with(".html") && href.contains("full"))
        .map(|href| format!("/{href}"))
        .unwrap_or_else(|| panic!("{index}"));
    let page = page.as_str();
    for (host, path) in [
        (format!("evil.example:{port}"), "/"),
        (format!("evil.example:{port}"), page),
        ("127.0.0.1".to_string(), "/"),
        (format!("localhost.evil.example:{port}"), "/index.html"),
    ] {
        let (status, body) = exchange(
            address,
            &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        );
        assert_eq!(status, "HTTP/1.1 421 Misdirected Request", "{host}");
        assert!(!body.contains("Query failures"), "{host}: {body}");
        assert!(!body.contains('<'), "no page for {host}: {body}");
    }
    let (status, body) = exchange(address, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(status, "HTTP/1.1 400 Bad Request");
    assert!(!body.contains("Query failures"), "{body}");
    for host in [address.clone(), format!("localhost:{port}")] {
        let (status, body) = exchange(
            address,
            &format!("GET {page} HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        );
        assert_eq!(status, "HTTP/1.1 200 OK", "{host}");
        assert!(body.contains("Query failures"), "{host}");
    }
}

/// Whether the server closed `stream` (after a 503 or 408, or nothing).
fn closed(stream: &mut TcpStream) -> bool {
    let mut bytes = [0; 256];
    match stream.read(&mut bytes) {
        Ok(0) => true,
        // An answer, and the end comes next.
        Ok(_) => false,
        Err(error) => error.kind() != ErrorKind::WouldBlock,
    }
}

#[test]
fn six_hundred_slow_clients_neither_delay_a_request_nor_outlive_the_deadline() {
    let (_dir, served) = served_example();
    let address = served.address.parse().unwrap();
    let opened = Instant::now();
    let mut slow: Vec<TcpStream> = (0..600)
        .filter_map(|_| TcpStream::connect_timeout(&address, Duration::from_secs(2)).ok())
        .collect();
    assert_eq!(slow.len(), 600, "every slow client connects");
    for stream in &mut slow {
        let _ = stream.write_all(b"G");
        stream.set_nonblocking(true).unwrap();
    }

    let asked = Instant::now();
    let (status, index) = get(&served.address, "/");
    let took = asked.elapsed();
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(index.contains("Query failures"));
    assert!(took < Duration::from_secs(3), "answered in {took:?}");

    // Each slow client trickles a byte a second; the server closes each
    // once its 10 s for a whole request head are over, if not before.
    let mut open = slow;
    while !open.is_empty() && opened.elapsed() < Duration::from_secs(16) {
        std::thread::sleep(Duration::from_secs(1));
        open.retain_mut(|stream| {
            let _ = stream.write(b"E");
            !closed(stream)
        });
    }
    assert!(
        open.is_empty(),
        "{} slow clients still connected after {:?}",
        open.len(),
        opened.elapsed()
    );
    let (status, _) = get(&served.address, "/");
    assert_eq!(status, "HTTP/1.1 200 OK", "the server lives on");
}

/// A draft with errors whose findings quote an internal action item.
const DRAFT_WITH_ERRORS: &str = "---
title: Draft with errors
status: draft
timezone: Mars/Olympus_
impact:
  start: 2026-03-01 10:00
  end: 10:45
timeline:
  - at: 2026-03-01 10:00
    kind: start
    event: Begins
  - at: 10:45
    kind: resolved
    event: Ends
action_items:
  - title: Rotate the vendor key named in SECRET-ACTION
    owner: legal
    due: 2026-05-01
    internal: true
---

## Summary

<!-- internal -->
The SECRET-BODY misconfiguration.
<!-- /internal -->
";

/// Every page the index links to, with the index, as (path, body).
fn crawl(address: &str, more: &[&str]) -> Vec<(String, String)> {
    let (_, index) = get(address, "/");
    let links: Vec<String> = index
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|href| !href.contains("://") && !href.starts_with('#'))
        .map(|href| format!("/{}", href.trim_start_matches('/')))
        .chain(more.iter().map(|p| (*p).to_string()))
        .collect();
    let mut pages = vec![("/".to_string(), index)];
    pages.extend(links.into_iter().map(|path| {
        let (_, body) = get(address, &path);
        (path, body)
    }));
    pages
}

fn quoting<'a>(pages: &'a [(String, String)], secret: &str) -> Vec<&'a str> {
    let quoted = pages.iter().filter(|(_, body)| body.contains(secret));
    quoted.map(|(path, _)| path.as_str()).collect()
}

#[test]
fn public_previews_never_quote_a_draft_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("postmortems");
    std::fs::create_dir(&posts).unwrap();
    std::fs::copy(
        common::repo("tests/fixtures/render/internal.md"),
        posts.join("published.md"),
    )
    .unwrap();
    std::fs::write(posts.join("draft.md"), DRAFT_WITH_ERRORS).unwrap();

    // Internal previews show the findings, quotes and all.
    let internal = crawl(&serve(dir.path()).address, &[]);
    let problems = quoting(&internal, "SECRET-ACTION");
    assert!(!problems.is_empty(), "the findings quote the action item");

    let served = serve_with(dir.path(), &["--public"]);
    let public = crawl(&served.address, &problems);
    for secret in ["SECRET-ACTION", "SECRET-BODY", "FIN-88"] {
        assert_eq!(quoting(&public, secret), Vec::<&str>::new(), "{secret}");
    }
    let (_, page) = get(&served.address, problems[0]);
    assert!(
        page.contains("has errors") && page.contains("postmortem lint postmortems/draft.md"),
        "{page}"
    );

    let args = ["--public", "--published-only"];
    let published = crawl(&serve_with(dir.path(), &args).address, &problems);
    for secret in ["SECRET-ACTION", "SECRET-BODY", "FIN-88", "draft.md"] {
        assert_eq!(quoting(&published, secret), Vec::<&str>::new(), "{secret}");
    }
    assert!(published[0].1.contains("Payment retries doubled a charge"));
    assert!(
        !published[0].1.contains("Not rendered"),
        "{}",
        published[0].1
    );
}

#[test]
fn a_base_url_that_is_not_http_or_https_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    std::fs::copy(
        common::repo("tests/fixtures/render/internal.md"),
        dir.path().join("postmortems/published.md"),
    )
    .unwrap();
    for url in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "https://",
    ] {
        for command in ["site", "render"] {
            let output = common::postmortem_in(dir.path())
                .args([command, "postmortems", "--out", "site", "--base-url", url])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{command} {url}: {stderr}");
            assert!(
                stderr.contains("give an http:// or https:// URL"),
                "{stderr}"
            );
            assert!(!dir.path().join("site").exists(), "{command} {url}");
        }
    }
    let output = common::postmortem_in(dir.path())
        .args(["site", "postmortems", "--out", "site"])
        .args(["--base-url", "https://status.example.com/postmortems"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}
