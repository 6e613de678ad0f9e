//! Reading a Slack workspace export, a folder or the .zip Slack produces,
//! into the paths and texts `import slack` needs: the listings
//! (`channels.json`, `groups.json`, `users.json`) and one channel's days.

use postmortem::Error;
use postmortem::discover::MAX_FILE_BYTES;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

const LISTINGS: &[&str] = &["channels.json", "groups.json", "users.json"];

/// The export's listings and `channel`'s files, by path inside the export.
pub(super) fn read(export: &Path, channel: &str) -> Result<BTreeMap<String, String>, Error> {
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
    for name in LISTINGS {
        let path = export.join(name);
        if path.is_file() {
            files.insert((*name).to_string(), read_text(&path)?);
        }
    }
    let days = export.join(channel);
    let Ok(listing) = std::fs::read_dir(&days) else {
        return Ok(files);
    };
    for entry in listing.flatten() {
        let name = format!("{channel}/{}", entry.file_name().to_string_lossy());
        if wanted(&name) {
            files.insert(name, read_text(&entry.path())?);
        }
    }
    Ok(files)
}

fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
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
    let mut files = BTreeMap::new();
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
            .take(MAX_FILE_BYTES)
            .read_to_string(&mut text)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        files.insert(inner, text);
    }
    Ok(files)
}
