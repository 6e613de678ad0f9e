//! `postmortem server` as an editor runs it: a real process spoken to in
//! LSP over its standard input and output.

use crate::common;
use crate::lsp::{Server, completed_eventually};
use serde_json::{Value, json};

const URI: &str = "file:///nowhere/postmortems/checkout.md";

/// The checkout postmortem with its detected time alone, as if just typed.
fn text() -> String {
    common::CHECKOUT.replace("  - at: 2026-03-02 00:37", "  - at: 00:37")
}

#[test]
fn diagnostics_arrive_on_open_and_on_every_change() {
    let mut server = Server::start();
    let published = server.open(URI, &text());
    assert_eq!(published["method"], "textDocument/publishDiagnostics");
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    let order = diagnostics
        .iter()
        .find(|d| d["code"] == "timeline-order")
        .unwrap();
    assert_eq!(
        order["range"]["start"],
        json!({ "line": 10, "character": 8 })
    );
    assert_eq!(
        order["range"]["end"],
        json!({ "line": 10, "character": 13 })
    );
    assert_eq!(order["severity"], 1);
    let help = order["relatedInformation"][0]["message"].as_str().unwrap();
    assert_eq!(
        help,
        "help: the date probably changed: write `2026-03-02 00:37`"
    );

    let fixed = text().replace("  - at: 00:37", "  - at: 2026-03-02 00:37");
    let change = json!({
        "textDocument": { "uri": URI, "version": 2 },
        "contentChanges": [{ "text": fixed }],
    });
    server.notify("textDocument/didChange", change);
    let published = server.receive();
    let codes: Vec<&Value> = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(!codes.contains(&&json!("timeline-order")), "{codes:?}");
    assert_eq!(server.request("shutdown", Value::Null), Value::Null);
    server.notify("exit", Value::Null);
    assert!(server.child.wait().unwrap().success());
}

#[test]
fn code_actions_offer_the_literal_replacement_and_fix_all_safe() {
    let mut server = Server::start();
    let broken = text().replace("Europe/Berlin", "europe/berlin");
    server.open(URI, &broken);
    let range =
        json!({ "start": { "line": 5, "character": 12 }, "end": { "line": 5, "character": 12 } });
    let params =
        json!({ "textDocument": { "uri": URI }, "range": range, "context": { "diagnostics": [] } });
    let actions = server.request("textDocument/codeAction", params);
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["write `Europe/Berlin`", "Fix all safe (1 finding)"]
    );
    let edit = &actions[0]["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "Europe/Berlin");
    assert_eq!(
        edit["range"]["start"],
        json!({ "line": 5, "character": 10 })
    );
    assert_eq!(edit["range"]["end"], json!({ "line": 5, "character": 23 }));
    // "Fix all safe" changes only what its fixes change.
    let all = actions[1]["edit"]["changes"][URI].as_array().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0]["range"]["start"],
        json!({ "line": 5, "character": 10 })
    );
    assert_eq!(all[0]["newText"], "Europe/B");
}

#[test]
fn hover_tells_the_instant_a_time_stands_for_and_what_a_kind_means() {
    let mut server = Server::start();
    server.open(URI, common::CHECKOUT);
    let at = |line: u32, character: u32| json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } });
    let stamp = server.request("textDocument/hover", at(10, 12));
    let text = stamp["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("2026-03-02 00:37 CET (Europe/Berlin, UTC+01:00)")
            && text.contains("2026-03-01 23:37 UTC")
            && text.contains("T+47m from `start`"),
        "{text}"
    );
    let kind = server.request("textDocument/hover", at(11, 12));
    assert!(
        kind["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("time to detect ends here")
    );
}

#[test]
fn completion_and_outline_follow_the_document() {
    let mut server = Server::start();
    let typing = text().replace("timezone: Europe/Berlin", "timezone: Europe/Be");
    server.open(URI, &typing);
    let at = |line: u32, character: u32| json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } });
    let zones = server.request("textDocument/completion", at(5, 19));
    let labels: Vec<&str> = zones
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Europe/Belfast", "Europe/Belgrade", "Europe/Berlin"]
    );
    let kinds = server.request("textDocument/completion", at(8, 10));
    assert_eq!(kinds.as_array().unwrap().len(), 10);
    let symbols = server.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "2026-03-01 23:50 start",
            "00:37 detected",
            "2026-03-02 01:30 resolved",
            "Summary"
        ]
    );
}

#[test]
fn completion_offers_the_services_and_owners_the_folder_already_uses() {
    let mut server = Server::start();
    let folder = common::repo("postmortems");
    let uri = format!("file://{}/draft.md", folder.display());
    let text = common::CHECKOUT.replace(
        "timeline:\n",
        "services: [query-api, st]\naction_items:\n  - title: Check\n    owner: st\ntimeline:\n",
    );
    server.open(&uri, &text);
    let owners = completed_eventually(&mut server, &uri, 9, 13);
    assert_eq!(owners, ["storage-team"]);
    let services = completed_eventually(&mut server, &uri, 6, 24);
    assert_eq!(services, ["storage"]);
}
