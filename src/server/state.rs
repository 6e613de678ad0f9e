//! The open documents and what the server knows about each: its text and
//! version, the settings of the postmortem.yml that applies to its folder,
//! and its findings. A change is checked when the client pauses (a large
//! document once it has been quiet a moment), so a burst of changes is
//! checked once, on the latest text; a request about a document checks it
//! first.

use super::known::{Catalog, Known};
use super::position::Encoding;
use crate::config::{Config, Settings};
use crate::lint::{self, Checked};
use chrono::{DateTime, Utc};
use lsp_types::Uri;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A document at least this large waits for [`QUIET`] without changes.
const LARGE: usize = 1 << 20;
/// How long a large document must go unchanged before it is checked.
pub(super) const QUIET: Duration = Duration::from_millis(300);
/// A change waits at most this long for the client to pause.
const MAX_WAIT: Duration = Duration::from_secs(2);

/// One open postmortem, as last checked.
#[derive(Debug)]
pub struct Open {
    /// Its text, as the editor has it.
    pub text: String,
    /// The client's version of that text.
    pub version: i32,
    /// Its findings.
    pub checked: Checked,
    /// The options it was checked with.
    pub options: lint::Options,
}

/// A change not checked yet.
#[derive(Debug)]
struct Pending {
    text: String,
    version: i32,
    /// The first change since the last check, and the latest.
    first: Instant,
    last: Instant,
}

impl Pending {
    /// When the check is due if the client is idle.
    fn due(&self) -> Instant {
        if self.text.len() >= LARGE {
            self.last + QUIET
        } else {
            self.last
        }
    }
}

/// Everything the server holds between messages.
#[derive(Debug)]
pub struct State {
    /// "Now" when pinned (`--now`), for overdue items and future times;
    /// otherwise the clock is read at every check, so a long-running
    /// server's `future-time` and overdue items never go stale.
    pub pinned: Option<DateTime<Utc>>,
    /// How the client counts characters.
    pub encoding: Encoding,
    /// Whether the client takes versioned edits (`documentChanges`).
    pub versioned_edits: bool,
    documents: HashMap<Uri, Open>,
    pending: HashMap<Uri, Pending>,
    settings: HashMap<PathBuf, Arc<Settings>>,
    catalog: Catalog,
}

impl State {
    /// A server with no documents open, for a client whose workspace
    /// folders are `roots`.
    pub fn new(pinned: Option<DateTime<Utc>>, encoding: Encoding, roots: Vec<PathBuf>) -> Self {
        Self {
            pinned,
            encoding,
            versioned_edits: false,
            documents: HashMap::new(),
            pending: HashMap::new(),
            settings: HashMap::new(),
            catalog: Catalog::new(roots),
        }
    }

    /// Takes `text` as version `version` of `uri`, to be checked when due.
    pub fn change(&mut self, uri: Uri, version: i32, text: String) {
        let now = Instant::now();
        let first = self.pending.get(&uri).map_or(now, |p| p.first);
        let pending = Pending {
            text,
            version,
            first,
            last: now,
        };
        self.pending.insert(uri, pending);
    }

    /// Forgets `uri`.
    pub fn close(&mut self, uri: &Uri) {
        self.documents.remove(uri);
        self.pending.remove(uri);
    }

    /// `uri` was saved: what the folder's postmortems use is gathered again.
    pub fn saved(&mut self, uri: &Uri) {
        if let Some(path) = path_of(uri) {
            self.catalog.saved(&path);
        }
    }

    /// The documents whose check is due at `at`: when the client is `idle`,
    /// those quiet long enough; always, those waiting too long.
    pub fn due(&self, at: Instant, idle: bool) -> Vec<Uri> {
        let due = |p: &Pending| (idle && at >= p.due()) || at >= p.first + MAX_WAIT;
        let mut uris: Vec<Uri> = self
            .pending
            .iter()
            .filter(|(_, p)| due(p))
            .map(|(uri, _)| uri.clone())
            .collect();
        uris.sort();
        uris
    }

