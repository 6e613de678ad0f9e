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
