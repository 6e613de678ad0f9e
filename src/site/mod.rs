//! A folder of postmortems as a site, one way for every command that makes
//! one: `site` and `render DIR --out` write it to disk, `serve` keeps it in
//! memory. Each file is read once by [`read`], under one policy (what is
//! published, what has errors, what could not be read); a [`Site`] holds
//! what was read, in path order, and [`Site::build`] makes every file of
//! the site from it. What differs between the two uses is what becomes of
//! problems: a build on disk refuses them, a preview shows their findings
//! in place of their pages ([`Problems::report`]).

mod read;

pub use read::{Page, Problems, Read, read};

use crate::collection::trends;
use crate::error::Error;
use crate::lint;
use crate::render::site::{self as pages, SiteOptions};
use crate::render::templates::Templates;
use chrono::NaiveDate;

/// How the files of a folder are read into a site.
#[derive(Clone, Debug)]
pub struct Options {
    /// Lint options ("now" and the project's settings).
    pub lint: lint::Options,
    /// Include drafts and reviews, for an internal preview.
    pub drafts: bool,
    /// The public version: internal content left out, findings (which
    /// quote the file) not shown on problem pages.
    pub public: bool,
}

/// The postmortems of a folder, as read: each file's [`Read`], in path order.
#[derive(Clone, Debug, Default)]
pub struct Site {
    /// One per file.
    pub reads: Vec<Read>,
}

/// What a site shows besides its postmortems: title, base URL, language.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The index's title.
    pub title: String,
    /// Absolute base URL for the feed's links, ending in `/` (or empty).
    pub base_url: String,
    /// Pass raw HTML in bodies through (sanitized).
    pub allow_html: bool,
    /// The feed's `updated` when the build is stamped (`SOURCE_DATE_EPOCH`).
    pub stamp: Option<String>,
    /// The pages' language (`lang`).
    pub lang: String,
    /// The headings the project accepts for each section (`sections`).
    pub sections: Vec<(String, Vec<String>)>,
}

impl Site {
    /// The postmortems the site publishes.
    pub fn pages(&self) -> impl Iterator<Item = &Page> {
        self.reads.iter().filter_map(|read| match read {
            Read::Page(page) => Some(page.as_ref()),
            _ => None,
        })
    }

    /// The postmortems left out for their errors or because they could not be read.
    pub fn problems(&self) -> impl Iterator<Item = &Problems> {
        self.reads.iter().filter_map(|read| match read {
            Read::Problems(problems) => Some(problems.as_ref()),
            _ => None,
        })
    }

    /// How many files were left out as unpublished.
    pub fn unpublished(&self) -> usize {
        self.reads
            .iter()
            .filter(|read| matches!(read, Read::Unpublished))
            .count()
    }

    /// Every file of the site as (name, content): a page per postmortem,
    /// the index, feed, lists, trends (as of `today`) and, for each
    /// problem, a page of its findings (`problems-NAME.html`) listed on
    /// the index.
    ///
    /// # Errors
    /// When a template fails.
    pub fn build(
        &self,
        templates: &Templates,
        settings: &Settings,
        public: bool,
        today: NaiveDate,
    ) -> Result<Vec<(String, String)>, Error> {
        let mut problem_pages = Vec::new();
        let mut listed = Vec::new();
        for problems in self.problems() {
            let name = problems.page_name();
            let report = problems.report(public);
            let html = pages::problems_page(templates, &problems.shown, &report)?;
            listed.push((problems.shown.clone(), name.clone()));
            problem_pages.push((name, html));
        }
        let documents: Vec<_> = self.pages().map(|page| &page.loaded).collect();
        let options = SiteOptions {
            title: settings.title.clone(),
            base_url: settings.base_url.clone(),
            allow_html: settings.allow_html,
            stamp: settings.stamp.clone(),
            problems: listed,
            trends: trends::trends(&documents, today),
            lang: settings.lang.clone(),
            sections: settings.sections.clone(),
        };
        let models: Vec<_> = self.pages().map(|page| &page.model).collect();
        let mut files = pages::build(&models, templates, &options)?;
        files.extend(problem_pages);
        Ok(files)
    }
}
