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
