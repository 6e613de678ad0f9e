//! The services and owners other postmortems already use, for completion.
//! A background thread gathers them into a shared cache, so a completion
//! answers at once from what is gathered so far and never walks a folder on
//! the request's thread. A walk is bounded (depth, files, entries, time and
//! file size) and never leaves its folder: a document inside one of the
//! client's workspace folders has its folder walked with subfolders; any
//! other (no workspace, or a file such as `file:///x.md` outside it) only
//! the files beside it. A save in the folder, or [`REFRESH`], gathers again.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};

/// Folder levels walked below a document's folder inside a workspace.
const MAX_DEPTH: usize = 4;
/// Postmortems read per folder.
const MAX_FILES: usize = 2_000;
/// Folder entries looked at per walk (most may be other files).
const MAX_ENTRIES: usize = 50_000;
/// The longest one walk takes.
const MAX_TIME: Duration = Duration::from_secs(5);
/// A larger file is no postmortem worth reading for names.
const MAX_FILE_BYTES: u64 = 1 << 20;
/// How long a gathered folder is trusted before it is gathered again.
pub(super) const REFRESH: Duration = Duration::from_secs(120);
/// A first walk shows what it found so far after this many files.
const PARTIAL_EVERY: usize = 100;

/// The services and owners a folder's postmortems use, sorted, once each.
#[derive(Debug, Default)]
pub(super) struct Known {
    /// Every `services` entry.
    pub(super) services: Vec<String>,
    /// Every action item's `owner`.
    pub(super) owners: Vec<String>,
}

/// What one walk covers: a folder, with its subfolders or without.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
struct Scope {
    folder: PathBuf,
    deep: bool,
}

#[derive(Debug, Default)]
struct Entry {
    known: Arc<Known>,
    /// When the last complete walk ended.
    complete: Option<Instant>,
    running: bool,
    stale: bool,
}

type Cache = Arc<Mutex<HashMap<Scope, Entry>>>;

/// The shared cache and the thread that fills it.
#[derive(Debug)]
pub(super) struct Catalog {
    roots: Vec<PathBuf>,
    cache: Cache,
    jobs: OnceLock<Option<mpsc::Sender<Scope>>>,
}

impl Catalog {
    /// For a client whose workspace folders are `roots` (full paths).
    pub(super) fn new(roots: Vec<PathBuf>) -> Self {
        Self {
            roots: roots.iter().filter_map(|r| r.canonicalize().ok()).collect(),
            cache: Cache::default(),
            jobs: OnceLock::new(),
        }
    }

    /// What is known so far for the document at `path` (empty until the
    /// first walk finds something), starting a walk when none is recent.
    pub(super) fn known(&self, path: &Path) -> Arc<Known> {
        let Some(scope) = self.scope(path) else {
            return Arc::default();
        };
        let mut cache = lock(&self.cache);
        let entry = cache.entry(scope.clone()).or_default();
        let old = entry.complete.is_none_or(|at| at.elapsed() > REFRESH);
        if !entry.running && (entry.stale || old) {
            entry.running = true;
            entry.stale = false;
            let sent = self.jobs().is_some_and(|jobs| jobs.send(scope).is_ok());
            entry.running = sent;
        }
        Arc::clone(&entry.known)
    }

    /// The file at `path` changed on disk: every walk that covers it is
    /// done again when next asked.
    pub(super) fn saved(&self, path: &Path) {
        let Some(folder) = path.parent().and_then(|f| f.canonicalize().ok()) else {
            return;
        };
        for (scope, entry) in lock(&self.cache).iter_mut() {
            if folder == scope.folder || (scope.deep && folder.starts_with(&scope.folder)) {
                entry.stale = true;
            }
        }
    }

    fn scope(&self, path: &Path) -> Option<Scope> {
        let folder = path.parent()?.canonicalize().ok()?;
        let deep = self.roots.iter().any(|root| folder.starts_with(root));
        Some(Scope { folder, deep })
    }

    /// The walking thread's queue, the thread started on first use.
    fn jobs(&self) -> Option<&mpsc::Sender<Scope>> {
        self.jobs
            .get_or_init(|| {
                let (sender, receiver) = mpsc::channel::<Scope>();
                let cache = Arc::clone(&self.cache);
                let work = move || {
                    for scope in receiver {
                        let walk =
                            || gather(&scope, |known, done| store(&cache, &scope, known, done));
                        // A panic (a bug) ends this walk, not the thread, and
                        // the folder is tried again after REFRESH.
                        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(walk)).is_err() {
                            abandoned(&cache, &scope);
                        }
                    }
                };
                let spawned = std::thread::Builder::new()
                    .name("postmortem-known".into())
                    .spawn(work);
                spawned.ok().map(|_| sender)
            })
            .as_ref()
    }
}

