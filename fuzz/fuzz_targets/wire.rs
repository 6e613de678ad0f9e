//! The language server's message reader on any bytes: it never panics, ends,
//! and never allocates what a header claims (run with `-malloc_limit_mb=64`:
//! libFuzzer then reports any single allocation above 64 MiB as a crash,
//! and a `Content-Length` of gigabytes costs nothing to write).
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::server::wire::{Frame, Reader};

/// Small, so that bodies over it are common.
const LIMIT: u64 = 1024;

fuzz_target!(|bytes: &[u8]| {
    let mut reader = Reader::new(bytes, LIMIT);
    let mut frames = 0;
    while let Ok(Some(frame)) = reader.next_frame() {
        frames += 1;
        // Every frame takes at least the blank line that ends its header.
        assert!(frames <= bytes.len());
        if let Frame::Oversized(length) = frame {
            assert!(length > LIMIT);
        }
    }
});
