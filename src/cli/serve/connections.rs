//! The preview's connections, on a fixed set of threads whatever clients
//! do: one accepts, one serves every connection with non-blocking reads and
//! writes, and one writes to the event streams (`events.rs`). No client can
//! hold a thread: a slow one only keeps its place among at most
//! [`MAX_CONNECTIONS`], and must send its whole request head within
//! [`HEAD_DEADLINE`] however it trickles it. Past the cap, the connection
//! that has waited longest for its head is told 503 and closed to make
//! room, so a browser's request is answered even while hundreds of slow
//! clients are connected.

use super::events::{self, Streams};
use super::http::{self, Reply};
use super::preview::Preview;
use postmortem::serve_http::{self, MAX_HEAD, Origin};
use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::thread;
use std::time::{Duration, Instant};

/// The most connections held (event streams apart).
pub(super) const MAX_CONNECTIONS: usize = 256;
/// The time a client has to send its whole request head.
pub(super) const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// The time a client has to take its whole response.
const SEND_DEADLINE: Duration = Duration::from_secs(30);
/// How long the connections' thread sleeps when none of them moved.
const TICK: Duration = Duration::from_millis(5);

/// Serves `preview` on `listener` to requests naming `origin`, until the
/// process ends.
///
/// # Errors
/// When a thread cannot be started, or the connections' thread stopped.
pub(super) fn serve(
    listener: &TcpListener,
    preview: Arc<Preview>,
    origin: Origin,
) -> io::Result<()> {
    let streams = Arc::new(Streams::default());
    let (sender, receiver) = sync_channel(MAX_CONNECTIONS);
    let (told, changed) = (Arc::clone(&streams), Arc::clone(&preview));
    thread::Builder::new()
        .name("serve-events".into())
        .spawn(move || events::tell(&told, &changed))?;
    let mut connections = Connections {
        preview,
        origin,
        streams,
        open: Vec::new(),
    };
    thread::Builder::new()
        .name("serve-connections".into())
        .spawn(move || connections.run(&receiver))?;
    accept(listener, &sender);
    Err(io::Error::other("its connections' thread stopped"))
}

/// Hands each new connection to the connections' thread; 503 when even its
/// queue is full. Returns only when that thread is gone.
fn accept(listener: &TcpListener, sender: &SyncSender<TcpStream>) {
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection gone before it was
            // accepted: wait a moment rather than spin.
            Err(_) => {
                thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        if stream.set_nonblocking(true).is_err() {
            continue;
        }
        match sender.try_send(stream) {
            Ok(()) => {}
            Err(TrySendError::Full(mut stream)) => refuse_busy(&mut stream),
            Err(TrySendError::Disconnected(_)) => return,
        }
    }
}

/// A quick 503, sent if the socket takes it at once; the connection closes.
fn refuse_busy(stream: &mut TcpStream) {
    let reply = http::refusal("503 Service Unavailable", "the preview is busy; try again");
    events::sent_whole(stream, &reply.into_bytes());
}

struct Connections {
    preview: Arc<Preview>,
    origin: Origin,
    streams: Arc<Streams>,
    open: Vec<Connection>,
}

struct Connection {
    stream: TcpStream,
    began: Instant,
    until: Instant,
    /// The head received so far, until the response is ready.
    received: Vec<u8>,
    /// The response, and how much of it was sent.
    sending: Option<(Vec<u8>, usize)>,
}

/// What a connection did in a sweep.
enum Step {
    Kept(Connection, bool),
    Closed,
}

impl Connections {
    fn run(&mut self, receiver: &Receiver<TcpStream>) {
        let mut moved = false;
        loop {
            let first = if self.open.is_empty() {
                match receiver.recv() {
                    Ok(stream) => Some(stream),
                    Err(_) => return,
                }
            } else if moved {
                None
            } else {
                receiver.recv_timeout(TICK).ok()
            };
            let arrived: Vec<TcpStream> = first.into_iter().chain(receiver.try_iter()).collect();
            for stream in arrived {
                self.admit(stream);
            }
            moved = self.sweep();
        }
    }

    /// Takes `stream` in, making room past the cap.
    fn admit(&mut self, mut stream: TcpStream) {
        if self.open.len() >= MAX_CONNECTIONS {
            let oldest = (self.open.iter().enumerate())
                .filter(|(_, c)| c.sending.is_none())
                .min_by_key(|(_, c)| c.began)
                .map(|(i, _)| i);
            match oldest {
                Some(i) => refuse_busy(&mut self.open.swap_remove(i).stream),
                None => return refuse_busy(&mut stream),
            }
        }
        let began = Instant::now();
        self.open.push(Connection {
            stream,
            began,
            until: began + HEAD_DEADLINE,
            received: Vec::new(),
            sending: None,
        });
    }

    /// Moves every connection on; whether any did.
    fn sweep(&mut self) -> bool {
        let now = Instant::now();
        let mut moved = false;
        for connection in std::mem::take(&mut self.open) {
            match self.step(connection, now) {
                Step::Kept(connection, progressed) => {
                    moved |= progressed;
                    self.open.push(connection);
                }
                Step::Closed => moved = true,
            }
        }
        moved
    }

    fn step(&self, mut connection: Connection, now: Instant) -> Step {
        if now >= connection.until {
            if connection.sending.is_none() && !connection.received.is_empty() {
                let text = "send the whole request head within 10 seconds";
                let reply = http::refusal("408 Request Timeout", text);
                events::sent_whole(&mut connection.stream, &reply.into_bytes());
            }
            return Step::Closed;
        }
        if connection.sending.is_some() {
            return send(connection);
        }
        let before = connection.received.len();
        let Ok(ended) = read_some(&mut connection.stream, &mut connection.received) else {
            return Step::Closed;
        };
        let head = match serve_http::parse(&connection.received) {
            Ok(None) if ended => return Step::Closed,
            Ok(None) => {
                let progressed = connection.received.len() > before;
                return Step::Kept(connection, progressed);
            }
            Ok(Some(request)) => Ok(request),
            Err(error) => Err(error),
        };
        match http::answer(head, &self.preview, &self.origin) {
            Reply::Events => {
                if events::sent_whole(&mut connection.stream, http::EVENTS_HEAD) {
                    self.streams.add(connection.stream);
                }
                Step::Closed
            }
            Reply::Bytes(bytes) => {
                connection.received = Vec::new();
                connection.sending = Some((bytes, 0));
                connection.until = now + SEND_DEADLINE;
                send(connection)
            }
        }
    }
}

/// Reads what has arrived, up to one byte past [`MAX_HEAD`]; `Ok(true)`
/// once the client has finished sending.
fn read_some(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> io::Result<bool> {
    let mut chunk = [0; 4096];
    while buffer.len() <= MAX_HEAD {
        let room = (MAX_HEAD + 1 - buffer.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) => return Ok(true),
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(error) if error.kind() == ErrorKind::WouldBlock => return Ok(false),
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(false)
}

/// Sends what the socket takes now; closes once the response is out.
fn send(mut connection: Connection) -> Step {
    let Some((bytes, mut sent)) = connection.sending.take() else {
        return Step::Closed;
    };
    let before = sent;
    while sent < bytes.len() {
        match connection.stream.write(&bytes[sent..]) {
            Ok(0) => return Step::Closed,
            Ok(n) => sent += n,
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(error) if error.kind() == ErrorKind::WouldBlock => {
                connection.sending = Some((bytes, sent));
                return Step::Kept(connection, sent > before);
            }
            Err(_) => return Step::Closed,
        }
    }
    let _ = connection.stream.shutdown(Shutdown::Write);
    Step::Closed
}
