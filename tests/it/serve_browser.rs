//! `postmortem serve` in a real browser: Chromium, driven through
//! ChromeDriver's WebDriver protocol (plain HTTP and JSON), opens a page;
//! the source is saved with a new title and the open page shows it within
//! seconds with no navigation or refresh asked of the browser, then shows
//! the findings when the file breaks.

// Without chromedriver (outside CI) the test says it skipped, on stderr.
#![allow(clippy::print_stderr)]

use crate::common;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One WebDriver request; the response's `value`.
fn webdriver(port: u16, method: &str, path: &str, body: &Value) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let body = body.to_string();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    let mut line = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let value: Value = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&body)));
    value["value"].clone()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn heading(port: u16, session: &str) -> String {
    let script = json!({ "script": "const h = document.querySelector('h1'); return h ? h.textContent : '';", "args": [] });
    webdriver(
        port,
        "POST",
        &format!("/session/{session}/execute/sync"),
        &script,
    )
    .as_str()
    .unwrap_or("")
    .to_string()
}

fn wait_for(port: u16, session: &str, within: Duration, wanted: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let seen = heading(port, session);
        if wanted(&seen) || start.elapsed() > within {
            return seen;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn an_open_page_shows_a_saved_change_by_itself() {
    let Some(driver) = ["/usr/bin/chromedriver"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromedriver: .ci/run installs it"
        );
        eprintln!("skipped: no chromedriver here (apt-get install chromium-driver)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    let source = dir.path().join("postmortems/full.md");
    std::fs::copy(common::repo("examples/full.md"), &source).unwrap();
    let served = crate::serve::serve(dir.path());
    let address = served.address.clone();

    let port = free_port();
    let _driver = Killed(
        Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let capabilities = json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    } } } });
    let session = webdriver(port, "POST", "/session", &capabilities)["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no session"))
        .to_string();
    // Pages are named by their file (and the incident's day), not the title.
    let page = format!("http://{address}/2026-05-14-full.html");
    webdriver(
        port,
        "POST",
        &format!("/session/{session}/url"),
        &json!({ "url": page }),
    );
    assert_eq!(
        heading(port, &session),
        "Query failures after a storage cleanup"
    );

    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replacen("title: ", "title: Saved while open, ", 1),
    )
    .unwrap();
    let seen = wait_for(port, &session, Duration::from_secs(5), |h| {
        h.starts_with("Saved while open")
    });
    assert_eq!(
        seen, "Saved while open, Query failures after a storage cleanup",
        "no reload within 5 s"
    );

    std::fs::write(
        &source,
        text.replacen("timezone: ", "timezone: Mars/Olympus_", 1),
    )
    .unwrap();
    let seen = wait_for(port, &session, Duration::from_secs(5), |h| {
        h.ends_with("has errors")
    });
    assert!(
        seen.ends_with("has errors"),
        "the findings did not replace the page: {seen}"
    );
    webdriver(port, "DELETE", &format!("/session/{session}"), &json!({}));
}
