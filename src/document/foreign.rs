//! Files that are not postmortems in this tool's format: one finding that
//! says what the file is and what to do, instead of a finding for every
//! key and section it lacks.

use crate::diagnostic::{Finding, Rule};
use crate::span::Span;
use crate::yaml::{Node, Value};

/// What to do with a file that is not a postmortem yet.
const WAYS: &str = "to check it as a postmortem, run `postmortem adopt` on it (it writes the front matter from what the document says, keeping every line), or give it YAML front matter with `title`, `timezone` and a `timeline` of timestamped entries (`postmortem new --print` shows the shape); to leave it out, move it out of the folder or start its name with `_`";

/// Keys blog engines (Jekyll, Hugo, Zola) put in front matter that a
/// postmortem does not have.
const BLOG_KEYS: &[&str] = &[
    "layout",
    "permalink",
    "categories",
    "category",
    "slug",
    "aliases",
    "weight",
    "excerpt",
    "draft",
    "publishDate",
    "lastmod",
    "author",
    "description",
    "image",
    "comments",
    "toc",
];

/// The finding for a file whose first line (at `first_line`) opens no YAML
/// front matter: empty, TOML (`+++`), or plain Markdown.
pub(crate) fn no_front_matter(text: &str, first_line: Span) -> Finding {
    let first = text
        .get(first_line.start..)
        .and_then(|rest| rest.lines().next())
        .unwrap_or("")
        .trim();
    let message = if text.trim().is_empty() {
        "the file is empty"
    } else if first == "+++" {
        "the file has TOML front matter (`+++`, as Hugo and Zola write it); postmortems keep theirs in YAML between `---` lines"
    } else {
        "the file has no front matter: it reads as a plain Markdown document, not a postmortem in this tool's format"
    };
    Finding::new(Rule::FrontMatter, first_line, message).with_help(WAYS)
}

/// A finding when the front matter, read as `root` (at byte `base`), is a
/// blog post's: no `timeline`, and keys only blog engines use.
pub(crate) fn blog_post(root: &Node, base: usize, has_timeline: bool) -> Option<Finding> {
    let Value::Map(entries) = &root.value else {
        return None;
    };
    if has_timeline {
        return None;
    }
    let found: Vec<&str> = entries
        .iter()
        .map(|entry| entry.key.value.as_str())
        .filter(|key| BLOG_KEYS.contains(key))
        .collect();
    if found.is_empty() {
        return None;
    }
    let keys: Vec<String> = found.iter().map(|k| format!("`{k}`")).collect();
    let message = format!(
        "this looks like a blog post (its front matter has {} and no `timeline`), not a postmortem",
        keys.join(", ")
    );
    Some(Finding::new(Rule::Schema, Span::point(base), message).with_help(WAYS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_the_file_is() {
        let toml = no_front_matter("+++\ntitle = \"x\"\n+++\n", Span::new(0, 3));
        assert!(toml.message.contains("TOML front matter"));
        let plain = no_front_matter("# Outage\n", Span::new(0, 8));
        assert!(plain.message.contains("plain Markdown"));
        assert_eq!(
            no_front_matter("\n", Span::point(0)).message,
            "the file is empty"
        );
    }

    #[test]
    fn a_blog_post_is_told_by_its_keys_and_missing_timeline() {
        let read = |yaml: &str| crate::yaml::parse(yaml, 4).unwrap();
        let post = read("layout: post\ntitle: Outage\ncategories: [ops]\n");
        let finding = blog_post(&post, 4, false).unwrap();
        assert!(
            finding.message.contains("`layout`, `categories`"),
            "{}",
            finding.message
        );
        assert!(blog_post(&post, 4, true).is_none());
        assert!(blog_post(&read("title: x\n"), 4, false).is_none());
    }
}
