//! In-process cost per postmortem, one thread: the split and YAML tree, the
//! typed reading, the rules, and the report. `bench/run.sh` runs it on the
//! generated corpus; without one it uses the examples.
//!
//!     cargo bench --bench per_file

#[path = "../tests/it/hostile_prose.rs"]
mod hostile_prose;

use postmortem::document::stamp;
use postmortem::{Format, Reporter, document, lint, report::FileReport};
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// Up to 200 postmortems: the corpus's first files, or the examples.
static FILES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let corpus = Path::new("target/bench/corpus-1000");
    let dir = if corpus.is_dir() {
        corpus
    } else {
        Path::new("examples")
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "md"));
    paths.sort();
    paths.truncate(200);
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
});

static OPTIONS: LazyLock<lint::Options> = LazyLock::new(|| {
    let now = stamp::instant("2026-11-22T00:00:00Z").unwrap_or_default();
    lint::Options::new(now)
});

/// Each sample is one pass over every file; divan reports the mean per file.
fn each(bencher: divan::Bencher<'_, '_>, work: impl Fn(&str) + Sync) {
    let files = &*FILES;
    bencher
        .counter(divan::counter::ItemsCount::new(files.len()))
        .bench(|| files.iter().for_each(|text| work(text)));
}

#[divan::bench]
fn parse(bencher: divan::Bencher<'_, '_>) {
    each(bencher, |text| {
        divan::black_box(document::parse(text));
    });
}

#[divan::bench]
fn lint_check(bencher: divan::Bencher<'_, '_>) {
    each(bencher, |text| {
        divan::black_box(lint::check(text, &OPTIONS));
    });
}

#[divan::bench]
fn lint_and_report(bencher: divan::Bencher<'_, '_>) {
    let reporter = Reporter::new(Format::Concise, false);
    each(bencher, |text| {
        let checked = lint::check(text, &OPTIONS);
        let report = FileReport {
            path: "postmortems/file.md",
            text,
            findings: &checked.findings,
        };
        divan::black_box(reporter.render_file(report));
    });
}

/// The language server's re-check of a document on a keystroke: the whole
/// text checked again (and copied in, as an editor sends it), with the
/// settings of its folder already read.
#[divan::bench]
fn server_recheck(bencher: divan::Bencher<'_, '_>) {
    let now = stamp::instant("2026-11-22T00:00:00Z").unwrap_or_default();
    let encoding = postmortem::server::Encoding::Utf16;
    let mut state = postmortem::server::State::new(Some(now), encoding, Vec::new());
    let Ok(uri) = "file:///nowhere/postmortems/a.md".parse::<lsp_types::Uri>() else {
        return;
    };
    let files = &*FILES;
    bencher
        .counter(divan::counter::ItemsCount::new(files.len()))
        .bench_local(|| {
            for text in files {
                state.change(uri.clone(), 1, text.clone());
                divan::black_box(state.check(&uri));
            }
        });
}

/// The 33 real postmortems of `tests/fixtures/adopt/corpus`.
static ADOPT: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = Path::new("tests/fixtures/adopt/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
});

/// `adopt` on each real postmortem.
#[divan::bench]
fn adopt_real(bencher: divan::Bencher<'_, '_>) {
    let files = &*ADOPT;
    let options = postmortem::author::adopt::Options::default();
    bencher
        .counter(divan::counter::ItemsCount::new(files.len()))
        .bench(|| {
            for text in files {
                divan::black_box(postmortem::author::adopt::adopt(text, &options).ok());
            }
        });
}

/// `adopt` on 1 MB of prose built to slow a reader down: the text
/// `tests/it/adopt_shapes.rs` bounds (`tests/it/hostile_prose.rs`).
#[divan::bench]
fn adopt_hostile(bencher: divan::Bencher<'_, '_>) {
    let text = hostile_prose::hostile();
    let options = postmortem::author::adopt::Options::default();
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| divan::black_box(postmortem::author::adopt::adopt(&text, &options).ok()));
}
