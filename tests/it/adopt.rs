//! `adopt`: Markdown postmortems written without the tool become ours, in
//! place or elsewhere, every body line kept, and then lint with only what a
//! reviewer must still fill in. Real public write-ups are in
//! `tests/fixtures/adopt/real/`: their times, dates, zones and layout as
//! published, their sentences in our own words (sources in
//! tests/fixtures/adopt/README.md).

use crate::common;
use std::path::{Path, PathBuf};
use std::process::Output;

const NOW: &str = "2026-12-01T00:00:00Z";

/// Findings a reviewer resolves by writing: what is missing, what prose
/// says that the timeline does not, and how the original words blame.
const REVIEWER: &[&str] = &[
    "milestone-missing",
    "section-missing",
    "prose-duration",
    "blameless-language",
];

fn run(dir: &Path, args: &[&str]) -> Output {
    common::postmortem_in(dir)
        .env("POSTMORTEM_NOW", NOW)
        .args(args)
        .output()
        .unwrap()
}

/// A real write-up, rewritten in our words, in `tests/fixtures/adopt/real/`.
fn real(name: &str) -> PathBuf {
    common::repo("tests/fixtures/adopt/real").join(name)
}

/// The Mixpanel RCA of 2026-05-14 as Markdown: the saved page holds it on
/// one line; headings and list items go back on lines of their own.
fn mixpanel_rca() -> String {
    let page = std::fs::read_to_string(real("mixpanel-2026-05-14-rca.txt")).unwrap();
    let line = page
        .lines()
        .find(|l| l.starts_with("# Mixpanel RCA"))
        .unwrap();
    let mut text = line
        .replace(" ## ", "\n\n## ")
        .replace(" * ", "\n* ")
        .replace("\\(", "(")
        .replace("\\)", ")");
    for heading in [
        "Summary",
        "What happened",
        "Customer impact",
        "Timeline (Pacific Time)",
        "Why this happened",
        "What we're doing to prevent recurrence",
        "Closing",
    ] {
        text = text.replace(&format!("## {heading} "), &format!("## {heading}\n\n"));
    }
    text.push('\n');
    text
}

/// Findings by rule, after adopting; panics on any a reviewer does not own.
fn lint_rules(dir: &Path, file: &str) -> Vec<String> {
    let output = run(dir, &["lint", "--format", "json", file]);
    let rules: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| {
            format!(
                "{} {}",
                v["rule"].as_str().unwrap(),
                v["message"].as_str().unwrap()
            )
        })
        .collect();
    let foreign: Vec<&String> = rules
        .iter()
        .filter(|r| !REVIEWER.iter().any(|k| r.starts_with(&format!("{k} "))))
        .collect();
    assert!(foreign.is_empty(), "{file}: {foreign:#?}");
    rules
}

fn entries(text: &str) -> Vec<String> {
    common::timeline(text)
        .into_iter()
        .map(|(at, kind, _, event)| format!("{} {kind} {event}", &at[..16]))
        .collect()
}

#[test]
fn the_real_mixpanel_rca_is_adopted_with_its_pacific_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let original = mixpanel_rca();
    std::fs::write(dir.path().join("2026-05-14-mixpanel-rca.md"), &original).unwrap();
    let output = run(dir.path(), &["adopt", "2026-05-14-mixpanel-rca.md"]);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "2026-05-14-mixpanel-rca.md: 7 timeline entries, America/Los_Angeles\n\
         2026-05-14-mixpanel-rca.md:15: zone America/Los_Angeles, from \"Pacific Time\"\n"
    );
    assert_eq!(output.status.code(), Some(0), "nothing was left unread");
    let adopted = std::fs::read_to_string(dir.path().join("2026-05-14-mixpanel-rca.md")).unwrap();
    assert!(
        adopted.ends_with(&original),
        "every line of the original is kept"
    );
    assert_eq!(
        entries(&adopted),
        [
            "2026-05-14 21:30 note The cleanup operation starts",
            "2026-05-14 22:11 note Internal alerts report failing queries; the cleanup is halted minutes later",
            "2026-05-14 23:07 note Banner posted on the status page",
            "2026-05-14 23:45 mitigated Mitigation rolled out: failed queries retry on their own in an alternate availability zone",
            "2026-05-15 02:12 note Second mitigation rolled out: missing files are served from a backup datastore",
            "2026-05-15 03:11 resolved Query success rate and latency back at normal levels; service fully restored",
            "2026-05-16 00:15 note Restore of the files from backup finished; status page banner resolved",
        ]
    );
    let rules = lint_rules(dir.path(), "2026-05-14-mixpanel-rca.md");
    assert!(
        rules.iter().any(|r| r.starts_with("blameless-language ")),
        "{rules:#?}"
    );
}

