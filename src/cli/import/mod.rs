//! `postmortem import SOURCE ...`: a draft postmortem, or entries merged
//! `--into` an existing one, from Statuspage, PagerDuty, Opsgenie, Slack or
//! incident.io data saved to a file.

mod written;

use super::destination::Destination;
use crate::cli::Failure;
use crate::output;
use postmortem::Error;
use postmortem::author::import::{
    self, ImportError, incident_io, opsgenie, pagerduty, slack, statuspage,
};
use postmortem::config::Config;
use postmortem::document::argument;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use written::write_out;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    source: Source,
}

#[derive(Debug, clap::Subcommand)]
enum Source {
    /// An Atlassian Statuspage incident or maintenance (incidents.json, the REST API's list, or one incident).
    Statuspage(StatuspageArgs),
    /// A PagerDuty incident's log entries (GET /incidents/{id}/log_entries, or a v2 webhook).
    Pagerduty(PagerdutyArgs),
    /// An Opsgenie alert's logs or an incident's timeline.
    Opsgenie(OpsgenieArgs),
    /// A Slack channel from a workspace export (folder or .zip): pinned messages by default.
    Slack(SlackArgs),
    /// An incident.io incident (API v2) with its updates.
    #[command(name = "incident-io")]
    IncidentIo(IncidentIoArgs),
}

/// What every source takes.
#[derive(Debug, clap::Args)]
pub(super) struct Common {
    /// IANA zone to write the times in [default: postmortem.yml's `timezone`,
    /// else the source's own zone, else UTC].
    #[arg(long)]
    pub(super) timezone: Option<String>,
    /// Merge the entries into this postmortem instead of starting a new one
    /// (entries already there, by source id or same minute and kind, are skipped).
    #[arg(long, value_name = "FILE")]
    pub(super) into: Option<PathBuf>,
    /// The title of a new postmortem [default: the source's].
    #[arg(long)]
    pub(super) title: Option<String>,
    #[command(flatten)]
    pub(super) destination: Destination,
}

