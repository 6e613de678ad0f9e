//! The release's version outside Cargo.toml: the GitHub Action's default
//! `version`, the pre-commit mirror's package and its pin of postmortem-cli,
//! the npm wrapper's version and its platform packages', and the
//! `rev: v…` / `@v…` / `postmortem-cli==…` pins in the README and the
//! example workflow all follow Cargo.toml (`packaging/set-version.sh`
//! writes them). The wheel takes its version from Cargo.toml itself.

use crate::common;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The files that pin the release's version (set-version.sh's list).
const PINNED: &[&str] = &[
    "action.yml",
    "README.md",
    "examples/ci/github-actions.yml",
    "packaging/pre-commit/pyproject.toml",
    "packaging/pre-commit/.pre-commit-hooks.yaml",
    "packaging/pre-commit/README.md",
    "packaging/npm/package.json",
];

/// Where a pin's version follows (set-version.sh's patterns).
const MARKERS: &[&str] = &[
    "postmortem-cli==",
    "rev: v",
    "/postmortem@v",
    "/postmortem-pre-commit@v",
];

/// Every pin in `text`: (line number, marker, version).
fn pins(text: &str) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        for marker in MARKERS {
            for (at, _) in line.match_indices(marker) {
                let rest = &line[at + marker.len()..];
                // As set-version.sh: a version starts with a digit
                // (`postmortem-cli==X.Y.Z` in prose is not a pin).
                if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-')))
                    .unwrap_or(rest.len());
                found.push((number, (*marker).to_string(), rest[..end].to_string()));
            }
        }
        if let Some(rest) = line.strip_prefix("version = \"") {
            found.push((
                number,
                "version = ".to_string(),
                rest.trim_end_matches('"').to_string(),
            ));
        }
        // packaging/npm/package.json: the wrapper's version and its
        // platform packages'.
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("\"version\": \"") {
            let end = rest.find('"').unwrap_or(rest.len());
            found.push((number, "\"version\": ".to_string(), rest[..end].to_string()));
        }
        if trimmed.starts_with("\"@postmortem-cli/")
            && let Some(at) = trimmed.find("\": \"")
        {
            let rest = &trimmed[at + "\": \"".len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            found.push((
                number,
                trimmed[..at + 1].to_string(),
                rest[..end].to_string(),
            ));
        }
        if let Some(at) = line.find("default: \"")
            && line.ends_with("# the release's version")
        {
            let rest = &line[at + "default: \"".len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            found.push((number, "default: ".to_string(), rest[..end].to_string()));
        }
    }
    found
}

#[test]
fn every_version_pin_follows_cargo_toml() {
    for path in PINNED {
        let text = std::fs::read_to_string(common::repo(path)).unwrap();
        let pins = pins(&text);
        assert!(
            !pins.is_empty(),
            "{path} pins no version: does it still pin the release?"
        );
        for (line, marker, version) in pins {
            assert_eq!(
                version, VERSION,
                "{path}:{line}: `{marker}{version}` is not Cargo.toml's {VERSION}: run packaging/set-version.sh"
            );
        }
    }
}

#[test]
fn the_action_and_the_mirror_pin_what_they_install() {
    let action = std::fs::read_to_string(common::repo("action.yml")).unwrap();
    assert!(
        pins(&action)
            .iter()
            .any(|(_, marker, v)| marker == "default: " && v == VERSION),
        "action.yml's `version` input must default to {VERSION}"
    );
    let mirror =
        std::fs::read_to_string(common::repo("packaging/pre-commit/pyproject.toml")).unwrap();
    assert!(
        mirror.contains(&format!("\nversion = \"{VERSION}\"\n")),
        "{mirror}"
    );
    assert!(
        mirror.contains(&format!("dependencies = [\"postmortem-cli=={VERSION}\"]")),
        "{mirror}"
    );
    // The wheel's version is Cargo.toml's, through maturin.
    let wheel = std::fs::read_to_string(common::repo("pyproject.toml")).unwrap();
    assert!(wheel.contains("dynamic = [\"version\"]"), "{wheel}");
    assert!(
        !wheel.lines().any(|line| line.starts_with("version =")),
        "{wheel}"
    );
    // The action runs nothing but its own steps: no nested `uses:`, so a
    // runner without GitHub access can run it.
    assert!(
        !action
            .lines()
            .any(|line| line.trim_start().starts_with("uses:")
                || line.trim_start().starts_with("- uses:")),
        "action.yml has a nested uses:"
    );
}

