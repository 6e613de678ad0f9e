//! `postmortem site [DIR] --out SITE` (also `render DIR --out SITE`): a
//! static site of the published postmortems. Lint errors stop the build;
//! the output folder is replaced only once every page rendered.

use crate::output;
use postmortem::config::Config;
use postmortem::render::site::{self, SiteOptions};
use postmortem::render::templates::Templates;
use postmortem::report;
use postmortem::{Error, discover, lint, render, write};
use rayon::prelude::*;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The folder of postmortems [default: the configured `dir`, postmortems/].
    source: Option<std::path::PathBuf>,
    /// The folder to build the site into (replaced only if this tool made it).
    #[arg(long, value_name = "SITE")]
    out: std::path::PathBuf,
    #[command(flatten)]
    flags: Flags,
}

/// The options of a site build, shared by `site` and `render DIR --out`
/// (where `internal`, `allow_html`, `templates` and `now` serve one page too).
#[derive(Debug, clap::Args)]
pub(super) struct Flags {
    /// Site: include drafts and reviews, for an internal preview.
    #[arg(long)]
    pub include_drafts: bool,
    /// Keep internal content (the default for one file; for a site, an internal preview).
    #[arg(long)]
    pub internal: bool,
    /// HTML: pass raw HTML in the body through (sanitized) instead of showing it as text.
    #[arg(long)]
    pub allow_html: bool,
    /// Site: absolute base URL for links in the feed (http or https).
    #[arg(long, value_name = "URL", value_parser = web_url)]
    pub base_url: Option<String>,
    /// Site: the index page's title.
    #[arg(long, default_value = "Incident postmortems")]
    pub title: String,
    /// A folder of templates replacing built-ins of the same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<std::path::PathBuf>,
    /// The time to treat as now (see `lint --now`).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    pub now: Option<String>,
}

/// `--base-url`: an http or https URL, never `javascript:`, `file:` or
/// `data:`, which the feed and pages would carry into readers' links.
fn web_url(value: &str) -> Result<String, String> {
    let scheme = value.split_once("://").map(|(scheme, _)| scheme);
    let host = value.split_once("://").map_or("", |(_, rest)| rest);
    let web =
        scheme.is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"));
    if web && !host.is_empty() && !host.starts_with('/') && !value.chars().any(char::is_control) {
        Ok(value.to_string())
    } else {
        Err("give an http:// or https:// URL, such as https://example.com/postmortems".to_string())
    }
}

/// `postmortem site`.
pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Error> {
    let source = args.source.unwrap_or_else(|| config.settings.dir.clone());
    build_from(&source, &args.out, &args.flags, config)
}

/// Builds the site of `source` into `out` with `flags`.
pub(super) fn build_from(
    source: &Path,
    out: &Path,
    flags: &Flags,
    config: &Config,
) -> Result<ExitCode, Error> {
    let build = Build {
        source,
        out,
        include_drafts: flags.include_drafts,
        internal: flags.internal,
        allow_html: flags.allow_html,
        base_url: flags.base_url.as_deref(),
        title: &flags.title,
        templates: flags.templates.as_deref(),
        lint: super::checked::options(super::now(flags.now.as_deref())?, &config.settings),
    };
    build_site(build, config)
}

/// What a site build needs from the command line.
pub(super) struct Build<'a> {
    pub source: &'a Path,
    pub out: &'a Path,
    pub include_drafts: bool,
    pub internal: bool,
    pub allow_html: bool,
    pub base_url: Option<&'a str>,
    pub title: &'a str,
    pub templates: Option<&'a Path>,
    pub lint: lint::Options,
}

