//! What partners need to show pages on their own sites: the code to copy and the oEmbed description (the
//! `_headers` rules that let only their sites frame the copies are in `headers.rs`).

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
