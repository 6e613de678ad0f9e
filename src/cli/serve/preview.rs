//! The previewed site, in memory: built from the folder (each postmortem
//! re-read and re-checked only when its file changed), pages of
//! postmortems with errors replaced by their findings, every HTML page
//! given the reload script, and a generation number that open pages wait
//! on. `watch` rebuilds it when the folder, the templates or the
//! configuration change (`watch.rs`).

use chrono::{DateTime, Utc};
use postmortem::config::{Config, Settings};
use postmortem::render::templates::Templates;
use postmortem::site::{self, Read, Site};
use postmortem::{Error, discover};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, RwLock};
use std::time::{Duration, SystemTime};

/// What the preview is built from.
pub(super) struct Setup {
    pub source: PathBuf,
    pub drafts: bool,
    pub public: bool,
    pub title: String,
    pub templates: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub now: DateTime<Utc>,
}

/// A file's modification time and length: whether it changed.
pub(super) type Stamp = (Option<SystemTime>, u64);

/// Each file as last read, with its stamp then.
type Reads = HashMap<PathBuf, (Stamp, Read)>;

/// The site being served.
pub(super) struct Preview {
    setup: Setup,
    files: RwLock<HashMap<String, Vec<u8>>>,
    generation: Mutex<u64>,
    changed: Condvar,
    /// Each file as last read, and the settings it was read under: a
    /// changed `postmortem.yml` (a rule's level, the sections) reads every
    /// file again.
    cache: Mutex<(Option<Settings>, Reads)>,
    seen: Mutex<Vec<(PathBuf, Stamp)>>,
    /// Every name each postmortem's page has had since serving began,
    /// newest last: its title may change, and its findings go there while
    /// it has errors, so the page its writer has open keeps showing it.
    pages: Mutex<HashMap<PathBuf, Vec<String>>>,
}

impl Preview {
    pub(super) fn new(setup: Setup) -> Preview {
        Preview {
            setup,
            files: RwLock::new(HashMap::new()),
            generation: Mutex::new(0),
            changed: Condvar::new(),
            cache: Mutex::new((None, HashMap::new())),
            seen: Mutex::new(Vec::new()),
            pages: Mutex::new(HashMap::new()),
        }
    }

    /// Rebuilds when a watched file was written, made or removed since the
    /// last build. Reading files raises events too (the build's own reads
    /// among them), so events alone do not say that anything changed.
    pub(super) fn rebuild_if_changed(&self) {
        let now = self.fingerprint();
        let changed = self.seen.lock().is_ok_and(|seen| *seen != now);
        if changed {
            self.rebuild();
        }
    }

    fn fingerprint(&self) -> Vec<(PathBuf, Stamp)> {
        let mut files = Vec::new();
        for root in self.watched() {
            super::watch::walk(&root, &mut files);
        }
        files.sort();
        files
    }

    /// The folders and files whose changes rebuild the site.
    pub(super) fn watched(&self) -> Vec<PathBuf> {
        let mut paths = vec![self.setup.source.clone()];
        paths.extend(self.setup.templates.clone());
        paths.extend(self.setup.config.clone());
        paths
    }

    /// A file of the site, by its name (`index.html`, `style.css`).
    pub(super) fn file(&self, name: &str) -> Option<Vec<u8>> {
        let files = self.files.read().ok()?;
        files.get(name).cloned()
    }

    /// The current generation.
    pub(super) fn generation(&self) -> u64 {
        self.generation.lock().map_or(0, |g| *g)
    }

    /// Waits up to `timeout` for a generation after `seen`; returns the current one.
    pub(super) fn wait(&self, seen: u64, timeout: Duration) -> u64 {
        let Ok(guard) = self.generation.lock() else {
            return seen;
        };
        self.changed
            .wait_timeout_while(guard, timeout, |g| *g == seen)
            .map_or(seen, |(g, _)| *g)
    }

