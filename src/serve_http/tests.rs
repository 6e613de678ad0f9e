use super::*;

fn parsed(head: &str) -> Result<Option<Request>, HeadError> {
    parse(head.as_bytes())
}

#[test]
fn a_browser_request_gives_its_method_target_and_host() {
    let request =
        parsed("GET /a%20b.html?x=1 HTTP/1.1\r\nHost: localhost:1111\r\nAccept: */*\r\n\r\n")
            .unwrap()
            .unwrap();
    assert_eq!(request.method, "GET");
    assert_eq!(request.target, "/a%20b.html?x=1");
    assert_eq!(request.path(), "/a b.html");
    assert_eq!(request.host.as_deref(), Some("localhost:1111"));
    assert!(!request.http10);
}

#[test]
fn bare_line_feeds_end_lines_too_and_what_follows_the_head_is_ignored() {
    let request = parsed("HEAD / HTTP/1.0\nhost:  127.0.0.1:80 \n\nbody")
        .unwrap()
        .unwrap();
    assert_eq!(request.method, "HEAD");
    assert!(request.http10);
    assert_eq!(request.host.as_deref(), Some("127.0.0.1:80"));
}

#[test]
fn a_head_without_its_blank_line_is_incomplete_until_it_is_too_large() {
    assert_eq!(parsed("GET / HTTP/1.1\r\nHost: x"), Ok(None));
    assert_eq!(parsed(""), Ok(None));
    let long = format!("GET /{} HTTP/1.1\r\n", "a".repeat(MAX_HEAD));
    assert_eq!(parsed(&long), Err(HeadError::TooLarge));
    let complete = format!("{long}\r\n");
    assert_eq!(parsed(&complete), Err(HeadError::TooLarge));
}

#[test]
fn a_request_without_host_has_none() {
    let request = parsed("GET / HTTP/1.0\r\n\r\n").unwrap().unwrap();
    assert_eq!(request.host, None);
}

#[test]
fn heads_outside_the_grammar_are_refused() {
    for head in [
        "\r\n\r\n",
        "GET /\r\n\r\n",
        "GET  / HTTP/1.1\r\n\r\n",
        "GET / HTTP/2\r\n\r\n",
        "GET http://evil.example/ HTTP/1.1\r\nHost: localhost:1\r\n\r\n",
        "GET * HTTP/1.1\r\n\r\n",
        "G(T / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a:1\r\nHost: b:1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost:\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a b:1\r\n\r\n",
        "GET / HTTP/1.1\r\n Host: a:1\r\n\r\n",
        "GET / HTTP/1.1\r\nNo colon\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n",
    ] {
        assert!(
            matches!(parsed(head), Err(HeadError::Malformed(_))),
            "{head:?}"
        );
    }
}

#[test]
fn a_percent_not_followed_by_two_hex_digits_is_kept() {
    let request = parsed("GET /%zz%+1%4 HTTP/1.1\r\n\r\n").unwrap().unwrap();
    assert_eq!(request.path(), "/%zz%+1%4");
}

#[test]
fn head_end_counts_the_blank_line() {
    assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nrest"), Some(18));
    assert_eq!(head_end(b"GET / HTTP/1.1\n\n"), Some(16));
    assert_eq!(head_end(b"\n"), Some(1));
    assert_eq!(head_end(b"GET / HTTP/1.1\r\n"), None);
}
