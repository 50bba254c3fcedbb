//! The text a family meets on a built page: text, `alt`, `title` and `aria-label` attributes, and the page's
//! description, without its markup, styles or scripts.

/// Each piece of text on the page, with character references turned back into characters.
pub fn texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, rest);
            break;
        };
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '/')
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "script" || name == "style" {
            // Written in any case: </script>, </SCRIPT>.
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&close).map_or("", |i| &rest[i..]);
            continue;
        }
        let attrs = attributes(tag);
        let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        for key in ["alt", "title", "aria-label", "placeholder"] {
            if let Some(v) = get(key) {
                push_text(&mut out, v);
            }
        }
        if name == "meta" && get("name") == Some("description") {
            push_text(&mut out, get("content").unwrap_or(""));
        }
    }
    out
}

/// Adds a piece of text with its runs of spaces and line ends made one space, as a browser shows them.
fn push_text(out: &mut Vec<String>, raw: &str) {
    if !raw.trim().is_empty() {
        out.push(unescape(&raw.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
}

/// Where a tag ends: the first `>` that is not inside a quoted attribute value.
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The attributes of a tag, by lower-case name, with their values as written (quoted or not).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
    loop {
        rest = rest.trim_start();
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if name_end == 0 {
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
            continue;
        }
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = next;
            unescape(value)
        } else {
            String::new()
        };
        out.push((name, value));
    }
    out
}

/// Character references back into characters: the named ones hubsite writes, and numbered ones.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let n = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        name.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    n.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_text_and_the_attributes_people_hear() {
        let html = "<!doctype html><html lang=\"en\"><head><title>Baby &amp; me</title>\
                    <meta name=\"description\" content=\"A calm hour\"><style>a>b{color:red}</style>\
                    <script type=\"application/ld+json\">{\"a\":\"<CAMHS>\"}</script></head>\
                    <body><!-- KPI --><SCRIPT>if (a > b) { x('<CAMHS>') }</SCRIPT><p data-x=\"n > 0\">Stay\n   and   play</p><img src=\"/x.png\" alt=\"A baby&#39;s hand\"><a href=\"/DfE/\" title='Go there' \
                    aria-label=\"Call us\">Call</a><input placeholder=\"Search\" disabled></body></html>";
        assert_eq!(
            texts(html),
            [
                "Baby & me",
                "A calm hour",
                "Stay and play",
                "A baby's hand",
                "Go there",
                "Call us",
                "Call",
                "Search"
            ]
        );
    }
}
