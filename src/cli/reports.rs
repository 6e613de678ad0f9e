//! `postmortem actions` and `postmortem stats`: reports across all postmortems.

use crate::cli::Failure;
use crate::output;
use postmortem::collection::{self, actions, stats, table};
use postmortem::config::Config;
use postmortem::{discover, report};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum TableFormat {
    /// Aligned columns.
    Table,
    /// A JSON array of objects.
    Json,
    /// CSV with a header line.
    Csv,
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(super) struct ActionsArgs {
    #[command(subcommand)]
    command: Option<ActionsCommand>,
    /// Files and folders [default: the configured `dir`, postmortems/].
    paths: Vec<PathBuf>,
    /// Only open and in-progress items.
    #[arg(long)]
    open: bool,
    /// Only items past their due date; exit 1 when there are any.
    #[arg(long)]
    overdue: bool,
    /// Only items of this owner.
    #[arg(long, value_name = "OWNER")]
    owner: Option<String>,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
    /// Print the table at full width, not fitted to the terminal (80
    /// columns when standard output is not a terminal).
    #[arg(long)]
    wide: bool,
    /// The time to treat as now (see `lint --now`).
    #[arg(long, env = "POSTMORTEM_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
enum ActionsCommand {
    /// Create an issue in the tracker for each open item without a link,
    /// write its address into the item's `link`, and bring closed issues'
    /// status home.
    Sync(super::sync::SyncArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct StatsArgs {
    /// Files and folders [default: the configured `dir`, postmortems/].
    paths: Vec<PathBuf>,
    /// Only incidents whose impact started on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<chrono::NaiveDate>,
    /// Group by this instead of one group for all.
    #[arg(long, value_enum)]
    by: Option<stats::By>,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
    /// Print the table at full width, not fitted to the terminal (80
    /// columns when standard output is not a terminal).
    #[arg(long)]
    wide: bool,
}

pub(super) fn load(paths: &[PathBuf], config: &Config) -> Result<Vec<collection::Loaded>, Failure> {
    let default = [config.settings.dir.clone()];
    let found = discover::discover(if paths.is_empty() { &default } else { paths });
    if let Some(error) = found.errors.into_iter().next() {
        return Err(error.into());
    }
    let root = std::env::current_dir()
        .ok()
        .and_then(|dir| discover::Shown::new(&dir));
    let (loaded, skipped) = collection::load(&found.files, |p| {
        report::display_path(&root.as_ref().map_or_else(|| p.to_path_buf(), |r| r.path(p)))
    });
    for skipped in skipped {
        let path = skipped.path.display();
        output::message(
            "warning",
            &format!(
                "{path} skipped: its front matter cannot be read (run `postmortem lint {path}`)"
            ),
        );
    }
    Ok(loaded)
}

/// What to print: the table for people, or the machine formats with the
/// field names (unchanged by the terminal's width).
fn emit(
    format: TableFormat,
    readable: impl FnOnce() -> String,
    table: table::Table,
    objects: Vec<serde_json::Map<String, serde_json::Value>>,
) {
    output::print(&match format {
        TableFormat::Table => readable(),
        TableFormat::Json => table::json(objects),
        TableFormat::Csv => table.csv(),
    });
}

/// The width tables fit: `--wide` none, else `COLUMNS`, the terminal's
/// width, or 80 when standard output is not a terminal.
fn width(wide: bool) -> usize {
    if wide {
        return usize::MAX;
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    columns.or_else(output::terminal_width).unwrap_or(80)
}

pub(super) fn actions(args: ActionsArgs, config: &Config) -> Result<ExitCode, Failure> {
    if let Some(ActionsCommand::Sync(sync)) = args.command {
        return super::sync::run(sync, config);
    }
    let now = super::now(args.now.as_deref())?;
    let filter = actions::Filter {
        open: args.open,
        overdue: args.overdue,
        owner: args.owner,
    };
    let rows = actions::rows(&load(&args.paths, config)?, &filter, now);
    let width = width(args.wide);
    let readable = || {
        actions::readable(&rows).fitted_or_stacked(
            width,
            &actions::SHRINK,
            actions::TITLE,
            actions::TITLE_LEAST,
        )
    };
    emit(
        args.format,
        readable,
        actions::table(&rows),
        actions::objects(&rows),
    );
    let nag = args.overdue && rows.iter().any(|r| r.overdue);
    Ok(if nag {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub(super) fn stats(args: StatsArgs, config: &Config) -> Result<ExitCode, Failure> {
    let by = args.by.unwrap_or(stats::By::All);
    let groups = stats::groups(&load(&args.paths, config)?, by, args.since);
    let width = width(args.wide);
    let readable = || {
        let tables = stats::readable(&groups, width);
        tables
            .iter()
            .map(table::Table::aligned)
            .collect::<Vec<_>>()
            .join("\n")
    };
    emit(
        args.format,
        readable,
        stats::table(&groups),
        stats::objects(&groups),
    );
    Ok(ExitCode::SUCCESS)
}
