//! Command-line arguments (clap), one module per subcommand. Each turns its
//! arguments into validated options before calling the library.

mod adopt;
mod destination;
mod ecosystem;
mod fixing;
mod import;
mod lint;
mod new;
mod render;
mod reports;
mod rules;
mod serve;
mod server;
mod settings;
mod site;
mod sync;
mod templates;
mod timeline;

mod checked;
mod failure;

pub(crate) use failure::Failure;

use clap::{Parser, Subcommand};
use postmortem::Error;
use postmortem::config::Config;
use std::process::ExitCode;

/// Check and render incident postmortems kept as Markdown with YAML front matter.
#[derive(Debug, Parser)]
#[command(name = "postmortem", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    /// The configuration file (default: the nearest postmortem.yml at or above the current folder).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// When to use colours (NO_COLOR is honoured under auto).
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum ColorArg {
    /// Colours when writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always colours.
    Always,
    /// Never colours.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check postmortems and report every problem with file:line:column.
    Lint(lint::Args),
    /// Render a postmortem to Markdown, HTML or JSON, or a folder to a static site.
    Render(render::Args),
    /// Build a static site (a page per postmortem, an index and a feed) from a folder of them.
    Site(site::Args),
    /// Start a new postmortem (asks for what the flags do not give, at a terminal).
    New(new::Args),
    /// Edit a postmortem's timeline.
    Timeline(timeline::Args),
    /// Start a draft from another tool's record of the incident, or merge it `--into` one.
    Import(import::Args),
    /// Turn Markdown postmortems written without the tool into this format.
    Adopt(adopt::Args),
    /// Preview the site: build it in memory, serve it on 127.0.0.1, rebuild and reload on save.
    Serve(serve::Args),
    /// List every rule with its default level.
    Rules,
    /// Explain a rule: what it catches, why it matters, a failing and a fixed example.
    Explain(rules::ExplainArgs),
    /// List action items across postmortems (`--overdue` exits 1 when any is overdue).
    Actions(reports::ActionsArgs),
    /// Time to detect, acknowledge, mitigate and resolve across postmortems.
    Stats(reports::StatsArgs),
    /// Print the configuration in force, with where each value came from.
    Config,
    /// Work with the rendering templates.
    Templates(templates::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(ecosystem::CompletionsArgs),
    /// Print the man page (roff).
    Man,
    /// Print a JSON Schema of the front matter, for editors and other tools.
    Schema,
    /// Run the language server on standard input and output, for editors.
    Server(server::Args),
}

/// Runs the chosen subcommand.
pub(crate) fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let choice = match cli.color {
        ColorArg::Auto => anstream::ColorChoice::Auto,
        ColorArg::Always => anstream::ColorChoice::Always,
        ColorArg::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    let config = || {
        let here = std::env::current_dir().map_err(|e| Error::read(".", e))?;
        Config::find(cli.config.as_deref(), &here)
    };
    match cli.command {
        Command::Lint(args) => lint::run(args, &config()?),
        Command::Render(args) => render::run(args, &config()?),
        Command::Site(args) => site::run(args, &config()?),
        Command::New(args) => new::run(args, &config()?),
        Command::Timeline(args) => timeline::run(args),
        Command::Import(args) => import::run(args, &config()?),
        Command::Adopt(args) => adopt::run(args, &config()?),
        Command::Serve(args) => serve::run(args, &config()?),
        Command::Rules => rules::list(),
        Command::Explain(args) => rules::explain(args),
        Command::Actions(args) => reports::actions(args, &config()?),
        Command::Stats(args) => reports::stats(args, &config()?),
        Command::Config => settings::show(&config()?),
        Command::Templates(args) => templates::run(args, &config()?),
        Command::Completions(args) => ecosystem::completions(args),
        Command::Man => ecosystem::man(),
        Command::Schema => ecosystem::schema(),
        Command::Server(args) => server::run(args),
    }
}

/// "Now" from `--now` / `POSTMORTEM_NOW`, or the clock.
fn now(value: Option<&str>) -> Result<chrono::DateTime<chrono::Utc>, Failure> {
    match value {
        None => Ok(chrono::Utc::now()),
        Some(text) => {
            postmortem::document::stamp::instant(text).map_err(|reason| Failure::InvalidNow {
                value: text.to_string(),
                reason,
            })
        }
    }
}

/// The bytes of a file, or of standard input for `-`.
fn read_input(path: &std::path::Path) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    if path.as_os_str() == "-" {
        let limit = postmortem::discover::MAX_FILE_BYTES;
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::read("<stdin>", e))?;
        if bytes.len() as u64 > limit {
            return Err(Error::TooLarge {
                path: "<stdin>".into(),
                size: bytes.len() as u64,
                limit,
            }
            .into());
        }
        return Ok(bytes);
    }
    Ok(postmortem::discover::read(path)?)
}
