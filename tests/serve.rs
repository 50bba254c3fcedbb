//! `hubsite serve` as the communications team uses it: start it, save a change and see it, save a mistake and
//! see the problem over the page, fix it and see the page again.

mod common;

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{copy_dir, root};

/// The preview running on a copy of the example site; stopped when dropped.
struct Preview {
    child: Child,
    address: String,
    site: tempfile::TempDir,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Preview {
    let site = tempfile::tempdir().expect("temp dir");
    for part in ["site.toml", "content", "locales", "themes"] {
        let from = root().join(part);
        if from.is_dir() {
            copy_dir(&from, &site.path().join(part));
        } else {
            std::fs::copy(&from, site.path().join(part)).expect("copy site.toml");
        }
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["serve", "--port", "0", "--today", "2026-11-23", "--site"])
        .arg(site.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("hubsite serve starts");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("it says where it serves");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(address.starts_with("127.0.0.1:"), "{line}");
    Preview { child, address, site }
}

impl Preview {
    /// The status line and the body of a GET.
    fn get(&self, path: &str) -> (String, String) {
        self.get_as(path, &self.address)
    }

    /// The status line and the body of a GET addressed to `host`.
    fn get_as(&self, path: &str, host: &str) -> (String, String) {
        let (head, body) =
            self.ask(format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes());
        (head.lines().next().unwrap_or("").to_string(), body)
    }

    /// The head and the body of the answer to a request of these bytes; both empty when there is no answer.
    fn ask(&self, request: &[u8]) -> (String, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
        stream.write_all(request).expect("ask");
        let mut answer = Vec::new();
        // No answer, as a connection closed or reset without one, is shown by what was read.
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        (head.to_string(), body.to_string())
    }

    /// A page's title, and the text of the problems box over it if there is one.
    fn shown(&self, path: &str) -> (String, Option<String>) {
        let (status, body) = self.get(path);
        assert_eq!(status, "HTTP/1.1 200 OK", "{path}");
        let between = |from: &str, to: &str| {
            let start = body.find(from)? + from.len();
            Some(body[start..].split(to).next()?.to_string())
        };
        let title = between("<h1>", "</h1>").unwrap_or_default();
        let overlay = between("<div id=\"hubsite-problems\" role=\"alert\"", "</pre>")
            .map(|o| o.rsplit("monospace\">").next().unwrap_or_default().to_string());
        (title, overlay)
    }

    /// A connection to the events stream, as an open tab has.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
        write!(
            stream,
            "GET /__hubsite/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        )
        .expect("ask");
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while reader.read_line(&mut line).expect("headers") > 2 {
            line.clear();
        }
        Events(reader)
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.site.path().join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{file} has {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    }
}

struct Events(BufReader<TcpStream>);

impl Events {
    /// The next event's name and its data, lines joined; comments that keep the connection open are skipped.
    fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), Vec::new());
        loop {
            let mut line = String::new();
            let n = self.0.read_line(&mut line).expect("an event within 20 seconds");
            assert!(n > 0, "the stream ended");
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(v) = line.strip_prefix("event: ") {
                name = v.to_string();
            } else if let Some(v) = line.strip_prefix("data: ").or(line.strip_prefix("data:")) {
                data.push(v.to_string());
            } else if line.is_empty() && !name.is_empty() {
                return (name, data.join("\n"));
            }
        }
    }
}