pub(super) fn build_site(build: Build<'_>, config: &Config) -> Result<ExitCode, Error> {
    write::site::check(build.out, build.source)?;
    let found = discover::discover(&[build.source.to_path_buf()]);
    if let Some(error) = found.errors.into_iter().next() {
        return Err(error);
    }
    let Models {
        models,
        documents,
        failed,
        skipped,
    } = models(&found.files, &build)?;
    if failed > 0 {
        let noun = if failed == 1 {
            "postmortem has"
        } else {
            "postmortems have"
        };
        output::message(
            "error",
            &format!("{failed} {noun} errors; the site was not built"),
        );
        return Ok(ExitCode::from(1));
    }
    if skipped > 0 {
        let noun = if skipped == 1 { "draft" } else { "drafts" };
        output::message(
            "note",
            &format!("{skipped} unpublished {noun} skipped; --include-drafts adds them"),
        );
    }
    let folder = build.templates.or(config.settings.templates.as_deref());
    let templates = Templates::load(folder)?;
    let options = SiteOptions {
        title: build.title.to_string(),
        base_url: build
            .base_url
            .map(|u| format!("{}/", u.trim_end_matches('/')))
            .unwrap_or_default(),
        allow_html: build.allow_html,
        stamp: source_date_epoch(),
        problems: Vec::new(),
        trends: postmortem::collection::trends::trends(&documents, build.lint.now.date_naive()),
        lang: config.settings.lang.clone(),
        sections: config.settings.sections.clone(),
    };
    let files = site::build(&models, &templates, &options)?;
    write::site::publish(build.out, build.source, &files)?;
    let count = match models.len() {
        1 => "1 postmortem".to_string(),
        n => format!("{n} postmortems"),
    };
    output::print(&format!("{} ({count})\n", build.out.display()));
    Ok(ExitCode::SUCCESS)
}

/// The models of the postmortems to publish, and how many were refused
/// (errors) or left out (unpublished).
struct Models {
    models: Vec<render::Model>,
    /// Their documents, for the trends page.
    documents: Vec<postmortem::collection::Loaded>,
    failed: usize,
    skipped: usize,
}

fn models(files: &[std::path::PathBuf], build: &Build<'_>) -> Result<Models, Error> {
    let mut out = Models {
        models: Vec::new(),
        documents: Vec::new(),
        failed: 0,
        skipped: 0,
    };
    // Read, checked and modelled on every core; diagnostics shown in path
    // order afterwards.
    let read: Vec<Result<Option<Read>, Error>> =
        files.par_iter().map(|path| read_one(path, build)).collect();
    for (path, read) in files.iter().zip(read) {
        let Some(read) = read? else {
            out.skipped += 1;
            continue;
        };
        let shown = report::display_path(path);
        let checked = read.checked;
        let document = super::checked::check_or_refuse(
            &shown,
            &read.text,
            &checked.findings,
            checked.document,
        );
        match (document, read.model) {
            (Some(document), Some(model)) => {
                out.models.push(model);
                out.documents.push(postmortem::collection::Loaded {
                    path: shown,
                    file: path.clone(),
                    document,
                });
            }
            _ => out.failed += 1,
        }
    }
    Ok(out)
}

/// One postmortem, checked, with its model when it has a document.
struct Read {
    text: String,
    checked: lint::Checked,
    model: Option<render::Model>,
}

/// `None` for a postmortem that will not be published.
fn read_one(path: &Path, build: &Build<'_>) -> Result<Option<Read>, Error> {
    let bytes = discover::read(path)?;
    let (text, checked) = lint::check_bytes(&bytes, &build.lint);
    // A postmortem that will not be published cannot stop the site; one
    // whose front matter cannot be read might be published, so it does.
    let published = checked
        .document
        .as_ref()
        .is_none_or(|d| d.status.value == postmortem::document::Status::Published);
    if !published && !build.include_drafts {
        return Ok(None);
    }
    let model = checked
        .document
        .as_ref()
        .map(|document| render::model_of_file(document, &text, !build.internal, path));
    Ok(Some(Read {
        text: text.into_owned(),
        checked,
        model,
    }))
}

/// `SOURCE_DATE_EPOCH` as RFC 3339, for reproducible builds that want a stamp.
fn source_date_epoch() -> Option<String> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.parse().ok()?;
    let stamp = chrono::DateTime::from_timestamp(seconds, 0)?;
    Some(stamp.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}
