//! Finding the postmortem files in the paths given to a command: files as
//! named, and every `*.md` below folders except `README.md`, `index.md`,
//! names starting with `_` or `.`, and what `.gitignore` excludes.

use crate::error::Error;
use std::path::{Path, PathBuf};

/// The files found, sorted, and the paths that could not be listed.
#[derive(Debug, Default)]
pub struct Found {
    /// Postmortem files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Paths that do not exist or could not be listed.
    pub errors: Vec<Error>,
}

/// Collects the postmortem files under `paths`. Files named explicitly are
/// always kept; symbolic links to folders are not followed, so a link loop
/// cannot trap the walk.
pub fn discover(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match path.canonicalize() {
                Ok(root) => walk(path, &root, &mut found),
                Err(error) => found.errors.push(Error::list(path, error)),
            },
            Ok(meta) if meta.is_file() => found.files.push(path.clone()),
            Ok(_) => found.errors.push(Error::NotAFile { path: path.clone() }),
            Err(_) => found.errors.push(Error::NotFound { path: path.clone() }),
        }
    }
    found.files.sort();
    found.files.dedup();
    found
}

/// The repository root: the nearest folder at or above `start` holding
/// `.git` or `postmortem.yml`.
pub(crate) fn repo_root(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists() || dir.join("postmortem.yml").exists())
        .map(Path::to_path_buf)
}

/// How paths are shown: relative to the repository root, worked out once
/// for the current folder so that a run over 10,000 files does not resolve
/// each one.
#[derive(Debug)]
pub struct Shown {
    root: PathBuf,
    /// The current folder relative to the root.
    here: PathBuf,
}

impl Shown {
    /// For a run in folder `cwd`; `None` outside any repository.
    pub fn new(cwd: &Path) -> Option<Self> {
        let root = repo_root(cwd)?;
        let here = cwd
            .canonicalize()
            .ok()?
            .strip_prefix(&root)
            .ok()?
            .to_path_buf();
        Some(Self { root, here })
    }

    /// `path` relative to the root when it lies inside it, else as given.
    /// A plain relative path (no `..`, as a walk from the current folder
    /// yields) is joined without asking the file system, so a linked folder
    /// on the way shows as written rather than resolved.
    pub fn path(&self, path: &Path) -> PathBuf {
        use std::path::Component;
        let plain = path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if path.is_relative() && plain {
            let joined = self.here.join(path);
            return joined
                .components()
                .filter(|c| *c != Component::CurDir)
                .collect();
        }
        relative_to(Some(&self.root), path)
    }
}

/// `path` relative to `root` when it lies inside it, else as given.
pub(crate) fn relative_to(root: Option<&Path>, path: &Path) -> PathBuf {
    let inside = root.and_then(|root| {
        let full = path.canonicalize().ok()?;
        full.strip_prefix(root).ok().map(Path::to_path_buf)
    });
    inside.unwrap_or_else(|| path.to_path_buf())
}

/// The most a postmortem file may hold; a larger one is reported, not read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The bytes of the regular file `path` (through links), at most
/// [`MAX_FILE_BYTES`]: a FIFO, device or folder is [`Error::NotAFile`] and
/// a larger file [`Error::TooLarge`], both found before reading anything.
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| Error::read(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow between the look and the read: the limit still holds.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Walks `dir` on every core with the `ignore` crate's parallel walker,
/// which also keeps out what `.gitignore` (inside a Git repository) and
/// `.ignore` files exclude, as ripgrep does.
fn walk(dir: &Path, root: &Path, found: &mut Found) {
    let files = std::sync::Mutex::new(Vec::new());
    let errors = std::sync::Mutex::new(Vec::new());
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_global(false)
        .follow_links(false)
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('_')
        })
        .build_parallel();
    walker.run(|| {
        Box::new(|entry| {
            match entry {
                Ok(entry) => {
                    if let Some(path) = postmortem_entry(&entry, root) {
                        files.lock().unwrap_or_else(|e| e.into_inner()).push(path);
                    }
                }
                // Only a folder that cannot be read fails the run; a line of
                // a .gitignore the crate cannot parse does not.
                Err(error) => {
                    if let Some(source) = error.into_io_error() {
                        let error = Error::list(dir, source);
                        errors.lock().unwrap_or_else(|e| e.into_inner()).push(error);
                    }
                }
            }
            ignore::WalkState::Continue
        })
    });
    found
        .files
        .extend(files.into_inner().unwrap_or_else(|e| e.into_inner()));
    found
        .errors
        .extend(errors.into_inner().unwrap_or_else(|e| e.into_inner()));
}

