//! Writing the user's files without losing anything. Every write goes to a
//! temporary file in the target's folder, which then takes the target's
//! place in one rename, so a reader (or a crash) sees the old file or the new
//! one, never half of one. Replacing keeps the file's mode and owner and
//! writes through a symbolic link to its target; a read-only file is refused;
//! a new file gets `0666` less the umask, as any program's would.
//!
//! [`edit`] adds a lock for read-modify-write, and [`site`] the same care for
//! a whole output folder. A rename gives the path a new inode, so a hard link
//! to the old file keeps the old content (the README says so).

mod edit;
pub mod site;
mod writers;

pub use edit::edit;

use crate::error::Error;
use std::fs::{File, Metadata, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// How many links a path may go through before it is taken for a loop.
const MAX_LINKS: usize = 40;

/// Replaces `path` (or, when it is a symbolic link, the file it points to)
/// with `content`, keeping its mode and owner. A missing file is created.
pub fn replace(path: &Path, content: &[u8]) -> Result<(), Error> {
    let target = resolve_link(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::write(path, e)),
    };
    if let Some(meta) = &existing {
        refuse_unwritable(path, meta)?;
    }
    let temp = staged(&target, content, existing.as_ref())?;
    temp.persist(&target)
        .map_err(|e| Error::write(path, e.error))?;
    sync_folder(&target);
    Ok(())
}

/// Creates `path` with `content`, failing with [`Error::Exists`] when
/// anything is already there, even when another process created it a moment
/// ago: of several racing creators exactly one succeeds.
pub fn create_new(path: &Path, content: &[u8]) -> Result<(), Error> {
    let temp = staged(path, content, None)?;
    match temp.persist_noclobber(path) {
        Ok(_) => {
            sync_folder(path);
            Ok(())
        }
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::Exists {
            path: path.to_path_buf(),
            how: "pass --force to replace it",
        }),
        Err(e) => Err(Error::write(path, e.error)),
    }
}

/// The file a path stands for: the path itself, or the end of its chain of
/// symbolic links (relative links are read from the link's folder).
pub(crate) fn resolve_link(path: &Path) -> Result<PathBuf, Error> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&current).map_err(|e| Error::read(path, e))?;
                current = match current.parent() {
                    Some(folder) => folder.join(next),
                    None => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::Edit {
        path: path.to_path_buf(),
        reason: format!("its symbolic links go round in a loop (more than {MAX_LINKS})"),
    })
}

/// The folder a file is in, `.` for a bare name.
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A read-only file is the user's way of saying "leave this alone".
fn refuse_unwritable(path: &Path, meta: &Metadata) -> Result<(), Error> {
    if meta.permissions().readonly() {
        return Err(Error::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// `content` in a synced temporary file beside `target`, with the mode (and
/// owner, where allowed) of `like`, or `0666` less the umask.
fn staged(target: &Path, content: &[u8], like: Option<&Metadata>) -> Result<NamedTempFile, Error> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".postmortem-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(folder_of(target))
        .map_err(|e| Error::write(target, e))?;
    if let Some(meta) = like {
        keep_mode_and_owner(temp.as_file(), meta).map_err(|e| Error::write(target, e))?;
    }
    temp.write_all(content)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::write(target, e))?;
    Ok(temp)
}

fn keep_mode_and_owner(file: &File, meta: &Metadata) -> std::io::Result<()> {
    file.set_permissions(meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; a group change may be refused too.
        // Either way the file keeps our ownership, which is what `cp` does.
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    Ok(())
}

/// Makes a rename durable; a failure only weakens that, so it is not reported.
fn sync_folder(path: &Path) {
    if let Ok(folder) = File::open(folder_of(path)) {
        let _ = folder.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        std::fs::write(&target, "old").unwrap();
        replace(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn create_new_refuses_an_existing_file_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.md");
        std::fs::write(&target, "mine").unwrap();
        assert!(matches!(
            create_new(&target, b"theirs"),
            Err(Error::Exists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(replace(&a, b"x").unwrap_err().to_string().contains("loop"));
    }
}
