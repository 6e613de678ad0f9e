//! Where an import goes: a new draft in the postmortems folder (named by
//! date and title, the incident's id added when another incident took that
//! name), or its entries merged `--into` an existing postmortem.

use super::Common;
use crate::cli::Failure;
use crate::cli::destination::deliver_first;
use crate::output;
use postmortem::author::import::{self, Incident};
use postmortem::author::skeleton;
use postmortem::config::Config;
use postmortem::write;
use std::path::Path;
use std::process::ExitCode;

/// A new draft in the destination, or the entries merged `--into` a file.
pub(super) fn write_out(
    mut incident: Incident,
    source: &Path,
    common: &Common,
    config: &Config,
) -> Result<ExitCode, Failure> {
    if let Some(title) = &common.title {
        incident.title.clone_from(title);
    }
    if let Some(path) = &common.into {
        return merge(&incident, path);
    }
    let zone = common.zone(config, incident.zone)?;
    let text = import::draft(&incident, zone, &config.settings.sections)
        .map_err(|e| super::failed(source, import::ImportError::Unwritable(e.to_string())))?;
    let date = incident.timeline().first().map_or_else(
        || chrono::Utc::now().with_timezone(&zone).date_naive(),
        |e| e.at.with_timezone(&zone).date_naive(),
    );
    let name = skeleton::file_name(date, &incident.title);
    let other = format!(
        "{}-{}.md",
        name.trim_end_matches(".md"),
        short(&incident.id)
    );
    // Two incidents of one day and title: the second takes its id in its
    // name; the same incident again is refused as the file it already made.
    let mine = |path: &Path| {
        std::fs::read_to_string(path)
            .is_ok_and(|t| !incident.id.is_empty() && t.contains(&incident.id))
    };
    deliver_first(
        &common.destination,
        &config.settings.dir,
        &[&name, &other],
        &text,
        mine,
    )
}

fn merge(incident: &Incident, path: &Path) -> Result<ExitCode, Failure> {
    let now = chrono::Utc::now();
    let mut report = None;
    write::edit::<Failure>(path, |text| {
        let merged = import::into(text, incident, now).map_err(|cause| Failure::Timeline {
            path: path.to_path_buf(),
            cause,
        })?;
        let text = merged.text.clone();
        report = Some(merged);
        Ok(text)
    })?;
    if let Some(merged) = report {
        let mut line = format!(
            "{}: {} added, {} already there",
            path.display(),
            plural(merged.added, "entry", "entries"),
            merged.present
        );
        if merged.demoted > 0 {
            line.push_str(&format!(
                ", {} added as notes (the file has those milestones at other times)",
                merged.demoted
            ));
        }
        output::print(&format!("{line}\n"));
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn short(id: &str) -> String {
    postmortem::slug::slug(id).chars().take(12).collect()
}
