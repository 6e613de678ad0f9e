//! `postmortem render FILE --to markdown|html|json`.

use crate::cli::Failure;
use crate::output;
use postmortem::config::Config;
use postmortem::render::{self, page, templates::Templates};
use postmortem::report;
use postmortem::{Error, lint, write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The postmortem to render (`-` reads standard input), or a folder of
    /// them to build a site from (with --out).
    file: PathBuf,
    /// Build a static site of the folder's postmortems into this folder.
    #[arg(long, value_name = "SITE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    site: super::site::Flags,
    /// Output format [default: from the -o file's extension (.md, .html,
    /// .htm, .json), else json].
    #[arg(long, value_enum)]
    to: Option<To>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Leave out everything marked internal (the default for sites).
    #[arg(long, conflicts_with = "internal")]
    public: bool,
    /// Markdown: the front matter for a blog engine [default: postmortem.yml's
    /// `front_matter`, else plain: title, date, description and tags].
    #[arg(long, value_enum, value_name = "FLAVOUR")]
    front_matter: Option<page::FrontMatter>,
    /// Markdown: no front matter, a `#` title instead (`--front-matter none`).
    #[arg(long, conflicts_with = "front_matter")]
    no_front_matter: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum To {
    /// The normalized document: RFC 3339 times, resolved kinds, metrics in minutes.
    Json,
    /// CommonMark with GFM tables, for the repository or a blog engine.
    Markdown,
    /// One standalone HTML page.
    Html,
}

/// The format an output file's extension names; JSON otherwise.
fn inferred(output: Option<&std::path::Path>) -> To {
    let extension = output
        .and_then(std::path::Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("md" | "markdown") => To::Markdown,
        Some("html" | "htm") => To::Html,
        _ => To::Json,
    }
}

/// The page in the format `--to` names, or the one `-o`'s extension says.
fn rendered(model: &render::Model, args: &Args, config: &Config) -> Result<String, Failure> {
    let to = args.to.unwrap_or_else(|| inferred(args.output.as_deref()));
    if to == To::Json {
        return Ok(render::to_json(model));
    }
    let folder = args
        .site
        .templates
        .as_deref()
        .or(config.settings.templates.as_deref());
    let templates = Templates::load(folder)?;
    if to == To::Markdown {
        let flavour = if args.no_front_matter {
            page::FrontMatter::None
        } else {
            args.front_matter.unwrap_or(config.settings.front_matter)
        };
        Ok(page::markdown(
            model,
            &templates,
            flavour,
            &config.settings.sections,
        )?)
    } else {
        // The page a site would make of this file, standing alone.
        let place = page::Place {
            lang: config.settings.lang.clone(),
            sections: config.settings.sections.clone(),
            ..page::Place::default()
        };
        Ok(page::html_at(
            model,
            &templates,
            args.site.allow_html,
            &place,
        )?)
    }
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    let options = super::checked::options(super::now(args.site.now.as_deref())?, &config.settings);
    if let Some(out) = &args.out {
        if !args.file.is_dir() {
            return Err(Error::Invalid {
                what: "--out",
                value: out.display().to_string(),
                reason: format!(
                    "--out builds a site from a folder, and {} is not one; write one page with `-o {}`",
                    args.file.display(),
                    out.display()
                ),
            }.into());
        }
        return super::site::build_from(&args.file, out, &args.site, config);
    }
    if args.file.is_dir() {
        return Err(Error::Invalid {
            what: "FILE",
            value: args.file.display().to_string(),
            reason: format!(
                "it is a folder; build its site with `postmortem render {} --out SITE`, or name one postmortem",
                args.file.display()
            ),
        }
        .into());
    }
    let bytes = super::read_input(&args.file)?;
    let (text, checked) = lint::check_bytes(&bytes, &options);
    let shown = report::display_path(&args.file);
    let document =
        super::checked::check_or_refuse(&shown, &text, &checked.findings, checked.document);
    let Some(document) = document else {
        output::message(
            "error",
            &format!("{shown} has errors; fix them before rendering"),
        );
        return Ok(ExitCode::from(1));
    };
    let model = if args.file.as_os_str() == "-" {
        render::model(&document, &text, args.public)
    } else {
        render::model_of_file(&document, &text, args.public, &args.file)
    };
    let rendered = rendered(&model, &args, config)?;
    match &args.output {
        Some(path) => write::replace(path, rendered.as_bytes())?,
        None => output::print(&rendered),
    }
    Ok(ExitCode::SUCCESS)
}
