//! The open documents and what the server knows about each: its text, the
//! settings of the postmortem.yml that applies to its folder, and its
//! findings, re-checked on every change.

use super::completion::Known;
use super::position::Encoding;
use crate::config::{Config, Settings};
use crate::lint::{self, Checked};
use chrono::{DateTime, Utc};
use lsp_types::Uri;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// One open postmortem.
#[derive(Debug)]
pub struct Open {
    /// Its text, as the editor has it.
    pub text: String,
    /// Its findings.
    pub checked: Checked,
    /// The options it was checked with.
    pub options: lint::Options,
}

/// Everything the server holds between messages.
#[derive(Debug)]
pub struct State {
    /// "Now", for overdue items and future times.
    pub now: DateTime<Utc>,
    /// How the client counts characters.
    pub encoding: Encoding,
    documents: HashMap<Uri, Open>,
    settings: HashMap<PathBuf, Arc<Settings>>,
    known: RefCell<HashMap<PathBuf, Rc<Known>>>,
}

impl State {
    /// A server with no documents open.
    pub fn new(now: DateTime<Utc>, encoding: Encoding) -> Self {
        Self {
            now,
            encoding,
            documents: HashMap::new(),
            settings: HashMap::new(),
            known: RefCell::new(HashMap::new()),
        }
    }

    /// Opens or replaces `uri` with `text` and checks it.
    pub fn set(&mut self, uri: Uri, text: String) -> &Open {
        let settings = self.settings_for(&uri);
        let options = lint::Options {
            now: self.now,
            settings,
        };
        let checked = lint::check(&text, &options);
        let open = Open {
            text,
            checked,
            options,
        };
        self.documents.insert(uri.clone(), open);
        &self.documents[&uri]
    }

    /// Forgets `uri`.
    pub fn close(&mut self, uri: &Uri) {
        self.documents.remove(uri);
    }

    /// The open document `uri`.
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

    /// What the postmortems in `uri`'s folder already use, read the first
    /// time a completion asks (later files appear after a restart: reading
    /// the folder on every keystroke would cost more than it gives).
    pub(super) fn known(&self, uri: &Uri) -> Option<Rc<Known>> {
        let folder = path_of(uri)?.parent()?.to_path_buf();
        let mut known = self.known.borrow_mut();
        let entry = known
            .entry(folder)
            .or_insert_with_key(|folder| Rc::new(Known::read(folder)));
        Some(Rc::clone(entry))
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
