//! Rendering: Markdown and HTML snapshots of every postmortem and of the edge
//! cases (no milestones, a one-minute incident, days across a DST change and
//! midnight, internal content, a hostile file), public versus internal,
//! byte-identical output run after run, and site builds.

use crate::common;

use insta_cmd::get_cargo_bin;
use postmortem::render::templates::{self, Templates};
use postmortem::render::{self, page};
use postmortem::{document, render::Model};
use std::process::Command;

fn model(path: &str, public: bool) -> Model {
    let text = std::fs::read_to_string(common::repo(path)).unwrap();
    let document = document::parse(&text).document.unwrap();
    render::model(&document, &text, public)
}

fn both(path: &str, public: bool) -> (String, String) {
    let templates = Templates::load(None).unwrap();
    let model = model(path, public);
    let markdown = page::markdown(&model, &templates, page::FrontMatter::Plain, &[]).unwrap();
    let html = page::html(&model, &templates, false).unwrap();
    (markdown, html)
}

const FILES: &[&str] = &[
    "postmortems/2026-05-14-query-failures-after-storage-cleanup.md",
    "postmortems/2012-07-31-api-downtime-load-balancers-out-of-memory.md",
    "postmortems/2018-12-21-processing-paused-after-database-kernel-bug.md",
    "tests/fixtures/render/no-milestones.md",
    "tests/fixtures/render/one-minute.md",
    "tests/fixtures/render/across-dst-and-midnight.md",
    "tests/fixtures/render/internal.md",
    "tests/fixtures/render/hostile.md",
];

#[test]
fn markdown_and_html_snapshots() {
    for path in FILES {
        let (markdown, html) = both(path, true);
        let name = path.rsplit('/').next().unwrap().trim_end_matches(".md");
        insta::assert_snapshot!(format!("{name}.md"), markdown);
        insta::assert_snapshot!(format!("{name}.html"), html);
    }
}

#[test]
fn rendering_is_byte_identical_run_after_run() {
    for path in FILES {
        assert_eq!(both(path, true), both(path, true), "{path}");
    }
}

#[test]
fn public_versions_leave_out_every_internal_part() {
    let (markdown, html) = both("tests/fixtures/render/internal.md", true);
    for secret in ["Jane Roe", "FIN-88", "Renegotiate", "212 customers"] {
        assert!(
            !markdown.contains(secret) && !html.contains(secret),
            "{secret} leaked"
        );
    }
    let (markdown, html) = both("tests/fixtures/render/internal.md", false);
    for secret in ["Jane Roe", "FIN-88", "Renegotiate", "212 customers"] {
        assert!(
            markdown.contains(secret) && html.contains(secret),
            "{secret} missing from the internal version"
        );
    }
}

#[test]
fn hostile_values_come_out_as_text() {
    let (markdown, html) = both("tests/fixtures/render/hostile.md", true);
    // The one script element is the page's JSON-LD, a data block browsers never run.
    assert_eq!(
        html.matches("<script").count(),
        html.matches("<script type=\"application/ld+json\">")
            .count(),
        "raw script tag in HTML"
    );
    assert!(
        !html.contains("<iframe") && !html.contains("<img src=x") && !html.contains("<svg onload")
    );
    assert!(!html.to_lowercase().contains("href=\"javascript:") && !html.contains("src=\"data:"));
    assert!(
        html.contains("&lt;script&gt;"),
        "the title is shown, escaped"
    );
    assert!(
        html.contains("{{ title }}") && html.contains("{% if true %}"),
        "template syntax stays text"
    );
    assert!(
        markdown.contains("{{ config }}") && markdown.contains("[Click me](#)"),
        "{markdown}"
    );
}

#[test]
fn sections_the_body_lacks_are_added_in_canonical_order() {
    let (markdown, _) = both("tests/fixtures/render/across-dst-and-midnight.md", true);
    let at = |heading: &str| {
        markdown
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} missing"))
    };
    assert!(at("## Summary") < at("## Impact") && at("## Impact") < at("## Timeline"));
    assert!(at("## Timeline") < at("## Root cause") && at("## Root cause") < at("## Remediation"));
    assert!(
        markdown.contains("| 01:30 EDT |") && markdown.contains("| 01:30 EST |"),
        "both 01:30s, told apart"
    );
    assert!(markdown.contains("**Sunday, November 1, 2026**"));
}

fn postmortem(dir: &std::path::Path) -> Command {
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(dir)
        .env("POSTMORTEM_NOW", "2026-11-22T00:00:00Z")
        .env_remove("SOURCE_DATE_EPOCH");
    command
}

