//! The project configuration, `postmortem.yml`: found by walking up from the
//! current folder (or given with `--config`), read with the same spanned YAML
//! reader as the front matter so unknown keys are rejected with their line.

mod front_matter;
mod keys;
mod read;
pub mod trackers;

pub use front_matter::FrontMatter;
pub use keys::{Consumer, KEYS, Key, Shown};

use crate::diagnostic::{Finding, Rule};
use crate::document::body::Canonical;
use crate::error::Error;
use crate::span::LineIndex;
use crate::yaml;
use crate::yaml::fields::Fields;
use std::path::{Path, PathBuf};

/// The configuration file's name.
pub const FILE_NAME: &str = "postmortem.yml";

/// Every setting, with its value in force.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Where postmortems live (default `postmortems`).
    pub dir: PathBuf,
    /// The zone for new documents (default: the system's).
    pub timezone: Option<String>,
    /// Allowed severities with a one-line meaning each.
    pub severities: Vec<(String, String)>,
    /// Required body sections and the headings accepted for each.
    pub sections: Vec<(String, Vec<String>)>,
    /// Rule levels set by the project.
    pub rules: [Option<RuleSetting>; Rule::COUNT],
    /// `duration-claim` tolerance: the larger of minutes and percent.
    pub duration_tolerance: (i64, f64),
    /// `update-gap`: longest gap between public updates while impact lasts, in minutes.
    pub update_interval: Option<i64>,
    /// `action-sla`: longest time from the incident's end to `due`, per priority, in minutes.
    pub action_sla: Vec<(String, i64)>,
    /// Extra phrases for `blameless-language`.
    pub blameless: Vec<String>,
    /// A folder of templates overriding the built-in ones.
    pub templates: Option<PathBuf>,
    /// Front matter keys of other tools (a blog engine's `layout`,
    /// `permalink`, ...) that lint accepts and Markdown renders keep.
    pub extra_keys: Vec<String>,
    /// The language of rendered pages (`<html lang>`), `en` by default.
    pub lang: String,
    /// The front matter of Markdown renders: `plain`, or a blog engine's.
    pub front_matter: FrontMatter,
    /// Where `actions sync` files issues.
    pub trackers: trackers::Trackers,
}

/// A level a project gives a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    /// Always an error.
    Error,
    /// Always a warning.
    Warning,
    /// Not run.
    Off,
}

impl Default for Settings {
    fn default() -> Self {
        let meanings = [
            "critical: a core service down or data lost for many customers",
            "major: a core feature broken or badly degraded for many customers",
            "minor: partial degradation, a workaround exists, or few customers",
            "low: little customer impact; worth learning from",
        ];
        Settings {
            dir: PathBuf::from("postmortems"),
            timezone: None,
            severities: crate::document::schema::SEVERITIES
                .iter()
                .zip(meanings)
                .map(|(s, m)| (s.to_string(), m.to_string()))
                .collect(),
            sections: Canonical::REQUIRED
                .iter()
                .map(|c| {
                    (
                        c.heading().to_string(),
                        c.aliases().iter().map(|a| a.to_string()).collect(),
                    )
                })
                .collect(),
            rules: [None; Rule::COUNT],
            duration_tolerance: (5, 5.0),
            update_interval: None,
            action_sla: Vec::new(),
            blameless: Vec::new(),
            templates: None,
            extra_keys: Vec::new(),
            lang: "en".into(),
            front_matter: FrontMatter::Plain,
            trackers: trackers::Trackers::default(),
        }
    }
}

/// The settings and where each came from.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The values in force.
    pub settings: Settings,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// The keys the file set, with their line.
    pub set: Vec<(String, usize)>,
}

impl Settings {
    /// The level the project sets for `rule`, if it sets one.
    pub fn rule(&self, rule: Rule) -> Option<RuleSetting> {
        self.rules[rule.index()]
    }

    /// Makes the relative folders of the settings relative to `folder`.
    fn rebase(&mut self, folder: &Path) {
        if self.dir.is_relative() {
            self.dir = folder.join(&self.dir);
        }
        if let Some(templates) = self.templates.as_mut().filter(|t| t.is_relative()) {
            *templates = folder.join(&*templates);
        }
    }
}

impl Config {
    /// The file named by `--config`, or the nearest `postmortem.yml` at or
    /// above `start`, or the defaults when there is none.
    pub fn find(explicit: Option<&Path>, start: &Path) -> Result<Config, Error> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        // Named relative to `start` (`../postmortem.yml`), so the paths it
        // gives read as short relative paths in messages.
        Config::find_from(start, true)
    }

    /// The nearest `postmortem.yml` at or above the folder `start`, named by
    /// its full path (for the language server, which runs anywhere), or the
    /// defaults.
    pub fn for_folder(start: &Path) -> Result<Config, Error> {
        Config::find_from(start, false)
    }

    /// `relative`: `start` is the current folder, and the file is named
    /// relative to it (`../postmortem.yml`) so messages stay short.
    fn find_from(start: &Path, relative: bool) -> Result<Config, Error> {
        let up = |found: &dyn Fn(&Path) -> bool| {
            if !relative {
                return start
                    .ancestors()
                    .find(|dir| found(dir))
                    .map(Path::to_path_buf);
            }
            let levels = start.ancestors().position(found)?;
            Some(std::iter::repeat_n("..", levels).collect::<PathBuf>())
        };
        if let Some(folder) = up(&|dir| dir.join(FILE_NAME).is_file()) {
            return Config::load(&folder.join(FILE_NAME));
        }
        // Without a configuration the defaults are the repository's, as
        // git's are: `postmortems/` at its root, from any folder inside it.
        let mut config = Config::default();
        if let Some(root) = up(&|dir| dir.join(".git").exists()) {
            config.settings.rebase(&root);
        }
        Ok(config)
    }

    /// Reads `path`. The folders it names (`dir`, `templates`, and the
    /// default `dir`) are relative to the folder `path` is in, whatever the
    /// folder the command runs in.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
        let mut config = Config::parse(&text, path)?;
        if let Some(folder) = path.parent() {
            config.settings.rebase(folder);
        }
        Ok(config)
    }

    /// Reads the text of a configuration file at `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Error> {
        let refuse = |findings: Vec<Finding>| Error::Config {
            path: path.to_path_buf(),
            text: text.to_string(),
            findings,
        };
        let root = yaml::parse(text, 0).map_err(|e| {
            refuse(vec![
                Finding::new(Rule::FrontMatter, e.span, e.message).with_help(e.help),
            ])
        })?;
        let mut fields = Fields::default();
        let mut config = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        let index = LineIndex::new(text);
        for entry in fields.mapping(&root, "the configuration", &keys::names()) {
            config.set.push((
                entry.key.value.clone(),
                index.position(text, entry.key.span.start).line,
            ));
            if let Some(key) = KEYS.iter().find(|k| k.name == entry.key.value) {
                (key.read)(&mut config.settings, &entry.value, text, &mut fields);
            }
        }
        if fields.findings.is_empty() {
            return Ok(config);
        }
        Err(refuse(fields.findings))
    }

    /// Where `key` came from: `postmortem.yml:LINE` or `default`.
    pub fn origin(&self, key: &str) -> String {
        match (self.set.iter().find(|(k, _)| k == key), &self.path) {
            (Some((_, line)), Some(path)) => format!("{}:{line}", path.display()),
            _ => "default".into(),
        }
    }
}
