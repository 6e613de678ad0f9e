//! `postmortem new` at a real terminal: a pseudo-terminal answers the
//! dialoguer prompts as a person would (typing, arrow keys, Enter).

use insta_cmd::get_cargo_bin;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};
use std::process::Command;

/// `postmortem new ARGS` at a pseudo-terminal in `dir`, with git's
/// `user.name` set to `git_name` (none when empty) through its own config;
/// the output as the terminal gets it when `raw`, else without escapes.
fn new_at_terminal(dir: &std::path::Path, args: &[&str], git_name: &str, raw: bool) -> PtySession {
    let gitconfig = dir.join("gitconfig");
    let config = match git_name {
        "" => String::new(),
        name => format!("[user]\n\tname = {name}\n"),
    };
    std::fs::write(&gitconfig, config).unwrap();
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(dir)
        .env("POSTMORTEM_NOW", "2026-11-22T10:00:00Z")
        .env("TERM", "xterm")
        .env("GIT_CONFIG_GLOBAL", &gitconfig)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("new")
        .args(args);
    let options = Options::new()
        .timeout_ms(Some(15_000))
        .strip_ansi_escape_codes(!raw);
    spawn_with_options(command, options).unwrap()
}

fn settle() {
    // A prompt switches the terminal to raw mode after drawing, discarding
    // input typed before that; a person never types that fast.
    std::thread::sleep(std::time::Duration::from_millis(300));
}

#[test]
fn new_finds_a_zone_by_region_and_takes_the_authors_from_git() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = new_at_terminal(
        dir.path(),
        &[
            "Checkout down",
            "--severity",
            "SEV2",
            "--start",
            "2026-11-21 14:30",
        ],
        "Ana Lima",
        false,
    );
    session.exp_string("Time zone").unwrap();
    settle();
    session.send_line("pacific").unwrap();
    // Several zones fit; the region's own comes first and Enter takes it.
    session.exp_string("Which one?").unwrap();
    session.exp_string("America/Los_Angeles").unwrap();
    settle();
    session.send("\r").unwrap();
    session.flush().unwrap();
    session.exp_string("Services").unwrap();
    settle();
    session.send_line("").unwrap();
    session.exp_string("Ana Lima").unwrap();
    settle();
    session.send_line("").unwrap();
    session
        .exp_string("postmortems/2026-11-21-checkout-down.md")
        .unwrap();
    session.exp_eof().unwrap();
    let text = std::fs::read_to_string(dir.path().join("postmortems/2026-11-21-checkout-down.md"))
        .unwrap();
    assert!(text.contains("\ntimezone: America/Los_Angeles\n"), "{text}");
    assert!(text.contains("\nauthors: [Ana Lima]\n"), "{text}");
}

#[test]
fn ctrl_c_at_a_prompt_shows_the_cursor_again_and_exits_130() {
    // A list (raw mode: Ctrl-C is a key) and a text prompt (Ctrl-C is SIGINT).
    for (args, prompt) in [(&["Checkout down"][..], "SEV4"), (&[][..], "Title")] {
        let dir = tempfile::tempdir().unwrap();
        let mut session = new_at_terminal(dir.path(), args, "", true);
        session.exp_string(prompt).unwrap();
        settle();
        session.send_control('c').unwrap();
        session.exp_string("\x1b[?25h").unwrap();
        match session.process().wait().unwrap() {
            rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 130, "{prompt}"),
            other => panic!("ended by {other:?} at {prompt}, not an exit"),
        }
        assert!(!dir.path().join("postmortems").exists());
    }
}

#[test]
fn new_asks_for_what_the_flags_did_not_give_and_writes_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = new_at_terminal(dir.path(), &["--author", "alice"], "", false);

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
    session.send_line("berlin").unwrap();
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
