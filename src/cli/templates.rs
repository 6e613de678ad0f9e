//! `postmortem templates export DIR`: the built-in templates, to start
//! customizing (then `render --templates DIR` or `templates:` in
//! postmortem.yml); `postmortem templates context NAME [PATH]`: the context
//! a template is rendered with for a postmortem or a folder, as JSON.

use super::site::Flags;
use crate::cli::Failure;
use crate::output;
use postmortem::config::Config;
use postmortem::render::templates::{self, Templates};
use postmortem::render::{self, page};
use postmortem::site::{self, Site};
use postmortem::{Error, discover, lint};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Write the built-in templates into a folder.
    Export {
        /// The folder to write into (created if needed).
        dir: PathBuf,
        /// Replace files that are already there.
        #[arg(long)]
        force: bool,
    },
    /// Print the context a template is rendered with, as a JSON list (one per
    /// rendering), for the page or the site the same flags would build.
    Context {
        /// The template (`page.html`, `index.html`, `list.html`, `postmortem.md`, ...).
        name: String,
        /// A postmortem for its page's templates, a folder for the site's
        /// [default: the configured `dir`, postmortems/].
        path: Option<PathBuf>,
        #[command(flatten)]
        flags: Flags,
    },
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    let (dir, force) = match args.command {
        Command::Export { dir, force } => (dir, force),
        Command::Context { name, path, flags } => {
            let path = path.unwrap_or_else(|| config.settings.dir.clone());
            return context(&name, &path, &flags, config);
        }
    };
    let written = templates::export(&dir, force)?;
    let list: String = written
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    output::print(&list);
    Ok(ExitCode::SUCCESS)
}

/// `templates context`: renders `path` as a page or a site with recording
/// templates and prints what `name` was given.
fn context(name: &str, path: &Path, flags: &Flags, config: &Config) -> Result<ExitCode, Failure> {
    let folder = flags
        .templates
        .as_deref()
        .or(config.settings.templates.as_deref());
    let known = templates::names(folder)?;
    if !known.iter().any(|n| n == name) {
        return Err(unusable(
            name,
            format!(
                "there is no such template; the templates are: {}",
                known.join(", ")
            ),
        ));
    }
    let templates = Templates::load(folder)?.recording();
    render_for(path, &templates, flags, config)?;
    let recorded = templates.recorded();
    let contexts: Vec<&serde_json::Value> = recorded
        .iter()
        .filter(|(used, _)| used == name)
        .map(|(_, context)| context)
        .collect();
    if contexts.is_empty() {
        let mut used: Vec<&str> = recorded.iter().map(|(n, _)| n.as_str()).collect();
        used.sort_unstable();
        used.dedup();
        let hint = if name == "sitemap.xml" {
            " (the sitemap needs --base-url)"
        } else {
            ""
        };
        let reason = format!(
            "it is not rendered for {}{hint}; these are: {}",
            path.display(),
            used.join(", ")
        );
        return Err(unusable(name, reason));
    }
    let json = serde_json::to_string_pretty(&contexts).unwrap_or_default();
    output::print(&format!("{json}\n"));
    Ok(ExitCode::SUCCESS)
}

fn unusable(name: &str, reason: String) -> Failure {
    Error::Invalid {
        what: "template",
        value: name.to_string(),
        reason,
    }
    .into()
}

/// Renders the folder `path` as the site `flags` would build (with
/// `--include-drafts`, `--internal`, `--base-url` as given), or the
/// postmortem `path` as its Markdown and HTML pages, with `templates`.
fn render_for(
    path: &Path,
    templates: &Templates,
    flags: &Flags,
    config: &Config,
) -> Result<(), Failure> {
    let settings = &config.settings;
    let now = super::now(flags.now.as_deref())?;
    let lint = super::checked::options(now, settings);
    if path.is_dir() {
        let found = discover::discover(&[path.to_path_buf()]);
        let options = site::Options {
            lint,
            drafts: flags.include_drafts,
            public: !flags.internal,
        };
        let reads = found
            .files
            .iter()
            .map(|f| site::read(f, &options))
            .collect();
        let base_url = flags.base_url.as_deref();
        let shown = super::site::settings(&flags.title, base_url, flags.allow_html, settings);
        Site { reads }.build(templates, &shown, options.public, now.date_naive())?;
        return Ok(());
    }
    let bytes = discover::read(path)?;
    let (text, checked) = lint::check_bytes(&bytes, &lint);
    let document = checked.document.ok_or_else(|| Error::Edit {
        path: path.to_path_buf(),
        reason: "its front matter cannot be read; run `postmortem lint` on it".into(),
    })?;
    // One postmortem keeps its internal content, as `render FILE` does.
    let model = render::model_of_file(&document, &text, false, path);
    page::markdown(&model, templates, settings.front_matter, &settings.sections)?;
    let place = page::Place {
        lang: settings.lang.clone(),
        sections: settings.sections.clone(),
        ..page::Place::default()
    };
    page::html_at(&model, templates, flags.allow_html, &place)?;
    Ok(())
}