#[test]
fn a_saved_change_reloads_a_mistake_shows_over_the_page_and_its_fix_reloads_again() {
    let preview = start();
    let page = "/en/activities/baby-massage/";
    let (status, body) = preview.get(page);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("<h1>Baby massage</h1>"), "{body}");
    assert!(
        body.contains("new EventSource(\"/__hubsite/events\")"),
        "the reload script is in the page"
    );

    let mut events = preview.events();
    assert_eq!(
        events.next(),
        ("built".to_string(), "1".to_string()),
        "a new tab hears the version it has"
    );

    let file = "content/sessions/baby-massage.md";
    preview.edit(file, "title = \"Baby massage\"", "title = \"Baby massage and rhymes\"");
    assert_eq!(events.next(), ("built".to_string(), "2".to_string()));
    assert_eq!(preview.shown(page), ("Baby massage and rhymes".to_string(), None));
    // The tab reloads as soon as the session's own pages are made; the lists that gather it are never shown from
    // before the change, even when asked for at once.
    let (status, timetable) = preview.get("/en/timetable/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(timetable.contains(">Baby massage and rhymes<"), "{timetable}");
    let (_, meta) = preview.get("/en/search/meta.json");
    let folder = meta
        .split("\"v\":\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .expect("a folder");
    let (status, _) = preview.get(&format!("/en/search/{folder}/d/0.json"));
    assert_eq!(status, "HTTP/1.1 200 OK", "the index named by meta.json is there");

    preview.edit(file, "title = \"Baby massage and rhymes\"", "title = 5");
    let (name, problems) = events.next();
    assert_eq!(name, "problems");
    let expected = "content/sessions/baby-massage.md:2:9: error[wrong-type]: `title` should be text in quotes, but \
                    here it is a whole number\n  |\n2 | title = 5\n  |         ^\n  = help: write it like title = \
                    \"Baby massage\"\n";
    assert!(problems.starts_with(expected), "{problems}");
    // The last good page is still served, with the problems over it.
    let (title, overlay) = preview.shown(page);
    assert_eq!(title, "Baby massage and rhymes");
    assert!(overlay.is_some_and(|o| o.contains(expected)));

    preview.edit(file, "title = 5", "title = \"Baby massage\"");
    assert_eq!(events.next(), ("built".to_string(), "4".to_string()));
    assert_eq!(preview.shown(page), ("Baby massage".to_string(), None));
}

#[test]
fn an_editor_swap_file_changes_nothing_and_no_path_leads_outside_the_site() {
    let preview = start();
    let mut events = preview.events();
    assert_eq!(events.next().0, "built");
    let sessions = preview.site.path().join("content/sessions");
    std::fs::write(sessions.join(".baby-massage.md.swp"), "not a session").expect("swap file");
    std::fs::write(sessions.join("baby-massage.md~"), "not a session").expect("backup file");
    // A real change after them: the next event is for it, so the swap files made none.
    preview.edit(
        "content/sessions/baby-massage.md",
        "title = \"Baby massage\"",
        "title = \"Baby massage, again\"",
    );
    assert_eq!(events.next(), ("built".to_string(), "2".to_string()));
    assert!(
        preview
            .get("/en/activities/baby-massage/")
            .1
            .contains("Baby massage, again")
    );

    for outside in [
        "/../site.toml",
        "/en/../../site.toml",
        "/%2e%2e/site.toml",
        "/content/sessions/baby-massage.md",
    ] {
        let (status, body) = preview.get(outside);
        assert_eq!(status, "HTTP/1.1 404 Not Found", "{outside}");
        assert!(!body.contains("title = "), "{outside}");
    }
    let (status, _) = preview.get("/en");
    assert_eq!(status, "HTTP/1.1 301 Moved Permanently");
    // A request addressed to another name, as from a web page that pointed its own name at this computer, gets
    // nothing of the site.
    let (status, body) = preview.get_as("/en/activities/baby-massage/", "evil.example");
    assert_eq!(status, "HTTP/1.1 403 Forbidden");
    assert!(!body.contains("Baby massage"));
    let port = preview.address.rsplit_once(':').map(|(_, p)| p).unwrap_or_default();
    let (status, _) = preview.get_as("/en/activities/baby-massage/", &format!("localhost:{port}"));
    assert_eq!(status, "HTTP/1.1 200 OK");
    // A request whose head never ends is cut off, not read into memory for ever.
    let long = format!("x{}", "y".repeat(100 * 1024));
    let (status, _) = preview.get_as("/en/activities/baby-massage/", &long);
    assert_eq!(status, "HTTP/1.1 431 Request Header Fields Too Large");
}

#[test]
fn build_output_never_has_the_reload_script() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    assert_eq!(common::build_into(root(), &out).code, 0);
    for (path, bytes) in common::read_tree(&out) {
        assert!(!String::from_utf8_lossy(&bytes).contains("__hubsite"), "{path}");
    }
    assert!(Path::new(&out).join("index.html").exists());
}

