//! Watching what the preview is built from: a debounced watcher (notify)
//! on the postmortems, the templates and postmortem.yml, and the files'
//! times and lengths, which say whether anything really changed.

use super::preview::{Preview, Stamp};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer, notify};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Watches `paths`, rebuilding `preview` once changes have settled for `settle`.
pub(super) fn watch(
    paths: &[PathBuf],
    preview: Arc<Preview>,
    settle: Duration,
) -> Result<Debouncer<notify::RecommendedWatcher>, String> {
    let mut debouncer = new_debouncer(settle, move |result: DebounceEventResult| {
        if result.is_ok_and(|events| !events.is_empty()) {
            preview.rebuild_if_changed();
        }
    })
    .map_err(|e| e.to_string())?;
    for path in paths {
        debouncer
            .watcher()
            .watch(path, notify::RecursiveMode::Recursive)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(debouncer)
}

/// Every file under `path` with its modification time and length.
pub(super) fn walk(path: &Path, out: &mut Vec<(PathBuf, Stamp)>) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            walk(&entry.path(), out);
        }
    } else {
        out.push((path.to_path_buf(), (meta.modified().ok(), meta.len())));
    }
}