    /// Builds the site again from what is on disk, and tells open pages.
    pub(super) fn rebuild(&self) {
        let fingerprint = self.fingerprint();
        if let Ok(mut seen) = self.seen.lock() {
            *seen = fingerprint;
        }
        let files = self.build().unwrap_or_else(|error| {
            let page = format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>build failed</title></head><body><h1>The site could not be built</h1><pre>{}</pre></body></html>",
                postmortem::escape::xml(&error.to_string())
            );
            vec![("index.html".to_string(), page)]
        });
        let files = files
            .into_iter()
            .map(|(name, text)| {
                let text = if name.ends_with(".html") {
                    super::http::with_reload(&text)
                } else {
                    text
                };
                (name, text.into_bytes())
            })
            .collect();
        if let Ok(mut current) = self.files.write() {
            *current = files;
        }
        if let Ok(mut generation) = self.generation.lock() {
            *generation += 1;
        }
        self.changed.notify_all();
    }

    fn build(&self) -> Result<Vec<(String, String)>, Error> {
        let config = match &self.setup.config {
            Some(path) => Config::load(path)?,
            None => Config::default(),
        };
        let options = site::Options {
            lint: crate::cli::checked::options(self.setup.now, &config.settings),
            drafts: self.setup.drafts,
            public: self.setup.public,
        };
        if let Ok(mut cache) = self.cache.lock()
            && cache.0.as_ref() != Some(&config.settings)
        {
            *cache = (Some(config.settings.clone()), HashMap::new());
        }
        let found = discover::discover(std::slice::from_ref(&self.setup.source));
        let templates = Templates::load(self.setup.templates.as_deref())?;
        let paths = found.files;
        let site = Site {
            reads: paths.iter().map(|path| self.read(path, &options)).collect(),
        };
        // Earlier names of a page, and the page now shown under them.
        let mut aliases: Vec<(Vec<String>, String)> = Vec::new();
        for (path, read) in paths.iter().zip(&site.reads) {
            match read {
                Read::Page(page) => {
                    let name = format!("{}.html", page.model.slug);
                    aliases.push((self.names(path, Some(&name)), name));
                }
                Read::Problems(problems) => {
                    aliases.push((self.names(path, None), problems.page_name()));
                }
                Read::Unpublished => {}
            }
        }
        let settings = crate::cli::site::settings(&self.setup.title, None, false, &config.settings);
        let today = self.setup.now.date_naive();
        let mut files = site.build(&templates, &settings, self.setup.public, today)?;
        let made: HashMap<String, String> = files.iter().cloned().collect();
        for (names, shown) in aliases {
            let Some(page) = made.get(&shown) else {
                continue;
            };
            for name in names.into_iter().filter(|n| !made.contains_key(n)) {
                files.push((name, page.clone()));
            }
        }
        Ok(files)
    }

    /// The names `path`'s page has had, after adding `current`.
    fn names(&self, path: &Path, current: Option<&str>) -> Vec<String> {
        let Ok(mut pages) = self.pages.lock() else {
            return Vec::new();
        };
        let names = pages.entry(path.to_path_buf()).or_default();
        if let Some(current) = current.filter(|c| !names.iter().any(|n| n == c)) {
            names.push(current.to_string());
        }
        names.clone()
    }

    /// The file read and checked, or as cached when it has not changed.
    fn read(&self, path: &Path, options: &site::Options) -> Read {
        let meta = std::fs::metadata(path).ok();
        let stamp = (
            meta.as_ref().and_then(|m| m.modified().ok()),
            meta.as_ref().map_or(0, |m| m.len()),
        );
        if let Ok(cache) = self.cache.lock()
            && let Some((seen, read)) = cache.1.get(path)
            && *seen == stamp
        {
            return read.clone();
        }
        let read = site::read(path, options);
        if let Ok(mut cache) = self.cache.lock() {
            cache.1.insert(path.to_path_buf(), (stamp, read.clone()));
        }
        read
    }
}
