//! Any bytes laid out as a Slack export folder (`channels.json`,
//! `users.json` and a channel's day files, split at NUL bytes) and read the
//! way `import slack DIR` reads it: an incident or an error, never a panic,
//! and every draft it writes reads back as the entries imported.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::author::import::{self, slack, slack_export};

fuzz_target!(|bytes: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let mut parts = bytes.split(|&b| b == 0);
    let names = [
        "channels.json",
        "users.json",
        "inc/2026-05-14.json",
        "inc/2026-05-15.json",
    ];
    if std::fs::create_dir(dir.path().join("inc")).is_err() {
        return;
    }
    for name in names {
        let part = parts.next().unwrap_or_default();
        if std::fs::write(dir.path().join(name), part).is_err() {
            return;
        }
    }
    let Ok(files) = slack_export::read(dir.path(), "inc") else {
        return;
    };
    for all in [false, true] {
        let selection = slack::Selection {
            all,
            ..slack::Selection::default()
        };
        if let Ok(incident) = slack::incident(&files, "inc", &selection) {
            import::draft(
                &incident,
                chrono_tz::Tz::UTC,
                &postmortem::Settings::default().sections,
            ).expect("a draft reads back");
        }
    }
});
