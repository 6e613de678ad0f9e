//! One configuration path for every render: `render` of one file honours
//! postmortem.yml's `lang` and `sections` aliases as `site` does.

use crate::common;
use std::path::Path;

const NOW: &str = "2026-05-01T00:00:00Z";

const CONFIG: &str = "lang: fr\nsections:\n  Summary: []\n  Impact: [Blast radius]\n  Root cause: []\n  Remediation: []\n";

/// A folder with the config and the one-minute postmortem whose Impact
/// section is called "Blast radius".
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postmortem.yml"), CONFIG).unwrap();
    std::fs::create_dir(dir.path().join("postmortems")).unwrap();
    let text =
        std::fs::read_to_string(common::repo("tests/fixtures/render/one-minute.md")).unwrap();
    std::fs::write(
        dir.path().join("postmortems/2026-04-01-blip.md"),
        text.replace("## Impact\n", "## Blast radius\n"),
    )
    .unwrap();
    dir
}

fn render(dir: &Path, to: &str) -> String {
    let output = common::postmortem_in(dir)
        .env("POSTMORTEM_NOW", NOW)
        .args(["render", "postmortems/2026-04-01-blip.md", "--to", to])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn render_honours_the_projects_language_like_the_site() {
    let dir = folder();
    let html = render(dir.path(), "html");
    assert!(html.contains("<html lang=\"fr\""), "{html}");
    let site = common::postmortem_in(dir.path())
        .env("POSTMORTEM_NOW", NOW)
        .args(["site", "postmortems", "--out", "public"])
        .output()
        .unwrap();
    assert!(site.status.success(), "{site:?}");
    let page = std::fs::read_to_string(dir.path().join("public/2026-04-01-blip.html")).unwrap();
    assert!(page.contains("<html lang=\"fr\""));
}

#[test]
fn generated_tables_go_under_the_authors_aliased_heading_never_a_second_one() {
    let dir = folder();
    let markdown = render(dir.path(), "markdown");
    assert_eq!(markdown.matches("## Blast radius").count(), 1, "{markdown}");
    assert!(!markdown.contains("## Impact"), "{markdown}");
    let radius = markdown.find("## Blast radius").unwrap();
    let root = markdown.find("## Root cause").unwrap();
    let figures = markdown.find("Impact start").unwrap();
    assert!(radius < figures && figures < root, "{markdown}");
    let html = render(dir.path(), "html");
    assert!(!html.contains(">Impact</h2>"), "{html}");
    assert_eq!(html.matches(">Blast radius</h2>").count(), 1, "{html}");
}

#[test]
fn an_adopted_postmortems_page_shows_its_title_and_its_timeline_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("postmortem.yml"),
        "extra_keys: [layout, categories]\n",
    )
    .unwrap();
    let fixture = common::repo("tests/fixtures/adopt/2026-02-10-jekyll-deploy-freeze.md");
    let text = std::fs::read_to_string(fixture).unwrap();
    // The post's own title heading above its prose, as blogs write it.
    let text = text.replacen(
        "All times in PST.",
        "# Deploys frozen by an expired signing key\n\nAll times in PST.",
        1,
    );
    std::fs::write(dir.path().join("pm.md"), text).unwrap();
    let adopt = common::postmortem_in(dir.path())
        .args(["adopt", "pm.md"])
        .output()
        .unwrap();
    assert!(adopt.status.success(), "{adopt:?}");
    let html = common::postmortem_in(dir.path())
        .env("POSTMORTEM_NOW", NOW)
        .args(["render", "pm.md", "--to", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    // The author's list stands; no generated table repeats it.
    assert_eq!(html.matches("first failed deploy").count(), 1, "{html}");
    assert!(!html.contains("<table class=\"timeline\""), "{html}");
    assert!(html.contains("incident-figure"), "{html}");
    let markdown = common::postmortem_in(dir.path())
        .env("POSTMORTEM_NOW", NOW)
        .args(["render", "pm.md", "--to", "markdown"])
        .output()
        .unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert_eq!(
        markdown.matches("first failed deploy").count(),
        1,
        "{markdown}"
    );
    // The title once: in the blog's front matter, not again as a heading.
    assert_eq!(
        markdown
            .matches("Deploys frozen by an expired signing key")
            .count(),
        1,
        "{markdown}"
    );
}

#[test]
fn notes_alone_make_no_figure() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::repo("tests/fixtures/render/one-minute.md"))
        .unwrap()
        .replace("    kind: start\n", "")
        .replace("    kind: detected\n", "")
        .replace("    kind: resolved\n", "")
        .replace(
            "lint: {allow: [section-missing]}",
            "lint: {allow: [section-missing, milestone-missing]}",
        );
    std::fs::write(dir.path().join("pm.md"), text).unwrap();
    let html = common::postmortem_in(dir.path())
        .env("POSTMORTEM_NOW", NOW)
        .args(["render", "pm.md", "--to", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.contains("Login requests fail"), "{html}");
    assert!(!html.contains("incident-figure\""), "{html}");
}
