//! `postmortem actions sync [PATHS] --tracker github|jira|linear [--dry-run]`:
//! the tracker chosen, its credentials read from the environment, the plan
//! made and run, each event printed as it happens (or all as JSON).

use crate::cli::Failure;
use crate::output;
use postmortem::config::Config;
use postmortem::tracker::plan::Step;
use postmortem::tracker::sync::{Event, What};
use postmortem::tracker::{self, Kind, Secrets, SyncError, TrackerError, Trackers, plan};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum SyncFormat {
    /// A line per event.
    Text,
    /// A JSON array of events.
    Json,
}

#[derive(Debug, clap::Args)]
pub(super) struct SyncArgs {
    /// Files and folders [default: the configured `dir`, postmortems/].
    paths: Vec<PathBuf>,
    /// The tracker [default: the only one under `trackers:` in postmortem.yml].
    #[arg(long, value_enum)]
    tracker: Option<Kind>,
    /// Say what would be created and which statuses would change (states
    /// are read); create and write nothing.
    #[arg(long)]
    dry_run: bool,
    #[arg(long, value_enum, default_value_t = SyncFormat::Text)]
    format: SyncFormat,
    /// Where the site is published: issues link to the postmortem's page
    /// there instead of naming its path.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
}

pub(super) fn run(args: SyncArgs, config: &Config) -> Result<ExitCode, Failure> {
    let trackers = &config.settings.trackers;
    let kind = choose(args.tracker, trackers)?;
    let secrets = Secrets::from(|name| std::env::var(name).ok());
    let (mut client, unset) = match tracker::connect(kind, trackers, &secrets) {
        Ok(client) => (client, None),
        // A dry run sends nothing: it needs credentials only to read.
        Err(unset @ TrackerError::NoSecret { .. }) if args.dry_run => {
            let blank = Secrets::from(|_| Some("unset".to_string()));
            let client = tracker::connect(kind, trackers, &blank).map_err(SyncError::from)?;
            (client, Some(unset))
        }
        Err(failure) => return Err(SyncError::from(failure).into()),
    };
    let loaded = super::reports::load(&args.paths, config)?;
    let plans = plan::plan(&loaded, &|link| client.owns(link), args.base_url.as_deref());
    let reads = plans
        .iter()
        .flat_map(|p| &p.steps)
        .any(|s| matches!(s.step, Step::Check { .. }));
    if let Some(unset) = unset.filter(|_| reads) {
        return Err(SyncError::from(unset).into());
    }
    let json = args.format == SyncFormat::Json;
    let mut events = Vec::new();
    let result = tracker::sync::run(&plans, client.as_mut(), args.dry_run, &mut |event| {
        if !json {
            output::print(&format!("{}\n", line(&event)));
        }
        events.push(event);
    });
    if json {
        output::print(&format!("{}\n", to_json(&events)));
    } else if result.is_ok() {
        output::print(&summary(&events, args.dry_run));
    }
    result.map_err(Failure::from)?;
    let refused = events
        .iter()
        .any(|e| matches!(e.what, What::Rejected { .. } | What::Missing { .. }));
    Ok(ExitCode::from(u8::from(refused)))
}

/// `--tracker`, or the only configured one.
fn choose(chosen: Option<Kind>, trackers: &Trackers) -> Result<Kind, SyncError> {
    let configured: Vec<Kind> = [
        (Kind::Github, trackers.github.is_some()),
        (Kind::Jira, trackers.jira.is_some()),
        (Kind::Linear, trackers.linear.is_some()),
    ]
    .into_iter()
    .filter_map(|(kind, set)| set.then_some(kind))
    .collect();
    let source = match (chosen, configured.as_slice()) {
        (Some(kind), _) => return Ok(kind),
        (None, [only]) => return Ok(*only),
        (None, []) => TrackerError::NoneConfigured,
        (None, many) => TrackerError::Ambiguous {
            names: many.iter().map(|k| k.name()).collect::<Vec<_>>().join(", "),
        },
    };
    Err(source.into())
}

/// One event as a line.
fn line(event: &Event) -> String {
    let item = format!("{}: item {} \"{}\"", event.path, event.item, event.title);
    let key = event.key.as_deref().unwrap_or("the issue");
    match &event.what {
        What::Created { url } => format!("created {key} for {item} ({url})"),
        What::WouldCreate => format!("would create an issue for {item}"),
        What::Status { from, to, written } => {
            let verb = if *written { "set" } else { "would set" };
            format!(
                "{verb} {item} from {} to {}: {key} is closed",
                from.name(),
                to.name()
            )
        }
        What::StillOpen { status } => format!(
            "{item} is {} in the file but {key} is open; left as it is (close the issue, or reopen the item)",
            status.name()
        ),
        What::Rejected { message } => {
            format!("not created for {item}: {message}; nothing was written for it")
        }
        What::Missing { message } => format!(
            "cannot read {key} for {item}: {message}; the item was left as it is (fix or remove its `link`)"
        ),
    }
}

fn summary(events: &[Event], dry_run: bool) -> String {
    let count = |f: fn(&What) -> bool| events.iter().filter(|e| f(&e.what)).count();
    let created = count(|w| matches!(w, What::Created { .. } | What::WouldCreate));
    let status = count(|w| matches!(w, What::Status { .. }));
    let refused = count(|w| matches!(w, What::Rejected { .. }));
    let open = count(|w| matches!(w, What::StillOpen { .. }));
    let missing = count(|w| matches!(w, What::Missing { .. }));
    let would = if dry_run { "dry run: would have " } else { "" };
    let unread = match missing {
        0 => String::new(),
        1 => ", 1 linked issue not found".to_string(),
        n => format!(", {n} linked issues not found"),
    };
    format!(
        "{would}{created} created, {status} status changed, {open} finished in the file but open in the tracker, {refused} refused{unread}\n"
    )
}

fn to_json(events: &[Event]) -> String {
    let objects: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            let mut o = serde_json::json!({
                "postmortem": e.path, "item": e.item, "title": e.title, "key": e.key,
            });
            let (action, extra) = match &e.what {
                What::Created { url } => ("created", serde_json::json!({ "url": url })),
                What::WouldCreate => ("would-create", serde_json::json!({})),
                What::Status { from, to, written } => (
                    if *written {
                        "status"
                    } else {
                        "would-set-status"
                    },
                    serde_json::json!({"from": from.name(), "to": to.name()}),
                ),
                What::StillOpen { status } => {
                    ("still-open", serde_json::json!({"status": status.name()}))
                }
                What::Rejected { message } => ("refused", serde_json::json!({"message": message})),
                What::Missing { message } => ("not-found", serde_json::json!({"message": message})),
            };
            o["action"] = action.into();
            if let (Some(o), Some(extra)) = (o.as_object_mut(), extra.as_object()) {
                o.extend(extra.clone());
            }
            o
        })
        .collect();
    serde_json::to_string_pretty(&objects).unwrap_or_default()
}
