//! The user's files are never lost, clobbered or exposed, tested with the
//! real thing: processes racing on one file, an editor saving during an
//! edit, real umasks, modes, symbolic links and FIFOs, `/dev/full`, a
//! closed pipe, and a folder walk past a link to `/proc/self/environ`.

use crate::common;

use insta_cmd::get_cargo_bin;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-05-20T12:00:00Z";

fn postmortem(dir: &Path) -> Command {
    let mut command = Command::new(get_cargo_bin("postmortem"));
    command
        .current_dir(dir)
        .env("POSTMORTEM_NOW", NOW)
        .env("NO_COLOR", "1");
    command
}

fn run(dir: &Path, args: &[&str]) -> Output {
    postmortem(dir).args(args).output().unwrap()
}

/// `timeline add FILE EVENT --at "2026-05-15 18:00"` in `dir`.
fn add_at_six(dir: &Path, file: &str, event: &str) -> Output {
    run(
        dir,
        &["timeline", "add", file, event, "--at", "2026-05-15 18:00"],
    )
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A postmortem from the examples in `dir`, as `name`.
fn example(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::copy(common::repo("examples/full.md"), &path).unwrap();
    path
}

#[test]
fn twenty_simultaneous_timeline_adds_all_land_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = example(dir.path(), "pm.md");
    let children: Vec<_> = (0..20)
        .map(|i| {
            postmortem(dir.path())
                .args(["timeline", "add", "pm.md", &format!("scribe note {i:02}")])
                .args(["--at", &format!("2026-05-15 17:{:02}", 10 + i)])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let text = std::fs::read_to_string(&file).unwrap();
    let places: Vec<usize> = (0..20)
        .map(|i| {
            text.find(&format!("scribe note {i:02}"))
                .expect("every entry landed")
        })
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "in time order");
    let lint = run(dir.path(), &["lint", "pm.md", "--format", "concise"]);
    assert!(!String::from_utf8_lossy(&lint.stdout).contains("timeline-order"));
}

#[test]
fn ten_simultaneous_news_of_one_title_leave_exactly_one_winner() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "new",
        "Checkout errors",
        "--severity",
        "SEV2",
        "--start",
        "2026-05-20 10:00",
        "--timezone",
        "UTC",
        "--no-input",
    ];
    let children: Vec<_> = (0..10)
        .map(|_| {
            postmortem(dir.path())
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<Option<i32>> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status.code())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(2)).count(),
        9,
        "{codes:?}"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path().join("postmortems"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        ["2026-05-20-checkout-errors.md"],
        "no temporary left"
    );
}

/// An editor that saves by truncating and writing in two steps, as many do,
/// while `timeline add` runs: an add never puts a half-written file in place.
#[test]
fn an_add_during_an_editor_save_never_keeps_a_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = example(dir.path(), "pm.md");
    let saved = std::fs::read(&file).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let editor = {
        let (file, saved, stop) = (file.clone(), saved.clone(), stop.clone());
        std::thread::spawn(move || {
            use std::io::Write;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let mut out = std::fs::File::create(&file).unwrap();
                out.write_all(&saved[..saved.len() / 2]).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(15));
                out.write_all(&saved[saved.len() / 2..]).unwrap();
                drop(out);
                std::thread::sleep(std::time::Duration::from_millis(150));
            }
        })
    };
    let mut checked = 0;
    for i in 0..12 {
        let event = format!("logged during a save {i}");
        let output = run(
            dir.path(),
            &[
                "timeline",
                "add",
                "pm.md",
                &event,
                "--at",
                "2026-05-15 17:30",
            ],
        );
        let after = std::fs::read_to_string(&file).unwrap();
        match output.status.code() {
            Some(0) if after.contains(&event) => {
                checked += 1;
                assert!(
                    after.contains("## Root cause") && after.contains("## Remediation"),
                    "a half-written file was put in place:\n{after}"
                );
            }
            Some(0) => {} // the editor's next save replaced ours: its buffer wins
            Some(2) => assert!(
                stderr(&output).contains("kept changing"),
                "{}",
                stderr(&output)
            ),
            other => panic!("exit {other:?}: {}", stderr(&output)),
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    editor.join().unwrap();
    // Had the editor's saves replaced every entry, nothing would be checked.
    assert!(checked >= 3, "only {checked} of 12 adds could be checked");
}

#[test]
fn replacing_keeps_the_mode_and_new_files_follow_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let file = example(dir.path(), "pm.md");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).unwrap();
    let add = add_at_six(dir.path(), "pm.md", "Checked");
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    assert_eq!(mode(&file), 0o664, "a shared file stays shared");
    for (umask, expected) in [("022", 0o644), ("002", 0o664), ("077", 0o600)] {
        let page = format!("page-{umask}.html");
        let status = Command::new("sh")
            .current_dir(dir.path())
            .env("POSTMORTEM_NOW", NOW)
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" render pm.md --to html -o {page}"
            ))
            .arg(get_cargo_bin("postmortem"))
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(mode(&dir.path().join(&page)), expected, "umask {umask}");
    }
}

