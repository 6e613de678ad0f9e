//! A blog engine's front matter: Jekyll's and Hugo's YAML between `---`
//! lines, Zola's and Hugo's TOML between `+++` lines. What the postmortem
//! format has a key for is read (title, date, description, authors); every
//! other key is kept for the blog, as written.

use crate::author::emit::{list, scalar};
use crate::yaml::{self, Value};
use chrono::NaiveDate;

/// What a foreign front matter says.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Front {
    /// `title`.
    pub title: Option<String>,
    /// `date` (the date part of a date and time).
    pub date: Option<NaiveDate>,
    /// `description` or `summary`.
    pub summary: Option<String>,
    /// `authors` or `author`.
    pub authors: Vec<String>,
    /// `tags`.
    pub tags: Vec<String>,
    /// The blog's `status`, as written (mapped to ours, never kept twice).
    pub status: Option<String>,
    /// Every other key with its YAML lines, in order: `(key, "key: value\n...")`.
    pub kept: Vec<(String, String)>,
    /// Where the body starts in the text.
    pub body: usize,
}

/// The front matter at the start of `text`, or none (`body` 0): a block
/// between two lines that are `---` (or `+++`) alone. A block that is not
/// closed by such a line, or whose YAML is not a mapping (a paragraph
/// between rules, `- Author: Alice`), is no front matter: it stays in the
/// body, every byte of it.
pub(super) fn read(text: &str) -> Result<Front, String> {
    for (fence, toml) in [("---", false), ("+++", true)] {
        let Some(rest) = text
            .strip_prefix(fence)
            .and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")))
        else {
            continue;
        };
        let open = text.len() - rest.len();
        let Some((close, after)) = closing(rest, fence) else {
            return Ok(Front::default());
        };
        let inner = &rest[..close];
        let front = if toml {
            Some(from_toml(inner)?)
        } else {
            from_yaml(inner)?
        };
        return Ok(front.map_or_else(Front::default, |front| Front {
            body: open + after,
            ..front
        }));
    }
    Ok(Front::default())
}

/// The line in `rest` that is `fence` alone: where it starts and where the
/// line after it starts.
fn closing(rest: &str, fence: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((at, at + line.len()));
        }
        at += line.len();
    }
    None
}

fn from_yaml(inner: &str) -> Result<Option<Front>, String> {
    let root = yaml::parse(inner, 0).map_err(|e| {
        let line = crate::span::LineIndex::new(inner)
            .position(inner, e.span.start)
            .line;
        format!(
            "its YAML front matter cannot be read at line {line}: {}; {}",
            e.message, e.help
        )
    })?;
    let Value::Map(entries) = root.value else {
        return Ok(None);
    };
    let mut front = Front::default();
    for (index, entry) in entries.iter().enumerate() {
        let key = entry.key.value.as_str();
        let text = |v: &Value| match v {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            _ => None,
        };
        match key {
            "title" => front.title = text(&entry.value.value),
            "date" => front.date = text(&entry.value.value).and_then(|d| date(&d)),
            "description" | "summary" => {
                front.summary = front.summary.take().or_else(|| text(&entry.value.value))
            }
            "author" | "authors" => front.authors.extend(strings(&entry.value.value)),
            "tags" => front.tags.extend(strings(&entry.value.value)),
            "status" => front.status = text(&entry.value.value),
            _ => {
                // The key's own lines, as written: up to the next key.
                let start = line_start(inner, entry.key.span.start);
                let end = entries
                    .get(index + 1)
                    .map_or(inner.len(), |next| line_start(inner, next.key.span.start));
                let mut lines = inner[start..end].trim_end().to_string();
                lines.push('\n');
                front.kept.push((key.to_string(), lines));
            }
        }
    }
    Ok(Some(front))
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Str(s) => vec![s.clone()],
        Value::Seq(items) => items.iter().flat_map(|i| strings(&i.value)).collect(),
        Value::Map(entries) => entries
            .iter()
            .filter(|e| e.key.value == "name")
            .flat_map(|e| strings(&e.value.value))
            .collect(),
        _ => Vec::new(),
    }
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

