//! Files are never lost: `timeline add` and `render -o` killed (SIGKILL) at
//! random moments leave their target either as it was or as it should be
//! after the command, never a mix.

use crate::common;

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Runs `args` in `dir` to completion, or kills it after `delay`.
fn run_or_kill(dir: &Path, args: &[&str], delay: Option<Duration>) {
    let mut child = Command::new(get_cargo_bin("postmortem"))
        .current_dir(dir)
        .env("POSTMORTEM_NOW", "2026-11-22T10:00:00Z")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    if let Some(delay) = delay {
        std::thread::sleep(delay);
        let _ = child.kill();
    }
    child.wait().unwrap();
}

/// Kills `args` at 60 pseudo-random moments; after each, `target` must hold
/// `before` or `after` exactly.
fn survives_kills(dir: &Path, target: &str, before: &[u8], args: &[&str]) {
    std::fs::write(dir.join(target), before).unwrap();
    run_or_kill(dir, args, None);
    let after = std::fs::read(dir.join(target)).unwrap();
    assert_ne!(
        after, before,
        "the command changes the file when it runs to the end"
    );
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let (mut old, mut new) = (0, 0);
    for _ in 0..60 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = Duration::from_micros(seed >> 33 & 0x1fff); // 0 to 8 ms
        std::fs::write(dir.join(target), before).unwrap();
        run_or_kill(dir, args, Some(delay));
        let now = std::fs::read(dir.join(target)).unwrap();
        if now == before {
            old += 1;
        } else if now == after {
            new += 1;
        } else {
            panic!("{target} is neither the old nor the new file after a kill at {delay:?}");
        }
    }
    assert_eq!(old + new, 60);
}

#[test]
fn a_killed_timeline_add_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let before = std::fs::read(common::repo("examples/full.md")).unwrap();
    survives_kills(
        dir.path(),
        "pm.md",
        &before,
        &[
            "timeline",
            "add",
            "pm.md",
            "Checked again",
            "--at",
            "2026-05-15 18:00",
        ],
    );
}

#[test]
fn a_killed_render_leaves_the_old_output_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::repo("examples/minimal.md"),
        dir.path().join("minimal.md"),
    )
    .unwrap();
    survives_kills(
        dir.path(),
        "out.json",
        b"{\"old\": true}\n",
        &["render", "minimal.md", "-o", "out.json"],
    );
}
