//! The templates: built-ins from `templates/`, embedded in the binary, and
//! a user folder whose files replace built-ins of the same name (or add new
//! ones that extend them). Tera autoescapes `.html`, `.xml` and `.svg`.

use crate::error::Error;
use std::path::Path;
use std::sync::Mutex;
use tera::{Kwargs, State, Tera, Value};

/// Every built-in template, by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("impact.html", include_str!("../../templates/impact.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    ("actions.html", include_str!("../../templates/actions.html")),
    ("figure.svg", include_str!("../../templates/figure.svg")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    (
        "problems.html",
        include_str!("../../templates/problems.html"),
    ),
    ("list.html", include_str!("../../templates/list.html")),
    ("trends.html", include_str!("../../templates/trends.html")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    ("style.css", include_str!("../../templates/style.css")),
    (
        "postmortem.md",
        include_str!("../../templates/postmortem.md"),
    ),
    ("impact.md", include_str!("../../templates/impact.md")),
    ("timeline.md", include_str!("../../templates/timeline.md")),
    ("actions.md", include_str!("../../templates/actions.md")),
];

/// The loaded templates.
pub struct Templates {
    tera: Tera,
    /// Each context rendered, by template, when recording (`postmortem
    /// templates context`).
    recorded: Option<Mutex<Vec<(String, serde_json::Value)>>>,
}

/// A template context: tera's, and when the templates record, the names
/// of its keys, so the context can be written out as JSON.
pub struct Context {
    tera: tera::Context,
    keys: Option<Vec<String>>,
}

impl Context {
    /// Adds `key` with `value` (replacing one of the same name).
    pub fn insert(&mut self, key: &'static str, value: &(impl serde::Serialize + ?Sized)) {
        self.tera.insert(key, value);
        if let Some(keys) = &mut self.keys {
            keys.push(key.to_string());
        }
    }

    /// The context as a JSON object.
    fn json(&self, keys: &[String]) -> serde_json::Value {
        let map = keys
            .iter()
            .filter_map(|key| {
                let value = serde_json::to_value(self.tera.get(key)?).ok()?;
                Some((key.clone(), value))
            })
            .collect();
        serde_json::Value::Object(map)
    }
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Templates")
    }
}

impl Templates {
    /// The built-ins, with the files of `overrides` (if any) replacing or
    /// adding to them.
    pub fn load(overrides: Option<&Path>) -> Result<Templates, Error> {
        let mut sources: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        // `builtin/NAME` stays the built-in even when a user file replaces NAME,
        // so a user's page.html can `{% extends "builtin/page.html" %}`.
        sources.extend(
            BUILT_IN
                .iter()
                .map(|(n, t)| (format!("builtin/{n}"), t.to_string())),
        );
        if let Some(dir) = overrides {
            let entries = std::fs::read_dir(dir).map_err(|e| Error::list(dir, e))?;
            for entry in entries.flatten() {
                let path = entry.path();
                if !path.is_file() {
                    continue;
                }
                let name = entry.file_name().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, e))?;
                sources.retain(|(n, _)| *n != name);
                sources.push((name, text));
            }
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml", ".svg"]);
        register_filters(&mut tera);
        tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| template_error(overrides, e))?;
        Ok(Templates {
            tera,
            recorded: None,
        })
    }

    /// These templates, keeping each context they render with, for
    /// [`Templates::recorded`].
    pub fn recording(mut self) -> Templates {
        self.recorded = Some(Mutex::default());
        self
    }

    /// Every (template, context as JSON) rendered since
    /// [`Templates::recording`], in order.
    pub fn recorded(&self) -> Vec<(String, serde_json::Value)> {
        self.recorded
            .as_ref()
            .and_then(|r| r.lock().ok().map(|r| r.clone()))
            .unwrap_or_default()
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &impl serde::Serialize) -> Result<String, Error> {
        self.render_with(name, &self.context(context)?)
    }

    /// `value` as a template context, to render several templates with
    /// one conversion (a page and its partials share the model).
    pub fn context(&self, value: &impl serde::Serialize) -> Result<Context, Error> {
        let tera = tera::Context::from_serialize(value).map_err(|e| template_error(None, e))?;
        // The keys are only needed to write the context out.
        let keys = self.recorded.as_ref().map(|_| {
            serde_json::to_value(value)
                .ok()
                .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()))
                .unwrap_or_default()
        });
        Ok(Context { tera, keys })
    }

    /// Renders template `name` with a context made by [`Templates::context`].
    pub fn render_with(&self, name: &str, context: &Context) -> Result<String, Error> {
        if let (Some(recorded), Some(keys)) = (&self.recorded, &context.keys)
            && let Ok(mut recorded) = recorded.lock()
        {
            recorded.push((name.to_string(), context.json(keys)));
        }
        let rendered = self
            .tera
            .render(name, &context.tera)
            .map_err(|e| template_error(None, e))?;
        // Whatever a value held, an XML output stays well-formed.
        if name.ends_with(".xml") || name.ends_with(".svg") {
            return Ok(crate::escape::xml(&rendered).into_owned());
        }
        Ok(rendered)
    }
}

