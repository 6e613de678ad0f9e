//! The site output folder. A build owns only what it made: it writes a
//! marker file ([`MARKER`]) listing its files, and replaces an existing
//! folder only when that folder is empty or holds nothing but what the
//! marker lists. The new site is written into a staging folder beside the
//! old one and the two are exchanged in one step (`renameat2` with
//! `RENAME_EXCHANGE` on Linux), so there is never a moment without a site.
//! Elsewhere, or on a file system without the exchange, two renames do it
//! and a kill between them leaves the staging folder for the next run.

use super::{folder_of, resolve_link};
use crate::error::Error;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The marker every site build writes into its folder.
pub const MARKER: &str = ".postmortem-site";

/// The marker's first line; the file names follow, one per line.
const MARKER_HEADER: &str = "# written by postmortem; this folder is replaced on every build";

const WAY_OUT: &str =
    "choose a new or empty folder for --out (a build replaces only a folder it made)";

/// Refuses, before any work is done, an `out` a build may not replace.
pub fn check(out: &Path, source: &Path) -> Result<(), Error> {
    check_replaceable(out, &resolve_link(out)?, source).map(|_| ())
}

/// Writes `files` (name, content) as the site at `out`, replacing the site a
/// previous build made there. `source` is the folder of postmortems, which
/// the site may never replace. A symbolic link at `out` is kept and the site
/// built into its target.
pub fn publish(out: &Path, source: &Path, files: &[(String, String)]) -> Result<(), Error> {
    let real = resolve_link(out)?;
    let exists = check_replaceable(out, &real, source)?;
    let Some(name) = real.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Err(refused(out, "is not a folder a site can be written to"));
    };
    let parent = folder_of(&real);
    std::fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
    clean_leftovers(parent, &name);
    let me = std::process::id();
    let staging = parent.join(format!(
        ".{name}.postmortem-{me}-{}-{}",
        started(me).unwrap_or(0),
        unique_suffix()
    ));
    if let Err(error) = stage(&staging, &real, exists, files) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    let swapped = swap_in(&staging, &real, exists, out, source);
    // After an exchange the staging name holds the previous site; after a
    // failure, the new one. Either way it goes.
    let _ = std::fs::remove_dir_all(&staging);
    swapped
}

/// Puts `staging` at `real`: exchanged with the site there, or renamed when
/// there was none. Another build may create `real` first: then it is checked
/// like any existing folder and exchanged.
fn swap_in(
    staging: &Path,
    real: &Path,
    exists: bool,
    out: &Path,
    source: &Path,
) -> Result<(), Error> {
    if !exists {
        match std::fs::rename(staging, real) {
            Ok(()) => return Ok(()),
            Err(_) if real.is_dir() => {
                check_replaceable(out, real, source)?;
            }
            Err(e) => return Err(Error::write(out, e)),
        }
    }
    exchange(staging, real).map_err(|e| Error::write(out, e))
}