#[derive(Debug, clap::Args)]
struct StatuspageArgs {
    /// The JSON file (`-` reads standard input).
    file: PathBuf,
    /// The incident to import from a file with several (default: the newest).
    #[arg(long, value_name = "ID", conflicts_with = "all")]
    incident: Option<String>,
    /// Import every incident in the file, one postmortem each.
    #[arg(long, conflicts_with = "into")]
    all: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct PagerdutyArgs {
    /// The JSON file (`-` reads standard input).
    file: PathBuf,
    /// The incident, when the log holds several.
    #[arg(long, value_name = "ID")]
    incident: Option<String>,
    /// Keep the notification entries (who was paged, how).
    #[arg(long)]
    notifications: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct OpsgenieArgs {
    /// The JSON file (`-` reads standard input).
    file: PathBuf,
    /// The alert's or incident's id or tiny id, for the title and the entries' source.
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct SlackArgs {
    /// The export: its folder or the .zip Slack produced.
    export: PathBuf,
    /// The incident channel, with or without `#`.
    #[arg(long, value_name = "NAME")]
    channel: String,
    /// Every message, not only pinned ones and those with a :pushpin: reaction.
    #[arg(long)]
    all: bool,
    /// Leave out messages before this time (in the chosen zone).
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    /// Leave out messages after this time (in the chosen zone).
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct IncidentIoArgs {
    /// The incident's JSON (GET /v2/incidents/{id}; may also hold `incident_updates`).
    file: PathBuf,
    /// The incident's updates (GET /v2/incident_updates?incident_id=...).
    #[arg(long, value_name = "FILE")]
    updates: Option<PathBuf>,
    #[command(flatten)]
    common: Common,
}

impl Common {
    /// The zone the times are written in: `--timezone`, else
    /// postmortem.yml's, else the source's own, else UTC.
    fn zone(
        &self,
        config: &Config,
        source: Option<chrono_tz::Tz>,
    ) -> Result<chrono_tz::Tz, Failure> {
        match self
            .timezone
            .as_deref()
            .or(config.settings.timezone.as_deref())
        {
            Some(zone) => {
                if let Some(note) = argument::zone_note(zone) {
                    output::message("note", &note);
                }
                Ok(argument::zone("--timezone", zone)?)
            }
            None => Ok(source.unwrap_or(chrono_tz::Tz::UTC)),
        }
    }
}

pub(super) fn run(args: Args, config: &Config) -> Result<ExitCode, Failure> {
    match args.source {
        Source::Statuspage(args) => statuspage_run(args, config),
        Source::Pagerduty(args) => {
            let value = read_json(&args.file)?;
            let incident =
                pagerduty::incident(&value, args.incident.as_deref(), args.notifications)
                    .map_err(|source| failed(&args.file, source))?;
            write_out(incident, &args.file, &args.common, config)
        }
        Source::Opsgenie(args) => {
            let value = read_json(&args.file)?;
            let incident = opsgenie::incident(&value, args.id.as_deref())
                .map_err(|source| failed(&args.file, source))?;
            write_out(incident, &args.file, &args.common, config)
        }
        Source::Slack(args) => slack_run(args, config),
        Source::IncidentIo(args) => {
            let value = read_json(&args.file)?;
            let updates = args.updates.as_deref().map(read_json).transpose()?;
            let incident = incident_io::incident(&value, updates.as_ref())
                .map_err(|source| failed(&args.file, source))?;
            write_out(incident, &args.file, &args.common, config)
        }
    }
}

fn statuspage_run(args: StatuspageArgs, config: &Config) -> Result<ExitCode, Failure> {
    let value = read_json(&args.file)?;
    let page = statuspage::page(&value).map_err(|source| failed(&args.file, source))?;
    for (index, id, reason) in &page.damaged {
        let which = id.as_ref().map_or_else(
            || format!("incident {index}"),
            |id| format!("incident `{id}`"),
        );
        output::message(
            "warning",
            &format!(
                "{}: {which} was left out: {reason}",
                shown(&args.file).display()
            ),
        );
    }
    if !args.all {
        let incident = statuspage::pick(page, args.incident.as_deref())
            .map_err(|source| failed(&args.file, source))?;
        return write_out(incident, &args.file, &args.common, config);
    }
    if page.incidents.is_empty() {
        return Err(failed(
            &args.file,
            ImportError::Empty("the file lists no readable incident".into()),
        ));
    }
    let skipped = !page.damaged.is_empty();
    for incident in page.incidents {
        write_out(incident, &args.file, &args.common, config)?;
    }
    Ok(if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn slack_run(args: SlackArgs, config: &Config) -> Result<ExitCode, Failure> {
    let files = import::slack_export::read(&args.export, args.channel.trim_start_matches('#'))?;
    // A chat export has no zone of its own.
    let zone = args.common.zone(config, None)?;
    let now = chrono::Utc::now();
    let time = |flag: &str, text: &Option<String>| -> Result<_, Error> {
        text.as_deref()
            .map(|t| {
                argument::instant(t, zone, now).map_err(|reason| Error::Edit {
                    path: PathBuf::from(flag),
                    reason: format!("cannot read `{t}`: {reason}"),
                })
            })
            .transpose()
    };
    let selection = slack::Selection {
        all: args.all,
        since: time("--since", &args.since)?,
        until: time("--until", &args.until)?,
    };
    let incident = slack::incident(&files, &args.channel, &selection)
        .map_err(|source| failed(&args.export, source))?;
    if incident.skipped > 0 {
        output::message(
            "warning",
            &format!(
                "{}: left out {} whose `ts` is not a time Slack writes",
                args.export.display(),
                match incident.skipped {
                    1 => "1 message".to_string(),
                    n => format!("{n} messages"),
                }
            ),
        );
    }
    if incident.entries.is_empty() {
        output::message(
            "warning",
            &format!(
                "no messages in #{} were chosen; pin the ones that tell the story, or pass --all",
                args.channel.trim_start_matches('#')
            ),
        );
    }
    write_out(incident, &args.export, &args.common, config)
}

pub(super) fn shown(path: &Path) -> PathBuf {
    if path.as_os_str() == "-" {
        PathBuf::from("<stdin>")
    } else {
        path.to_path_buf()
    }
}

pub(super) fn failed(path: &Path, cause: ImportError) -> Failure {
    Failure::Import {
        path: shown(path),
        cause,
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value, Failure> {
    let bytes = super::read_input(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| Error::Edit {
        path: shown(path),
        reason: "cannot import: the file is not UTF-8".into(),
    })?;
    import::parse_json(text).map_err(|source| failed(path, source))
}
