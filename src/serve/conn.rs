//! The preview's connections: how many are answered at once, how much and how long a request's head may take, and
//! closing one without losing its answer.

use std::io::{self, BufRead, BufReader, Read};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::Shared;
use super::http;

/// The most connections answered at once. Each open tab keeps one to hear of changes, and a browser opens a few
/// more while it loads a page: this is room for a couple of hundred tabs, while a program that opens connections
/// without end cannot take every thread and file the computer has.
pub const CONNECTIONS: usize = 256;

/// Past `CONNECTIONS`, this many more are told on a short-lived thread to try again; past those, a connection is
/// closed at once.
const TURNED_AWAY: usize = 16;

/// The most of a request's head the preview reads: a browser's is a few kilobytes, and a program that sends an
/// endless one must not fill the memory.
const HEAD_LIMIT: u64 = 64 * 1024;

/// How long a request's head may take to arrive, all of it: a browser sends it at once, and a program that sends a
/// line every few seconds must not keep its connection for ever.
const HEAD_TIME: Duration = Duration::from_secs(10);

/// How long, and how much, the rest of a request not read whole is read and dropped before its connection closes.
const LINGER_TIME: Duration = Duration::from_secs(2);
const LINGER_LIMIT: u64 = 16 * HEAD_LIMIT;

/// Answers every connection on its own thread, so a tab waiting for events never holds up another, up to
/// `CONNECTIONS` at once. A preview kept to this computer answers only requests addressed to this computer by name.
pub fn accept(listener: TcpListener, shared: Arc<Shared>) {
    let local_only = listener.local_addr().is_ok_and(|a| a.ip().is_loopback());
    let answering = Slots::new(CONNECTIONS);
    let turning_away = Slots::new(TURNED_AWAY);
    for stream in listener.incoming().flatten() {
        if let Some(slot) = answering.take() {
            let shared = shared.clone();
            // A tab closed mid-answer is no problem of ours.
            on_own_thread(slot, stream, move |stream| {
                let _ = http::answer(stream, &shared, local_only);
            });
        } else if let Some(slot) = turning_away.take() {
            on_own_thread(slot, stream, |stream| {
                let _ = http::busy(stream);
            });
        }
        // Past both, the connection is dropped here, closed unanswered: answering it would take a thread.
    }
}

/// Runs `work` on a thread of its own. The slot is given back before the connection is closed, so a client that
/// has read its whole answer finds the slot free.
fn on_own_thread(slot: Slot, stream: TcpStream, work: impl FnOnce(&TcpStream) + Send + 'static) {
    // With no thread to be had, the closure is dropped here, closing the connection unanswered and giving back the
    // slot, and the preview goes on.
    let _ = std::thread::Builder::new().spawn(move || {
        work(&stream);
        drop(slot);
        drop(stream);
    });
}

/// A count of connections taken, up to a most.
struct Slots {
    taken: AtomicUsize,
    most: usize,
}

/// One of the `Slots`, given back when dropped.
struct Slot(Arc<Slots>);

impl Slots {
    fn new(most: usize) -> Arc<Slots> {
        Arc::new(Slots {
            taken: AtomicUsize::new(0),
            most,
        })
    }

    fn take(self: &Arc<Self>) -> Option<Slot> {
        self.taken
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.most).then_some(n + 1)
            })
            .ok()?;
        Some(Slot(self.clone()))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.taken.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Of a request's head, what the preview needs.
pub struct Head {
    /// The request line, such as `GET /en/ HTTP/1.1`.
    pub first: String,
    /// The name the request was addressed to. Two names, or a name hidden in a folded line, name nothing.
    pub host: Option<String>,
}

/// Why a request's head was not read: each is answered with its status and a few words, and the connection closed.
#[derive(Debug, PartialEq)]
pub enum Cut {
    TooLong,
    TooSlow,
    /// The request line or the `Host` line is not UTF-8 text. Other lines may hold any bytes: the preview does not
    /// read them, and a header's value may hold bytes of another encoding.
    NotText,
}

impl Cut {
    pub fn status(&self) -> &'static str {
        match self {
            Cut::TooLong => "431 Request Header Fields Too Large",
            Cut::TooSlow => "408 Request Timeout",
            Cut::NotText => "400 Bad Request",
        }
    }

    pub fn words(&self) -> &'static [u8] {
        match self {
            Cut::TooLong => b"The request is too long.",
            Cut::TooSlow => b"The request took too long to arrive. Reload the page to ask again.",
            Cut::NotText => b"The preview could not read this request: its address or its Host line is not UTF-8 text.",
        }
    }
}