fn template_error(dir: Option<&Path>, cause: tera::Error) -> Error {
    Error::Template {
        path: dir.map(Path::to_path_buf),
        cause,
    }
}

/// A value as text for filters: null and undefined are empty.
fn text_of(value: &Value) -> String {
    if value.is_none() || value.is_undefined() {
        String::new()
    } else {
        value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_string)
    }
}

fn register_filters(tera: &mut Tera) {
    // A Markdown table cell: no pipes or line breaks.
    tera.register_filter("md_cell", |value: &Value, _: Kwargs, _: &State| {
        text_of(value)
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    });
    // A Markdown link target: only safe schemes, no spaces or parentheses.
    tera.register_filter("md_link", |value: &Value, _: Kwargs, _: &State| {
        safe_url(&text_of(value))
            .replace(' ', "%20")
            .replace('(', "%28")
            .replace(')', "%29")
    });
    tera.register_filter("safe_url", |value: &Value, _: Kwargs, _: &State| {
        safe_url(&text_of(value))
    });
    tera.register_filter("yaml_string", |value: &Value, _: Kwargs, _: &State| {
        serde_json::to_string(&text_of(value)).unwrap_or_default()
    });
    // Null shows as nothing.
    tera.register_filter("or_empty", |value: &Value, _: Kwargs, _: &State| {
        text_of(value)
    });
    // A page name from a service or tag, as the site names its page.
    tera.register_filter("slug", |value: &Value, _: Kwargs, _: &State| {
        crate::slug::slug(&text_of(value))
    });
}

/// `url` when its scheme is safe to link to; `#` for `javascript:`,
/// `data:`, `vbscript:` (whatever the case or whitespace).
pub(crate) fn safe_url(url: &str) -> String {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = squeezed.to_ascii_lowercase();
    if ["javascript:", "data:", "vbscript:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        "#".into()
    } else {
        url.trim().to_string()
    }
}

/// The names of every template: the built-ins and the files of `overrides`.
pub fn names(overrides: Option<&Path>) -> Result<Vec<String>, Error> {
    let mut names: Vec<String> = BUILT_IN.iter().map(|(n, _)| n.to_string()).collect();
    if let Some(dir) = overrides {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::list(dir, e))?;
        names.extend(
            entries
                .flatten()
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned()),
        );
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// Writes every built-in template into `dir`: all of them or none. Without
/// `force` an existing file stops the export before anything is written, and
/// one created meanwhile by someone else is left alone while the files this
/// export created are removed again.
pub fn export(dir: &Path, force: bool) -> Result<Vec<std::path::PathBuf>, Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let paths: Vec<_> = BUILT_IN.iter().map(|(name, _)| dir.join(name)).collect();
    if !force && let Some(path) = paths.iter().find(|p| p.exists()) {
        return Err(Error::Exists {
            path: path.clone(),
            how: "pass --force to replace the templates there, or export into another folder",
        });
    }
    let mut written = Vec::new();
    for (path, (_, text)) in paths.iter().zip(BUILT_IN) {
        let result = if force {
            crate::write::replace(path, text.as_bytes())
        } else {
            crate::write::create_new(path, text.as_bytes())
        };
        if let Err(error) = result {
            if !force {
                for created in &written {
                    let _ = std::fs::remove_file(created);
                }
            }
            return Err(error);
        }
        written.push(path.clone());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn dangerous_schemes_never_become_links() {
        for url in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:x",
            "data:text/html,x",
            "VBScript:x",
        ] {
            assert_eq!(safe_url(url), "#", "{url}");
        }
        assert_eq!(
            safe_url("https://tracker.example/STOR-1"),
            "https://tracker.example/STOR-1"
        );
    }
}
