//! `postmortem config`: the configuration in force, as YAML that could be
//! saved as `postmortem.yml`, with where each value came from.

use crate::cli::Failure;
use crate::output;
use postmortem::author::emit::{list, scalar};
use postmortem::config::{Config, KEYS, Shown};
use std::process::ExitCode;

pub(super) fn show(config: &Config) -> Result<ExitCode, Failure> {
    let mut out = match &config.path {
        Some(path) => format!("# read from {}\n", path.display()),
        None => "# no postmortem.yml found here or above: every value is the default\n".to_string(),
    };
    for key in KEYS {
        let origin = config.origin(key.name);
        let name = key.name;
        out.push_str(&match (key.show)(&config.settings) {
            Shown::Map(entries) => {
                let block = block(entries.into_iter().map(|(k, v)| (k, inline(v))));
                match block.strip_prefix('\n') {
                    Some(block) => format!("{name}:  # {origin}\n{block}\n"),
                    None => format!("{name}:{block}  # {origin}\n"),
                }
            }
            value => format!("{name}: {}  # {origin}\n", inline(value)),
        });
    }
    output::print(&out);
    Ok(ExitCode::SUCCESS)
}

/// A value on one line.
fn inline(value: Shown) -> String {
    match value {
        Shown::Text(None) => "~".into(),
        Shown::Text(Some(text)) => scalar(&text),
        Shown::Plain(text) => text,
        Shown::List(items) => list(&items),
        Shown::Map(entries) => {
            let pairs: Vec<String> = entries
                .into_iter()
                .map(|(k, v)| format!("{}: {}", scalar(&k), inline(v)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
    }
}

/// A nested mapping on the lines after its key, or `{}` when empty.
fn block(pairs: impl Iterator<Item = (String, String)>) -> String {
    let lines: Vec<String> = pairs
        .map(|(k, v)| format!("\n  {}: {v}", scalar(&k)))
        .collect();
    if lines.is_empty() {
        " {}".into()
    } else {
        lines.concat()
    }
}
