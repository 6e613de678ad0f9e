//! `postmortem render DIR --out SITE`: a static site of the published
//! postmortems. Lint errors stop the build; the output folder is replaced
//! only once every page rendered.

use crate::output;
use postmortem::config::Config;
use postmortem::render::site::{self, SiteOptions};
use postmortem::render::templates::Templates;
use postmortem::report::{self, FileReport, Format};
use postmortem::{Error, diagnostic::Severity, discover, lint, render, write};
use std::path::Path;
use std::process::ExitCode;

/// What a site build needs from the command line.
pub struct Build<'a> {
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

pub fn build(build: Build<'_>, config: &Config) -> Result<ExitCode, Error> {
    write::site::check(build.out, build.source)?;
    let found = discover::discover(&[build.source.to_path_buf()]);
    if let Some(error) = found.errors.into_iter().next() {
        return Err(error);
    }
    let mut models = Vec::new();
    let mut failed = 0;
    for path in &found.files {
        let bytes = discover::read(path)?;
        let (text, checked) = lint::check_bytes(&bytes, &build.lint);
        let shown = report::display_path(path);
        output::print_diagnostics(&report::render(
            Format::Human,
            FileReport {
                path: &shown,
                text: &text,
                findings: &checked.findings,
            },
            true,
        ));
        if checked
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error)
        {
            failed += 1;
            continue;
        }
        let Some(document) = checked.document else {
            continue;
        };
        let published = document.status.value == postmortem::document::Status::Published;
        if published || build.include_drafts {
            models.push((
                render::model(&document, &text, !build.internal),
                document.zone,
            ));
        }
    }
    if failed > 0 {
        output::message(
            "error",
            &format!("{failed} postmortem(s) have errors; the site was not built"),
        );
        return Ok(ExitCode::from(1));
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
    };
    let files = site::build(&models, &templates, &options)?;
    write::site::publish(build.out, build.source, &files)?;
    output::print(&format!(
        "{} ({} postmortems)\n",
        build.out.display(),
        models.len()
    ));
    Ok(ExitCode::SUCCESS)
}

/// `SOURCE_DATE_EPOCH` as RFC 3339, for reproducible builds that want a stamp.
fn source_date_epoch() -> Option<String> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.parse().ok()?;
    let stamp = chrono::DateTime::from_timestamp(seconds, 0)?;
    Some(stamp.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}