/// A request head sent a line every second, never the empty line that ends it, as a program holding connections
/// open would send, for up to 20 seconds: how long until the answer, and the answer.
fn trickle(address: &str) -> (Duration, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(stream, "GET /en/ HTTP/1.1\r\nHost: {address}\r\n").expect("ask");
    stream.set_read_timeout(Some(Duration::from_secs(1))).expect("timeout");
    let started = Instant::now();
    let mut answer = Vec::new();
    for line in 0.. {
        if started.elapsed() > Duration::from_secs(20) || write!(stream, "X-Wait: {line}\r\n").is_err() {
            break;
        }
        let mut buf = [0; 1024];
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break,
        }
    }
    (started.elapsed(), String::from_utf8_lossy(&answer).into_owned())
}

#[test]
fn a_redirect_stays_on_the_preview_and_a_request_head_not_text_or_too_slow_has_an_answer() {
    let preview = start();
    let slow = {
        let address = preview.address.clone();
        std::thread::spawn(move || trickle(&address))
    };
    let host = preview.address.as_bytes();
    let request = |first: &[u8], host: &[u8], other: &[u8]| {
        [
            b"GET ",
            first,
            b" HTTP/1.1\r\nHost: ",
            host,
            b"\r\nX-Note: ",
            other,
            b"\r\n\r\n",
        ]
        .concat()
    };
    // `//en/` is the address of a host named `en`: a folder asked for without its closing slash is sent to a
    // path on this host, however many slashes it starts with.
    for path in ["/en", "//en", "///en"] {
        let (head, _) = preview.ask(&request(path.as_bytes(), host, b"x"));
        assert!(head.starts_with("HTTP/1.1 301 Moved Permanently\r\n"), "{path}: {head}");
        assert!(head.lines().any(|l| l == "Location: /en/"), "{path}: {head}");
    }
    // Bytes that are not UTF-8 text in the address or in the name it is addressed to: an answer saying so.
    for (what, bad) in [
        ("address", request(b"/en/\xff/", host, b"x")),
        ("host", request(b"/en/", b"127.0.0.1\xfe", b"x")),
    ] {
        let (head, body) = preview.ask(&bad);
        assert!(head.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{what}: {head}");
        assert!(body.contains("is not UTF-8 text"), "{what}: {body}");
    }
    // A byte of another encoding in a line the preview does not read harms nothing.
    let (head, body) = preview.ask(&request(b"/en/", host, b"caf\xe9"));
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert!(body.contains("</html>"), "{body}");

    // A head still arriving after ten seconds is cut off.
    let (waited, answer) = slow.join().expect("the slow request ends");
    assert!(
        answer.starts_with("HTTP/1.1 408 Request Timeout\r\n"),
        "after {waited:?}: {answer}"
    );
    assert!(
        answer.ends_with("took too long to arrive. Reload the page to ask again."),
        "{answer}"
    );
    assert!(
        waited > Duration::from_secs(9) && waited < Duration::from_secs(15),
        "{waited:?}"
    );
}

#[test]
fn connections_at_once_are_bounded_with_room_for_many_tabs() {
    let preview = start();
    // As many tabs as anyone keeps open, each listening for changes...
    let tabs: Vec<Events> = (0..200).map(|_| preview.events()).collect();
    // ...and connections that have sent nothing yet, up to one short of the bound of 256 the README gives.
    let connect = || TcpStream::connect(&preview.address).expect("connect");
    let mut waiting: Vec<TcpStream> = (tabs.len()..255).map(|_| connect()).collect();
    let (status, body) = preview.get("/en/");
    assert_eq!(status, "HTTP/1.1 200 OK", "the last connection is answered");
    assert!(body.contains("</html>"));

    waiting.push(connect());
    let (head, body) = preview.ask(format!("GET /en/ HTTP/1.1\r\nHost: {}\r\n\r\n", preview.address).as_bytes());
    assert!(head.starts_with("HTTP/1.1 503 Service Unavailable\r\n"), "{head}");
    assert!(head.lines().any(|l| l == "Retry-After: 2"), "{head}");
    assert!(body.contains("too many requests open at once"), "{body}");

    // One closed, and the next is answered again, within a moment.
    drop(waiting.pop());
    let answered = (0..100).any(|_| {
        let ok = preview.get("/en/").0 == "HTTP/1.1 200 OK";
        if !ok {
            std::thread::sleep(Duration::from_millis(20));
        }
        ok
    });
    assert!(answered, "a freed connection is answered again");
    drop(tabs);
}
