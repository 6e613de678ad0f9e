//! An edit in place never replaces a file another process is still
//! writing: a writer that pauses 300 ms in the middle of its save (longer
//! than any fixed settling time) is waited for, every time.

use crate::common;
use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

#[test]
fn an_add_during_a_save_that_pauses_300_ms_never_leaves_the_file_cut() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pm.md");
    let saved = std::fs::read(common::repo("examples/full.md")).unwrap();
    std::fs::write(&file, &saved).unwrap();
    for i in 0..5 {
        // The writer: truncate, write half, pause, write the rest, close.
        let mut out = std::fs::File::create(&file).unwrap();
        out.write_all(&saved[..saved.len() / 2]).unwrap();
        out.flush().unwrap();
        let event = format!("logged during a slow save {i}");
        let add = common::postmortem_in(dir.path())
            .args([
                "timeline",
                "add",
                "pm.md",
                &event,
                "--at",
                "2026-05-15 17:30",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        out.write_all(&saved[saved.len() / 2..]).unwrap();
        drop(out);
        let output = add.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let after = std::fs::read_to_string(&file).unwrap();
        assert!(
            after.contains("## Remediation") && after.contains(&event),
            "save {i}: the file was cut or the entry lost:\n{after}"
        );
        std::fs::write(&file, &saved).unwrap();
    }
}