/// set-version.sh rewrites every pin the test above reads, and nothing else.
#[cfg(unix)]
#[test]
fn set_version_writes_every_pin() {
    let dir = tempfile::tempdir().unwrap();
    let mut copies = Vec::new();
    for (index, path) in PINNED.iter().enumerate() {
        let copy = dir
            .path()
            .join(format!("{index}-{}", path.replace('/', "_")));
        std::fs::copy(common::repo(path), &copy).unwrap();
        copies.push(copy);
    }
    let status = std::process::Command::new("bash")
        .arg(common::repo("packaging/set-version.sh"))
        .arg("9.8.7-rc.1")
        .args(&copies)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    for (path, copy) in PINNED.iter().zip(&copies) {
        let before = std::fs::read_to_string(common::repo(path)).unwrap();
        let after = std::fs::read_to_string(copy).unwrap();
        let pins = pins(&after);
        assert_eq!(pins.len(), self::pins(&before).len(), "{path}");
        for (line, marker, version) in pins {
            assert_eq!(
                version, "9.8.7-rc.1",
                "{path}:{line}: `{marker}{version}` not rewritten"
            );
        }
        // Only pins changed: putting the version back restores the file.
        let restored = after.replace("9.8.7-rc.1", VERSION);
        for (line, (was, is)) in before.lines().zip(restored.lines()).enumerate() {
            assert_eq!(
                is,
                was,
                "{path}:{}: set-version.sh changed more than a pin",
                line + 1
            );
        }
        assert_eq!(restored.len(), before.len(), "{path}");
    }
}

/// The targets of dist-workspace.toml (cargo-dist's archives and installers).
fn dist_targets() -> Vec<String> {
    let text = std::fs::read_to_string(common::repo("dist-workspace.toml")).unwrap();
    let config: toml::Table = toml::from_str(&text).unwrap();
    let mut targets: Vec<String> = config["dist"]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    targets.sort();
    targets
}

/// One release: release.yml is cargo-dist's (packaging/test-installer.sh
/// checks it is what dist generates), and every job dist does not know is a
/// reusable workflow that exists beside it; the wheels are built for the
/// targets dist builds archives for, and PyPI publishes the wheels the
/// wheels workflow uploads.
#[test]
fn the_release_workflow_is_dists_and_its_custom_jobs_exist() {
    let release = std::fs::read_to_string(common::repo(".github/workflows/release.yml")).unwrap();
    assert!(
        release.starts_with("# This file was autogenerated by dist"),
        "release.yml is not cargo-dist's: run `dist generate`"
    );
    let called: Vec<&str> = release
        .lines()
        .filter_map(|line| line.trim().strip_prefix("uses: ./.github/workflows/"))
        .collect();
    for expected in [
        "release-pins.yml",
        "release-wheels.yml",
        "release-pypi.yml",
        "release-npm.yml",
        "release-pre-commit-mirror.yml",
    ] {
        assert!(
            called.contains(&expected),
            "release.yml does not call {expected}: {called:?}"
        );
    }
    for workflow in &called {
        let text = std::fs::read_to_string(common::repo(&format!(".github/workflows/{workflow}")))
            .unwrap_or_else(|e| panic!("release.yml calls {workflow}: {e}"));
        assert!(
            text.contains("\n  workflow_call:"),
            "{workflow} is not a reusable workflow"
        );
    }
    assert!(
        release.contains("publish-homebrew-formula:"),
        "no Homebrew job"
    );

    let wheels =
        std::fs::read_to_string(common::repo(".github/workflows/release-wheels.yml")).unwrap();
    let mut wheel_targets: Vec<String> = wheels
        .lines()
        .filter_map(|line| {
            let rest = &line[line.find(" target: ")? + " target: ".len()..];
            let end = rest.find([',', ' '])?;
            Some(rest[..end].to_string())
        })
        .collect();
    wheel_targets.sort();
    assert_eq!(
        wheel_targets,
        dist_targets(),
        "release-wheels.yml builds wheels for other targets than dist-workspace.toml's"
    );
    assert!(wheels.contains("name: wheels-${{ matrix.target }}"));
    let pypi = std::fs::read_to_string(common::repo(".github/workflows/release-pypi.yml")).unwrap();
    assert!(pypi.contains("pattern: wheels-*"), "{pypi}");
}