/// Whether `real` exists, after refusing what a build may not replace.
fn check_replaceable(out: &Path, real: &Path, source: &Path) -> Result<bool, Error> {
    let meta = match std::fs::metadata(real) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::read(out, e)),
    };
    if !meta.is_dir() {
        return Err(refused(out, "is a file, not a site folder"));
    }
    let full = real.canonicalize().map_err(|e| Error::read(out, e))?;
    if full.parent().is_none() {
        return Err(refused(out, "is the root folder"));
    }
    if std::env::current_dir().is_ok_and(|here| here.canonicalize().is_ok_and(|h| h == full)) {
        return Err(refused(out, "is the current folder"));
    }
    if source.canonicalize().is_ok_and(|s| s.starts_with(&full)) {
        return Err(refused(out, "holds the postmortems being published"));
    }
    let listed = read_marker(real);
    let entries = std::fs::read_dir(real).map_err(|e| Error::list(out, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::list(out, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let made = name == MARKER
            || listed
                .as_ref()
                .is_some_and(|l| made_here(l, &entry.path(), &name));
        if !made {
            let why = match listed {
                Some(_) => format!("holds `{name}`, which no site build made"),
                None => format!("is not a site folder made by postmortem (it holds `{name}`)"),
            };
            return Err(refused(out, &why));
        }
    }
    Ok(true)
}

/// Whether `path` (named `name` in the site) is what a build listed: a
/// file it named, or a folder (`services/`) holding only files it named.
fn made_here(listed: &HashSet<String>, path: &Path, name: &str) -> bool {
    if listed.contains(name) {
        return true;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return false;
    };
    let mut any = false;
    for entry in entries.flatten() {
        any = true;
        let inner = format!("{name}/{}", entry.file_name().to_string_lossy());
        if !made_here(listed, &entry.path(), &inner) {
            return false;
        }
    }
    any || listed.iter().any(|l| l.starts_with(&format!("{name}/")))
}

/// The names a previous build listed in its marker, if it left one.
fn read_marker(folder: &Path) -> Option<HashSet<String>> {
    let text = std::fs::read_to_string(folder.join(MARKER)).ok()?;
    let names = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    Some(names.map(str::to_string).collect())
}

fn refused(out: &Path, why: &str) -> Error {
    Error::SiteRefused {
        path: out.to_path_buf(),
        why: why.to_string(),
        way_out: WAY_OUT,
    }
}

/// Removes staging and old folders of `name` that a killed build left:
/// only those that are empty or carry the marker, so nothing else is touched.
fn clean_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.postmortem-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = entry.file_name().to_string_lossy().starts_with(&prefix);
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let left = ours && is_dir && !build_running(&entry.file_name().to_string_lossy(), &prefix);
        if left && (path.join(MARKER).is_file() || is_empty(&path)) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Whether the build that named its staging folder `name` (after `prefix`
/// come its process id and start time) is still running: then the folder is
/// its work, not a leftover. A process with the same id but another start
/// time took a killed build's id; where `/proc` is missing every such folder
/// counts as left.
fn build_running(name: &str, prefix: &str) -> bool {
    let mut parts = name.strip_prefix(prefix).unwrap_or("").split('-');
    let (Some(Ok(pid)), Some(Ok(start))) = (
        parts.next().map(str::parse::<u32>),
        parts.next().map(str::parse::<u64>),
    ) else {
        return false;
    };
    pid != std::process::id() && started(pid).is_some_and(|now| now == start)
}

/// When process `pid` started (clock ticks after boot, from
/// `/proc/PID/stat`), if it is running.
fn started(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: fields count from
    // the last `)`; the start time is field 22, the 20th after it.
    let fields = &stat[stat.rfind(')')? + 1..];
    fields.split_whitespace().nth(19)?.parse().ok()
}

fn is_empty(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_none())
}

/// The new site in `staging`: the marker first, so a killed build's folder
/// is recognisable, then every file; the folder gets the old site's mode.
fn stage(
    staging: &Path,
    real: &Path,
    exists: bool,
    files: &[(String, String)],
) -> Result<(), Error> {
    std::fs::create_dir(staging).map_err(|e| Error::write(staging, e))?;
    if exists && let Ok(meta) = std::fs::metadata(real) {
        std::fs::set_permissions(staging, meta.permissions())
            .map_err(|e| Error::write(staging, e))?;
    }
    let mut marker = format!("{MARKER_HEADER}\n");
    for (name, _) in files {
        marker.push_str(name);
        marker.push('\n');
    }
    write_new(&staging.join(MARKER), marker.as_bytes())?;
    for (name, content) in files {
        // Names are slugs (ASCII letters, digits, `-`) or fixed, at most one
        // folder deep (`services/api.html`): never `..` or absolute.
        let path = staging.join(name);
        if let Some(folder) = path.parent().filter(|p| *p != staging) {
            std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
        }
        write_new(&path, content.as_bytes())?;
    }
    Ok(())
}

fn write_new(path: &Path, content: &[u8]) -> Result<(), Error> {
    let file = std::fs::File::create_new(path).map_err(|e| Error::write(path, e))?;
    let mut writer = std::io::BufWriter::new(file);
    writer
        .write_all(content)
        .and_then(|()| writer.flush())
        .map_err(|e| Error::write(path, e))
}

fn unique_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Swaps the folders `a` and `b` in one step where the system can.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            exchange_in_two(a, b)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    exchange_in_two(a, b)
}

/// The fallback: `b` moves aside under a name the next build cleans up.
fn exchange_in_two(a: &Path, b: &Path) -> std::io::Result<()> {
    let mut aside = a.as_os_str().to_owned();
    aside.push("-old");
    let aside = PathBuf::from(aside);
    std::fs::rename(b, &aside)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&aside, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staging_folder_is_a_running_builds_only_while_that_process_lives() {
        let prefix = ".site.postmortem-";
        let Some(init) = started(1) else {
            return; // no /proc here
        };
        // Process 1 is running and started when it did: its folder is work.
        assert!(build_running(&format!("{prefix}1-{init}-7"), prefix));
        // The same id with another start time is a killed build's id reused.
        assert!(!build_running(&format!("{prefix}1-{}-7", init + 1), prefix));
        // Our own folders, and names of another shape, are never someone's work.
        let me = std::process::id();
        let mine = started(me).unwrap();
        assert!(!build_running(&format!("{prefix}{me}-{mine}-7"), prefix));
        assert!(!build_running(&format!("{prefix}x-y"), prefix));
    }
}
