//! Where a new document goes, for `new` and `import`: printed, or written
//! atomically into a folder without replacing an author's file.

use crate::cli::Failure;
use crate::output;
use postmortem::{Error, write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where a new document goes: shared by `new` and `import`.
#[derive(Debug, clap::Args)]
pub(super) struct Destination {
    /// The folder to create the file in [default: the configured `dir`, postmortems/].
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Print the document to standard output instead of writing a file.
    #[arg(long)]
    print: bool,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

/// Prints the document (`--print`) or writes it atomically into the folder,
/// refusing to replace a file without `--force`; prints the path written.
pub(super) fn deliver(
    destination: &Destination,
    default_dir: &Path,
    name: &str,
    text: &str,
) -> Result<ExitCode, Failure> {
    deliver_first(destination, default_dir, &[name], text, |_| true)
}

/// As [`deliver`], trying each name in turn while the file there exists and
/// is not `same` (another document that took the name first).
pub(super) fn deliver_first(
    destination: &Destination,
    default_dir: &Path,
    names: &[&str],
    text: &str,
    same: impl Fn(&Path) -> bool,
) -> Result<ExitCode, Failure> {
    let dir = destination.dir.as_deref().unwrap_or(default_dir);
    if destination.print {
        output::print(text);
        return Ok(ExitCode::SUCCESS);
    }
    let name = names
        .iter()
        .find(|name| {
            let path = dir.join(name);
            !path.exists() || same(&path)
        })
        .unwrap_or(&names[0]);
    let path = dir.join(name);
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    if destination.force {
        // Replacing what a person may have written since: said, never silent.
        if std::fs::read(&path).is_ok_and(|old| old != text.as_bytes()) {
            output::message(
                "warning",
                &format!(
                    "{} was replaced (--force); what it held, hand edits included, is gone",
                    path.display()
                ),
            );
        }
        write::replace(&path, text.as_bytes())?;
    } else {
        // Exclusive: of several runs racing for one name, exactly one wins.
        write::create_new(&path, text.as_bytes()).map_err(|error| match error {
            Error::Exists { path, .. } => Error::Exists {
                path,
                how: "pass --force to replace it, or write it into another folder with --dir",
            },
            other => other,
        })?;
    }
    output::print(&format!("{}\n", path.display()));
    Ok(ExitCode::SUCCESS)
}
