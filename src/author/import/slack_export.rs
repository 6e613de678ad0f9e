//! Reading a Slack workspace export, a folder or the .zip Slack produces,
//! into the paths and texts `import slack` needs: the listings
//! (`channels.json`, `groups.json`, `users.json`) and one channel's days.
//! A hostile export cannot exhaust memory or hang the import: only regular
//! files are read (no links out, FIFOs or devices), each and all of them
//! within a size cap, and a zip's members are capped in count and size.

use crate::Error;
use crate::discover::MAX_FILE_BYTES;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

const LISTINGS: &[&str] = &["channels.json", "groups.json", "users.json"];
/// The most one file of the export may hold.
const FILE_CAP: u64 = MAX_FILE_BYTES;
/// The most all the files read may hold together.
const TOTAL_CAP: u64 = 256 << 20;
/// The most members a zip may list.
const MEMBERS_CAP: usize = 200_000;

/// The export's listings and `channel`'s files, by path inside the export.
///
/// # Errors
/// When `channel` is not a channel's name, a file cannot be read, is not
/// UTF-8 or is too large, or the zip is damaged or too large.
pub fn read(export: &Path, channel: &str) -> Result<BTreeMap<String, String>, Error> {
    let named = !channel.is_empty()
        && channel
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && channel != "."
        && channel != "..";
    if !named {
        return Err(Error::Invalid {
            what: "--channel",
            value: channel.to_string(),
            reason: "a channel's name, such as `inc-checkout` (letters, digits, `-` and `_`)"
                .into(),
        });
    }
    let wanted = |name: &str| {
        LISTINGS.contains(&name)
            || name
                .strip_prefix(channel)
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(|day| day.ends_with(".json") && !day.contains('/'))
    };
    if export.is_dir() {
        return read_folder(export, channel, &wanted);
    }
    read_zip(export, &wanted)
}

fn read_folder(
    export: &Path,
    channel: &str,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<BTreeMap<String, String>, Error> {
    let mut files = BTreeMap::new();
    let mut total = 0;
    for name in LISTINGS {
        let path = export.join(name);
        if is_regular(&path) {
            files.insert((*name).to_string(), read_text(&path, &mut total)?);
        }
    }
    let days = export.join(channel);
    if !std::fs::symlink_metadata(&days).is_ok_and(|m| m.is_dir()) {
        return Ok(files);
    }
    let Ok(listing) = std::fs::read_dir(&days) else {
        return Ok(files);
    };
    for entry in listing.flatten() {
        let name = format!("{channel}/{}", entry.file_name().to_string_lossy());
        if wanted(&name) && is_regular(&entry.path()) {
            files.insert(name, read_text(&entry.path(), &mut total)?);
        }
    }
    Ok(files)
}

/// A regular file itself: not a link (out of the export), a FIFO (which
/// would hang the read) or a device (`/dev/zero` never ends).
fn is_regular(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// The file's text, within [`FILE_CAP`] and, with what was read before
/// (`total`), within [`TOTAL_CAP`].
fn read_text(path: &Path, total: &mut u64) -> Result<String, Error> {
    let too_large = |size: u64| Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: FILE_CAP.min(TOTAL_CAP),
    };
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
    let mut bytes = Vec::new();
    file.take(FILE_CAP + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(path, e))?;
    let size = bytes.len() as u64;
    *total += size;
    if size > FILE_CAP || *total > TOTAL_CAP {
        return Err(too_large(size));
    }
    String::from_utf8(bytes).map_err(|_| Error::Edit {
        path: path.to_path_buf(),
        reason: "cannot import: the file is not UTF-8".into(),
    })
}

fn read_zip(
    export: &Path,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<BTreeMap<String, String>, Error> {
    let bad = |reason: String| Error::Edit {
        path: export.to_path_buf(),
        reason: format!(
            "cannot read the Slack export: {reason}; give the export's folder or its .zip"
        ),
    };
    let file = std::fs::File::open(export).map_err(|e| Error::read(export, e))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| bad(e.to_string()))?;
    if archive.len() > MEMBERS_CAP {
        return Err(bad(format!(
            "it lists {} files, more than an export has ({MEMBERS_CAP})",
            archive.len()
        )));
    }
    let mut files = BTreeMap::new();
    let mut total = 0;
    for index in 0..archive.len() {
        let mut member = archive.by_index(index).map_err(|e| bad(e.to_string()))?;
        // Exports made by hand are often zipped with their folder around them.
        let name = member.name().map_err(|e| bad(e.to_string()))?.to_string();
        let inner =
            name.split_once('/').map_or(
                name.as_str(),
                |(_, rest)| {
                    if wanted(rest) { rest } else { &name }
                },
            );
        if !member.is_file() || !wanted(inner) {
            continue;
        }
        let inner = inner.to_string();
        let mut text = String::new();
        member
            .by_ref()
            .take(FILE_CAP + 1)
            .read_to_string(&mut text)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        total += text.len() as u64;
        if text.len() as u64 > FILE_CAP || total > TOTAL_CAP {
            return Err(bad(format!(
                "{name} unpacks to more than an export's files hold ({} MiB at most)",
                TOTAL_CAP >> 20
            )));
        }
        files.insert(inner, text);
    }
    Ok(files)
}
