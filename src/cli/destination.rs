//! Where a new document goes, for `new` and `import`: printed, or written
//! atomically into a folder without replacing an author's file.

use crate::output;
use postmortem::{Error, write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where a new document goes: shared by `new` and `import`.
#[derive(Debug, clap::Args)]
pub struct Destination {
    /// The folder to create the file in.
    #[arg(long, default_value = "postmortems")]
    dir: PathBuf,
    /// Print the document to standard output instead of writing a file.
    #[arg(long)]
    print: bool,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

/// Prints the document (`--print`) or writes it atomically into the folder,
/// refusing to replace a file without `--force`; prints the path written.
pub fn deliver(destination: &Destination, name: &str, text: &str) -> Result<ExitCode, Error> {
    if destination.print {
        output::print(text);
        return Ok(ExitCode::SUCCESS);
    }
    let path = destination.dir.join(name);
    if path.exists() && !destination.force {
        return Err(Error::Exists { path });
    }
    std::fs::create_dir_all(&destination.dir).map_err(|e| Error::write(&destination.dir, &e))?;
    write::atomic(&path, text.as_bytes())?;
    output::print(&format!("{}\n", path.display()));
    Ok(ExitCode::SUCCESS)
}
