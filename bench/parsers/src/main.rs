//! The event-parser floor for `document::yaml` (issue 15): each candidate
//! reads the front matter of the corpus's first 1,000 files to events, and
//! every event's byte offset, line and column are taken (the tree needs
//! them), best of 20 passes.
//!
//!     cargo run --release --manifest-path bench/parsers/Cargo.toml -- target/bench/corpus-1000

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench/corpus-1000".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("corpus").flatten().map(|e| e.path()).collect();
    paths.sort();
    let yamls: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|t| {
            let end = t[4..].find("\n---\n")? + 5;
            Some(t[4..end].to_string())
        })
        .collect();
    let n = yamls.len() as f64;
    let best = |f: &dyn Fn(&str) -> usize| {
        (0..20)
            .map(|_| {
                let start = Instant::now();
                let mut sum = 0;
                for y in &yamls {
                    sum += f(y);
                }
                std::hint::black_box(sum);
                start.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let granit = best(&|y| {
        granit_parser::Parser::new_from_str(y)
            .map(|e| {
                let (_, span) = e.expect("valid");
                span.start.byte_offset().unwrap_or(0) + span.start.line() + span.start.col()
            })
            .sum()
    });
    let saphyr = best(&|y| {
        // Markers give character indexes: a byte offset needs a walk of the text.
        let mut chars = y.char_indices();
        let mut at = (0usize, 0usize);
        saphyr_parser::Parser::new_from_str(y)
            .map(|e| {
                let (_, span) = e.expect("valid");
                let index = span.start.index();
                while at.0 < index {
                    at = (at.0 + 1, chars.next().map_or(at.1, |(b, _)| b));
                }
                at.1 + span.start.line() + span.start.col()
            })
            .sum()
    });
    let libyaml = best(&|y| {
        let mut input = y.as_bytes();
        let mut parser = libyaml_safer::Parser::new();
        parser.set_input_string(&mut input);
        let mut sum = 0;
        for event in parser {
            let event = event.expect("valid");
            sum += event.start_mark.index as usize + event.start_mark.line as usize + event.start_mark.column as usize;
        }
        sum
    });
    println!("| parser | per front matter | |");
    println!("|---|---|---|");
    println!("| granit-parser 2.1 | {:.1} us | byte offsets in its markers |", granit / n * 1e6);
    println!("| saphyr-parser 0.3 | {:.1} us | character index: byte offset by walking the text |", saphyr / n * 1e6);
    println!("| libyaml-safer 0.1 | {:.1} us | byte offset (`index`) |", libyaml / n * 1e6);
}