#[test]
fn plain_text_reports_are_adopted_with_their_first_line_as_title() {
    let dir = tempfile::tempdir().unwrap();
    for (name, file, title) in [
        (
            "mixpanel-2012.md",
            "mixpanel-2012-api-downtime.txt",
            "Post-mortem: API Downtime on July 31st, 2012 - Mixpanel",
        ),
        (
            "customerio-2018.md",
            "customerio-2018-12-21.txt",
            "Sending has stopped and the management interface is temporarily unreachable",
        ),
    ] {
        let original = std::fs::read_to_string(real(file)).unwrap();
        std::fs::write(dir.path().join(name), &original).unwrap();
        let output = run(dir.path(), &["adopt", name]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let adopted = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(
            adopted.starts_with(&format!("---\ntitle: \"{}\"\n", title.replace('"', "\\\"")))
                || adopted.starts_with(&format!("---\ntitle: {title}\n")),
            "{adopted}"
        );
        assert!(adopted.ends_with(&original));
        lint_rules(dir.path(), name);
    }
}

/// The blog keys the fixtures keep, accepted as `extra_keys`.
const CONFIG: &str = "extra_keys: [layout, categories, draft, extra, taxonomies]\n";

#[test]
fn blog_posts_and_plain_files_lint_with_only_what_a_reviewer_fills_in() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postmortem.yml"), CONFIG).unwrap();
    let fixtures = common::repo("tests/fixtures/adopt");
    let mut names = Vec::new();
    for file in std::fs::read_dir(&fixtures).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        // `real/` holds the public write-ups, adopted by the tests above.
        if path.is_file() && name != "README.md" {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
            names.push(name);
        }
    }
    names.sort();
    let mut args = vec!["adopt"];
    args.extend(names.iter().map(String::as_str));
    let output = run(dir.path(), &args);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "2025-11-03-hugo-cache-stampede.md: 5 timeline entries, UTC\n\
         2025-11-03-hugo-cache-stampede.md:15: zone UTC, from \"UTC\"\n\
         2025-11-03-hugo-cache-stampede.md: times without a date are on 2025-11-03, from its file's name\n\
         2026-02-10-jekyll-deploy-freeze.md: 7 timeline entries, America/Los_Angeles\n\
         2026-02-10-jekyll-deploy-freeze.md:9: zone America/Los_Angeles, from \"PST\"\n\
         plain-table-postmortem.md: 5 timeline entries, UTC\n\
         plain-table-postmortem.md:10: zone UTC, from \"UTC\"\n\
         zola-dns-outage.md: 4 timeline entries, UTC\n\
         zola-dns-outage.md:17: zone UTC, from \"UTC\"\n"
    );
    for name in &names {
        lint_rules(dir.path(), name);
    }
    let jekyll =
        std::fs::read_to_string(dir.path().join("2026-02-10-jekyll-deploy-freeze.md")).unwrap();
    assert_eq!(
        entries(&jekyll),
        [
            "2026-02-11 00:00 note signing key expires (midnight UTC)",
            "2026-02-11 00:12 note first failed deploy; the pipeline retries twice",
            "2026-02-11 00:31 detected alerts fired for the deploy failure rate",
            "2026-02-11 01:05 acknowledged on-call acknowledged and opened an incident channel",
            "2026-02-11 01:40 identified root cause identified: the key's validity window",
            "2026-02-11 02:02 mitigated new key issued and deploys mitigated by re-signing",
            "2026-02-11 02:15 resolved deploys resolved; the backlog of 41 releases went out",
        ]
    );
    assert!(
        jekyll.contains("action_items: []\nlayout: post\ncategories: [postmortem, ci]\n---\n"),
        "{jekyll}"
    );
    let zola = std::fs::read_to_string(dir.path().join("zola-dns-outage.md")).unwrap();
    assert!(zola.contains("taxonomies:\n  tags: [dns]\n"), "{zola}");
    assert!(zola.contains("summary: Internal names stopped resolving for 47 minutes.\n"));
}

