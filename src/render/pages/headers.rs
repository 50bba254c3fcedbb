//! The `_headers` file static hosts read (Netlify, Cloudflare Pages): the Content-Security-Policy every file is
//! served with, and which sites may show pages in a frame.
//!
//! Why one policy in `_headers` rather than a `<meta http-equiv="Content-Security-Policy">` in each page: every
//! page inlines the same stylesheet (the theme's `site.css`) and no page has an inline script of its own (the
//! copies for partners load `embed-height.js`; JSON-LD is data, which a policy does not govern), so one hash
//! allows the style of every page and `_headers` stays a few rules long even on a site of 136,000 files. A meta
//! tag would add its bytes to every page (each must stay under one round trip), could not say `frame-ancestors`
//! (browsers ignore it there, so `_headers` is needed anyway), and would also bind the preview, whose reload
//! script `hubsite serve` puts into each page. A host that does not read `_headers` must be given the same
//! headers in its own settings, as docs/partners.md says.

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

/// What every page may load and do, whoever frames it: scripts and styles only from the site's own files, but
/// the stylesheet inlined in every page allowed by its hash; no plugins, no `<base href>`, forms sent only to the
/// site itself.
pub fn policy(css: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' {}; object-src 'none'; base-uri 'none'; \
         form-action 'self'",
        source_hash(css)
    )
}

/// `'sha256-…'`: how a policy allows one inline style or script, by the hash of its exact text.
pub fn source_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(Sha256::digest(text.as_bytes()).as_slice()))
}

/// Standard base64 with padding (RFC 4648), which policy hashes are written in.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The `_headers` file. A first `/*` rule gives every path the policy, even one with no file (the host answers
/// it with `404.html`). Then each top-level folder and file has its own rule with the whole policy and its
/// `frame-ancestors`: the copies under `/embed/` may be framed by the partners' sites in `[embed] allow_origins`
/// and by no one else; nothing else may be framed at all. Those rules never overlap one another, because hosts
/// that join overlapping rules (Cloudflare Pages) join their policies and the stricter wins, so a
/// `frame-ancestors 'none'` for everything would block the copies too. Joined with `/*` they lose nothing, since
/// they hold all of it; hosts where the later rule wins (Netlify) serve the later rule whole.
pub fn headers<'f>(files: impl Iterator<Item = &'f str>, allow_origins: &[String], css: &str) -> String {
    let policy = policy(css);
    let mut out = String::from(
        "# What pages may load and run (only the site's own files), and which sites may show them inside a frame:\n\
         # partners' sites may show the copies under /embed/, and no site may show anything else. Made by hubsite\n\
         # from the theme's site.css and [embed] allow_origins in site.toml.\n",
    );
    out.push_str(&format!("/*\n  Content-Security-Policy: {policy}\n"));
    let origins: Vec<&str> = allow_origins.iter().map(|o| o.trim_end_matches('/')).collect();
    let ancestors = if origins.is_empty() {
        "'none'".to_string()
    } else {
        origins.join(" ")
    };
    out.push_str(&format!(
        "/embed/*\n  Content-Security-Policy: {policy}; frame-ancestors {ancestors}\n  X-Content-Type-Options: nosniff\n"
    ));
    // Folders and files by name first, made into rules once: a large site has 100,000 files in a few folders.
    let mut dirs = BTreeSet::new();
    let mut tops = BTreeSet::new();
    for f in files {
        match f.split_once('/') {
            Some(("embed", _)) => {}
            Some((dir, _)) => {
                dirs.insert(dir);
            }
            None if f == "_headers" => {}
            None => {
                tops.insert(f);
            }
        }
    }
    let mut rules: BTreeSet<String> = dirs.into_iter().map(|d| format!("/{d}/*")).collect();
    for f in tops {
        if f == "index.html" {
            rules.insert("/".to_string());
        }
        rules.insert(format!("/{f}"));
    }
    for rule in rules {
        out.push_str(&format!(
            "{rule}\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n  X-Frame-Options: DENY\n  \
             X-Content-Type-Options: nosniff\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_one() {
        // The test vectors of RFC 4648, section 10.
        for (text, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(text.as_bytes()), coded, "{text}");
        }
    }

    #[test]
    fn a_style_is_allowed_by_the_hash_browsers_compute() {
        // From `printf 'body{color:red}' | openssl dgst -sha256 -binary | base64`.
        assert_eq!(
            source_hash("body{color:red}"),
            "'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='"
        );
    }

    #[test]
    fn every_path_gets_the_policy_and_only_the_copies_may_be_framed_and_only_by_partners() {
        let files: BTreeSet<String> = [
            "index.html",
            "404.html",
            "en/index.html",
            "embed/en/places/x/index.html",
            "open-data/services.ndjson",
        ]
        .map(String::from)
        .into();
        let css = "body{color:red}";
        let h = headers(
            files.iter().map(String::as_str),
            &["https://a.example/".into(), "https://b.example".into()],
            css,
        );
        let policy = policy(css);
        assert_eq!(
            policy,
            "default-src 'self'; script-src 'self'; \
             style-src 'self' 'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='; object-src 'none'; \
             base-uri 'none'; form-action 'self'"
        );
        assert!(
            h.contains(&format!("\n/*\n  Content-Security-Policy: {policy}\n/embed/*\n")),
            "{h}"
        );
        assert!(h.contains(&format!(
            "/embed/*\n  Content-Security-Policy: {policy}; frame-ancestors https://a.example https://b.example\n"
        )));
        for rule in ["/\n", "/index.html\n", "/404.html\n", "/en/*\n", "/open-data/*\n"] {
            assert!(
                h.contains(&format!(
                    "{rule}  Content-Security-Policy: {policy}; frame-ancestors 'none'\n"
                )),
                "{rule}: {h}"
            );
        }
        assert!(!h.contains("/embed/en"));
        let none = headers(files.iter().map(String::as_str), &[], css);
        assert!(none.contains(&format!(
            "/embed/*\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n"
        )));
    }
}
