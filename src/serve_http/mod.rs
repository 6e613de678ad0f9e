//! The head of an HTTP/1.x request, as `postmortem serve` reads it: the
//! request line and the one header the preview needs (`Host`), from bytes a
//! client sent. Any bytes give a request, a request still incomplete, or an
//! error; never a panic, and never more memory than the bytes given (a head
//! is refused past [`MAX_HEAD`]). [`Origin`] says which `Host` values name the
//! server itself, against DNS rebinding.

mod host;

pub use host::Origin;

/// The most bytes a request head may have, its blank line included.
pub const MAX_HEAD: usize = 8 * 1024;

/// A request head that was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The method, as sent (`GET`, `HEAD`).
    pub method: String,
    /// The target, as sent: always a path beginning with `/`.
    pub target: String,
    /// Whether the request is HTTP/1.0 (else HTTP/1.1).
    pub http10: bool,
    /// The `Host` header's value, when the request has one.
    pub host: Option<String>,
}

/// Why a request head cannot be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HeadError {
    /// The head is longer than [`MAX_HEAD`].
    #[error("the request head is over 8 KB; send a shorter one")]
    TooLarge,
    /// The head does not follow HTTP/1.x's grammar.
    #[error("the request is not HTTP/1.1: {0}")]
    Malformed(&'static str),
}

impl Request {
    /// The target's path (before `?` or `#`), percent-decoded; bytes that
    /// are not UTF-8 become U+FFFD.
    #[must_use]
    pub fn path(&self) -> String {
        let path = self.target.split(['?', '#']).next().unwrap_or("/");
        percent_decoded(path)
    }
}

/// The length of the head at the start of `buffer`, its blank line
/// included (`\r\n\r\n`, or bare `\n` line ends), once it is all there.
#[must_use]
pub fn head_end(buffer: &[u8]) -> Option<usize> {
    let mut line_start = 0;
    for (i, byte) in buffer.iter().enumerate() {
        if *byte != b'\n' {
            continue;
        }
        let line = &buffer[line_start..i];
        if line.is_empty() || line == b"\r" {
            return Some(i + 1);
        }
        line_start = i + 1;
    }
    None
}

/// Reads the request head at the start of `buffer`: `Ok(None)` while it is
/// incomplete and within [`MAX_HEAD`]; bytes after the head are left alone.
///
/// # Errors
/// [`HeadError::TooLarge`] past [`MAX_HEAD`] bytes, [`HeadError::Malformed`]
/// when the head does not follow HTTP/1.x's grammar.
pub fn parse(buffer: &[u8]) -> Result<Option<Request>, HeadError> {
    let Some(end) = head_end(buffer) else {
        return if buffer.len() >= MAX_HEAD {
            Err(HeadError::TooLarge)
        } else {
            Ok(None)
        };
    };
    if end > MAX_HEAD {
        return Err(HeadError::TooLarge);
    }
    let mut lines = buffer[..end]
        .split(|b| *b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let first = lines.next().unwrap_or_default();
    let (method, target, http10) = request_line(first)?;
    let mut host = None;
    for line in lines.take_while(|line| !line.is_empty()) {
        let (name, value) = header(line)?;
        if name.eq_ignore_ascii_case(b"host") {
            if host.is_some() {
                return Err(HeadError::Malformed("send one Host header, not several"));
            }
            host = Some(host_value(value)?);
        }
    }
    Ok(Some(Request {
        method,
        target,
        http10,
        host,
    }))
}

/// `METHOD /target HTTP/1.1`.
fn request_line(line: &[u8]) -> Result<(String, String, bool), HeadError> {
    const SHAPE: HeadError = HeadError::Malformed("send `METHOD /path HTTP/1.1` first");
    let text = std::str::from_utf8(line).map_err(|_| SHAPE)?;
    let mut parts = text.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SHAPE);
    };
    if method.is_empty() || !method.bytes().all(is_token) {
        return Err(SHAPE);
    }
    if !target.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(HeadError::Malformed(
            "send a path beginning with `/` as the target, not a full URL",
        ));
    }
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(HeadError::Malformed("send HTTP/1.1 or HTTP/1.0")),
    };
    Ok((method.to_string(), target.to_string(), http10))
}

/// `Name: value`, the value without the spaces around it.
fn header(line: &[u8]) -> Result<(&[u8], &[u8]), HeadError> {
    const SHAPE: HeadError = HeadError::Malformed("send headers as `Name: value` lines");
    let colon = line.iter().position(|b| *b == b':').ok_or(SHAPE)?;
    let (name, value) = (&line[..colon], &line[colon + 1..]);
    // A line beginning with a space continues the last one (obsolete
    // folding); such a name has a space, which no token has.
    if name.is_empty() || !name.iter().copied().all(is_token) {
        return Err(SHAPE);
    }
    if value.iter().any(|b| b.is_ascii_control() && *b != b'\t') {
        return Err(HeadError::Malformed(
            "send header values without control characters",
        ));
    }
    Ok((name, value.trim_ascii()))
}

/// The `Host` value: visible ASCII, not empty.
fn host_value(value: &[u8]) -> Result<String, HeadError> {
    if value.is_empty() || !value.iter().all(u8::is_ascii_graphic) {
        return Err(HeadError::Malformed("send the server's address as Host"));
    }
    Ok(String::from_utf8_lossy(value).into_owned())
}

/// A byte of a token (a method or a header's name), RFC 9110 section 5.6.2.
fn is_token(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

/// `%XX` sequences decoded; a `%` not followed by two hex digits is kept.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
