//! Changing a file in place, for `timeline add` and every later command that
//! edits a postmortem: read, change and replace under an advisory lock, so
//! simultaneous edits all land one after the other, and check before the
//! rename that nobody (an editor saving, which takes no lock) changed the
//! file meanwhile. A file another process still has open for writing is
//! waited for, however long that writer pauses mid-save (`writers`).

use super::{refuse_unwritable, resolve_link, staged, sync_folder};
use crate::error::Error;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How often the file may change under us before the edit is given up.
const ATTEMPTS: u32 = 5;
/// A file written this recently may still be being written.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a writer that keeps the file open is waited for.
const WRITER_WAIT: Duration = Duration::from_secs(10);

/// Replaces the file at `path` (through a symbolic link) with what `change`
/// makes of its text. Holds an exclusive advisory lock on the file from the
/// read to the rename; when the file changes between the read and the
/// rename, reads it again and redoes the change, and gives up with
/// [`Error::KeepsChanging`] (both versions intact) when it keeps changing.
pub fn edit<E: From<Error>>(
    path: &Path,
    mut change: impl FnMut(&str) -> Result<String, E>,
) -> Result<(), E> {
    let target = resolve_link(path)?;
    let mut changed = 0;
    while changed < ATTEMPTS {
        let file = open_locked(path, &target)?;
        // Whoever held the lock before us may have renamed a new file in;
        // our lock is then on a file nobody reads any more.
        if !is_current(&file, &target) {
            continue;
        }
        let before = read_settled(path, &file, &target)?;
        let changed_text = std::str::from_utf8(&before)
            .map_err(|_| {
                E::from(Error::Edit {
                    path: path.to_path_buf(),
                    reason: "cannot change it: it is not UTF-8; run `postmortem lint` on it".into(),
                })
            })
            .and_then(&mut change);
        let updated = match changed_text {
            Ok(updated) => updated,
            // What we read may have been half a save (cut inside a character,
            // or before the front matter ends): judge the file once it holds still.
            Err(error) if is_unchanged(&file, &target, &before) => return Err(error),
            Err(_) => {
                changed += 1;
                std::thread::sleep(SETTLE);
                continue;
            }
        };
        // Nothing to change: the file, its time and its inode stay as they were.
        if updated.as_bytes() == before.as_slice() {
            return Ok(());
        }
        let meta = file.metadata().map_err(|e| Error::read(path, e))?;
        refuse_unwritable(path, &meta)?;
        let temp = staged(&target, updated.as_bytes(), Some(&meta))?;
        if !is_unchanged(&file, &target, &before) || super::writers::others_writing(&target) {
            changed += 1;
            std::thread::sleep(SETTLE);
            continue;
        }
        temp.persist(&target)
            .map_err(|e| Error::write(path, e.error))?;
        sync_folder(&target);
        return Ok(());
    }
    Err(Error::KeepsChanging {
        path: path.to_path_buf(),
    }
    .into())
}

fn open_locked(path: &Path, target: &Path) -> Result<File, Error> {
    let meta = std::fs::metadata(target).map_err(|e| Error::read(path, e))?;
    refuse_unwritable(path, &meta)?;
    // Read-only: a process waiting for the lock is not a writer to wait for.
    let file = OpenOptions::new()
        .read(true)
        .open(target)
        .map_err(|e| Error::read(path, e))?;
    file.lock().map_err(|cause| Error::Lock {
        path: path.to_path_buf(),
        cause,
    })?;
    Ok(file)
}

/// Whether the file at `target` is still `file` and still holds `before`.
fn is_unchanged(file: &File, target: &Path, before: &[u8]) -> bool {
    is_current(file, target) && std::fs::read(target).is_ok_and(|now| now == before)
}

/// Whether `file` is still the one at `target`.
fn is_current(file: &File, target: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(target)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, target);
        true
    }
}

/// The file's bytes, once no other process has it open for writing (up to
/// [`WRITER_WAIT`]) and it has not been written for [`SETTLE`]: an editor
/// that truncates and then writes is given the time to finish.
fn read_settled(path: &Path, file: &File, target: &Path) -> Result<Vec<u8>, Error> {
    let waited = std::time::Instant::now();
    while super::writers::others_writing(target) {
        if waited.elapsed() > WRITER_WAIT {
            return Err(Error::KeepsChanging {
                path: path.to_path_buf(),
            });
        }
        std::thread::sleep(SETTLE);
    }
    let mut bytes = read_all(path, file)?;
    for _ in 0..10 {
        // An mtime ahead of our clock read is recent too; an empty file is
        // what an editor's truncation leaves before it writes.
        let modified = file.metadata().and_then(|m| m.modified());
        let recent = modified.is_ok_and(|m| {
            SystemTime::now()
                .duration_since(m)
                .map_or(true, |age| age < SETTLE)
        });
        if !recent && !bytes.is_empty() {
            break;
        }
        std::thread::sleep(SETTLE);
        let again = read_all(path, file)?;
        if again == bytes {
            break;
        }
        bytes = again;
    }
    Ok(bytes)
}

fn read_all(path: &Path, file: &File) -> Result<Vec<u8>, Error> {
    use std::io::Seek;
    let mut file = file;
    let mut bytes = Vec::new();
    file.seek(std::io::SeekFrom::Start(0))
        .and_then(|_| file.read_to_end(&mut bytes))
        .map_err(|e| Error::read(path, e))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_change_sees_the_text_and_its_result_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("p.md");
        std::fs::write(&target, "a\n").unwrap();
        edit::<Error>(&target, |text| Ok(format!("{text}b\n"))).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "a\nb\n");
    }

    #[test]
    fn a_failed_change_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("p.md");
        std::fs::write(&target, "a\n").unwrap();
        let refused = edit(&target, |_| {
            Err(Error::Edit {
                path: target.clone(),
                reason: "no".into(),
            })
        });
        assert!(refused.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "a\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