#[test]
fn a_site_holds_the_published_postmortems_an_index_a_feed_and_the_stylesheet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let status = postmortem(&common::repo(""))
        .args(["render", "postmortems", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".postmortem-site",
            "2026-05-14-query-failures-after-storage-cleanup.html",
            "feed.xml",
            "index.html",
            "services",
            "style.css",
            "trends.html"
        ]
    );
    let mut services: Vec<String> = std::fs::read_dir(out.join("services"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    services.sort();
    assert_eq!(services, ["query-api.html", "storage.html"]);
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.contains("<updated>2026-05-20T00:00:00Z</updated>"));
    let drafts = postmortem(&common::repo(""))
        .args(["render", "postmortems", "--include-drafts", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(drafts.status.code(), Some(0));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let order: Vec<usize> = ["2026-05-14", "2018-12-21", "2012-07-31"]
        .iter()
        .map(|d| index.find(d).unwrap())
        .collect();
    assert!(order[0] < order[1] && order[1] < order[2], "newest first");
}

#[test]
fn a_postmortem_with_lint_errors_stops_the_build_and_keeps_the_old_site() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::copy(
        common::repo("examples/rules/impact-window.md"),
        dir.path().join("in/broken.md"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("good")).unwrap();
    std::fs::copy(
        common::repo("postmortems/2026-05-14-query-failures-after-storage-cleanup.md"),
        dir.path().join("good/ok.md"),
    )
    .unwrap();
    let first = postmortem(dir.path())
        .args(["render", "good", "--out", "site"])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0));
    let old = std::fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    let output = postmortem(dir.path())
        .args(["render", "in", "--include-drafts", "--out", "site"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("error[impact-window]"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("site/index.html")).unwrap(),
        old
    );
}

#[test]
fn titles_that_look_like_paths_cannot_write_outside_the_site() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    let text =
        std::fs::read_to_string(common::repo("tests/fixtures/render/one-minute.md")).unwrap();
    std::fs::write(
        dir.path().join("in/escape.md"),
        text.replace(
            "title: A one-minute blip in the login service",
            "title: ../../../etc/passwd",
        ),
    )
    .unwrap();
    let output = postmortem(dir.path())
        .args(["render", "in", "--out", "site"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Pages are named by their file, never by the title.
    assert!(dir.path().join("site/2026-04-01-escape.html").is_file());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "only in/ and site/"
    );
}

#[test]
fn exported_templates_can_be_overridden_and_extend_the_built_ins() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    let output = postmortem(dir.path())
        .args(["templates", "export", "tpl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        std::fs::read_dir(&tpl).unwrap().count(),
        templates::BUILT_IN.len()
    );
    let again = postmortem(dir.path())
        .args(["templates", "export", "tpl"])
        .output()
        .unwrap();
    assert_eq!(
        again.status.code(),
        Some(2),
        "never overwrites without --force"
    );
    // The hint names only what `templates export` has.
    let stderr = String::from_utf8(again.stderr).unwrap();
    assert!(
        stderr.contains("pass --force to replace the templates there") && !stderr.contains("--dir"),
        "{stderr}"
    );
    std::fs::write(
        tpl.join("page.html"),
        "{% extends \"builtin/page.html\" %}{% block title %}ACME | {{ title }}{% endblock %}",
    )
    .unwrap();
    let minimal = common::repo("examples/minimal.md");
    let page = postmortem(dir.path())
        .args(["render", "--to", "html", "--templates", "tpl"])
        .arg(&minimal)
        .output()
        .unwrap();
    let html = String::from_utf8(page.stdout).unwrap();
    assert!(
        html.contains("<title>ACME | Login page timed out after a certificate expired</title>"),
        "{html}"
    );
    assert!(
        html.contains("<svg"),
        "the rest of the built-in page is kept"
    );
}

/// Every key of a JSON value, however deep, with the path to it.
fn keys(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                out.push((key.clone(), format!("{path}{key}")));
                keys(inner, &format!("{path}{key}."), out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                keys(item, &format!("{}[].", path.trim_end_matches('.')), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_field_of_the_model_and_the_template_context_is_documented() {
    let docs = ["docs/format.md", "docs/templates.md"]
        .map(|p| std::fs::read_to_string(common::repo(p)).unwrap())
        .join("\n");
    let mut found = Vec::new();
    for path in ["examples/full.md", "tests/fixtures/render/internal.md"] {
        let model = model(path, false);
        keys(&serde_json::to_value(model.view()).unwrap(), "", &mut found);
    }
    let undocumented: Vec<&str> = found
        .iter()
        .filter(|(key, _)| {
            ["`{}`", "`{}[]`", ".{}`", "`{}.", "`{}[]."]
                .iter()
                .all(|form| !docs.contains(&form.replace("{}", key)))
        })
        .map(|(_, path)| path.as_str())
        .collect();
    assert!(
        undocumented.is_empty(),
        "not in docs/format.md or docs/templates.md: {undocumented:#?}"
    );
}

#[test]
fn postmortem_site_builds_the_configured_folder_as_render_dir_out_does() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("postmortems");
    std::fs::create_dir(&source).unwrap();
    for path in FILES {
        let name = std::path::Path::new(path).file_name().unwrap();
        std::fs::copy(common::repo(path), source.join(name)).unwrap();
    }
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let site = postmortem(dir.path())
        .args(["site", "--out", "a"])
        .output()
        .unwrap();
    assert_eq!(
        site.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&site.stderr)
    );
    let render = postmortem(dir.path())
        .args(["render", "postmortems", "--out", "b"])
        .output()
        .unwrap();
    assert_eq!(render.status.code(), Some(0));
    let files = |name: &str| {
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join(name))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(files("a"), files("b"));
    assert!(files("a").contains(&"index.html".to_string()));
    for name in files("a").iter().filter(|n| n.ends_with(".html")) {
        let read = |site: &str| std::fs::read(dir.path().join(site).join(name)).unwrap();
        assert_eq!(read("a"), read("b"), "{name}");
    }
}

#[test]
fn markdown_front_matter_comes_in_each_blog_engines_flavour() {
    let text = std::fs::read_to_string(common::repo("examples/full.md")).unwrap();
    let document = document::parse(&text).document.unwrap();
    let model = render::model(&document, &text, true);
    let templates = Templates::load(None).unwrap();
    use page::FrontMatter;
    for (flavour, name) in [
        (FrontMatter::Hugo, "hugo"),
        (FrontMatter::Jekyll, "jekyll"),
        (FrontMatter::Zola, "zola"),
        (FrontMatter::Plain, "plain"),
        (FrontMatter::None, "none"),
    ] {
        let markdown = page::markdown(&model, &templates, flavour, &[]).unwrap();
        let head: String = markdown
            .lines()
            .take_while(|l| !l.starts_with("## "))
            .collect::<Vec<_>>()
            .join("\n");
        insta::assert_snapshot!(format!("front_matter_{name}"), head);
        match flavour {
            FrontMatter::Zola => {
                let inner = markdown.split("+++\n").nth(1).unwrap();
                let table: toml::Table = inner.parse().expect("Zola's front matter is TOML");
                assert_eq!(table["taxonomies"]["tags"].as_array().unwrap().len(), 2);
                assert_eq!(table["draft"].as_bool(), Some(true));
            }
            FrontMatter::None => assert!(markdown.starts_with("# Query failures")),
            _ => {
                let inner = markdown.split("---\n").nth(1).unwrap();
                postmortem::yaml::parse(inner, 0).expect("the front matter is YAML");
            }
        }
    }
}

#[test]
fn postmortem_yml_chooses_the_front_matter_flavour() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postmortem.yml"), "front_matter: zola\n").unwrap();
    std::fs::copy(common::repo("examples/full.md"), dir.path().join("full.md")).unwrap();
    let output = postmortem(dir.path())
        .args(["render", "full.md", "--to", "markdown"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("+++\ntitle = ")
    );
    let hugo = postmortem(dir.path())
        .args([
            "render",
            "full.md",
            "--to",
            "markdown",
            "--front-matter",
            "hugo",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(hugo.stdout)
            .unwrap()
            .contains("\ndraft: true\n")
    );
}

#[test]
fn render_to_json_writes_each_timeline_entry_once() {
    let file = common::repo("postmortems/2026-05-14-query-failures-after-storage-cleanup.md");
    let output = common::postmortem_in(&common::repo("."))
        .env("POSTMORTEM_NOW", "2026-12-01T00:00:00Z")
        .args(["render", file.to_str().unwrap(), "--to", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json = String::from_utf8(output.stdout).unwrap();
    let model: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = model["timeline"].as_array().unwrap();
    assert!(entries.len() > 3);
    assert!(model.get("days").is_none(), "days repeats the timeline");
    for entry in entries {
        let event = entry["event"].as_str().unwrap();
        let quoted = serde_json::to_string(event).unwrap();
        assert_eq!(json.matches(&quoted).count(), 1, "{event} twice");
    }
}

#[test]
fn templates_context_prints_what_each_template_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("postmortems");
    std::fs::create_dir(&source).unwrap();
    let file = "2026-05-14-query-failures-after-storage-cleanup.md";
    std::fs::copy(common::repo("postmortems").join(file), source.join(file)).unwrap();
    let context = |args: &[&str]| -> serde_json::Value {
        let output = common::postmortem_in(dir.path())
            .env("POSTMORTEM_NOW", "2026-12-01T00:00:00Z")
            .args(["templates", "context"])
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    };
    // The index's context, as docs/templates.md lists it.
    let index = context(&["index.html"]);
    let keys: Vec<&str> = index[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let documented = [
        "base_url",
        "feed_id",
        "lang",
        "posts",
        "problems",
        "services",
        "site_title",
        "tags",
        "updated",
    ];
    assert_eq!(keys, documented);
    assert_eq!(index[0]["posts"][0]["slug"], file.trim_end_matches(".md"));
    // A page's context: the model, its days and what the page adds.
    let page = context(&["page.html", &format!("postmortems/{file}")]);
    for key in ["timeline", "days", "figure", "place", "content", "json_ld"] {
        assert!(page[0].get(key).is_some(), "page.html has no {key}");
    }
    let trends = context(&["trends.html"]);
    assert_eq!(trends[0]["count"], 1);
}

#[test]
fn render_of_a_folder_without_out_says_how_to_build_its_site() {
    let output = common::postmortem_in(&common::repo("."))
        .args(["render", "postmortems"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "it is a folder; build its site with `postmortem render postmortems --out SITE`"
        ),
        "{stderr}"
    );
}
