//! A real editor: headless Neovim (Debian's `neovim`, which `.ci/run`
//! installs) opens a postmortem with `postmortem server` attached, the
//! author types a time that lost its date, the diagnostic appears, the
//! quick fix writes the date and the file is saved.

// Without nvim (outside CI) the test says it skipped, on stderr.
#![allow(clippy::print_stderr)]

use crate::common;
use std::process::Command;

#[test]
fn neovim_shows_findings_while_typing_and_applies_the_quick_fix() {
    let Some(nvim) = ["/usr/bin/nvim", "/usr/local/bin/nvim"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
    else {
        eprintln!("skipped: nvim is not installed (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("checkout.md");
    let out = dir.path().join("seen.txt");
    std::fs::write(&file, common::CHECKOUT).unwrap();
    let status = Command::new(nvim)
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n"])
        .arg("-c")
        .arg(format!(
            "luafile {}",
            common::repo("tests/fixtures/editor/nvim.lua").display()
        ))
        .env("PM_FILE", &file)
        .env("PM_BIN", insta_cmd::get_cargo_bin("postmortem"))
        .env("PM_OUT", &out)
        .env("HOME", dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let seen = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = seen.lines().collect();
    assert!(!lines[0].contains("timeline-order"), "{seen}");
    assert!(
        lines[1].starts_with("typed: ") && lines[1].contains("timeline-order@10:8"),
        "{seen}"
    );
    assert!(
        seen.contains("action: write `2026-03-02 00:37` (check it)"),
        "{seen}"
    );
    assert!(!lines.last().unwrap().contains("timeline-order"), "{seen}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("  - at: 2026-03-02 00:37\n"), "{saved}");
}
