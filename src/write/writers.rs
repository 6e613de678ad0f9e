//! Whether another process still has a file open for writing: an editor
//! or a script in the middle of a save, however long it pauses. On Linux
//! this is read from `/proc` (each process's open files and their access
//! modes, for the processes this user may see); elsewhere it is unknown and
//! the edit relies on the file holding still.

use std::path::Path;

/// Whether a process other than this one has `target` open for writing.
pub(super) fn others_writing(target: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        linux::others_writing(target)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = target;
        false
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    /// The access mode bits of `open(2)`'s flags: 1 write-only, 2 read-write.
    const ACCESS: u32 = 0o3;

    pub(super) fn others_writing(target: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(target) else {
            return false;
        };
        let (dev, ino) = (meta.dev(), meta.ino());
        let me = std::process::id().to_string();
        let Ok(processes) = std::fs::read_dir("/proc") else {
            return false;
        };
        processes
            .flatten()
            .map(|entry| entry.file_name())
            .filter_map(|name| name.into_string().ok())
            .filter(|pid| pid.bytes().all(|b| b.is_ascii_digit()) && *pid != me)
            .any(|pid| writes(&pid, dev, ino))
    }

    /// Whether process `pid` has the file `dev`/`ino` open for writing.
    fn writes(pid: &str, dev: u64, ino: u64) -> bool {
        let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
            return false;
        };
        fds.flatten().any(|fd| {
            let same = std::fs::metadata(fd.path()).is_ok_and(|m| m.dev() == dev && m.ino() == ino);
            same && {
                let info = format!("/proc/{pid}/fdinfo/{}", fd.file_name().to_string_lossy());
                std::fs::read_to_string(info).is_ok_and(|text| for_writing(&text))
            }
        })
    }

    /// Whether an `fdinfo` text's `flags:` (octal) open the file for writing.
    fn for_writing(fdinfo: &str) -> bool {
        fdinfo
            .lines()
            .find_map(|line| line.strip_prefix("flags:"))
            .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
            .is_some_and(|flags| flags & ACCESS != 0)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn fdinfo_flags_tell_writers_from_readers() {
            assert!(for_writing("pos:\t0\nflags:\t0100001\nmnt_id:\t30\n"));
            assert!(for_writing("pos:\t0\nflags:\t02100002\n"));
            assert!(!for_writing("pos:\t0\nflags:\t0100000\n"));
        }
    }
}