/// The entry's path when it is a postmortem file: a regular file, or a link
/// to one inside the walked folder.
fn postmortem_entry(entry: &ignore::DirEntry, root: &Path) -> Option<PathBuf> {
    let kind = entry.file_type()?;
    let name = entry.file_name().to_string_lossy();
    let wanted = is_postmortem(&name) && !kind.is_dir();
    (wanted && (kind.is_file() || link_to_file_inside(entry.path(), root)))
        .then(|| entry.path().to_path_buf())
}

/// A symbolic link to a regular file within `root` (one leading elsewhere,
/// such as to `/proc/self/environ`, is not read).
fn link_to_file_inside(path: &Path, root: &Path) -> bool {
    path.canonicalize()
        .is_ok_and(|target| target.starts_with(root) && target.is_file())
}

/// Whether a file named `name` is a postmortem (`*.md`, not `README.md` or
/// `index.md`).
pub(crate) fn is_postmortem(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") && lower != "readme.md" && lower != "index.md"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_and_skips_readme_index_and_underscore_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2026/_drafts")).unwrap();
        for name in [
            "a.md",
            "README.md",
            "index.md",
            "_x.md",
            "notes.txt",
            "2026/b.md",
            "2026/_drafts/c.md",
        ] {
            std::fs::write(root.join(name), "").unwrap();
        }
        let found = discover(&[root.to_path_buf(), root.join("_x.md")]);
        let names: Vec<_> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            [PathBuf::from("2026/b.md"), "_x.md".into(), "a.md".into()]
        );
        assert!(found.errors.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn what_gitignore_excludes_in_a_repository_is_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        std::fs::create_dir_all(dir.path().join("postmortems/drafts")).unwrap();
        std::fs::write(dir.path().join(".gitignore"), "postmortems/drafts/\n").unwrap();
        std::fs::write(dir.path().join("postmortems/a.md"), "x").unwrap();
        std::fs::write(dir.path().join("postmortems/drafts/b.md"), "x").unwrap();
        let found = discover(&[dir.path().join("postmortems")]);
        let names: Vec<_> = found.files.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["a.md"]);
    }

    #[test]
    fn symlink_loops_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/x.md"), "").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
        std::os::unix::fs::symlink("missing.md", dir.path().join("a/dangling.md")).unwrap();
        let found = discover(&[dir.path().to_path_buf()]);
        assert_eq!(found.files, [dir.path().join("a/x.md")]);
        assert!(found.errors.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_and_special_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("pm");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(root.join("real.md"), "").unwrap();
        std::fs::write(dir.path().join("outside.md"), "").unwrap();
        std::os::unix::fs::symlink(root.join("real.md"), root.join("alias.md")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("outside.md"), root.join("out.md")).unwrap();
        std::os::unix::fs::symlink("/proc/self/environ", root.join("env.md")).unwrap();
        let found = discover(std::slice::from_ref(&root));
        assert_eq!(found.files, [root.join("alias.md"), root.join("real.md")]);
        let device = discover(&[PathBuf::from("/dev/null")]);
        assert!(matches!(device.errors[0], Error::NotAFile { .. }));
        assert!(matches!(
            read(Path::new("/dev/zero")),
            Err(Error::NotAFile { .. })
        ));
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let found = discover(&[PathBuf::from("no/such/place")]);
        assert_eq!(
            found.errors[0].to_string(),
            "no/such/place does not exist; pass a postmortem file or a folder of them"
        );
    }
}