/// Reads a request's head, up to `HEAD_LIMIT` bytes and for at most `HEAD_TIME`. An error is the connection's:
/// there is no one to answer.
pub fn read_head(stream: &TcpStream) -> io::Result<Result<Head, Cut>> {
    let until = Instant::now() + HEAD_TIME;
    let mut reader = BufReader::new(Deadline { stream, until }).take(HEAD_LIMIT);
    let mut line = Vec::new();
    let mut read_line = |line: &mut Vec<u8>| {
        line.clear();
        match reader.read_until(b'\n', line) {
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => Ok(None),
            Err(e) => Err(e),
            Ok(_) => Ok(Some(reader.limit() == 0)),
        }
    };
    let Some(mut full) = read_line(&mut line)? else {
        return Ok(Err(Cut::TooSlow));
    };
    let first = String::from_utf8(std::mem::take(&mut line)).ok();
    let mut text = first.is_some();
    let (mut host, mut hosts) = (None, 0);
    // The head ends at an empty line, or where the client stopped sending.
    while !full {
        let Some(at_end) = read_line(&mut line)? else {
            return Ok(Err(Cut::TooSlow));
        };
        full = at_end;
        if line.len() <= 2 {
            break;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let name = &line[..colon];
        if name.trim_ascii_start().eq_ignore_ascii_case(b"host") {
            hosts += 1;
            let value = std::str::from_utf8(&line[colon + 1..]).ok();
            text &= value.is_some();
            host = value
                .filter(|_| hosts == 1 && name.eq_ignore_ascii_case(b"host"))
                .map(|v| v.trim().to_string());
        }
    }
    Ok(match first {
        _ if full => Err(Cut::TooLong),
        Some(first) if text => Ok(Head { first, host }),
        _ => Err(Cut::NotText),
    })
}

/// The connection read against a clock: each read waits only for the time left.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

/// Ends a connection whose request was not read whole, once its answer is written. What the client still sends is
/// read and dropped for a moment first: closed with it unread, the connection would be reset, and the client
/// might lose the answer.
pub fn linger(stream: &TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Write)?;
    let rest = Deadline {
        stream,
        until: Instant::now() + LINGER_TIME,
    };
    io::copy(&mut rest.take(LINGER_LIMIT), &mut io::sink()).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `read_head` makes of these bytes, sent whole and then the sending side closed.
    fn head_of(request: &[u8]) -> Result<(String, Option<String>), Cut> {
        let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
        let mut client = TcpStream::connect(listener.local_addr().expect("address")).expect("connect");
        std::io::Write::write_all(&mut client, request).expect("send");
        client.shutdown(Shutdown::Write).expect("end");
        let (server, _) = listener.accept().expect("accept");
        let head = read_head(&server).expect("read");
        head.map(|h| (h.first, h.host))
    }

    #[test]
    fn a_head_gives_its_request_line_and_its_one_host() {
        let ok = |first: &str, host: Option<&str>| Ok((first.to_string(), host.map(str::to_string)));
        let get = "GET / HTTP/1.1\r\n";
        assert_eq!(head_of(b"GET / HTTP/1.1\r\nhost:  a:1 \r\n\r\n"), ok(get, Some("a:1")));
        assert_eq!(head_of(b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), ok(get, None));
        assert_eq!(head_of(b"GET / HTTP/1.1\r\nX: 1\r\n Host: a\r\n\r\n"), ok(get, None));
        assert_eq!(
            head_of(b"GET / HTTP/1.1\r\nX: \xff\r\nHost: a\r\n\r\n"),
            ok(get, Some("a"))
        );
        assert_eq!(head_of(b"GET /\xff HTTP/1.1\r\nHost: a\r\n\r\n"), Err(Cut::NotText));
        assert_eq!(head_of(b"GET / HTTP/1.1\r\nHost: \xff\r\n\r\n"), Err(Cut::NotText));
        // A second `Host` that is not text is still a second name.
        assert_eq!(
            head_of(b"GET / HTTP/1.1\r\nHost: a\r\nHOST: \xff\r\n\r\n"),
            Err(Cut::NotText)
        );
        assert_eq!(head_of(&[b'a'; HEAD_LIMIT as usize + 1]), Err(Cut::TooLong));
        assert_eq!(head_of(b""), ok("", None));
    }

    #[test]
    fn slots_run_out_at_the_most_and_come_back_when_dropped() {
        let slots = Slots::new(2);
        let one = slots.take();
        let two = slots.take();
        assert!(one.is_some() && two.is_some());
        assert!(slots.take().is_none());
        drop(one);
        assert!(slots.take().is_some());
    }
}
