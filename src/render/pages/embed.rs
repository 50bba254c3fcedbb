//! What partners need to show pages on their own sites: the code to copy, the oEmbed description, and the
//! `_headers` file that lets only their sites frame the copies.

use std::collections::BTreeSet;

use serde_json::json;

use super::Ctx;
use super::views::Embed;
use crate::render::escape_html;

/// Where a page's chrome-free copy lives: `/bn/places/x/` → `/embed/bn/places/x/`.
pub fn path(page: &str) -> String {
    format!("/embed{page}")
}

/// The oEmbed description (a "rich" type) of a page's copy.
pub fn oembed(base_url: &str, provider: &str, title: &str, snippet: &str) -> String {
    let value = json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": provider,
        "provider_url": base_url,
        "html": snippet,
        "width": 640,
        "height": 480,
        "cache_age": 86400,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The `_headers` file static hosts read (Netlify, Cloudflare Pages): the copies under `/embed/` may be framed by
/// the partners' sites in `[embed] allow_origins` and by no one else; nothing else may be framed at all. Rules
/// never overlap, because hosts that join overlapping rules would join the two policies, and the stricter wins.
pub fn headers<'f>(files: impl Iterator<Item = &'f str>, allow_origins: &[String]) -> String {
    let mut out = String::from(
        "# Which sites may show these pages inside a frame: partners' sites may show the copies under /embed/,\n\
         # and no site may show anything else. Made by hubsite from [embed] allow_origins in site.toml.\n",
    );
    let origins: Vec<&str> = allow_origins.iter().map(|o| o.trim_end_matches('/')).collect();
    let ancestors = if origins.is_empty() {
        "'none'".to_string()
    } else {
        origins.join(" ")
    };
    out.push_str(&format!(
        "/embed/*\n  Content-Security-Policy: frame-ancestors {ancestors}\n  X-Content-Type-Options: nosniff\n"
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
            "{rule}\n  Content-Security-Policy: frame-ancestors 'none'\n  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n"
        ));
    }
    out
}

impl Ctx<'_> {
    /// How the page at `path` is shown on a partner's site. The box names the page by its kind and slug
    /// (`places/st-lukes`) and its language, and holds a plain link for readers without JavaScript.
    pub(super) fn embed_for(&self, path: &str, title: &str, site: &str) -> Embed {
        let base = &self.config.base_url;
        let mut parts = path.trim_matches('/').splitn(2, '/');
        let lang = parts.next().unwrap_or_default();
        let what = parts.next().unwrap_or_default();
        let snippet = format!(
            "<div data-hubsite-embed=\"{}\" data-lang=\"{}\"><a href=\"{}\">{} – {}</a></div>\n<script src=\"{}/embed.js\" async></script>",
            escape_html(what),
            escape_html(lang),
            escape_html(&format!("{base}{path}")),
            escape_html(title),
            escape_html(site),
            escape_html(base),
        );
        Embed {
            page: path.to_string(),
            oembed: format!("{}oembed.json", self::path(path)),
            snippet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_copies_may_be_framed_and_only_by_partners() {
        let files: BTreeSet<String> = [
            "index.html",
            "404.html",
            "en/index.html",
            "embed/en/places/x/index.html",
            "open-data/services.ndjson",
        ]
        .map(String::from)
        .into();
        let h = headers(
            files.iter().map(String::as_str),
            &["https://a.example/".into(), "https://b.example".into()],
        );
        assert!(
            h.contains("/embed/*\n  Content-Security-Policy: frame-ancestors https://a.example https://b.example\n")
        );
        for rule in ["/\n", "/index.html\n", "/404.html\n", "/en/*\n", "/open-data/*\n"] {
            assert!(
                h.contains(&format!("{rule}  Content-Security-Policy: frame-ancestors 'none'\n")),
                "{rule}: {h}"
            );
        }
        assert!(!h.contains("/embed/en"));
        let none = headers(files.iter().map(String::as_str), &[]);
        assert!(none.contains("/embed/*\n  Content-Security-Policy: frame-ancestors 'none'\n"));
    }
}