    /// How long from `at` until the next check is due, if any is pending.
    pub fn next_due(&self, at: Instant) -> Option<Duration> {
        let due = self.pending.values().map(Pending::due).min()?;
        Some(due.saturating_duration_since(at))
    }

    /// Checks the latest text of `uri` if it is not checked yet; whether
    /// it was.
    pub fn check(&mut self, uri: &Uri) -> bool {
        let Some(pending) = self.pending.remove(uri) else {
            return false;
        };
        let options = lint::Options {
            now: self.pinned.unwrap_or_else(Utc::now),
            settings: self.settings_for(uri),
        };
        let checked = lint::check(&pending.text, &options);
        let open = Open {
            text: pending.text,
            version: pending.version,
            checked,
            options,
        };
        self.documents.insert(uri.clone(), open);
        true
    }

    /// The open document `uri`, as last checked.
    pub fn get(&self, uri: &Uri) -> Option<&Open> {
        self.documents.get(uri)
    }

    /// The open document `uri` with its lines, in the client's encoding.
    pub fn lines(&self, uri: &Uri) -> Option<(&Open, super::Lines<'_>)> {
        let open = self.documents.get(uri)?;
        Some((open, super::Lines::new(&open.text, self.encoding)))
    }

    /// The settings of the postmortem.yml at or above the file's folder
    /// (the defaults when there is none or it cannot be read), read once
    /// per folder.
    fn settings_for(&mut self, uri: &Uri) -> Arc<Settings> {
        let folder = path_of(uri)
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        self.settings
            .entry(folder.clone())
            .or_insert_with(|| {
                let config = Config::for_folder(&folder).unwrap_or_default();
                Arc::new(config.settings)
            })
            .clone()
    }

    /// What the other postmortems near `uri` use, as far as gathered in
    /// the background (see `known`); asking starts a walk when none is
    /// recent.
    pub(super) fn known(&self, uri: &Uri) -> Arc<Known> {
        path_of(uri).map_or_else(Arc::default, |path| self.catalog.known(&path))
    }
}

/// The file a `file:` URI names, percent-decoded.
pub(super) fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok();
        match (bytes[i], hex().and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> (State, Uri) {
        let now = crate::document::stamp::instant("2026-03-05T12:00:00Z").unwrap();
        let uri = "file:///nowhere/a.md".parse().unwrap();
        (State::new(Some(now), Encoding::Utf8, Vec::new()), uri)
    }

    #[test]
    fn a_small_change_is_due_at_once_and_a_large_one_after_a_quiet_moment() {
        let (mut state, uri) = state();
        state.change(uri.clone(), 1, "---\ntitle: x\n---\n".into());
        assert_eq!(state.due(Instant::now(), true), std::slice::from_ref(&uri));
        assert!(state.due(Instant::now(), false).is_empty());
        state.change(uri.clone(), 2, "x".repeat(LARGE));
        let now = Instant::now();
        assert!(state.due(now, true).is_empty());
        assert!(state.next_due(now).unwrap() > QUIET / 2);
        assert_eq!(state.due(now + QUIET, true), std::slice::from_ref(&uri));
        assert_eq!(state.due(now + MAX_WAIT, false), [uri]);
    }

    #[test]
    fn a_burst_of_changes_is_checked_once_on_the_latest_version() {
        let (mut state, uri) = state();
        for version in 1..=5 {
            state.change(
                uri.clone(),
                version,
                format!("---\ntitle: v{version}\n---\n"),
            );
        }
        assert!(state.get(&uri).is_none());
        assert!(state.check(&uri));
        assert!(!state.check(&uri));
        let open = state.get(&uri).unwrap();
        assert_eq!((open.version, open.text.contains("v5")), (5, true));
        assert!(state.next_due(Instant::now()).is_none());
    }
}
