//! `postmortem new` at a real terminal: a pseudo-terminal answers the
//! dialoguer prompts as a person would (typing, arrow keys, Enter).

// Tests fail by panicking; helpers outside #[test] functions do too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use insta_cmd::get_cargo_bin;
use rexpect::reader::Options;
use rexpect::session::spawn_with_options;
use std::process::Command;

#[test]
fn new_asks_for_what_the_flags_did_not_give_and_writes_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(dir.path())
        .env("POSTMORTEM_NOW", "2026-11-22T10:00:00Z")
        .env("TERM", "xterm")
        .args(["new", "--author", "alice"]);
    let options = Options::new()
        .timeout_ms(Some(15_000))
        .strip_ansi_escape_codes(true);
    let mut session = spawn_with_options(command, options).unwrap();
    // A prompt switches the terminal to raw mode after drawing, discarding
    // input typed before that; a person never types that fast.
    let settle = || std::thread::sleep(std::time::Duration::from_millis(300));

    session.exp_string("Title").unwrap();
    settle();
    session
        .send_line("Checkout errors after a config push")
        .unwrap();
    session.exp_string("SEV4").unwrap();
    settle();
    session.send("\x1b[B").unwrap();
    session.flush().unwrap(); // one down from the default SEV2
    // Wait for the redraw (it ends with the last item) before pressing Enter.
    session.exp_string("SEV4").unwrap();
    session.send("\r").unwrap();
    session.flush().unwrap();
    session.exp_string("Time zone").unwrap();
    settle();
    session.send("Europe/Berl").unwrap();
    session.flush().unwrap();
    session.exp_string("Europe/Berlin").unwrap();
    settle();
    session.send("\r").unwrap();
    session.flush().unwrap();
    session.exp_string("Impact start").unwrap();
    settle();
    session.send_line("2026-11-21 14:30").unwrap();
    session.exp_string("Services").unwrap();
    settle();
    session.send_line("checkout, payments").unwrap();
    let path = "postmortems/2026-11-21-checkout-errors-after-a-config-push.md";
    session.exp_string(path).unwrap();
    session.exp_eof().unwrap();

    let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
    let front: Vec<&str> = text.lines().take(10).collect();
    assert_eq!(
        front,
        [
            "---",
            "title: Checkout errors after a config push",
            "status: draft",
            "severity: SEV3",
            "timezone: Europe/Berlin",
            "authors: [alice]",
            "services: [checkout, payments]",
            "impact:",
            "  start: 2026-11-21 14:30",
            "timeline:",
        ]
    );
}
