//! Reading LSP's framing (`Content-Length: N`, a blank line, N bytes of
//! JSON) with a limit checked before anything is allocated. `lsp-server`'s
//! own reader sizes its buffer from the header, so one huge number aborted
//! the process; here a body over the limit is skipped through a small
//! buffer, and the header itself is bounded too.

use lsp_server::Message;
use std::io::{self, BufRead, Read};

/// The largest message the server reads: 32 MiB, above any postmortem a
/// person writes (files are read up to 64 MiB, but an editor sends a
/// document as JSON-escaped text inside a message).
pub const MAX_MESSAGE_BYTES: u64 = 32 << 20;

/// The longest header line read, and the most header lines per message.
const MAX_HEADER_LINE: u64 = 1024;
const MAX_HEADER_LINES: usize = 32;

/// A body's buffer starts at most this big and grows only with bytes that
/// arrive, never with what the header claims.
const FIRST_CAPACITY: u64 = 64 << 10;

/// One framed message.
#[derive(Debug)]
pub enum Frame {
    /// A message read whole.
    Message(Message),
    /// A body of this many bytes (as its header claimed) over the limit,
    /// passed over without keeping it; the next frame follows it.
    Oversized(u64),
    /// A body within the limit that is not a JSON-RPC message; why.
    Malformed(String),
}

/// Frames read from a byte stream.
#[derive(Debug)]
pub struct Reader<R> {
    input: R,
    limit: u64,
    /// Bytes of an oversized body still to pass over.
    skip: u64,
}

impl<R: BufRead> Reader<R> {
    /// Reads `input`, skipping bodies above `limit` bytes.
    pub fn new(input: R, limit: u64) -> Self {
        Self {
            input,
            limit,
            skip: 0,
        }
    }

    /// The next frame: `None` at the end of the input between messages,
    /// an error of kind `InvalidData` when the framing cannot be followed (a
    /// header without `Content-Length`, a line too long) or `UnexpectedEof`
    /// inside a message. An oversized body is reported before it is passed
    /// over (by the next call), so its sender can be told at once.
    pub fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        let skip = std::mem::take(&mut self.skip);
        let skipped = io::copy(&mut Read::take(&mut self.input, skip), &mut io::sink())?;
        if skipped < skip {
            return Ok(None);
        }
        let Some(length) = header(&mut self.input)? else {
            return Ok(None);
        };
        if length > self.limit {
            self.skip = length;
            return Ok(Some(Frame::Oversized(length)));
        }
        let capacity = usize::try_from(length.min(FIRST_CAPACITY)).unwrap_or(0);
        let mut body = Vec::with_capacity(capacity);
        Read::take(&mut self.input, length).read_to_end(&mut body)?;
        if (body.len() as u64) < length {
            let read = body.len();
            let message = format!("the input ended {read} bytes into a message of {length}");
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, message));
        }
        Ok(Some(match serde_json::from_slice::<Message>(&body) {
            Ok(message) => Frame::Message(message),
            Err(error) => Frame::Malformed(format!("not a JSON-RPC message: {error}")),
        }))
    }
}

/// The body length the header announces (`u64::MAX` for a number too large
/// to hold); `None` at the end of the input before a header begins.
fn header(input: &mut impl BufRead) -> io::Result<Option<u64>> {
    let mut length = None;
    let mut line = Vec::new();
    for index in 0..MAX_HEADER_LINES {
        line.clear();
        Read::take(&mut *input, MAX_HEADER_LINE).read_until(b'\n', &mut line)?;
        if line.is_empty() && index == 0 {
            return Ok(None);
        }
        let Some(content) = line.strip_suffix(b"\n") else {
            return Err(invalid(if line.len() as u64 == MAX_HEADER_LINE {
                "a header line longer than 1 KiB"
            } else {
                "the input ended inside a header"
            }));
        };
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        if content.is_empty() {
            return length
                .map(Some)
                .ok_or_else(|| invalid("a header without Content-Length"));
        }
        let text = std::str::from_utf8(content).map_err(|_| invalid("a header not in UTF-8"))?;
        let (name, value) = text
            .split_once(':')
            .ok_or_else(|| invalid("a header line without `:`"))?;
        if name.trim().eq_ignore_ascii_case("content-length") {
            length = Some(content_length(value.trim())?);
        }
    }
    Err(invalid("more than 32 header lines"))
}

/// A decimal length; digits beyond what `u64` holds are still a length
/// (too large for any limit), anything else breaks the framing.
fn content_length(value: &str) -> io::Result<u64> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("a Content-Length that is not a number"));
    }
    Ok(value.parse().unwrap_or(u64::MAX))
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("{what} in the input"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8], limit: u64) -> Vec<io::Result<Option<Frame>>> {
        let mut reader = Reader::new(input, limit);
        let mut out = Vec::new();
        loop {
            let frame = reader.next_frame();
            let stop = !matches!(frame, Ok(Some(_)));
            out.push(frame);
            if stop {
                return out;
            }
        }
    }

    #[test]
    fn a_body_over_the_limit_is_skipped_and_the_next_message_read() {
        let next = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: 100\r\n\r\n{}Content-Length: {}\r\n\r\n{next}",
            "x".repeat(100),
            next.len()
        );
        let read = frames(input.as_bytes(), 60);
        assert!(
            matches!(read[0], Ok(Some(Frame::Oversized(100)))),
            "{read:?}"
        );
        assert!(
            matches!(&read[1], Ok(Some(Frame::Message(Message::Notification(n)))) if n.method == "initialized"),
            "{read:?}"
        );
        assert!(matches!(read[2], Ok(None)));
    }

    #[test]
    fn a_claimed_length_beyond_memory_is_never_allocated() {
        let read = frames(
            b"Content-Length: 99999999999999999999999\r\n\r\n{}",
            MAX_MESSAGE_BYTES,
        );
        assert!(matches!(read[0], Ok(Some(Frame::Oversized(u64::MAX)))));
    }

    #[test]
    fn broken_framing_is_an_error_and_a_bad_body_is_skipped() {
        let no_length = frames(b"Content-Type: x\r\n\r\n{}", 100);
        assert_eq!(
            no_length[0].as_ref().unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
        let endless = vec![b'a'; 5000];
        assert_eq!(
            frames(&endless, 100)[0].as_ref().unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
        let short = frames(b"Content-Length: 10\r\n\r\n{}", 100);
        assert_eq!(
            short[0].as_ref().unwrap_err().kind(),
            io::ErrorKind::UnexpectedEof
        );
        let junk = frames(b"Content-Length: 2\n\n[]", 100);
        assert!(matches!(junk[0], Ok(Some(Frame::Malformed(_)))));
    }
}
