//! One site, two ways: `render DIR --out` writes it to disk and `serve`
//! keeps it in memory, both from the library's `site::Site`, so for the
//! same folder they make the same files, byte for byte, once the preview's
//! reload script is taken out.

use crate::common;
use crate::serve::{get, serve_with};

/// The page as the preview serves it, without what only a preview adds.
fn without_reload(page: &str) -> String {
    page.replacen(
        "default-src 'none'; script-src 'self'; connect-src 'self';",
        "default-src 'none';",
        1,
    )
    .replacen(
        "<script src=\"/__reload.js\"></script>\n</body>",
        "</body>",
        1,
    )
}

/// The repository's postmortems, a draft and one of the examples.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("postmortems");
    std::fs::create_dir(&source).unwrap();
    for entry in std::fs::read_dir(common::repo("postmortems")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, source.join(path.file_name().unwrap())).unwrap();
    }
    for example in ["full.md", "query-api-2025-draft.md"] {
        let from = common::repo("examples").join(example);
        std::fs::copy(from, source.join(example)).unwrap();
    }
    dir
}

#[test]
fn render_out_and_serve_make_the_same_files_for_the_same_folder() {
    let dir = folder();
    let built = common::postmortem_in(dir.path())
        .env("POSTMORTEM_NOW", "2026-12-01T00:00:00Z")
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["render", "postmortems", "--out", "site"])
        .args(["--include-drafts", "--internal"])
        .output()
        .unwrap();
    assert!(built.status.success(), "{built:?}");
    let served = serve_with(dir.path(), &[]);
    let root = dir.path().join("site");
    let mut compared = 0;
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            // The marker that says the folder is the tool's is not a page.
            if name.starts_with('.') {
                continue;
            }
            let on_disk = std::fs::read_to_string(&path).unwrap();
            let (status, body) = get(&served.address, &format!("/{name}"));
            assert!(status.contains("200"), "{name}: {status}");
            assert_eq!(without_reload(&body), on_disk, "{name} differs");
            compared += 1;
        }
    }
    // Five postmortems' pages, index, feed, style, trends and the lists.
    assert!(compared >= 10, "only {compared} files compared");
}
