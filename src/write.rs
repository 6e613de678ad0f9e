//! Writing files atomically: the content goes to a temporary file in the
//! target's folder, which then replaces the target in one rename, so a reader
//! (or a crash) sees the old file or the new one, never half of one.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Replaces `path` with `content` atomically.
pub fn atomic(path: &Path, content: &[u8]) -> Result<(), Error> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".postmortem-")
        .tempfile_in(folder)
        .map_err(|e| Error::write(path, &e))?;
    file.write_all(content)
        .map_err(|e| Error::write(path, &e))?;
    file.as_file()
        .sync_all()
        .map_err(|e| Error::write(path, &e))?;
    file.persist(path)
        .map_err(|e| Error::write(path, &e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        std::fs::write(&target, "old").unwrap();
        atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
