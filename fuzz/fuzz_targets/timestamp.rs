//! Reading and placing any timestamp never panics, in zones with DST.
#![no_main]

use chrono_tz::Tz;
use libfuzzer_sys::fuzz_target;
use postmortem::document::span::Span;
use postmortem::document::{stamp, time};

fuzz_target!(|text: &str| {
    let _ = time::parse(text);
    let _ = postmortem::duration::parse(text);
    let _ = stamp::instant(text);
    for zone in [Tz::UTC, Tz::America__Los_Angeles, Tz::Europe__Berlin, Tz::Australia__Lord_Howe] {
        let carry = "2026-03-08".parse().ok();
        let _ = stamp::stamp(text, Span::point(0), stamp::Context { carry, zone: Some(zone) });
    }
});
