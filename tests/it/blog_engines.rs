//! Markdown rendered for a blog engine is inert in that engine: built with
//! the real Jekyll and Hugo (Debian's, installed by `.ci/run`), alert text
//! full of template syntax shows as written, leaks no site parameter,
//! embeds nothing, and the build succeeds.

use crate::common;
use std::path::Path;
use std::process::Command;

const NOW: &str = "2026-06-01T00:00:00Z";

/// Renders the hostile fixture for `flavour` into `out`.
fn render(flavour: &str, out: &Path) {
    let output = common::postmortem_in(&common::repo(""))
        .env("POSTMORTEM_NOW", NOW)
        .args([
            "render",
            "tests/fixtures/render/hostile-templates.md",
            "--to",
            "markdown",
            "--front-matter",
            flavour,
            "-o",
        ])
        .arg(out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

fn build(program: &Path, args: &[&str], dir: &Path) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

/// What a reader of the built page must see, and must not.
fn assert_inert(page: &str, secret: &str) {
    assert!(!page.contains(secret), "a site parameter leaked: {page}");
    assert!(!page.contains("<iframe"), "something was embedded: {page}");
    for shown in [
        "{{ site.secret_token }}",
        "{% include_relative _config.yml %}",
        "Unclosed {% raw %}",
    ] {
        assert!(page.contains(shown), "{shown} not shown: {page}");
    }
}

#[test]
fn jekyll_builds_the_page_and_shows_liquid_as_written() {
    let Some(jekyll) = common::installed("jekyll") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    std::fs::create_dir_all(site.join("_posts")).unwrap();
    std::fs::create_dir_all(site.join("_layouts")).unwrap();
    std::fs::write(site.join("_config.yml"), "secret_token: S3CRET-JEKYLL\n").unwrap();
    std::fs::write(
        site.join("_layouts/post.html"),
        "<html><body>{{ content }}</body></html>\n",
    )
    .unwrap();
    render("jekyll", &site.join("_posts/2026-05-14-hostile.md"));
    build(&jekyll, &["build", "--quiet"], site);
    let page = walk(&site.join("_site"))
        .into_iter()
        .find(|p| p.to_string_lossy().contains("hostile"))
        .expect("the post's page");
    let page = std::fs::read_to_string(page).unwrap();
    assert_inert(&page, "S3CRET-JEKYLL");
    assert!(
        page.contains("{{&lt; youtube abc123 &gt;}}") || page.contains("{{< youtube abc123 >}}"),
        "{page}"
    );
}

#[test]
fn hugo_builds_the_page_and_shows_shortcodes_as_written() {
    let Some(hugo) = common::installed("hugo") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    std::fs::create_dir_all(site.join("content/posts")).unwrap();
    std::fs::create_dir_all(site.join("layouts/_default")).unwrap();
    std::fs::write(
        site.join("config.toml"),
        "baseURL = \"http://example.org/\"\ntitle = \"t\"\n[params]\nsecret = \"S3CRET-HUGO\"\n",
    )
    .unwrap();
    for layout in ["single", "list"] {
        std::fs::write(
            site.join(format!("layouts/_default/{layout}.html")),
            "<html><body>{{ .Content }}</body></html>\n",
        )
        .unwrap();
    }
    render("hugo", &site.join("content/posts/hostile.md"));
    build(&hugo, &["--quiet"], site);
    let page = std::fs::read_to_string(site.join("public/posts/hostile/index.html")).unwrap();
    assert_inert(&page, "S3CRET-HUGO");
    assert!(page.contains("{{&lt; youtube abc123 &gt;}}"), "{page}");
    assert!(page.contains("{{&lt; nosuchshortcode &gt;}}"), "{page}");
    assert!(page.contains("{{% param secret %}}"), "{page}");
}

#[test]
fn zola_markdown_escapes_every_shortcode_delimiter_as_zola_documents() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hostile.md");
    render("zola", &out);
    let text = std::fs::read_to_string(out).unwrap();
    let body = text.split("+++").nth(2).unwrap();
    // Every delimiter escaped: none is left that Zola would read.
    let bare = body
        .replace("{{/*", "")
        .replace("*/}}", "")
        .replace("{%/*", "")
        .replace("*/%}", "");
    for delimiter in ["{{", "}}", "{%", "%}"] {
        assert!(!bare.contains(delimiter), "{delimiter} left in {body}");
    }
    assert!(body.contains("{{/* site.secret_token */}}"), "{body}");
}

/// Every file below `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
