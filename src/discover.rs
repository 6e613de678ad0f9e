//! Finding the postmortem files in the paths given to a command: files as
//! named, and every `*.md` below folders except `README.md`, `index.md`,
//! and names starting with `_` or `.`.

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
pub fn repo_root(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists() || dir.join("postmortem.yml").exists())
        .map(Path::to_path_buf)
}

/// `path` relative to `root` when it lies inside it, else as given.
pub fn relative_to(root: Option<&Path>, path: &Path) -> PathBuf {
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

fn walk(dir: &Path, root: &Path, found: &mut Found) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => return found.errors.push(Error::list(dir, error)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => return found.errors.push(Error::list(dir, error)),
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, root, found);
        } else if is_postmortem(&name) && (kind.is_file() || link_to_file_inside(&path, root)) {
            found.files.push(path);
        }
    }
}

/// A symbolic link to a regular file within `root` (one leading elsewhere,
/// such as to `/proc/self/environ`, is not read).
fn link_to_file_inside(path: &Path, root: &Path) -> bool {
    path.canonicalize()
        .is_ok_and(|target| target.starts_with(root) && target.is_file())
}

fn is_postmortem(name: &str) -> bool {
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
