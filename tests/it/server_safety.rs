//! `postmortem server` against what issue 23 found: a huge `Content-Length`,
//! `exit` without `shutdown`, unknown methods, completion walking whole
//! folder trees (or `/`) on the request's thread, and "fix all safe" that
//! erased what was typed after it was offered. Through the real binary.

use crate::common;
use crate::lsp::{Server, at, completed_eventually, labels};
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};

/// The peak resident memory of process `pid` in KiB (Linux), if known.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_huge_content_length_is_skipped_without_allocating_it() {
    let mut server = Server::start();
    server.raw(b"Content-Length: 99999999999\r\n\r\n{\"jsonrpc\":");
    let warning = server.receive();
    assert_eq!(warning["method"], "window/showMessage", "{warning}");
    let text = warning["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("99999999999 bytes") && text.contains("32 MiB"),
        "{text}"
    );
    if let Some(kib) = peak_kib(server.child.id()) {
        assert!(kib < 300 << 10, "peak {kib} KiB");
    }
    let (status, stderr, took) = server.finish();
    // The input ended without `shutdown`: 1, never an abort (134) or panic (101).
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("over its limit of 32 MiB"), "{stderr}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn after_a_skipped_message_over_the_limit_the_next_is_answered() {
    let mut server = Server::start();
    let length = (32 << 20) + 1;
    server.raw(format!("Content-Length: {length}\r\n\r\n").as_bytes());
    server.raw(&vec![b'x'; length]);
    assert_eq!(server.receive()["method"], "window/showMessage");
    let symbols = json!({ "textDocument": { "uri": "file:///nowhere/a.md" } });
    let answer = server.call("textDocument/documentSymbol", symbols);
    assert_eq!(answer["result"], Value::Null, "{answer}");
    assert_eq!(server.request("shutdown", Value::Null), Value::Null);
    server.notify("exit", Value::Null);
    let (status, _, _) = server.finish();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_with_1_and_with_it_0() {
    let mut server = Server::start();
    server.notify("exit", Value::Null);
    let (status, stderr, _) = server.finish();
    assert_eq!(status.code(), Some(1), "{stderr}");

    let mut server = Server::start();
    assert_eq!(server.request("shutdown", Value::Null), Value::Null);
    let late = server.call("textDocument/hover", at("file:///a.md", 0, 0));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    server.notify("exit", Value::Null);
    let (status, stderr, _) = server.finish();
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn a_header_that_cannot_be_read_ends_the_server_with_2_and_says_why() {
    let mut server = Server::start();
    server.raw(b"Content-Type: application/json\r\n\r\n{}");
    let (status, stderr, _) = server.finish();
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("a header without Content-Length"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_request_is_method_not_found_and_an_unknown_notification_ignored() {
    let mut server = Server::start();
    let answer = server.call("postmortem/nothingHere", json!({}));
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    assert!(answer.get("result").is_none(), "{answer}");
    server.notify("$/somethingElse", json!({ "x": 1 }));
    server.raw(b"Content-Length: 2\r\n\r\n[]");
    let parse_error = server.receive();
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");
    assert_eq!(parse_error["id"], Value::Null);
    let bad = server.call("textDocument/hover", json!({ "position": 3 }));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    let symbols = json!({ "textDocument": { "uri": "file:///nowhere/a.md" } });
    assert_eq!(
        server.request("textDocument/documentSymbol", symbols),
        Value::Null
    );
}

const URI: &str = "file:///nowhere/postmortems/checkout.md";

#[test]
fn fix_all_safe_is_minimal_edits_of_the_version_it_was_computed_on() {
    let capabilities = json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } });
    let mut server = Server::start_with(json!({ "capabilities": capabilities }));
    let broken = common::CHECKOUT.replace("Europe/Berlin", "europe/berlin");
    server.open(URI, &broken);
    let typed = broken.replace("Checkout failed.", "Checkout failed for everyone.");
    let change = json!({
        "textDocument": { "uri": URI, "version": 8 },
        "contentChanges": [{ "text": typed }],
    });
    server.notify("textDocument/didChange", change);
    let range =
        json!({ "start": { "line": 5, "character": 12 }, "end": { "line": 5, "character": 12 } });
    let params =
        json!({ "textDocument": { "uri": URI }, "range": range, "context": { "diagnostics": [] } });
    let actions = server.request("textDocument/codeAction", params);
    let all = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Fix all safe (1 finding)")
        .unwrap();
    let document = &all["edit"]["documentChanges"][0];
    assert_eq!(
        document["textDocument"],
        json!({ "uri": URI, "version": 8 })
    );
    let edits = document["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(
        edits[0]["range"]["start"],
        json!({ "line": 5, "character": 10 })
    );
    assert_eq!(
        edits[0]["range"]["end"],
        json!({ "line": 5, "character": 18 })
    );
    assert_eq!(edits[0]["newText"], "Europe/B");
    assert!(all["edit"].get("changes").is_none());
}

