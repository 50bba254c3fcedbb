//! `site.toml`: the site's title, address, languages, localities and checks.

use crate::content::address::{self, Address};
use crate::content::fields::{Ctx, Table};
use crate::content::ids::{LangCode, LocalityId, is_valid_slug};
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
    pub theme: Option<Sp<String>>,
    pub acronyms: AcronymLevel,
    pub allow: Vec<String>,
    pub allow_origins: Vec<String>,
    /// `site.toml` had problems: checks that depend on what it failed to say (such as the list of localities)
    /// are skipped, so its problems are reported once and not again in every entry.
    pub partial: bool,
}

impl SiteConfig {
    pub fn source_language(&self) -> &LangCode {
        &self.languages[0]
    }

    pub fn has_language(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l.as_str() == code)
    }

    pub fn has_locality(&self, id: &str) -> bool {
        self.partial || self.localities.iter().any(|l| l.value.as_str() == id)
    }
}

fn is_lang_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

impl SiteConfig {
    /// What the rest of the site is checked against when `site.toml` is too broken to read: the three languages
    /// hubsite is made for, and no limits that depend on the file, so its own errors do not repeat in every entry.
    pub(crate) fn fallback() -> SiteConfig {
        SiteConfig {
            title: String::new(),
            base_url: String::new(),
            languages: ["en", "bn", "so"].into_iter().map(LangCode::new).collect(),
            localities: Vec::new(),
            example_data: false,
            theme: None,
            acronyms: AcronymLevel::Error,
            allow: Vec::new(),
            allow_origins: Vec::new(),
            partial: true,
        }
    }
}

/// Reads `site.toml`. Always gives a configuration, so the content can still be checked in the same run;
/// when the file has problems, the configuration is marked `partial`.
pub fn parse(file: FileId, text: &str) -> (SiteConfig, Vec<Diagnostic>) {
    let ctx = Ctx::new(file, 0, text);
    let (doc, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .map(|e| crate::content::load::syntax_diagnostic(&ctx, text, e))
            .collect();
        return (SiteConfig::fallback(), diags);
    }
    let t = Table::new(&ctx, doc.get_ref(), Span::file_start(file), "site.toml");
    let title = t
        .req_str("title", "\"Eastbrook family hubs\"")
        .map(|s| s.value.to_string());
    let base_url = t
        .req_str("base_url", "\"https://familyhubs.example.org\"")
        .and_then(|s| address::read(&ctx, s, Address::Web))
        .map(|u| u.trim_end_matches('/').to_string());
    if !t.has("languages") {
        t.missing("languages", "[\"en\", \"bn\", \"so\"]");
    }
    let mut languages: Vec<LangCode> = Vec::new();
    let mut languages_ok = t.has("languages");
    for l in t.str_list("languages", "[\"en\", \"bn\", \"so\"]") {
        let lower = l.value.trim().to_lowercase();
        if !is_lang_code(l.value) {
            languages_ok = false;
            ctx.error(
                "bad-language",
                l.span,
                format!("\"{}\" is not a language code", l.value),
                "use a two-letter code in small letters, like \"en\", \"bn\" or \"so\"",
            );
        }
        // A code in capitals is still the language it names, so the rest of the site is checked against it.
        if !is_lang_code(&lower) {
            continue;
        }
        if languages.iter().any(|x| x.as_str() == lower) {
            ctx.error(
                "duplicate-language",
                l.span,
                format!("\"{}\" is listed twice", l.value),
                "list each language once",
            );
        } else {
            languages.push(LangCode::new(lower));
        }
    }
    if languages.is_empty() {
        if let Some(span) = t.key_span("languages") {
            ctx.error(
                "missing-field",
                span,
                "the site has no languages",
                "list them with the source language first, like languages = [\"en\", \"bn\", \"so\"]",
            );
        }
        languages = SiteConfig::fallback().languages;
        languages_ok = false;
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
    let theme = t
        .str("theme", "\"default\"")
        .map(|s| Sp::new(s.value.to_string(), s.span));
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
            allow_origins.extend(address::read(&ctx, o, Address::Origin));
        }
        e.finish(&|_| None);
    }
    let partial = title.is_none() || base_url.is_none() || !languages_ok || !t.has("localities");
    t.finish(&|_| None);
    let config = SiteConfig {
        title: title.unwrap_or_default(),
        base_url: base_url.unwrap_or_default(),
        languages,
        localities,
        example_data,
        theme,
        acronyms,
        allow,
        allow_origins,
        partial,
    };
    (config, ctx.take())
}

/// A theme named in site.toml that is not a folder under `themes/`: without this the built-in theme would be used
/// without a word, and a name such as "../x" would reach outside the site.
pub fn theme_problem(root: &std::path::Path, config: &SiteConfig) -> Option<Diagnostic> {
    let theme = config.theme.as_ref()?;
    let name = theme.value.as_str();
    if !is_valid_slug(name) {
        return Some(
            Diagnostic::error(
                "bad-id",
                theme.span,
                format!("\"{name}\" is not a name a theme can have"),
            )
            .help("a theme is a folder in themes/: use its name, in small letters a-z, digits and dashes"),
        );
    }
    if name == "default" || root.join("themes").join(name).is_dir() {
        return None;
    }
    let mut have: Vec<String> = std::fs::read_dir(root.join("themes"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    have.sort();
    let names: Vec<&str> = have.iter().map(String::as_str).collect();
    let help = match crate::suggest::nearest(name, &names) {
        Some(near) => format!("did you mean \"{near}\"? The themes here are the folders in themes/"),
        None => format!(
            "make the folder themes/{name}/ with the templates and files to replace, or take `theme` out of \
             site.toml to use the built-in theme"
        ),
    };
    Some(
        Diagnostic::error(
            "unknown-theme",
            theme.span,
            format!("there is no theme called \"{name}\" in themes/"),
        )
        .help(help),
    )
}