#[test]
fn adopting_twice_is_refused_and_print_and_output_leave_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::repo("tests/fixtures/adopt/plain-table-postmortem.md");
    let original = std::fs::read_to_string(&fixture).unwrap();
    std::fs::write(dir.path().join("pm.md"), &original).unwrap();
    let printed = run(dir.path(), &["adopt", "pm.md", "--print"]);
    assert!(printed.status.success());
    let out = run(dir.path(), &["adopt", "pm.md", "-o", "adopted.md"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("pm.md")).unwrap(),
        original
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("adopted.md")).unwrap(),
        String::from_utf8(printed.stdout).unwrap()
    );
    let again = run(dir.path(), &["adopt", "adopted.md"]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&again.stderr),
        "error: adopted.md: cannot adopt: it is already a postmortem in this format (its front matter has `timeline`)\n"
    );
    let taken = run(dir.path(), &["adopt", "pm.md", "-o", "adopted.md"]);
    assert_eq!(taken.status.code(), Some(2), "-o never replaces a file");
}

#[test]
fn a_time_whose_date_is_unclear_is_kept_for_lint_to_ask_about() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pm.md"), "# Login outage\n\nAll times in UTC.\n\n## Timeline\n\n- 14:30 logins fail\n- 14:50 resolved by a restart\n").unwrap();
    let output = run(dir.path(), &["adopt", "pm.md"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "warning: pm.md: the first 2 entries have no date; write it in the first `at`, as `lint` will ask\n"
    );
    let lint = run(dir.path(), &["lint", "--format", "concise", "pm.md"]);
    let said = String::from_utf8(lint.stdout).unwrap();
    assert!(
        said.contains("pm.md:6:9: error[timestamp] `14:30` has no date"),
        "{said}"
    );
    assert_eq!(
        said.matches("error[timestamp]").count(),
        1,
        "one mistake, one error: {said}"
    );
}

#[test]
fn adopt_to_an_existing_output_names_the_option_it_has() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.md"), "# Outage\n\nIt broke.\n").unwrap();
    std::fs::write(dir.path().join("out.md"), "kept\n").unwrap();
    let refused = run(dir.path(), &["adopt", "x.md", "-o", "out.md"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.md")).unwrap(),
        "kept\n"
    );
    let forced = run(dir.path(), &["adopt", "x.md", "-o", "out.md", "--force"]);
    assert!(forced.status.success(), "{forced:?}");
    assert!(
        std::fs::read_to_string(dir.path().join("out.md"))
            .unwrap()
            .starts_with("---\ntitle: Outage\n")
    );
}

#[test]
fn an_abbreviation_other_places_use_too_is_reported_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# DB outage\n\n_All times in IST_\n\n### 2024-03-05\n\n- 09:12 errors start\n";
    std::fs::write(dir.path().join("x.md"), text).unwrap();
    let output = run(dir.path(), &["adopt", "x.md"]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("x.md: 1 timeline entry, Asia/Kolkata\n"),
        "{out}"
    );
    assert!(
        out.contains("IST is also used in Asia/Jerusalem and Europe/Dublin"),
        "{out}"
    );
}