#[test]
fn a_read_only_postmortem_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = example(dir.path(), "pm.md");
    let before = std::fs::read(&file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let add = add_at_six(dir.path(), "pm.md", "Checked");
    assert_eq!(add.status.code(), Some(2));
    assert!(
        stderr(&add).contains("pm.md is read-only"),
        "{}",
        stderr(&add)
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn an_edit_through_a_symbolic_link_changes_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    let target = example(&dir.path().join("shared"), "pm.md");
    std::os::unix::fs::symlink("shared/pm.md", dir.path().join("link.md")).unwrap();
    let add = add_at_six(dir.path(), "link.md", "Via the link");
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    let link = std::fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Via the link")
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("shared"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn templates_export_writes_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tpl");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("page.html"), "mine").unwrap();
    let export = run(dir.path(), &["templates", "export", "tpl"]);
    assert_eq!(export.status.code(), Some(2));
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["page.html"], "nothing else was written");
    assert_eq!(
        std::fs::read_to_string(out.join("page.html")).unwrap(),
        "mine"
    );
}

#[test]
fn a_full_disk_on_stdout_is_an_error_and_a_closed_pipe_is_quiet() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = postmortem(&common::repo(""))
        .args(["lint", "postmortems"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot write to standard output: no space left on device"));
    let mut child = postmortem(&common::repo(""))
        .arg("rules")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader went away, as `| head -0` does
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
}

#[test]
fn a_fifo_is_refused_at_once_and_links_out_of_the_folder_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let start = std::time::Instant::now();
    let output = run(dir.path(), &["lint", "pipe.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("pipe.md is not a regular file"));
    assert!(
        start.elapsed() < std::time::Duration::from_secs(10),
        "no hang"
    );
    std::fs::remove_file(&fifo).unwrap();
    example(dir.path(), "pm.md");
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("env.md")).unwrap();
    let output = postmortem(dir.path())
        .env("CI_TOKEN", "s3cr3t-token-value")
        .args(["lint", ".", "--format", "concise"])
        .output()
        .unwrap();
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
    assert!(!shown.contains("s3cr3t"), "{shown}");
    assert!(shown.contains("in 1 file"), "{shown}");
}

#[test]
fn config_folders_are_relative_to_the_config_file_from_any_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("records/2026")).unwrap();
    std::fs::create_dir_all(dir.path().join("src/deep")).unwrap();
    std::fs::write(dir.path().join("postmortem.yml"), "dir: records\n").unwrap();
    example(&dir.path().join("records/2026"), "pm.md");
    let output = run(
        &dir.path().join("src/deep"),
        &["lint", "--format", "concise"],
    );
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("in 1 file"), "{out}{}", stderr(&output));
}

#[test]
fn without_a_config_the_default_folder_is_the_repositorys_from_any_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("postmortems")).unwrap();
    std::fs::create_dir_all(dir.path().join("docs/deep")).unwrap();
    example(&dir.path().join("postmortems"), "pm.md");
    for here in ["docs/deep", "postmortems", ""] {
        let output = run(&dir.path().join(here), &["lint", "--format", "concise"]);
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(
            out.contains("in 1 file"),
            "from {here:?}: {out}{}",
            stderr(&output)
        );
    }
}

#[test]
fn document_text_never_reaches_the_terminal_as_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::repo("examples/full.md")).unwrap();
    // An action item without an owner: its title is quoted in the finding.
    let hostile = text.replacen(
        "action_items:\n",
        "action_items:\n  - title: \"\\e]0;owned\\a\\e[2J\\n::error file=x::forged \\f\"\n",
        1,
    );
    std::fs::write(dir.path().join("pm.md"), hostile).unwrap();
    for format in ["human", "concise", "github", "junit"] {
        let output = run(dir.path(), &["lint", "pm.md", "--format", format]);
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(
            out.contains("forged"),
            "{format}: the title is quoted: {out}"
        );
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{c}'),
            "{format}: {out}"
        );
        assert!(
            !out.lines().any(|l| l.starts_with("::error file=x")),
            "{format}: {out}"
        );
    }
}

