//! Writes a corpus of realistic postmortems for benchmarks: deterministic for
//! a seed, about 10 KB each, 12-40 timeline entries (time-only entries across
//! midnight included), 2-8 action items, the five prose sections, a mix of
//! zones and statuses.
//!
//! `cargo run --release --example corpus -- DIR COUNT [SEED]`

// A command-line program of its own: usage and errors go to stderr.
#![allow(clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::PathBuf;

/// splitmix64: small, fast, and the same sequence everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const ZONES: &[&str] = &[
    "UTC",
    "America/Los_Angeles",
    "America/New_York",
    "Europe/Berlin",
    "Asia/Tokyo",
    "Australia/Sydney",
];
const STATUSES: &[&str] = &["draft", "review", "published", "published"];
const SERVICES: &[&str] = &[
    "checkout",
    "search",
    "auth",
    "billing",
    "ingest",
    "query-api",
    "storage",
    "notifications",
];
const WORDS: &[&str] = &[
    "the",
    "deploy",
    "replica",
    "queue",
    "latency",
    "errors",
    "rose",
    "while",
    "traffic",
    "shifted",
    "to",
    "a",
    "second",
    "region",
    "and",
    "retries",
    "amplified",
    "load",
    "on",
    "shared",
    "database",
    "cluster",
    "until",
    "operators",
    "paused",
    "writes",
    "drained",
    "backlog",
    "restored",
    "service",
    "customers",
    "saw",
    "timeouts",
];

fn sentence(random: &mut Random, words: usize) -> String {
    let mut text: Vec<&str> = (0..words).map(|_| random.pick(WORDS)).collect();
    text[0] = "Then";
    format!("{}.", text.join(" "))
}

fn paragraph(random: &mut Random, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let words = 12 + random.below(10) as usize;
            sentence(random, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn document(index: u64, random: &mut Random) -> String {
    let year = 2019 + random.below(7);
    let (month, day) = (1 + random.below(12), 1 + random.below(28));
    let mut minute = 8 * 60 + random.below(14 * 60); // start between 08:00 and 22:00
    let mut day_offset = 0;
    let entries = 12 + random.below(29);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "---\ntitle: Incident {index} in {}",
        random.pick(SERVICES)
    );
    let _ = writeln!(
        out,
        "status: {}\nseverity: SEV{}\ntimezone: {}",
        random.pick(STATUSES),
        1 + random.below(4),
        random.pick(ZONES)
    );
    let _ = writeln!(
        out,
        "services: [{}, {}]",
        random.pick(SERVICES),
        random.pick(SERVICES)
    );
    let _ = writeln!(out, "summary: {}\ntimeline:", sentence(random, 20));
    let kinds = [
        "start",
        "detected",
        "acknowledged",
        "identified",
        "mitigated",
    ];
    for entry in 0..entries {
        let kind = match entry {
            e if (e as usize) < kinds.len() => kinds[e as usize],
            e if e == entries - 1 => "resolved",
            _ => ["note", "update", "escalated"][random.below(3) as usize],
        };
        let at = if entry == 0 || minute >= 24 * 60 {
            // A new day is written with its date; within a day, a time alone.
            day_offset += minute / (24 * 60);
            minute %= 24 * 60;
            format!(
                "{year}-{month:02}-{:02} {:02}:{:02}",
                day + day_offset,
                minute / 60,
                minute % 60
            )
        } else {
            format!("{:02}:{:02}", minute / 60, minute % 60)
        };
        let words = 8 + random.below(12) as usize;
        let _ = writeln!(
            out,
            "  - at: {at}\n    kind: {kind}\n    event: {}",
            sentence(random, words)
        );
        minute += 3 + random.below(45);
    }
    let _ = writeln!(out, "action_items:");
    for item in 0..2 + random.below(7) {
        let _ = writeln!(
            out,
            "  - title: Add a guard for case {item}, {}\n    owner: team-{}\n    priority: P{}\n    due: {}-12-{:02}\n    status: {}",
            sentence(random, 6),
            random.below(9),
            random.below(4),
            year + 1,
            1 + random.below(28),
            random.pick(&["open", "in-progress", "done", "wontfix"])
        );
    }
    out.push_str("---\n");
    for heading in ["Summary", "Impact", "Timeline", "Root cause", "Remediation"] {
        let _ = write!(
            out,
            "\n## {heading}\n\n{}\n\n{}\n",
            paragraph(random, 5),
            paragraph(random, 4)
        );
    }
    out
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(count))) = (args.first(), args.get(1).map(|c| c.parse::<u64>())) else {
        eprintln!("usage: cargo run --release --example corpus -- DIR COUNT [SEED]");
        return std::process::ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let dir = PathBuf::from(dir);
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {error}", dir.display());
        return std::process::ExitCode::from(2);
    }
    let mut random = Random(seed);
    for index in 0..count {
        let path = dir.join(format!("{index:05}.md"));
        if let Err(error) = std::fs::write(&path, document(index, &mut random)) {
            eprintln!("cannot write {}: {error}", path.display());
            return std::process::ExitCode::from(2);
        }
    }
    std::process::ExitCode::SUCCESS
}
