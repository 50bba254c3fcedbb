//! `site.toml`: the site's title, address, languages, localities and checks.

use crate::content::fields::{Ctx, Table};
use crate::content::ids::{LangCode, LocalityId, is_valid_slug};
use crate::content::values;
use crate::diagnostics::{Diagnostic, FileId, Sp, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AcronymLevel {
    #[default]
    Error,
    Warn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteConfig {
    pub title: String,
    pub base_url: String,
    /// The first is the source language.
    pub languages: Vec<LangCode>,
    pub localities: Vec<Sp<LocalityId>>,
    pub example_data: bool,
    pub theme: Option<String>,
    pub acronyms: AcronymLevel,
    pub allow: Vec<String>,
    pub allow_origins: Vec<String>,
}

impl SiteConfig {
    pub fn source_language(&self) -> &LangCode {
        &self.languages[0]
    }

    pub fn has_language(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l.as_str() == code)
    }

    pub fn has_locality(&self, id: &str) -> bool {
        self.localities.iter().any(|l| l.value.as_str() == id)
    }
}

fn is_lang_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// Reads `site.toml`. Returns `None` when it is too broken to build anything from.
pub fn parse(file: FileId, text: &str) -> (Option<SiteConfig>, Vec<Diagnostic>) {
    let ctx = Ctx::new(file, 0);
    let (doc, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .map(|e| crate::content::load::syntax_diagnostic(&ctx, text, e))
            .collect();
        return (None, diags);
    }
    let t = Table::new(&ctx, doc.get_ref(), Span::file_start(file), "site.toml");
    let title = t
        .req_str("title", "\"Eastbrook family hubs\"")
        .map(|s| s.value.to_string());
    let base_url = t
        .req_str("base_url", "\"https://familyhubs.example.org\"")
        .and_then(|s| match values::url(s.value) {
            Ok(u) => Some(u.trim_end_matches('/').to_string()),
            Err(p) => {
                ctx.problem("bad-url", s.span, p);
                None
            }
        });
    if !t.has("languages") {
        t.missing("languages", "[\"en\", \"bn\", \"so\"]");
    }
    let mut languages: Vec<LangCode> = Vec::new();
    for l in t.str_list("languages", "[\"en\", \"bn\", \"so\"]") {
        if !is_lang_code(l.value) {
            ctx.error(
                "bad-language",
                l.span,
                format!("\"{}\" is not a language code", l.value),
                "use a two-letter code in small letters, like \"en\", \"bn\" or \"so\"",
            );
        } else if languages.iter().any(|x| x.as_str() == l.value) {
            ctx.error(
                "duplicate-language",
                l.span,
                format!("\"{}\" is listed twice", l.value),
                "list each language once",
            );
        } else {
            languages.push(LangCode::new(l.value));
        }
    }
    let mut localities: Vec<Sp<LocalityId>> = Vec::new();
    for l in t.str_list("localities", "[\"northfield\", \"old-town\"]") {
        if is_valid_slug(l.value) {
            localities.push(Sp::new(LocalityId::new(l.value), l.span));
        } else {
            ctx.error(
                "bad-id",
                l.span,
                format!("\"{}\" is not a valid locality id", l.value),
                "use small letters a-z, digits and dashes, like \"old-town\"",
            );
        }
    }
    let example_data = t.bool("example_data").is_some_and(|b| b.value);
    let theme = t.str("theme", "\"default\"").map(|s| s.value.to_string());
    let mut acronyms = AcronymLevel::Error;
    let mut allow = Vec::new();
    if let Some(pl) = t.table("plain_language", "[plain_language]", "{ acronyms = \"error\" }") {
        if let Some(a) = pl.str("acronyms", "\"error\"") {
            match a.value {
                "error" => {}
                "warn" => acronyms = AcronymLevel::Warn,
                other => ctx.error(
                    "unknown-value",
                    a.span,
                    format!("\"{other}\" is not a choice for `acronyms`"),
                    "use \"error\" or \"warn\"",
                ),
            }
        }
        allow = pl
            .str_list("allow", "[\"Healthy Start\"]")
            .into_iter()
            .map(|s| s.value.to_string())
            .collect();
        pl.finish(&|_| None);
    }
    let mut allow_origins = Vec::new();
    if let Some(e) = t.table("embed", "[embed]", "{ allow_origins = [] }") {
        for o in e.str_list("allow_origins", "[\"https://partner.example\"]") {
            match values::url(o.value) {
                Ok(u) => allow_origins.push(u),
                Err(p) => ctx.problem("bad-url", o.span, p),
            }
        }
        e.finish(&|_| None);
    }
    t.finish(&|_| None);
    let config = match (title, base_url) {
        (Some(title), Some(base_url)) if !languages.is_empty() => Some(SiteConfig {
            title,
            base_url,
            languages,
            localities,
            example_data,
            theme,
            acronyms,
            allow,
            allow_origins,
        }),
        _ => None,
    };
    (config, ctx.take())
}
