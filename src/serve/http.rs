//! The preview's web server: the last good site from memory, the reload script in every page, and a stream of
//! events that tells open tabs to reload or to show the problems.

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use super::conn::{self, Head};
use super::{Shared, Snapshot};

/// Where open tabs listen for changes. Nothing the site builds can have this path: output paths are slugs.
pub const EVENTS: &str = "/__hubsite/events";

const RELOAD_JS: &str = include_str!("reload.js");

/// Whether a request's `Host` names this computer. A web page elsewhere could point a name of its own at
/// 127.0.0.1 and then read the preview from a person's browser; such a request carries that other name.
fn names_this_computer(host: &str) -> bool {
    let port_ok = |rest: &str| {
        rest.is_empty()
            || rest
                .strip_prefix(':')
                .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((ip, rest)) if port_ok(rest) => ip,
            _ => return false,
        },
        None => match host.split_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            Some(_) => return false,
            None => host,
        },
    };
    // Browsers keep `localhost` and every name under it to this computer; a name may end in a dot.
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Answers one request, then the connection is closed.
pub fn answer(stream: &TcpStream, shared: &Shared, local_only: bool) -> std::io::Result<()> {
    // Each answer is a head and a body written one after the other: without this, the body can wait for the
    // browser's delayed acknowledgement of the head, some 40 ms a request.
    stream.set_nodelay(true)?;
    let Head { first, host } = match conn::read_head(stream)? {
        Ok(head) => head,
        Err(cut) => {
            respond(stream, cut.status(), "text/plain; charset=utf-8", cut.words(), false)?;
            return conn::linger(stream);
        }
    };
    let mut out = stream;
    let mut parts = first.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return respond(
            out,
            "405 Method Not Allowed",
            "text/plain",
            b"Only GET and HEAD.",
            false,
        );
    }
    if local_only && !host.as_deref().is_some_and(names_this_computer) {
        return respond(
            out,
            "403 Forbidden",
            "text/plain; charset=utf-8",
            b"This preview only answers http://127.0.0.1 or http://localhost on this computer.",
            false,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS {
        return events(out, shared);
    }
    let head = method == "HEAD";
    let mut snapshot = shared.snapshot();
    // While a change is being built, the files made for good so far are shown at once; anything else waits for
    // them or for the whole site, so no file from before the change is ever shown beside one from after it.
    if snapshot.early.is_some() {
        snapshot = shared.settled(Duration::from_secs(60), |early| {
            matches!(find(early, path), Found::File(_))
        });
        if let Some(early) = snapshot.early.take() {
            if let Found::File(key) = find(&early, path) {
                return file(out, &key, &early[&key], &snapshot, head);
            }
            // Still building after a minute: a file from before the change is not to be shown as after it.
            return respond(
                out,
                "503 Service Unavailable",
                "text/plain; charset=utf-8",
                b"The preview is still building your last change. Reload this page in a moment.",
                head,
            );
        }
    }
    match find(&snapshot.files, path) {
        Found::File(key) => {
            let body = &snapshot.files[&key];
            file(out, &key, body, &snapshot, head)
        }
        Found::Folder(to) => {
            let head_text = format!(
                "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            out.write_all(head_text.as_bytes())
        }
        Found::Nothing => {
            let missing = snapshot
                .files
                .get("404.html")
                .map(|b| b.as_slice())
                .unwrap_or(b"Not found");
            let page = with_script(missing, &snapshot);
            respond(out, "404 Not Found", "text/html; charset=utf-8", &page, head)
        }
    }
}

/// A file of the site, with the reload script in a page.
fn file(out: &TcpStream, key: &str, body: &[u8], snapshot: &Snapshot, head: bool) -> std::io::Result<()> {
    let kind = content_type(key);
    if kind.starts_with("text/html") {
        let page = with_script(body, snapshot);
        respond(out, "200 OK", kind, &page, head)
    } else {
        respond(out, "200 OK", kind, body, head)
    }
}

enum Found {
    File(String),
    /// A folder asked for without its closing slash: the address it should have.
    Folder(String),
    Nothing,
}

/// The file a path names in the built site, which lives in memory: a path can reach nothing else.
fn find(files: &crate::render::SiteFiles, path: &str) -> Found {
    let Some(decoded) = percent_decode(path) else {
        return Found::Nothing;
    };
    if decoded.split('/').any(|part| part == ".." || part == ".") || decoded.contains('\\') {
        return Found::Nothing;
    }
    let key = decoded.trim_start_matches('/');
    if key.is_empty() || key.ends_with('/') {
        let index = format!("{key}index.html");
        return if files.contains_key(&index) {
            Found::File(index)
        } else {
            Found::Nothing
        };
    }
    if files.contains_key(key) {
        return Found::File(key.to_string());
    }
    if files.contains_key(&format!("{key}/index.html")) {
        // On this host whatever the path starts with: `//en` would send the browser to a host named `en`. (A
        // backslash, which browsers read as a slash, has found nothing above.)
        return Found::Folder(format!("/{}/", path.trim_start_matches('/')));
    }
    Found::Nothing
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "ndjson" => "application/x-ndjson",
        "ics" => "text/calendar; charset=utf-8",
        "xml" => "application/xml",
        "txt" | "_headers" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// A page with the reload script before `</body>`, and the problems box when the last change could not be built.
/// Only the preview does this: `build` never writes either.
fn with_script(page: &[u8], snapshot: &Snapshot) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(problems) = &snapshot.problems {
        extra.push_str(&super::overlay(problems));
    }
    extra.push_str(&format!(
        "<script id=\"hubsite-reload\">{}</script>\n",
        RELOAD_JS
            .replace("VERSION", &snapshot.version.to_string())
            .replace("STYLE", &json(super::OVERLAY_STYLE))
            .replace("OVERLAY", &json(&super::overlay_inside("")))
    ));
    let at = find_last(page, b"</body>").unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + extra.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Past the most connections answered at once: the client is told to try again in a moment.
pub fn busy(stream: &TcpStream) -> std::io::Result<()> {
    respond_with(
        stream,
        "503 Service Unavailable",
        "Retry-After: 2\r\n",
        "text/plain; charset=utf-8",
        b"The preview has too many requests open at once. Close some of its tabs, then reload this page.",
        false,
    )?;
    conn::linger(stream)
}

fn respond(out: &TcpStream, status: &str, kind: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    respond_with(out, status, "", kind, body, head)
}

/// An answer with `extra` header lines, each ending in CRLF.
fn respond_with(
    mut out: &TcpStream,
    status: &str,
    extra: &str,
    kind: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let head_text = format!(
        "HTTP/1.1 {status}\r\n{extra}Content-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    out.write_all(head_text.as_bytes())?;
    if !head {
        out.write_all(body)?;
    }
    out.flush()
}

/// Server-sent events: the version now, then each new one as it is built, or the problems that stopped it.
fn events(mut out: &TcpStream, shared: &Shared) -> std::io::Result<()> {
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
    )?;
    let mut seen = None;
    loop {
        let snapshot = shared.wait_for_change(seen, Duration::from_secs(15));
        if seen == Some(snapshot.version) {
            // Nothing new: a comment keeps the connection open through proxies, and finds closed tabs.
            out.write_all(b": still here\n\n")?;
        } else {
            let mut event = String::new();
            match &snapshot.problems {
                // A tab may be showing the first files of the change that failed: it reloads to the last version
                // that worked, which comes with the problems over it.
                Some(_) if snapshot.undo => event.push_str(&format!("event: built\ndata: {}\n", snapshot.version)),
                Some(problems) => {
                    event.push_str("event: problems\n");
                    for line in problems.lines() {
                        event.push_str("data: ");
                        event.push_str(line);
                        event.push('\n');
                    }
                }
                None => event.push_str(&format!("event: built\ndata: {}\n", snapshot.version)),
            }
            event.push('\n');
            out.write_all(event.as_bytes())?;
            seen = Some(snapshot.version);
        }
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::Arc;

    fn snapshot() -> Snapshot {
        let mut files = BTreeMap::new();
        files.insert(
            "index.html".to_string(),
            Arc::new(b"<html><body>Home</body></html>".to_vec()),
        );
        files.insert("en/index.html".to_string(), Arc::new(b"<body>English</body>".to_vec()));
        files.insert("search.js".to_string(), Arc::new(b"//".to_vec()));
        Snapshot {
            version: 3,
            files: Arc::new(files),
            problems: None,
            early: None,
            undo: false,
        }
    }

    #[test]
    fn only_names_of_this_computer_are_answered() {
        for yes in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "localhost.:1111",
            "hubsite.localhost:1111",
            "[::1]:1111",
            "[::1]",
            "127.0.0.1",
        ] {
            assert!(names_this_computer(yes), "{yes}");
        }
        for no in [
            "evil.example:1111",
            "localhost.evil.example",
            "192.168.1.5:1111",
            "[2001:db8::1]:80",
            "[::1]evil.example",
            "localhost:80evil",
            "",
        ] {
            assert!(!names_this_computer(no), "{no}");
        }
    }

    #[test]
    fn paths_find_files_and_nothing_outside() {
        let s = snapshot();
        assert!(matches!(find(&s.files, "/"), Found::File(k) if k == "index.html"));
        assert!(matches!(find(&s.files, "/en/"), Found::File(k) if k == "en/index.html"));
        assert!(matches!(find(&s.files, "/en"), Found::Folder(to) if to == "/en/"));
        // A redirect never leaves this host: `//en/` would be a host named `en`.
        for other_host in ["//en", "///en", "/%2Fen"] {
            let to = match find(&s.files, other_host) {
                Found::Folder(to) => to,
                _ => String::new(),
            };
            assert!(to.starts_with('/') && !to.starts_with("//"), "{other_host} to {to}");
        }
        assert!(matches!(find(&s.files, "/\\en"), Found::Nothing));
        assert!(matches!(find(&s.files, "/search.js"), Found::File(_)));
        for outside in [
            "/../site.toml",
            "/en/../../etc/passwd",
            "/%2e%2e/site.toml",
            "/en/%00",
            "/%zz",
        ] {
            assert!(matches!(find(&s.files, outside), Found::Nothing), "{outside}");
        }
    }

    #[test]
    fn the_script_goes_before_the_last_closing_body() {
        let page = with_script(b"<body><pre></body></pre></body>", &snapshot());
        let page = String::from_utf8(page).unwrap_or_default();
        assert!(
            page.starts_with("<body><pre></body></pre><script id=\"hubsite-reload\">"),
            "{page}"
        );
        assert!(page.ends_with("</script>\n</body>"), "{page}");
        assert!(page.contains("3"), "{page}");
    }
}
