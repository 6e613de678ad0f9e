//! The open pages' event streams (`/__events`), held apart from other
//! connections so that open preview tabs never take their place: at most
//! [`MAX_STREAMS`], the oldest closed when a newer one comes (a page
//! reloaded or closed leaves its stream behind until the next write
//! fails). One thread writes `reload` to all after each rebuild, and a
//! comment every 15 s that finds the closed ones; a write that would
//! block drops the stream (the page reconnects by itself).

use super::preview::Preview;
use std::collections::VecDeque;
use std::io::{ErrorKind, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The most event streams kept open.
pub(super) const MAX_STREAMS: usize = 32;

/// The open event streams, oldest first.
#[derive(Default)]
pub(super) struct Streams {
    open: Mutex<VecDeque<TcpStream>>,
}

impl Streams {
    /// Keeps `stream` (its head already sent), closing the oldest past the cap.
    pub(super) fn add(&self, stream: TcpStream) {
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        while open.len() >= MAX_STREAMS {
            open.pop_front();
        }
        open.push_back(stream);
    }

    /// Writes `message` to every stream, dropping those that cannot take it now.
    fn send(&self, message: &[u8]) {
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        open.retain_mut(|stream| sent_whole(stream, message));
    }

    /// How many streams are open.
    #[cfg(test)]
    fn count(&self) -> usize {
        self.open.lock().map_or(0, |open| open.len())
    }
}

/// Whether `message` went out whole on the non-blocking `stream`.
pub(super) fn sent_whole(stream: &mut TcpStream, message: &[u8]) -> bool {
    loop {
        match stream.write(message) {
            Ok(n) => return n == message.len(),
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Tells the streams of every rebuild of `preview`, until the process ends.
pub(super) fn tell(streams: &Arc<Streams>, preview: &Preview) {
    let mut seen = preview.generation();
    loop {
        let now = preview.wait(seen, Duration::from_secs(15));
        if now == seen {
            streams.send(b": still here\n\n");
        } else {
            seen = now;
            streams.send(b"event: reload\ndata: reload\n\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpListener;

    fn pair(listener: &TcpListener) -> (TcpStream, TcpStream) {
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        server.set_nonblocking(true).unwrap();
        (client, server)
    }

    #[test]
    fn past_the_cap_the_oldest_stream_is_closed_and_the_newest_kept() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let streams = Streams::default();
        let (mut first, server) = pair(&listener);
        streams.add(server);
        let mut clients = Vec::new();
        for _ in 1..=MAX_STREAMS {
            let (client, server) = pair(&listener);
            streams.add(server);
            clients.push(client);
        }
        assert_eq!(streams.count(), MAX_STREAMS);
        let mut rest = Vec::new();
        assert_eq!(first.read_to_end(&mut rest).unwrap(), 0, "closed");
        streams.send(b"event: reload\ndata: reload\n\n");
        let newest = clients.last_mut().unwrap();
        let mut line = [0; 13];
        newest.read_exact(&mut line).unwrap();
        assert_eq!(&line, b"event: reload");
    }
}
