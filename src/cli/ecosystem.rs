//! `postmortem completions SHELL`, `postmortem man` and `postmortem schema`:
//! what shells, `man` and editors need from the tool.

use crate::cli::Failure;
use crate::output;
use clap::CommandFactory;
use postmortem::Error;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct CompletionsArgs {
    /// The shell to complete for.
    shell: clap_complete::Shell,
}

pub(super) fn completions(args: CompletionsArgs) -> Result<ExitCode, Failure> {
    let mut command = super::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "postmortem", &mut script);
    output::print(&String::from_utf8_lossy(&script));
    Ok(ExitCode::SUCCESS)
}

pub(super) fn man() -> Result<ExitCode, Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(super::Cli::command())
        .render(&mut page)
        .map_err(|e| Error::write("<stdout>", e))?;
    output::print(&String::from_utf8_lossy(&page));
    Ok(ExitCode::SUCCESS)
}

pub(super) fn schema() -> Result<ExitCode, Failure> {
    let schema = postmortem::document::json_schema::front_matter();
    output::print(&format!(
        "{}\n",
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    ));
    Ok(ExitCode::SUCCESS)
}