/// A folder of two published postmortems to build sites from.
fn source(dir: &Path) {
    std::fs::create_dir_all(dir.join("postmortems")).unwrap();
    for name in [
        "2026-05-14-query-failures-after-storage-cleanup.md",
        "2018-12-21-processing-paused-after-database-kernel-bug.md",
    ] {
        std::fs::copy(
            common::repo(&format!("postmortems/{name}")),
            dir.join("postmortems").join(name),
        )
        .unwrap();
    }
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_site_build_refuses_every_folder_it_did_not_make() {
    let dir = tempfile::tempdir().unwrap();
    source(dir.path());
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("docs/notes.md"), "my notes").unwrap();
    std::fs::write(dir.path().join("file.txt"), "a file").unwrap();
    let before_docs = tree(&dir.path().join("docs"));
    let before_source = tree(&dir.path().join("postmortems"));
    for (out, why) in [
        ("docs", "is not a site folder made by postmortem"),
        ("postmortems", "holds the postmortems being published"),
        ("..", "holds the postmortems being published"),
        (".", "is the current folder"),
        ("file.txt", "is a file"),
        ("/", "is the root folder"),
    ] {
        let output = run(dir.path(), &["render", "postmortems", "--out", out]);
        assert_eq!(output.status.code(), Some(2), "{out}");
        assert!(stderr(&output).contains(why), "{out}: {}", stderr(&output));
        assert!(stderr(&output).contains("nothing was written"));
    }
    let parent = run(
        &dir.path().join("postmortems"),
        &["render", ".", "--out", ".."],
    );
    assert!(stderr(&parent).contains("holds the postmortems being published"));
    assert_eq!(tree(&dir.path().join("docs")), before_docs);
    assert_eq!(tree(&dir.path().join("postmortems")), before_source);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("file.txt")).unwrap(),
        "a file"
    );
}

