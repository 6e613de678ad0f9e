//! `postmortem import statuspage FILE.json [--incident ID]`.

use super::destination::{Destination, deliver};
use postmortem::Error;
use postmortem::author::{skeleton, statuspage};
use postmortem::config::Config;
use postmortem::document::argument;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    source: Source,
}

#[derive(Debug, clap::Subcommand)]
enum Source {
    /// A draft from an Atlassian Statuspage incident (single-incident JSON or incidents.json).
    Statuspage(StatuspageArgs),
}

#[derive(Debug, clap::Args)]
struct StatuspageArgs {
    /// The JSON file (`-` reads standard input).
    file: PathBuf,
    /// The incident to import from a file with several (default: the newest).
    #[arg(long, value_name = "ID")]
    incident: Option<String>,
    /// IANA zone to write the times in.
    #[arg(long, default_value = "UTC")]
    timezone: String,
    #[command(flatten)]
    destination: Destination,
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Error> {
    let Source::Statuspage(args) = args.source;
    let zone = argument::zone("--timezone", &args.timezone)?;
    let bytes = super::read_input(&args.file)?;
    let shown = if args.file.as_os_str() == "-" {
        PathBuf::from("<stdin>")
    } else {
        args.file.clone()
    };
    let failed = |reason: String| Error::Edit {
        path: shown.clone(),
        reason,
    };
    let json = std::str::from_utf8(&bytes)
        .map_err(|_| failed("cannot import: the file is not UTF-8".into()))?;
    let incident = statuspage::incidents(json)
        .and_then(|all| statuspage::pick(all, args.incident.as_deref()))
        .map_err(|source| Error::Import {
            path: shown.clone(),
            source,
        })?;
    let text = statuspage::draft(&incident, zone);
    let date = incident.created_at.with_timezone(&zone).date_naive();
    deliver(
        &args.destination,
        &config.settings.dir,
        &skeleton::file_name(date, &incident.name),
        &text,
    )
}
