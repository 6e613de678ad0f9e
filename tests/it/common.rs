//! Shared test helpers: a fixed "now" and paths into the repository.

use std::path::{Path, PathBuf};

/// The "now" every fixture is checked against.
pub(crate) const NOW: &str = "2026-03-05T12:00:00Z";

/// Lint options with [`NOW`] and the default settings.
pub(crate) fn options() -> postmortem::lint::Options {
    let now = postmortem::document::stamp::instant(NOW).unwrap();
    postmortem::lint::Options::new(now)
}

/// Lint options with [`NOW`] and the configuration of the rule examples
/// (`examples/rules/postmortem.yml`).
pub(crate) fn example_options() -> postmortem::lint::Options {
    let config = postmortem::config::Config::load(&repo("examples/rules/postmortem.yml")).unwrap();
    postmortem::lint::Options {
        settings: std::sync::Arc::new(config.settings),
        ..options()
    }
}

/// A path relative to the repository root.
pub(crate) fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The built binary in `dir`, with [`NOW`] and without colours.
pub(crate) fn postmortem_in(dir: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(insta_cmd::get_cargo_bin("postmortem"));
    command
        .current_dir(dir)
        .env("POSTMORTEM_NOW", NOW)
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    command
}

/// A short valid postmortem, its detected time on line 11 written with its
/// date (the editor and server tests type over it).
pub(crate) const CHECKOUT: &str = "---
title: Checkout errors
date: 2026-03-03
status: draft
severity: SEV2
timezone: Europe/Berlin
timeline:
  - at: 2026-03-01 23:50
    kind: start
    event: Errors begin
  - at: 2026-03-02 00:37
    kind: detected
    event: Alert fires
  - at: 2026-03-02 01:30
    kind: resolved
    event: Fixed
---

## Summary

Checkout failed.
";

/// Each timeline entry of `text`: its instant in UTC (`%Y-%m-%d %H:%M:%S`),
/// kind, `who` (`-` when absent) and event.
pub(crate) fn timeline(text: &str) -> Vec<(String, &'static str, String, String)> {
    let document = postmortem::document::parse(text)
        .document
        .expect("the file reads back");
    document
        .timeline
        .iter()
        .map(|e| {
            let at = e.at.as_ref().and_then(|s| s.instant()).unwrap();
            (
                at.with_timezone(&chrono::Utc)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string(),
                e.kind.value.name(),
                e.who.as_ref().map_or("-".into(), |w| w.value.clone()),
                e.event.as_ref().map_or(String::new(), |v| v.value.clone()),
            )
        })
        .collect()
}

/// Debian's Chromium, when installed (`.ci/run` installs it; CI fails
/// without it, elsewhere browser tests say they skipped).
pub(crate) fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    assert!(
        found.is_some() || std::env::var_os("CI").is_none(),
        "CI must have chromium: .ci/run installs it"
    );
    found
}

/// A program CI installs (a blog engine, a browser): its path, or `None`
/// outside CI when it is missing (a fresh clone may not have it).
pub(crate) fn installed(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    assert!(
        found.is_some() || std::env::var_os("CI").is_none(),
        "CI must have {name}: .ci/run installs it"
    );
    found
}