#[test]
fn a_burst_of_changes_to_a_large_document_is_checked_once_on_its_latest_text() {
    let mut server = Server::start();
    let large = format!(
        "{}{}",
        common::CHECKOUT,
        format!("{}\n\n", "word ".repeat(200)).repeat(1_100)
    );
    let document = json!({ "uri": URI, "languageId": "markdown", "version": 1, "text": large });
    server.notify("textDocument/didOpen", json!({ "textDocument": document }));
    for version in 2..=6 {
        let text = large.replace(
            "Checkout failed.",
            &format!("Checkout failed {version} times."),
        );
        let change = json!({
            "textDocument": { "uri": URI, "version": version },
            "contentChanges": [{ "text": text }],
        });
        server.notify("textDocument/didChange", change);
    }
    let outline = json!({ "textDocument": { "uri": URI } });
    let (answer, before) = server.call_seeing("textDocument/documentSymbol", outline);
    assert!(answer["result"].is_array(), "{answer}");
    let versions: Vec<&Value> = before.iter().map(|m| &m["params"]["version"]).collect();
    // Six versions, checked at most twice (the opened one may be, if the
    // client paused), the last check on the latest text.
    assert!(versions.len() <= 2, "{versions:?}");
    assert_eq!(versions.last(), Some(&&json!(6)), "{versions:?}");
}

/// A postmortem whose action item is owned by `owner`.
fn owned_by(owner: &str) -> String {
    format!(
        "---\ntitle: T\ntimezone: UTC\nservices: [s-{owner}]\naction_items:\n  - title: A\n    owner: {owner}\ntimeline: []\n---\n"
    )
}

fn write(root: &Path, files: &[(&str, &str)]) {
    for (file, owner) in files {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, owned_by(owner)).unwrap();
    }
}

/// A draft being typed: line 9 is `    owner: `.
fn draft() -> String {
    common::CHECKOUT.replace(
        "timeline:\n",
        "services: [x]\naction_items:\n  - title: Check\n    owner: \ntimeline:\n",
    )
}

#[test]
fn completion_reads_below_the_document_within_the_workspace_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    write(
        &root,
        &[
            ("ws/pm/a.md", "beside-team"),
            ("ws/pm/2025/b.md", "below-team"),
            ("ws/c.md", "above-team"),
            ("sibling/d.md", "sibling-team"),
            ("loose/e.md", "loose-team"),
            ("loose/sub/f.md", "loose-below-team"),
        ],
    );
    let workspace = json!([{ "uri": format!("file://{}/ws", root.display()), "name": "ws" }]);
    let mut server =
        Server::start_with(json!({ "capabilities": {}, "workspaceFolders": workspace }));
    let inside = format!("file://{}/ws/pm/draft.md", root.display());
    server.open(&inside, &draft());
    let owners = completed_eventually(&mut server, &inside, 9, 11);
    assert_eq!(owners, ["below-team", "beside-team"]);
    // Outside every workspace folder: only the files beside the document.
    let outside = format!("file://{}/loose/draft.md", root.display());
    server.open(&outside, &draft());
    let owners = completed_eventually(&mut server, &outside, 9, 11);
    assert_eq!(owners, ["loose-team"]);
}

#[test]
fn completion_on_a_file_at_the_top_of_the_disk_answers_at_once() {
    let mut server = Server::start();
    server.open("file:///x.md", &draft());
    for _ in 0..3 {
        let started = Instant::now();
        let result = server.request("textDocument/completion", at("file:///x.md", 9, 11));
        assert!(result.is_array(), "{result}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }
}

#[test]
fn completion_in_a_folder_of_thousands_answers_at_once_and_fills_in() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(String, String)> = (0..3_000)
        .map(|i| (format!("pm/{:02}/{i}.md", i % 30), format!("team-{i}")))
        .collect();
    let named: Vec<(&str, &str)> = files
        .iter()
        .map(|(f, o)| (f.as_str(), o.as_str()))
        .collect();
    write(dir.path(), &named);
    let root = format!("file://{}", dir.path().display());
    let mut server = Server::start_with(json!({ "capabilities": {}, "rootUri": root }));
    let uri = format!("{root}/pm/draft.md");
    server.open(&uri, &draft());
    let started = Instant::now();
    let first = server.request("textDocument/completion", at(&uri, 9, 11));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert!(labels(&first).len() < 3_000);
    let owners = completed_eventually(&mut server, &uri, 9, 11);
    assert!(
        !owners.is_empty() && owners.len() <= 2_000,
        "{}",
        owners.len()
    );
}
