//! Property tests of `serve`'s request reader: whatever bytes a client
//! sends, reading the head gives a request, a request still incomplete, or
//! an error, never a panic, and a request only from a whole head within
//! the size cap; the `Host` check never panics either.

use postmortem::serve_http::{HeadError, MAX_HEAD, Origin, Request, head_end, parse};
use proptest::prelude::*;

/// Reads `bytes` and checks what came back against them.
fn read(bytes: &[u8]) -> Result<Option<Request>, HeadError> {
    let result = parse(bytes);
    match &result {
        Ok(Some(request)) => {
            let end = head_end(bytes).unwrap();
            assert!(end <= MAX_HEAD && end <= bytes.len());
            assert!(request.target.starts_with('/'), "{request:?}");
            assert!(!request.method.is_empty());
            assert!(request.method.len() + request.target.len() <= end);
            let _ = request.path();
            if let Some(host) = &request.host {
                assert!(host.len() <= end);
                for port in [80, 1111] {
                    let _ = Origin::new(([127, 0, 0, 1], port).into()).allows(host);
                    let _ = Origin::new(([0, 0, 0, 0], port).into()).allows(host);
                }
            }
        }
        Ok(None) => assert!(head_end(bytes).is_none() && bytes.len() < MAX_HEAD),
        Err(_) => {}
    }
    result
}

/// Lines that look like a request's, to reach past the request line.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("GET / HTTP/1.1".to_string()),
        "(GET|HEAD|POST|G T) /[ -~]{0,20} HTTP/1\\.[01]",
        "Host: ?[a-z0-9.:\\[\\]]{0,24}",
        "[A-Za-z-]{1,12}: ?[ -~\t]{0,30}",
        "[ -~\t]{0,40}",
        "[\\x00-\\xff]{0,10}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_bytes_never_panic_the_request_reader(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048)
    ) {
        let _ = read(&bytes);
    }

    #[test]
    fn heads_of_random_lines_never_panic_and_keep_their_host(
        lines in proptest::collection::vec(line(), 0..8),
        crlf in any::<bool>(),
        tail in "[ -~\r\n]{0,20}",
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let head = format!("{}{end}{end}{tail}", lines.join(end));
        if let Ok(Some(request)) = read(head.as_bytes())
            && let Some(host) = &request.host
        {
            prop_assert!(head.contains(host.as_str()));
        }
    }

    #[test]
    fn long_heads_are_refused_as_too_large(extra in 0usize..4096, line_end in any::<bool>()) {
        let filler = "x".repeat(MAX_HEAD + extra);
        let end = if line_end { "\r\n\r\n" } else { "" };
        let head = format!("GET / HTTP/1.1\r\nX: {filler}{end}");
        prop_assert_eq!(read(head.as_bytes()), Err(HeadError::TooLarge));
    }
}
