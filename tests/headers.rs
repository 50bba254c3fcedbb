//! The `_headers` file of the built example site: the Content-Security-Policy every page is served with, checked
//! against every page's own styles and scripts, and which sites may show the pages in a frame.

mod common;

use std::collections::BTreeMap;

use common::*;

/// The rules of a `_headers` file: each path pattern with its headers.
fn header_rules(text: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut rules: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        if let Some(header) = line.strip_prefix("  ") {
            let (name, value) = header.split_once(": ").expect("Name: value");
            rules
                .last_mut()
                .expect("a rule first")
                .1
                .insert(name.into(), value.into());
        } else {
            rules.push((line.to_string(), BTreeMap::new()));
        }
    }
    rules
}

fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => pattern == path,
    }
}

/// A policy's directives by name, each with its sources.
fn directives(policy: &str) -> BTreeMap<&str, Vec<&str>> {
    policy
        .split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            Some((words.next()?, words.collect()))
        })
        .collect()
}

/// Every `<open … >` tag in a page, with what follows it.
fn tags<'p>(page: &'p str, open: &str) -> Vec<(&'p str, &'p str)> {
    page.match_indices(open)
        .filter_map(|(i, _)| {
            let rest = &page[i..];
            let end = rest.find('>')?;
            Some((&rest[..=end], &rest[end + 1..]))
        })
        .collect()
}

#[test]
fn only_the_partners_in_site_toml_may_frame_the_copies_and_nothing_else_may_be_framed() {
    let (_dir, tree) = built();
    let rules = header_rules(&String::from_utf8_lossy(&tree["_headers"]));
    let (first, all) = rules.first().expect("rules");
    assert_eq!(first, "/*", "the policy for every path comes first");
    assert!(!all.contains_key("X-Frame-Options"));
    let policy = &all["Content-Security-Policy"];
    assert!(!policy.contains("frame-ancestors"), "{policy}");
    let embed = &rules
        .iter()
        .find(|(p, _)| p == "/embed/*")
        .expect("a rule for the copies")
        .1;
    assert_eq!(
        embed["Content-Security-Policy"],
        format!("{policy}; frame-ancestors https://partner.eastbrook.example")
    );
    assert!(!embed.contains_key("X-Frame-Options"));
    // Besides `/*`, every file is covered by exactly one rule, so no host joins two frame-ancestors into one
    // stricter one; and that rule holds the whole policy, so a host where the later rule wins loses nothing.
    // The build's marker is written beside the site's files, not made with them: the first rule covers it alone.
    for path in tree
        .keys()
        .filter(|p| *p != "_headers" && *p != hubsite::output::MARKER)
    {
        let url = format!("/{path}");
        let found: Vec<&String> = rules[1..]
            .iter()
            .filter(|(p, _)| matches(p, &url))
            .map(|(p, _)| p)
            .collect();
        assert_eq!(found.len(), 1, "{url}: {found:?}");
        let headers = &rules.iter().find(|(p, _)| p == found[0]).expect("rule").1;
        if !path.starts_with("embed/") {
            assert_eq!(
                headers["Content-Security-Policy"],
                format!("{policy}; frame-ancestors 'none'"),
                "{url}"
            );
            assert_eq!(headers["X-Frame-Options"], "DENY", "{url}");
        }
    }
    assert!(rules.iter().any(|(p, _)| p == "/"), "the front page itself");
}

#[test]
fn every_page_is_served_with_a_policy_that_runs_only_the_sites_own_scripts_and_allows_its_own_style() {
    let (_dir, tree) = built();
    let rules = header_rules(&String::from_utf8_lossy(&tree["_headers"]));
    let (first, all) = rules.first().expect("rules");
    assert_eq!(first, "/*");
    let policy = directives(&all["Content-Security-Policy"]);
    for (name, sources) in [
        ("default-src", vec!["'self'"]),
        ("script-src", vec!["'self'"]),
        ("object-src", vec!["'none'"]),
        ("base-uri", vec!["'none'"]),
        ("form-action", vec!["'self'"]),
    ] {
        assert_eq!(policy.get(name), Some(&sources), "{name} in {policy:?}");
    }
    let styles = &policy["style-src"];
    assert!(!styles.contains(&"'unsafe-inline'"), "{styles:?}");
    let pages: Vec<&String> = tree.keys().filter(|p| p.ends_with(".html")).collect();
    assert!(pages.len() > 300, "{}", pages.len());
    for path in pages {
        let page = html(&tree, path);
        // Each stylesheet in the page is one the policy names by its hash.
        let inline = tags(&page, "<style");
        assert!(!inline.is_empty(), "{path} has its style inline");
        for (_, after) in inline {
            let css = &after[..after.find("</style>").expect("closed")];
            assert!(styles.contains(&hubsite::render::source_hash(css).as_str()), "{path}");
        }
        // Scripts are the site's own files, or data (JSON-LD), which browsers never run.
        for (tag, after) in tags(&page, "<script") {
            let file = tag.starts_with("<script src=\"/") && after.starts_with("</script>");
            assert!(file || tag == "<script type=\"application/ld+json\">", "{path}: {tag}");
        }
        // Nothing else the policy would block: no style or event attributes, no script in a link, no <base href>.
        for attr in [" style=\"", "=\"javascript:"] {
            assert!(!page.contains(attr), "{path}: {attr}");
        }
        let handler = page.match_indices(" on").any(|(i, _)| {
            let rest = &page[i + 3..];
            let name = rest.bytes().take_while(u8::is_ascii_lowercase).count();
            name > 0 && rest[name..].starts_with("=\"")
        });
        assert!(!handler, "{path} has an event attribute such as onclick");
        assert!(tags(&page, "<base").iter().all(|(t, _)| !t.contains("href")), "{path}");
    }
}
