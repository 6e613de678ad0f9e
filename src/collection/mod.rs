//! The postmortems of a folder taken as a whole: every action item with its
//! postmortem, and time-to-detect/acknowledge/mitigate/resolve statistics by
//! group. Loading is per file and keeps only the document.

pub mod actions;
pub mod stats;
pub mod table;
pub mod trends;

use crate::document::{self, Document};
use std::path::{Path, PathBuf};

/// One postmortem that could be read.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The path to show.
    pub path: String,
    /// The file it was read from.
    pub file: PathBuf,
    /// Its document.
    pub document: Document,
}

/// A file whose front matter could not be read (lint says why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
}

/// Reads `files`, keeping the documents and naming the files that could not be read.
pub fn load(files: &[PathBuf], shown: impl Fn(&Path) -> String) -> (Vec<Loaded>, Vec<Skipped>) {
    let mut loaded = Vec::new();
    let mut skipped = Vec::new();
    for path in files {
        let document = crate::discover::read(path)
            .ok()
            .and_then(|bytes| document::parse_bytes(&bytes).1.document);
        match document {
            Some(document) => loaded.push(Loaded {
                path: shown(path),
                file: path.clone(),
                document,
            }),
            None => skipped.push(Skipped { path: path.clone() }),
        }
    }
    (loaded, skipped)
}