fn lock(cache: &Cache) -> std::sync::MutexGuard<'_, HashMap<Scope, Entry>> {
    cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Keeps what a walk found: a first walk's partial results at once, a
/// later walk's only when complete (the earlier answer stands until then).
fn store(cache: &Cache, scope: &Scope, known: Known, done: bool) {
    let mut cache = lock(cache);
    let entry = cache.entry(scope.clone()).or_default();
    if done || entry.complete.is_none() {
        entry.known = Arc::new(known);
    }
    if done {
        entry.complete = Some(Instant::now());
        entry.running = false;
    }
}

/// A walk that failed: what was known stays, and a walk is due again
/// after [`REFRESH`].
fn abandoned(cache: &Cache, scope: &Scope) {
    let mut cache = lock(cache);
    let entry = cache.entry(scope.clone()).or_default();
    entry.complete = Some(Instant::now());
    entry.running = false;
}

/// Walks `scope` within the bounds, telling `found` what it has after every
/// [`PARTIAL_EVERY`] files and, with `true`, at the end.
fn gather(scope: &Scope, mut found: impl FnMut(Known, bool)) {
    let started = Instant::now();
    let (mut services, mut owners) = (BTreeSet::new(), BTreeSet::new());
    let walker = ignore::WalkBuilder::new(&scope.folder)
        .max_depth(Some(if scope.deep { MAX_DEPTH } else { 1 }))
        .hidden(true)
        .parents(false)
        .git_global(false)
        .follow_links(false)
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('_'))
        .build();
    let mut files = 0;
    for (seen, entry) in walker.enumerate() {
        if seen >= MAX_ENTRIES || files >= MAX_FILES || started.elapsed() > MAX_TIME {
            break;
        }
        let Some(document) = entry.ok().and_then(|e| postmortem(&e)) else {
            continue;
        };
        files += 1;
        services.extend(document.services.into_iter().map(|s| s.value));
        let items = document.action_items.into_iter();
        owners.extend(items.filter_map(|a| a.owner).map(|o| o.value));
        if files % PARTIAL_EVERY == 0 {
            found(known(&services, &owners), false);
        }
    }
    found(known(&services, &owners), true);
}

/// The document in `entry` when it is a regular postmortem file small
/// enough to read.
fn postmortem(entry: &ignore::DirEntry) -> Option<crate::document::Document> {
    let regular = entry.file_type().is_some_and(|t| t.is_file());
    let name = entry.file_name().to_string_lossy();
    if !regular || !crate::discover::is_postmortem(&name) {
        return None;
    }
    if entry.metadata().ok()?.len() > MAX_FILE_BYTES {
        return None;
    }
    let bytes = crate::discover::read(entry.path()).ok()?;
    crate::document::parse_bytes(&bytes).1.document
}

fn known(services: &BTreeSet<String>, owners: &BTreeSet<String>) -> Known {
    Known {
        services: services.iter().cloned().collect(),
        owners: owners.iter().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postmortem_owned_by(owner: &str) -> String {
        format!(
            "---\ntitle: T\ntimezone: UTC\nservices: [s-{owner}]\naction_items:\n  - title: A\n    owner: {owner}\ntimeline: []\n---\n"
        )
    }

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("ws/pm/2025")).unwrap();
        for (file, owner) in [
            ("ws/pm/a.md", "beside"),
            ("ws/pm/2025/b.md", "below"),
            ("ws/c.md", "above"),
        ] {
            std::fs::write(dir.path().join(file), postmortem_owned_by(owner)).unwrap();
        }
        dir
    }

    fn owners(catalog: &Catalog, path: &Path) -> Vec<String> {
        let until = Instant::now() + Duration::from_secs(20);
        loop {
            let entry = lock(&catalog.cache).values().any(|e| e.complete.is_some());
            if entry || Instant::now() > until {
                return catalog.known(path).owners.clone();
            }
            catalog.known(path);
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn inside_a_workspace_subfolders_are_read_but_never_above_the_folder() {
        let dir = tree();
        let catalog = Catalog::new(vec![dir.path().join("ws")]);
        let found = owners(&catalog, &dir.path().join("ws/pm/draft.md"));
        assert_eq!(found, ["below", "beside"]);
    }

    #[test]
    fn outside_every_workspace_only_the_files_beside_the_document_are_read() {
        let dir = tree();
        let catalog = Catalog::new(Vec::new());
        let found = owners(&catalog, &dir.path().join("ws/pm/draft.md"));
        assert_eq!(found, ["beside"]);
    }

    #[test]
    fn a_folder_that_does_not_exist_knows_nothing_and_walks_nothing() {
        let catalog = Catalog::new(Vec::new());
        assert!(
            catalog
                .known(Path::new("/nowhere/at/all/x.md"))
                .owners
                .is_empty()
        );
        assert!(lock(&catalog.cache).is_empty());
    }
}