fn from_toml(inner: &str) -> Result<Front, String> {
    let table: toml::Table = inner.parse().map_err(|e: toml::de::Error| {
        format!("its TOML front matter cannot be read: {}", e.message())
    })?;
    let mut front = Front::default();
    for (key, value) in &table {
        let text = value
            .as_str()
            .map(String::from)
            .or_else(|| value.as_datetime().map(ToString::to_string));
        match key.as_str() {
            "title" => front.title = text,
            "date" => front.date = text.and_then(|d| date(&d)),
            "description" | "summary" => front.summary = front.summary.take().or(text),
            "author" | "authors" => front.authors.extend(toml_strings(value)),
            "tags" => front.tags.extend(toml_strings(value)),
            "status" => front.status = text,
            _ => front.kept.push((key.clone(), yaml_of(key, value, ""))),
        }
    }
    Ok(front)
}

fn toml_strings(value: &toml::Value) -> Vec<String> {
    match value {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Array(items) => items.iter().flat_map(toml_strings).collect(),
        _ => Vec::new(),
    }
}

/// A TOML key and value as YAML lines (`[taxonomies]` as a nested mapping).
fn yaml_of(key: &str, value: &toml::Value, indent: &str) -> String {
    let key = scalar(key);
    match value {
        toml::Value::Table(table) => {
            let inner = format!("{indent}  ");
            let mut out = format!("{indent}{key}:\n");
            for (k, v) in table {
                out.push_str(&yaml_of(k, v, &inner));
            }
            out
        }
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(toml_scalar).collect();
            format!("{indent}{key}: {}\n", list(&items))
        }
        other => format!("{indent}{key}: {}\n", scalar_value(other)),
    }
}

fn toml_scalar(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) | toml::Value::Table(_) => String::new(),
    }
}

fn scalar_value(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => scalar(s),
        toml::Value::Datetime(d) => format!("\"{d}\""),
        other => toml_scalar(other),
    }
}

/// A blog's `status` in the postmortem format's terms: `published`,
/// `review` or `draft`; `None` when it means none of them (a status page's
/// `closed`), which leaves ours a draft.
pub(super) fn status(blog: &str) -> Option<&'static str> {
    match blog.trim().to_ascii_lowercase().as_str() {
        "published" | "publish" | "public" | "live" | "final" => Some("published"),
        "review" | "in review" | "in-review" | "reviewing" | "pending review" => Some("review"),
        "draft" | "drafts" | "wip" | "private" | "unpublished" => Some("draft"),
        _ => None,
    }
}

/// The date part of `2026-05-14`, `2026-05-14T10:00:00Z`, `2026-05-14 10:00`.
pub(super) fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// Whether `text` is already a postmortem of ours (YAML front matter with
/// `timeline`).
pub(super) fn is_ours(text: &str) -> bool {
    let Ok(parts) = crate::document::split::split(text) else {
        return false;
    };
    let Ok(root) = yaml::parse(&text[parts.yaml.start..parts.yaml.end], parts.yaml.start) else {
        return false;
    };
    matches!(&root.value, Value::Map(entries) if entries.iter().any(|e| e.key.value == "timeline"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_yaml_keeps_blog_keys_as_written() {
        let text = "---\nlayout: post\ntitle: \"DB outage\"\ndate: 2017-02-01 10:00:00 +0000\ncategories: [incident, postmortem]\nauthor: Jane Doe\n---\nBody\n";
        let front = read(text).unwrap();
        assert_eq!(front.title.as_deref(), Some("DB outage"));
        assert_eq!(front.date, NaiveDate::from_ymd_opt(2017, 2, 1));
        assert_eq!(front.authors, ["Jane Doe"]);
        assert_eq!(
            front.kept,
            [
                ("layout".to_string(), "layout: post\n".to_string()),
                (
                    "categories".to_string(),
                    "categories: [incident, postmortem]\n".to_string()
                )
            ]
        );
        assert_eq!(&text[front.body..], "Body\n");
    }

    #[test]
    fn zola_toml_becomes_yaml_with_taxonomies_nested() {
        let text = "+++\ntitle = \"Cache stampede\"\ndate = 2024-03-02\ndraft = true\n[taxonomies]\ntags = [\"cache\", \"outage\"]\n+++\n# Cache stampede\n";
        let front = read(text).unwrap();
        assert_eq!(front.title.as_deref(), Some("Cache stampede"));
        assert_eq!(front.date, NaiveDate::from_ymd_opt(2024, 3, 2));
        let kept: String = front.kept.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(kept, "draft: true\ntaxonomies:\n  tags: [cache, outage]\n");
        assert_eq!(&text[front.body..], "# Cache stampede\n");
    }
}