#[test]
fn a_site_replaces_its_own_build_and_refuses_once_someone_adds_a_file() {
    let dir = tempfile::tempdir().unwrap();
    source(dir.path());
    for _ in 0..2 {
        let output = run(dir.path(), &["render", "postmortems", "--out", "site"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    std::fs::write(dir.path().join("site/CNAME"), "blog.example").unwrap();
    let output = run(dir.path(), &["render", "postmortems", "--out", "site"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("holds `CNAME`, which no site build made"));
    assert!(dir.path().join("site/CNAME").exists());
}

#[test]
fn a_symlinked_site_is_built_into_its_target_and_the_link_kept() {
    let dir = tempfile::tempdir().unwrap();
    source(dir.path());
    std::fs::create_dir(dir.path().join("deploy")).unwrap();
    std::os::unix::fs::symlink("deploy", dir.path().join("site")).unwrap();
    for _ in 0..2 {
        let output = run(dir.path(), &["render", "postmortems", "--out", "site"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let link = std::fs::symlink_metadata(dir.path().join("site")).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(dir.path().join("deploy/index.html").is_file());
    let names: Vec<_> = tree(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["deploy", "postmortems", "site"], "no staging left");
}

/// SIGKILL at 40 moments of a site build: the site is always there, always
/// one whole build (the marker lists exactly its files), and the next run
/// cleans whatever the killed one left.
#[test]
fn a_killed_site_build_never_leaves_no_site_or_half_a_site() {
    let dir = tempfile::tempdir().unwrap();
    source(dir.path());
    let build = || {
        let mut command = postmortem(dir.path());
        command.args(["render", "postmortems", "--out", "site"]);
        command
    };
    assert!(build().output().unwrap().status.success());
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..40 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = build()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(seed % 30_000));
        let _ = child.kill();
        child.wait().unwrap();
        let site = dir.path().join("site");
        let marker = std::fs::read_to_string(site.join(".postmortem-site")).expect("a site");
        // Pages in folders (`services/api.html`) stand under their folder.
        let mut listed: Vec<&str> = marker
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('/').next().unwrap_or(l))
            .collect();
        listed.push(".postmortem-site");
        listed.sort_unstable();
        listed.dedup();
        let present: Vec<String> = tree(&site).into_iter().map(|(n, _)| n).collect();
        assert_eq!(present, listed, "the site is one whole build");
    }
    assert!(build().output().unwrap().status.success());
    let names: Vec<_> = tree(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["postmortems", "site"], "leftovers cleaned");
}

/// Internal parts written every way people write them, and near misses: the
/// public JSON, Markdown and HTML carry none of the secrets, and lint
/// reports each near miss.
#[test]
fn internal_parts_stay_internal_whatever_the_marker_looks_like() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::repo("tests/fixtures/render/internal.md")).unwrap();
    let hostile = format!(
        "{text}\n<!-- INTERNAL -->\n## Secret heading one\nSECRET-A\n<!--/ Internal --->\n\n\
         <div>\n<!--internal-->\n</div>\n\nSECRET-B\n\n<!-- /internal -->\n\n\
         Public paragraph.\n\n<!-- end internal -->\n## Secret heading two\nSECRET-C\n"
    )
    .replacen(
        "event: Finance alert fires\n",
        "event: Finance alert fires\n    internal: true\n",
        1,
    );
    std::fs::write(dir.path().join("pm.md"), hostile).unwrap();
    let lint = run(dir.path(), &["lint", "pm.md", "--format", "concise"]);
    let findings = String::from_utf8_lossy(&lint.stdout);
    assert_eq!(
        findings.matches("error[internal-marker]").count(),
        2,
        "{findings}"
    );
    assert!(
        findings.contains("looks like an internal marker"),
        "{findings}"
    );
    for to in ["json", "markdown", "html"] {
        let doc = postmortem::document::parse(
            &std::fs::read_to_string(dir.path().join("pm.md")).unwrap(),
        );
        let document = doc.document.unwrap();
        let source = std::fs::read_to_string(dir.path().join("pm.md")).unwrap();
        let model = postmortem::render::model(&document, &source, true);
        let templates = postmortem::render::templates::Templates::load(None).unwrap();
        let rendered = match to {
            "json" => serde_json::to_string(&model.view()).unwrap(),
            "markdown" => postmortem::render::page::markdown(
                &model,
                &templates,
                postmortem::render::page::FrontMatter::Plain,
                &[],
            )
            .unwrap(),
            _ => postmortem::render::page::html(&model, &templates, true).unwrap(),
        };
        for secret in [
            "SECRET-A",
            "SECRET-B",
            "SECRET-C",
            "Secret heading",
            "FIN-88",
            "Jane Roe",
        ] {
            assert!(!rendered.contains(secret), "{secret} in public {to}");
        }
        assert!(rendered.contains("Public paragraph"), "{to}");
    }
    // A metric measured to an internal milestone would tell when it was.
    let source = std::fs::read_to_string(dir.path().join("pm.md")).unwrap();
    let document = postmortem::document::parse(&source).document.unwrap();
    let public = postmortem::render::model(&document, &source, true);
    let internal = postmortem::render::model(&document, &source, false);
    assert_eq!(public.metrics.time_to_detect_minutes, None);
    assert_eq!(internal.metrics.time_to_detect_minutes, Some(5));
    assert_eq!(public.metrics.time_to_resolve_minutes, Some(45));
}

#[test]
fn a_form_feed_in_a_title_leaves_the_feed_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    source(dir.path());
    let path = dir
        .path()
        .join("postmortems/2026-05-14-query-failures-after-storage-cleanup.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let title = text.lines().find(|l| l.starts_with("title: ")).unwrap();
    let hostile = text.replacen(title, "title: \"Page\\f break\\u0001\"", 1);
    std::fs::write(&path, hostile).unwrap();
    let output = run(dir.path(), &["render", "postmortems", "--out", "site"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let feed = std::fs::read_to_string(dir.path().join("site/feed.xml")).unwrap();
    assert!(feed.contains("Page\u{FFFD} break"), "{feed}");
    let forbidden = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
    assert!(!feed.chars().any(forbidden));
}

/// Builds racing into one site do not take each other's staging folder for a
/// killed build's leftovers: all of them finish, and one whole site remains.
#[test]
fn simultaneous_site_builds_all_finish_and_leave_one_whole_site() {
    let dir = tempfile::tempdir().unwrap();
    source(dir.path());
    for _ in 0..5 {
        let children: Vec<_> = (0..4)
            .map(|_| {
                postmortem(dir.path())
                    .args(["render", "postmortems", "--out", "site"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        }
    }
    let names: Vec<_> = tree(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["postmortems", "site"]);
    assert!(dir.path().join("site/index.html").is_file());
}
