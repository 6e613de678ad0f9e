//! `postmortem rules` and `postmortem explain RULE`: the rule documentation
//! kept next to each rule's code.

use crate::cli::Failure;
use crate::output;
use postmortem::Error;
use postmortem::diagnostic::Rule;
use postmortem::lint::registry;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct ExplainArgs {
    /// The rule's id, such as `timeline-order`.
    rule: String,
}

pub(super) fn list() -> Result<ExitCode, Failure> {
    let width = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0);
    let level_width = registry::all()
        .iter()
        .map(|i| i.level.describe().len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for info in registry::all() {
        text.push_str(&format!(
            "{:width$}  {:level_width$}  {}\n",
            info.rule.id(),
            info.level.describe(),
            info.summary
        ));
    }
    output::print(&text);
    Ok(ExitCode::SUCCESS)
}

pub(super) fn explain(args: ExplainArgs) -> Result<ExitCode, Failure> {
    let Some(rule) = Rule::from_id(&args.rule) else {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        let reason = match postmortem::suggest::did_you_mean(&args.rule, &ids) {
            Some(near) => format!("did you mean `{near}`? (`postmortem rules` lists them all)"),
            None => "`postmortem rules` lists the rules".into(),
        };
        return Err(Error::Invalid {
            what: "rule",
            value: args.rule,
            reason,
        }
        .into());
    };
    let info = registry::info(rule);
    let fix = info
        .fix
        .map_or_else(String::new, |fix| format!("\nFix: {}\n", fix.what));
    output::print(&format!(
        "{}: {}\nDefault level: {}\n\n{}\n{fix}",
        rule.id(),
        info.summary,
        info.level.describe(),
        info.docs
    ));
    Ok(ExitCode::SUCCESS)
}
