//! `postmortem templates export DIR`: the built-in templates, to start
//! customizing (then `render --templates DIR` or `templates:` in
//! postmortem.yml); `postmortem templates context NAME [PATH]`: the context
//! a template is rendered with for a postmortem or a folder, as JSON.

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
    /// Print the context a template is rendered with, as a JSON list (one per rendering).
    Context {
        /// The template (`page.html`, `index.html`, `list.html`, `postmortem.md`, ...).
        name: String,
        /// A postmortem for its page's templates, a folder for the site's
        /// [default: the configured `dir`, postmortems/].
        path: Option<PathBuf>,
        /// The time to treat as now (see `lint --now`).
        #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
        now: Option<String>,
    },
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    let (dir, force) = match args.command {
        Command::Export { dir, force } => (dir, force),
        Command::Context { name, path, now } => {
            let path = path.unwrap_or_else(|| config.settings.dir.clone());
            let now = super::now(now.as_deref())?;
            return context(&name, &path, now, config);
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
fn context(
    name: &str,
    path: &Path,
    now: chrono::DateTime<chrono::Utc>,
    config: &Config,
) -> Result<ExitCode, Failure> {
    let templates = Templates::load(config.settings.templates.as_deref())?.recording();
    render_for(path, &templates, now, config)?;
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
        return Err(Error::Invalid {
            what: "template",
            value: name.to_string(),
            reason: format!(
                "it is not rendered for {}; these are: {}",
                path.display(),
                used.join(", ")
            ),
        }
        .into());
    }
    let json = serde_json::to_string_pretty(&contexts).unwrap_or_default();
    output::print(&format!("{json}\n"));
    Ok(ExitCode::SUCCESS)
}

/// Renders the folder `path` as a site (drafts included, internal), or the
/// postmortem `path` as its Markdown and HTML pages, with `templates`.
fn render_for(
    path: &Path,
    templates: &Templates,
    now: chrono::DateTime<chrono::Utc>,
    config: &Config,
) -> Result<(), Failure> {
    let settings = &config.settings;
    let lint = super::checked::options(now, settings);
    if path.is_dir() {
        let found = discover::discover(&[path.to_path_buf()]);
        let options = site::Options {
            lint,
            drafts: true,
            public: false,
        };
        let reads = found
            .files
            .iter()
            .map(|f| site::read(f, &options))
            .collect();
        let shown = super::site::settings("Incident postmortems", None, false, settings);
        Site { reads }.build(templates, &shown, false, now.date_naive())?;
        return Ok(());
    }
    let bytes = discover::read(path)?;
    let (text, checked) = lint::check_bytes(&bytes, &lint);
    let document = checked.document.ok_or_else(|| Error::Edit {
        path: path.to_path_buf(),
        reason: "its front matter cannot be read; run `postmortem lint` on it".into(),
    })?;
    let model = render::model_of_file(&document, &text, false, path);
    page::markdown(&model, templates, settings.front_matter, &settings.sections)?;
    let place = page::Place {
        lang: settings.lang.clone(),
        sections: settings.sections.clone(),
        ..page::Place::default()
    };
    page::html_at(&model, templates, false, &place)?;
    Ok(())
}
