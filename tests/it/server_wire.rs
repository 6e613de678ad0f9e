//! The language server's message reader (`server::wire`) on random bytes
//! and random headers: it never panics, ends on every input, skips what is
//! over the limit without holding it, and reads the message after it.

use postmortem::server::wire::{Frame, Reader};
use proptest::prelude::*;

const LIMIT: u64 = 1024;

/// Every frame of `input` until its end or an error.
fn frames(input: &[u8]) -> Vec<Frame> {
    let mut reader = Reader::new(input, LIMIT);
    let mut out = Vec::new();
    // Each frame takes at least one byte: the loop ends.
    while let Ok(Some(frame)) = reader.next_frame() {
        out.push(frame);
    }
    out
}

/// The peak resident memory of this process in KiB (Linux), if known.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn header() -> impl Strategy<Value = String> {
    let length = prop_oneof![0u64..2048, any::<u64>(), Just(u64::MAX)];
    (length, "[a-zA-Z-]{0,20}", any::<bool>()).prop_map(|(n, extra, crlf)| {
        let end = if crlf { "\r\n" } else { "\n" };
        format!("{extra}: x{end}Content-Length: {n}{end}{end}")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_bytes_and_headers_never_panic_nor_take_what_a_header_claims(
        head in header(),
        body in proptest::collection::vec(any::<u8>(), 0..3000),
        again in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let before = peak_kib();
        let mut input = head.into_bytes();
        input.extend(&body);
        input.extend(&again);
        let read = frames(&input);
        prop_assert!(read.len() <= input.len());
        frames(&body);
        // A reader that sized its buffer from the header would have taken
        // gigabytes (or aborted) for the lengths drawn from all of u64.
        if let (Some(before), Some(after)) = (before, peak_kib()) {
            prop_assert!(after.saturating_sub(before) < 256 << 10, "{before} -> {after} KiB");
        }
    }

    #[test]
    fn a_message_after_one_over_the_limit_is_read_intact(
        junk in proptest::collection::vec(any::<u8>(), (LIMIT as usize + 1)..5000),
        id in 0i32..1000,
    ) {
        let message = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#);
        let mut input = format!("Content-Length: {}\r\n\r\n", junk.len()).into_bytes();
        input.extend(&junk);
        input.extend(format!("Content-Length: {}\r\n\r\n{message}", message.len()).bytes());
        let read = frames(&input);
        prop_assert_eq!(read.len(), 2);
        prop_assert!(matches!(read[0], Frame::Oversized(n) if n == junk.len() as u64));
        let Frame::Message(lsp_server::Message::Request(request)) = &read[1] else {
            return Err(TestCaseError::fail(format!("{:?}", read[1])));
        };
        prop_assert_eq!(&request.method, "shutdown");
        prop_assert_eq!(request.id.to_string(), id.to_string());
    }
}
