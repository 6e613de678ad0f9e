//! `postmortem site [DIR] --out SITE` (also `render DIR --out SITE`): a
//! static site of the published postmortems. Lint errors stop the build;
//! the output folder is replaced only once every page rendered.

use crate::cli::Failure;
use crate::output;
use postmortem::config::Config;
use postmortem::render::templates::Templates;
use postmortem::report::{self, FileReport, Format};
use postmortem::site::{self, Read, Site};
use postmortem::{discover, lint, write};
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
pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    let source = args.source.unwrap_or_else(|| config.settings.dir.clone());
    build_from(&source, &args.out, &args.flags, config)
}

/// Builds the site of `source` into `out` with `flags`.
pub(super) fn build_from(
    source: &Path,
    out: &Path,
    flags: &Flags,
    config: &Config,
) -> Result<ExitCode, Failure> {
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

pub(super) fn build_site(build: Build<'_>, config: &Config) -> Result<ExitCode, Failure> {
    write::site::check(build.out, build.source)?;
    let found = discover::discover(&[build.source.to_path_buf()]);
    if let Some(error) = found.errors.into_iter().next() {
        return Err(error.into());
    }
    let options = site::Options {
        lint: build.lint.clone(),
        drafts: build.include_drafts,
        public: !build.internal,
    };
    // Read, checked and modelled on every core; findings shown in path order.
    let reads = found
        .files
        .par_iter()
        .map(|path| site::read(path, &options))
        .collect();
    let site = Site { reads };
    show_findings(&site);
    if let Some(code) = refused(&site) {
        return Ok(code);
    }
    let skipped = site.unpublished();
    if skipped > 0 {
        let noun = if skipped == 1 { "draft" } else { "drafts" };
        output::message(
            "note",
            &format!("{skipped} unpublished {noun} skipped; --include-drafts adds them"),
        );
    }
    let folder = build.templates.or(config.settings.templates.as_deref());
    let templates = Templates::load(folder)?;
    let settings = settings(
        build.title,
        build.base_url,
        build.allow_html,
        &config.settings,
    );
    let today = build.lint.now.date_naive();
    let files = site.build(&templates, &settings, options.public, today)?;
    write::site::publish(build.out, build.source, &files)?;
    let count = match site.pages().count() {
        1 => "1 postmortem".to_string(),
        n => format!("{n} postmortems"),
    };
    output::print(&format!("{} ({count})\n", build.out.display()));
    Ok(ExitCode::SUCCESS)
}

/// What a site shows besides its postmortems, from the flags and the
/// configuration (`serve` makes its own the same way).
pub(super) fn settings(
    title: &str,
    base_url: Option<&str>,
    allow_html: bool,
    project: &postmortem::config::Settings,
) -> site::Settings {
    site::Settings {
        title: title.to_string(),
        base_url: base_url
            .map(|u| format!("{}/", u.trim_end_matches('/')))
            .unwrap_or_default(),
        allow_html,
        stamp: source_date_epoch(),
        lang: project.lang.clone(),
        sections: project.sections.clone(),
    }
}

/// Each file's findings on standard error, as `lint` shows them.
fn show_findings(site: &Site) {
    for read in &site.reads {
        match read {
            Read::Page(page) => {
                let file = FileReport {
                    path: &page.loaded.path,
                    text: &page.text,
                    findings: &page.findings,
                };
                output::print_diagnostics(&report::render(Format::Human, file, true));
            }
            Read::Problems(problems) => match &problems.unreadable {
                Some(why) => output::message("error", why),
                None => {
                    let file = FileReport {
                        path: &problems.shown,
                        text: &problems.text,
                        findings: &problems.findings,
                    };
                    output::print_diagnostics(&report::render(Format::Human, file, true));
                }
            },
            Read::Unpublished => {}
        }
    }
}

/// The exit code when problems stop the build: 1 for errors in
/// postmortems, 2 when a file could not be read.
fn refused(site: &Site) -> Option<ExitCode> {
    let failed = site.problems().count();
    if failed == 0 {
        return None;
    }
    let noun = if failed == 1 {
        "postmortem has"
    } else {
        "postmortems have"
    };
    let unreadable = site.problems().any(|p| p.unreadable.is_some());
    let what = if unreadable {
        "errors or could not be read"
    } else {
        "errors"
    };
    output::message(
        "error",
        &format!("{failed} {noun} {what}; the site was not built"),
    );
    Some(ExitCode::from(if unreadable { 2 } else { 1 }))
}

/// `SOURCE_DATE_EPOCH` as RFC 3339, for reproducible builds that want a stamp.
pub(super) fn source_date_epoch() -> Option<String> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.parse().ok()?;
    let stamp = chrono::DateTime::from_timestamp(seconds, 0)?;
    Some(stamp.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}
