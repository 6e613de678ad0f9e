//! The HTML page in a real browser: headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs) loads rendered pages; the SVG figure is in the
//! DOM, and a hostile file's script never runs (the title stays as written).

// Without chromium (outside CI) the test says it skipped, on stderr.
#![allow(clippy::print_stderr)]

use crate::common;

use postmortem::render::{self, page, templates::Templates};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The DOM after load, as Chromium serializes it.
fn dump_dom(browser: &Path, page: &Path, profile: &Path) -> String {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
        ])
        .args([
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--virtual-time-budget=2000", "--dump-dom"])
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn render_to(dir: &Path, source: &str) -> PathBuf {
    let text = std::fs::read_to_string(common::repo(source)).unwrap();
    render_text(dir, &text, false)
}

fn render_text(dir: &Path, text: &str, allow_html: bool) -> PathBuf {
    let document = postmortem::document::parse(text).document.unwrap();
    let model = render::model(&document, text, true);
    let html = page::html(&model, &Templates::load(None).unwrap(), allow_html).unwrap();
    let path = dir.join(format!("{}.html", model.slug));
    std::fs::write(&path, html).unwrap();
    path
}

#[test]
fn chromium_shows_the_figure_and_runs_no_script_from_a_hostile_file() {
    let Some(browser) = common::chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium: .ci/run installs it"
        );
        eprintln!("skipped: no chromium here (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");

    let page = render_to(
        dir.path(),
        "postmortems/2026-05-14-query-failures-after-storage-cleanup.md",
    );
    let dom = dump_dom(&browser, &page, &profile);
    assert!(
        dom.contains("<svg") && dom.contains("Incident timeline: Query failures"),
        "figure missing: {}",
        &dom[..dom.len().min(400)]
    );
    assert!(dom.contains("class=\"impact\""), "impact window missing");

    let page = render_to(dir.path(), "tests/fixtures/render/hostile.md");
    let dom = dump_dom(&browser, &page, &profile);
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("");
    assert!(
        title.starts_with("&lt;script&gt;document.title="),
        "a script changed the title to {title:?}"
    );
    // Text nodes keep their quotes when serialized; only real elements start with `<`.
    for element in [
        "<iframe",
        "<img src=\"x\"",
        "<svg onload",
        "<script>document",
    ] {
        assert!(
            !dom.contains(element),
            "hostile markup became an element: {element}"
        );
    }
}

/// Raw HTML allowed (`--allow-html`) and full of payloads: each would mark
/// the page if it ran. Chromium loads the sanitized page and none did.
#[test]
fn chromium_runs_nothing_from_allowed_html_after_sanitizing() {
    let Some(browser) = common::chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must have chromium");
        eprintln!("skipped: no chromium here (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mark = "document.body.setAttribute('data-pwned','1')";
    let payloads = [
        format!("<script>{mark}</script>"),
        format!("<img src=x onerror=\"{mark}\">"),
        format!("<svg onload=\"{mark}\"></svg>"),
        format!("<a href=\"jav&#x09;ascript:{mark}\">click</a>"),
        format!("<iframe srcdoc=\"<script>parent.{mark}</script>\"></iframe>"),
        format!("<details open ontoggle=\"{mark}\"><summary>More</summary>kept</details>"),
        format!("<object data=\"data:text/html,<script>{mark}</script>\"></object>"),
        format!("<form action=\"javascript:{mark}\"><button>go</button></form>"),
        format!("<math><mtext><table><mglyph><style><img src=x onerror=\"{mark}\">"),
        "<table><tr><td>cell kept</td></tr></table> <kbd>Ctrl</kbd>".to_string(),
    ];
    let text = std::fs::read_to_string(common::repo(
        "postmortems/2026-05-14-query-failures-after-storage-cleanup.md",
    ))
    .unwrap();
    let hostile = text.replacen(
        "## Root cause",
        &format!("{}\n\n## Root cause", payloads.join("\n\n")),
        1,
    );
    let page = render_text(dir.path(), &hostile, true);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("Content-Security-Policy"),
        "the page forbids scripts"
    );
    let dom = dump_dom(&browser, &page, &dir.path().join("profile"));
    assert!(
        dom.contains("cell kept") && dom.contains("<kbd>Ctrl</kbd>"),
        "allowed markup stays: {}",
        html.split("<h2>Root cause")
            .next()
            .unwrap_or("")
            .rsplit("</figure>")
            .next()
            .unwrap_or("")
    );
    assert!(dom.contains("<summary>More</summary>"), "details stays");
    assert!(!dom.contains("data-pwned"), "a payload ran");
    // The page's own JSON-LD is a data block (never run), in the head.
    let dom = match dom.split_once("<script type=\"application/ld+json\">") {
        Some((head, rest)) => format!(
            "{head}{}",
            rest.split_once("</script>").map_or("", |(_, r)| r)
        ),
        None => dom,
    };
    for element in [
        "<script",
        "<iframe",
        "<object",
        "<form",
        "onerror",
        "ontoggle",
        "javascript:",
    ] {
        assert!(!dom.to_lowercase().contains(element), "{element} survived");
    }
}
