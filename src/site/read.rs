//! One postmortem read for a site, under the one policy every site follows:
//! a file that says it is published is a page; a draft or review is a page
//! only when drafts are included, else left out; a file whose status
//! cannot be known (its front matter or its bytes cannot be read) might be
//! published, so it is a problem, as is a file with lint errors. Problems
//! stop a build on disk and are shown as pages of findings in a preview.

use super::Options;
use crate::collection::Loaded;
use crate::diagnostic::{Finding, Severity};
use crate::document::Status;
use crate::report::{self, FileReport, Format};
use crate::{discover, lint, render};
use std::path::{Path, PathBuf};

/// What became of one file.
#[derive(Clone, Debug)]
pub enum Read {
    /// A page of the site.
    Page(Box<Page>),
    /// Left out for its errors, or because it could not be read.
    Problems(Box<Problems>),
    /// A draft or review, left out.
    Unpublished,
}

/// A postmortem the site publishes.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its model, the page's context.
    pub model: render::Model,
    /// Its document, for the trends page.
    pub loaded: Loaded,
    /// Its text, which the warnings' spans point into.
    pub text: String,
    /// Its warnings (a page has no errors).
    pub findings: Vec<Finding>,
}

/// A postmortem left out of the site.
#[derive(Clone, Debug)]
pub struct Problems {
    /// The file.
    pub path: PathBuf,
    /// The path as shown.
    pub shown: String,
    /// Its text, which the findings' spans point into (empty when unreadable).
    pub text: String,
    /// Its findings, errors among them.
    pub findings: Vec<Finding>,
    /// Why it could not be read, when it could not.
    pub unreadable: Option<String>,
}

impl Problems {
    /// The name of the page that shows them in a preview.
    pub fn page_name(&self) -> String {
        format!("problems-{}.html", crate::slug::slug(&self.shown))
    }

    /// What the problems page says: the findings as `lint` shows them, or,
    /// in a public preview, where findings would quote internal content,
    /// the command that shows them.
    pub fn report(&self, public: bool) -> String {
        if public {
            return format!(
                "Findings are not shown in a public preview: they quote the file.\nRun `postmortem lint {}` to see them.",
                self.shown
            );
        }
        if let Some(why) = &self.unreadable {
            return format!("error: {why}\n");
        }
        let file = FileReport {
            path: &self.shown,
            text: &self.text,
            findings: &self.findings,
        };
        report::render(Format::Human, file, false)
    }
}

/// Reads, checks and models the postmortem at `path` for a site.
pub fn read(path: &Path, options: &Options) -> Read {
    let shown = report::display_path(path);
    let bytes = match discover::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            return Read::Problems(Box::new(Problems {
                path: path.to_path_buf(),
                shown,
                text: String::new(),
                findings: Vec::new(),
                unreadable: Some(error.to_string()),
            }));
        }
    };
    let (text, checked) = lint::check_bytes(&bytes, &options.lint);
    let published = checked
        .document
        .as_ref()
        .is_none_or(|d| d.status.value == Status::Published);
    if !published && !options.drafts {
        return Read::Unpublished;
    }
    let errors = checked
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    let text = text.into_owned();
    match checked.document {
        Some(document) if !errors => {
            let model = render::model_of_file(&document, &text, options.public, path);
            Read::Page(Box::new(Page {
                model,
                loaded: Loaded {
                    path: shown,
                    file: path.to_path_buf(),
                    document,
                },
                text,
                findings: checked.findings,
            }))
        }
        _ => Read::Problems(Box::new(Problems {
            path: path.to_path_buf(),
            shown,
            text,
            findings: checked.findings,
            unreadable: None,
        })),
    }
}
