//! Rendering: turning the checked site into every page, in every language, with the theme's templates.

pub mod jsonld;
pub mod markdown;
mod pages;
mod theme;
pub mod urls;
pub mod words;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

pub use theme::{CSS, EMBED_JS, SEARCH_JS, TemplateError, Theme};

use crate::i18n::Strings;

/// Escapes text for HTML, in element content and in quoted attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Something that shows how far rendering has got, such as a progress bar.
pub trait Progress: Sync {
    fn start(&self, _pages: usize) {}
    /// More pages than `start` said: a long timetable split over several pages.
    fn grow(&self, _pages: usize) {}
    fn tick(&self) {}
}

/// No progress shown: for tests, benchmarks and output that is not a terminal.
pub struct Quiet;

impl Progress for Quiet {}

/// Every file of the built site, by path, sorted, so writing it is the same every time.
pub type SiteFiles = BTreeMap<String, Vec<u8>>;

/// The folder of the site's theme: `themes/<theme>/`, or `themes/default/` for the site's own additions to the
/// default theme.
fn theme_dir(root: &std::path::Path, config: &crate::config::SiteConfig) -> std::path::PathBuf {
    root.join("themes").join(config.theme.as_deref().unwrap_or("default"))
}

/// The theme's templates as (path shown to people, source): the site's own, and the built-in ones it does not
/// replace. For showing where words on a page were written.
pub fn template_sources(root: &std::path::Path, config: &crate::config::SiteConfig) -> Vec<(String, String)> {
    theme::sources(root, &theme_dir(root, config))
}

/// Renders the whole site: every page in every language, in parallel, plus the shared files and the theme's
/// static files. `progress` is told how many pages there will be, then called once per page.
pub fn site(checked: &crate::Checked, today: time::Date, progress: &dyn Progress) -> Result<SiteFiles, TemplateError> {
    let config = &checked.loaded.config;
    let strings = Arc::new(Strings::new(&checked.catalog, &config.languages));
    let theme_dir = theme_dir(&checked.loaded.root, config);
    let theme = Theme::load(strings.clone(), &checked.loaded.root, &theme_dir)?;
    // A site's own `static/site.css` replaces the default one, which every page inlines; other static files are
    // copied as they are.
    let mut statics = theme.static_files()?;
    let css = match statics.remove("site.css") {
        Some(bytes) => String::from_utf8(bytes).map_err(|_| {
            TemplateError(format!(
                "{}: this file is not UTF-8 text",
                theme_dir.join("static/site.css").display()
            ))
        })?,
        None => CSS.to_string(),
    };
    let ctx = pages::Ctx::new(checked, &strings, &theme, today, &css, progress);
    // The chooser and the not-found page are shared by all languages.
    progress.start(ctx.pages_per_language() * config.languages.len() + 2);
    // Each language's search index is built as soon as its pages are, so the entries' words need not all be held
    // at once.
    let per_lang: Vec<_> = config
        .languages
        .par_iter()
        .map(|lang| {
            ctx.language(lang)
                .map(|(pages, docs)| (pages, crate::search::Built::new(docs)))
        })
        .collect();
    let mut files = statics;
    // The script is the theme's own if it has one, else the built-in one.
    files
        .entry("search.js".into())
        .or_insert_with(|| SEARCH_JS.as_bytes().to_vec());
    let mut indexes = Vec::new();
    for (lang, built) in config.languages.iter().zip(per_lang) {
        let (pages, index) = built?;
        for (path, html) in pages {
            files.insert(urls::file_for(&path), html.into_bytes());
        }
        indexes.push((lang.as_str().to_string(), index));
    }
    let synonyms = crate::search::synonyms::from_glossary(checked.loaded.glossary.terms());
    for (path, body) in crate::search::files(indexes, &synonyms) {
        files.insert(path, body.into_bytes());
    }
    files
        .entry("embed.js".into())
        .or_insert_with(|| EMBED_JS.as_bytes().to_vec());
    let calendars: Vec<_> = config.languages.par_iter().map(|lang| ctx.calendars(lang)).collect();
    files.extend(calendars.into_iter().flatten());
    files.extend(ctx.open_data());
    for (path, bytes) in ctx.shared()? {
        files.insert(path, bytes);
    }
    let names: std::collections::BTreeSet<String> = files.keys().cloned().collect();
    files.insert(
        "_headers".into(),
        pages::embed_headers(&names, &config.allow_origins).into_bytes(),
    );
    Ok(files)
}
