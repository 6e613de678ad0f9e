//! A site's pages as readers see them, in Debian's Chromium: each page
//! loaded 360 and 390 px wide (phones) scrolls not sideways, its figure's and
//! charts' labels render at least 9 px tall, its metadata is there and its
//! JSON-LD parses; screenshots at 390 and 1280 px, light and dark, go to
//! target/screenshots for a person to look at.

// Without chromium (outside CI) the test says it skipped, on stderr.
#![allow(clippy::print_stderr)]

use crate::common;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Chromium's smallest window is wider than a phone: the page is loaded in
/// a 390 px frame, which is its viewport, and a script in the wrapper
/// measures it once loaded.
const PROBE: &str = r#"
const frame = document.querySelector('iframe');
frame.addEventListener('load', () => {
  const doc = frame.contentDocument;
  const visible = (e) => { for (let n = e; n && n !== doc; n = n.parentNode) { if (n.nodeType === 1 && getComputedStyle(n).display === 'none') return false; } return true; };
  const texts = [...doc.querySelectorAll('svg text')].filter(visible).map(t => t.getBoundingClientRect().height).filter(h => h > 0);
  let ld = null;
  try { const s = doc.querySelector('script[type="application/ld+json"]'); ld = s ? JSON.parse(s.textContent) : null; } catch (e) { ld = 'unparseable: ' + e; }
  const meta = (p) => { const m = doc.querySelector(`meta[property="${p}"], meta[name="${p}"]`); return m ? m.content : null; };
  const canonical = doc.querySelector('link[rel="canonical"]');
  document.title = JSON.stringify({
    viewport: doc.documentElement.clientWidth,
    scroll: doc.documentElement.scrollWidth,
    svgTexts: texts.length,
    smallestText: texts.length ? Math.min(...texts) : null,
    charts: doc.querySelectorAll('section.chart svg rect.bar').length,
    ld: ld, canonical: canonical ? canonical.href : null,
    ogTitle: meta('og:title'), twitter: meta('twitter:card'), lang: doc.documentElement.lang,
  });
});
"#;

fn measure(browser: &Path, page: &Path, width: u32, dir: &Path) -> serde_json::Value {
    let wrapper = dir.join(format!(
        "measure-{}.html",
        page.file_stem().unwrap().to_string_lossy()
    ));
    std::fs::write(
        &wrapper,
        format!("<!DOCTYPE html><title>waiting</title><body style=\"margin:0\"><iframe src=\"file://{}\" style=\"border:0;width:{width}px;height:800px\"></iframe><script>{PROBE}</script></body>", page.display()),
    )
    .unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args([
            "--window-size=420,900",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", wrapper.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&output.stdout);
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("");
    let json = title
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}: {title}", page.display()))
}

fn screenshot(browser: &Path, page: &Path, width: u32, dark: bool, out: &Path) {
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--window-size={},2400", width.max(420)));
    if dark {
        command.arg("--blink-settings=preferredColorScheme=0");
    }
    let target = if width < 420 {
        let wrapper = out.with_extension("html");
        std::fs::write(&wrapper, format!("<!DOCTYPE html><body style=\"margin:0\"><iframe src=\"file://{}\" style=\"border:0;width:{width}px;height:2400px\"></iframe></body>", page.display())).unwrap();
        wrapper
    } else {
        page.to_path_buf()
    };
    command
        .arg(format!("--screenshot={}", out.display()))
        .arg(format!("file://{}", target.display()));
    let _ = command.output();
    assert!(
        std::fs::metadata(out).is_ok_and(|m| m.len() > 10_000),
        "no screenshot {}",
        out.display()
    );
}

#[test]
fn site_pages_fit_a_phone_with_readable_figures_and_their_metadata() {
    let Some(browser) = common::chromium() else {
        eprintln!("skipped: no chromium here (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let output = common::postmortem_in(&common::repo(""))
        .env("POSTMORTEM_NOW", "2026-12-01T00:00:00Z")
        .args([
            "site",
            "postmortems",
            "--include-drafts",
            "--base-url",
            "https://blog.example/postmortems",
            "--out",
        ])
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.push(site.join("services/storage.html"));
    pages.sort();
    for (page, width) in pages.iter().flat_map(|p| [(p, 360), (p, 390)]) {
        let m = measure(&browser, page, width, dir.path());
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(m["viewport"], width, "{name}: {m}");
        assert!(
            m["scroll"].as_i64().unwrap() <= i64::from(width),
            "{name} scrolls sideways at {width} px: {m}"
        );
        if let Some(smallest) = m["smallestText"].as_f64() {
            assert!(
                smallest >= 9.0,
                "{name}: a figure label is {smallest} px tall at {width} px"
            );
        }
        if name.starts_with("20") {
            assert!(
                m["svgTexts"].as_i64().unwrap() > 0,
                "{name}: no figure shown on a phone: {m}"
            );
            assert_eq!(m["ld"]["@context"], "https://schema.org", "{name}: {m}");
            assert!(m["ld"]["headline"].is_string(), "{name}: {m}");
            assert!(
                m["canonical"]
                    .as_str()
                    .unwrap()
                    .starts_with("https://blog.example/postmortems/20"),
                "{name}: {m}"
            );
            assert!(
                m["ogTitle"].is_string() && m["twitter"] == "summary",
                "{name}: {m}"
            );
            assert_eq!(m["lang"], "en");
        }
        if name == "trends.html" {
            assert!(
                m["charts"].as_i64().unwrap() > 0,
                "no bars on the trends page: {m}"
            );
        }
    }
    let shots = common::repo("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let postmortem = pages
        .iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("2026"))
        .unwrap();
    for (page, name) in [
        (postmortem, "postmortem"),
        (&site.join("trends.html"), "trends"),
        (&site.join("index.html"), "index"),
    ] {
        for width in [390, 1280] {
            for dark in [false, true] {
                let scheme = if dark { "dark" } else { "light" };
                screenshot(
                    &browser,
                    page,
                    width,
                    dark,
                    &shots.join(format!("{name}-{width}-{scheme}.png")),
                );
            }
        }
    }
}
