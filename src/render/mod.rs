//! Rendering: turning the checked site into every page, in every language, with the theme's templates.

pub mod jsonld;
pub mod markdown;
pub mod memo;
mod pages;
mod theme;
pub mod theme_check;
pub mod urls;
pub mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

pub use pages::source_hash;
pub use theme::{CSS, EMBED_HEIGHT_JS, EMBED_JS, SEARCH_JS, TemplateError, Theme};

use crate::content::ids::{Kind, LangCode};
use crate::i18n::Strings;
pub use memo::{Memo, Unit};

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
    /// Called on a rebuild with files that are made for good, before the rest of the site, and whether any of them
    /// differs from the last build: once the entries a change affects are made, then once the pages that list
    /// entries are, before the search index, calendars and open data. A preview can show them while the rest is
    /// made. Not called when a page that differs has a word the plain-language check would stop the build for.
    fn made_early(&self, _files: SiteFiles, _changed: bool) {}
}

/// No progress shown: for tests, benchmarks and output that is not a terminal.
pub struct Quiet;

impl Progress for Quiet {}

/// The bytes of one built file, shared: a rebuild keeps the files that did not change without copying them.
pub type Bytes = Arc<Vec<u8>>;

/// Every file of the built site, by path, sorted, so writing it is the same every time.
pub type SiteFiles = BTreeMap<String, Bytes>;

/// The folder of the site's theme: `themes/<theme>/`, or `themes/default/` for the site's own additions to the
/// default theme.
pub fn theme_dir(root: &std::path::Path, config: &crate::config::SiteConfig) -> std::path::PathBuf {
    root.join("themes")
        .join(config.theme.as_ref().map_or("default", |t| t.value.as_str()))
}

/// The theme's templates as (path shown to people, source): the site's own, and the built-in ones it does not
/// replace. For showing where words on a page were written.
pub fn template_sources(root: &std::path::Path, config: &crate::config::SiteConfig) -> Vec<(String, String)> {
    theme::sources(root, &theme_dir(root, config))
}

/// Where `hubsite build` sends each file as soon as it is made, so that the whole site is never held in memory at
/// once. A sink keeps its own errors: rendering goes on, and the caller asks the sink afterwards.
pub trait Sink: Sync {
    fn file(&self, path: &str, bytes: &[u8]);

    /// A file made of `parts` one after another: a large one can be written without joining them first.
    fn file_in_parts(&self, path: &str, parts: &[&[u8]]) {
        self.file(path, &parts.concat());
    }
}

/// A built site in memory: its files, what each part was made from, and which files differ from the build before
/// (all of them on a first build).
pub struct Rendering {
    pub files: SiteFiles,
    pub memo: Memo,
    pub remade: BTreeSet<String>,
}

/// Renders the whole site: every page in every language, in parallel, plus the shared files and the theme's
/// static files. `progress` is told how many pages there will be, then called once per page.
pub fn site(checked: &crate::Checked, today: time::Date, progress: &dyn Progress) -> Result<SiteFiles, TemplateError> {
    Ok(site_since(checked, today, progress, None, None)?.files)
}

/// Renders the site, keeping from `previous` (the files and memo of the last build) the files of every part whose
/// inputs have not changed since. The result is the same as rendering everything.
///
/// With a `sink`, every file goes to it as soon as it is made and none is kept: the files of the result are
/// empty, and so is `remade`.
pub fn site_since(
    checked: &crate::Checked,
    today: time::Date,
    progress: &dyn Progress,
    previous: Option<(&SiteFiles, &Memo)>,
    sink: Option<&dyn Sink>,
) -> Result<Rendering, TemplateError> {
    let config = &checked.loaded.config;
    let content = &checked.loaded.content;
    let strings = Arc::new(Strings::new(&checked.catalog, &config.languages));
    let theme_dir = theme_dir(&checked.loaded.root, config);
    let theme = Theme::load(strings.clone(), &checked.loaded.root, &theme_dir)?;
    // A site's own `static/site.css` replaces the default one, which every page inlines; other static files are
    // copied as they are.
    let mut statics = theme.static_files()?;
    let prints = memo::Prints::new(content, &checked.loaded.sources);
    let global = prints.global(
        content,
        &checked.loaded.sources,
        &template_sources(&checked.loaded.root, config),
        &statics,
        today,
    );
    let css = match statics.remove("site.css") {
        Some(bytes) => String::from_utf8(bytes).map_err(|_| {
            TemplateError(format!(
                "{}: this file is not UTF-8 text",
                theme_dir.join("static/site.css").display()
            ))
        })?,
        None => CSS.to_string(),
    };
    // Only a build with the same theme, messages and settings may lend its pages.
    let previous = previous.filter(|(_, m)| m.global == global);
    let ctx = pages::Ctx::new(
        checked,
        &strings,
        &theme,
        today,
        &css,
        progress,
        previous.map(|(f, m)| (f, &m.views)),
    );
    let units: Vec<(Unit, u64)> = content
        .entries()
        .filter(|(kind, _, _)| *kind != Kind::Organisation)
        .map(|(kind, slug, _)| Unit::Entry(kind, slug.to_string()))
        .chain([Unit::Lists])
        .map(|unit| {
            let print = prints.unit(content, &unit);
            (unit, print)
        })
        .collect();
    let session_prints: std::collections::HashMap<&str, u64> = units
        .iter()
        .filter_map(|(unit, print)| match unit {
            Unit::Entry(Kind::Session, slug) => Some((slug.as_str(), *print)),
            _ => None,
        })
        .collect();
    let ctx = match sink {
        Some(_) => ctx.forgetful(),
        None => ctx.with_session_prints(&session_prints),
    };
    let mut memo = Memo {
        global,
        ..Memo::default()
    };
    let mut todo = Vec::new();
    let mut lists = None;
    for (unit, print) in units.iter().cloned() {
        match previous.and_then(|(_, m)| m.kept(&unit, print)) {
            Some(made) => {
                memo.units.insert(unit, made.clone());
            }
            None => match unit {
                Unit::Lists => lists = Some(print),
                Unit::Entry(kind, slug) => todo.push((kind, slug, print)),
            },
        }
    }
    // The files of parts made again or gone; those not made again are taken out at the end.
    let mut stale = Vec::new();
    if let Some((_, m)) = previous {
        for (unit, made) in &m.units {
            if !memo.units.contains_key(unit) {
                stale.extend(made.paths.iter().cloned());
            }
        }
    }
    let mut made_now = std::collections::HashSet::new();
    let mut remade = BTreeSet::new();
    let languages = config.languages.len();
    progress.start(
        todo.iter()
            .map(|(kind, _, _)| pages::Ctx::pages_of(*kind) * languages)
            .sum::<usize>()
            // The chooser and the not-found page are shared by all languages.
            + lists.map_or(0, |_| ctx.list_pages_per_language() * languages + 2),
    );
    let rendered: Vec<_> = todo
        .par_iter()
        .map(|(kind, slug, _)| {
            let mut made = ctx.entry_files(*kind, slug)?;
            send(sink, &mut made.files);
            Ok(made)
        })
        .collect();
    let mut entry_files = Vec::new();
    for ((kind, slug, print), made) in todo.into_iter().zip(rendered) {
        let unit = Unit::Entry(kind, slug);
        let pages::EntryFiles {
            files: made,
            service,
            events,
            docs,
        } = made?;
        let unit_made = memo::Made {
            print,
            paths: made.iter().map(|(path, _)| path.clone()).collect(),
            service,
            events,
            docs,
        };
        memo.units.insert(unit, Arc::new(unit_made));
        if sink.is_none() {
            entry_files.extend(made.into_iter().map(|(path, bytes)| (path, Arc::new(bytes))));
        }
    }
    // Once some files are held back, nothing more is shown early: the change is bound to fail.
    let mut early = previous.map(|(before, _)| before).filter(|_| sink.is_none());
    if let Some(before) = early
        && !made_early(checked, progress, before, &entry_files)
    {
        early = None;
    }
    // The lists gather what the entries made, so they come after them: their pages first, shown as soon as they
    // are made, then the search index, calendars and open data, which no page waits for.
    let list_pages = match lists {
        Some(_) => {
            ctx.prepare_lists();
            let pages = self::list_pages(&ctx, config, &statics, sink)?;
            if let Some(before) = early {
                made_early(checked, progress, before, &pages);
            }
            Some(pages)
        }
        None => None,
    };
    // Start from the last build's files when everything global is the same, and take out those of every part
    // made again or gone: cloning the map is far cheaper than putting 100,000 files back one by one. (After the
    // first files are shown: a preview need not wait for it.)
    let mut files = previous.map(|(f, _)| f.clone()).unwrap_or_default();
    let mut put_now = |path: String, bytes: Bytes| {
        if !stale.is_empty() {
            made_now.insert(path.clone());
        }
        put(&mut files, &mut remade, path, bytes);
    };
    for (path, bytes) in entry_files {
        put_now(path, bytes);
    }
    if let (Some(print), Some(pages)) = (lists, list_pages) {
        let before = previous.map(|(_, m)| &m.search);
        let (made, search) = self::list_data(&ctx, checked, &memo, before, sink)?;
        memo.search = search;
        let paths = pages
            .iter()
            .map(|(path, _)| path)
            .chain(made.iter().map(|(path, _)| path));
        let paths = paths.cloned().collect();
        memo.units.insert(
            Unit::Lists,
            Arc::new(memo::Made {
                print,
                paths,
                ..memo::Made::default()
            }),
        );
        if sink.is_none() {
            for (path, bytes) in pages {
                put_now(path, bytes);
            }
            for (path, bytes) in made {
                put_now(path, Arc::new(bytes));
            }
        }
    } else if let Some((_, m)) = previous {
        memo.search = m.search.clone();
    }
    let mut gone = Vec::new();
    for path in stale {
        if !made_now.contains(&path) {
            files.remove(&path);
            gone.push(path);
        }
    }
    // A build that writes as it goes is never built again from, so it keeps nothing for next time. What a page
    // that is gone was made from is not kept: a preview renaming entries all day would hold it all.
    if sink.is_none() {
        let mut views = previous.map(|(_, m)| m.views.clone()).unwrap_or_default();
        views.extend(ctx.views());
        for path in &gone {
            views.remove(path);
        }
        memo.views = views;
    }
    // Every file of the site is some unit's, whether made now or kept.
    let paths = memo.units.values().flat_map(|made| made.paths.iter());
    let headers = pages::site_headers(paths.map(String::as_str), &config.allow_origins, &css).into_bytes();
    match sink {
        Some(sink) => sink.file("_headers", &headers),
        None => {
            files.insert("_headers".into(), Arc::new(headers));
            remade.insert("_headers".into());
        }
    }
    Ok(Rendering { files, memo, remade })
}

/// Gives `progress` files made for good in this build, and whether any differs from the last build's; unless a page
/// that differs has an acronym that would stop the build, which must not be shown even for a moment. Says whether
/// it gave them.
fn made_early(checked: &crate::Checked, progress: &dyn Progress, before: &SiteFiles, made: &[(String, Bytes)]) -> bool {
    let early: SiteFiles = made.iter().map(|(path, bytes)| (path.clone(), bytes.clone())).collect();
    let mut differ = made
        .iter()
        .filter(|(path, bytes)| before.get(path).is_none_or(|b| b != bytes))
        .map(|(path, _)| path)
        .peekable();
    let changed = differ.peek().is_some();
    if changed && checked.loaded.config.acronyms == crate::config::AcronymLevel::Error {
        let found = checked.scan_pages(&early, &mut differ);
        let stops = found.values().any(|(_, f)| {
            f.iter()
                .any(|(rule, _, _)| *rule == crate::validate::plain::Rule::Acronym)
        });
        if stops {
            return false;
        }
    }
    progress.made_early(early, changed);
    true
}

/// Gives each file to the sink, if there is one, keeping only its path.
fn send(sink: Option<&dyn Sink>, files: &mut [(String, Vec<u8>)]) {
    if let Some(sink) = sink {
        for (path, bytes) in files {
            sink.file(path, bytes);
            *bytes = Vec::new();
        }
    }
}

/// Puts a file made in this build into `files`, noting it as remade unless the last build had the same bytes.
fn put(files: &mut SiteFiles, remade: &mut BTreeSet<String>, path: String, bytes: Bytes) {
    if files.get(&path).is_some_and(|b| **b == *bytes) {
        return;
    }
    remade.insert(path.clone());
    files.insert(path, bytes);
}

/// The theme's static files and scripts, then each language's pages that list many entries (home, timetables, Start
/// for Life, search), by path: a page made by the site takes the place of a theme file at the same path.
fn list_pages<'c>(
    ctx: &pages::Ctx<'c>,
    config: &'c crate::config::SiteConfig,
    statics: &BTreeMap<String, Vec<u8>>,
    sink: Option<&dyn Sink>,
) -> Result<Vec<(String, Bytes)>, TemplateError> {
    let mut files: Vec<(String, Vec<u8>)> = statics.iter().map(|(p, b)| (p.clone(), b.clone())).collect();
    // The scripts are the theme's own if it has them, else the built-in ones.
    for (name, script) in [
        ("search.js", SEARCH_JS),
        ("embed.js", EMBED_JS),
        ("embed-height.js", EMBED_HEIGHT_JS),
    ] {
        if !statics.contains_key(name) {
            files.push((name.into(), script.as_bytes().to_vec()));
        }
    }
    send(sink, &mut files);
    let per_lang: Vec<_> = config
        .languages
        .par_iter()
        .map(|lang| {
            let mut pages: Vec<_> = ctx
                .lists(lang)?
                .into_iter()
                .map(|(path, html)| (urls::file_for(&path), html.into_bytes()))
                .collect();
            send(sink, &mut pages);
            Ok(pages)
        })
        .collect::<Result<_, TemplateError>>()?;
    Ok(files
        .into_iter()
        .chain(per_lang.into_iter().flatten())
        .map(|(path, bytes)| (path, Arc::new(bytes)))
        .collect())
}

/// The files that gather every entry and that no page waits for: each language's search index and calendar of
/// everything, the open-data lists, and the files shared by all languages.
fn list_data<'c>(
    ctx: &pages::Ctx<'c>,
    checked: &'c crate::Checked,
    memo: &Memo,
    before: Option<&BTreeMap<LangCode, crate::search::Tokenised>>,
    sink: Option<&dyn Sink>,
) -> Result<ListFiles, TemplateError> {
    let config = &checked.loaded.config;
    let none = crate::search::Tokenised::new();
    // Each language's search index is built as soon as its entries' words are gathered, so they need not all be
    // held at once.
    let per_lang: Vec<_> = config
        .languages
        .par_iter()
        .map(|lang| {
            let before = before.and_then(|b| b.get(lang)).unwrap_or(&none);
            let kept = |kind: Kind, slug: &str| {
                let made = memo.units.get(&Unit::Entry(kind, slug.to_string()))?;
                made.docs.get(lang).cloned()
            };
            let docs = ctx.search_docs(lang, &kept);
            // A build that writes as it goes is never built again from, so it keeps no words for next time.
            let (index, words) = crate::search::Built::from(docs, before, sink.is_none());
            let events = memo
                .units
                .values()
                .filter_map(|m| m.events.get(lang))
                .map(String::as_str);
            let mut calendar = [ctx.all_calendar(lang, events)];
            send(sink, &mut calendar);
            let [calendar] = calendar;
            (index, words, calendar)
        })
        .collect();
    let mut files = Vec::new();
    let mut indexes = Vec::new();
    let mut words = BTreeMap::new();
    for (lang, (index, tokenised, calendar)) in config.languages.iter().zip(per_lang) {
        files.push(calendar);
        indexes.push((lang.as_str().to_string(), index));
        words.insert(lang.clone(), tokenised);
    }
    let synonyms = crate::search::synonyms::from_glossary(checked.loaded.glossary.terms());
    let start = files.len();
    for (path, body) in crate::search::files(indexes, &synonyms) {
        files.push((path, body.into_bytes()));
    }
    send(sink, &mut files[start..]);
    // Every session's record, then every offer's, each in the order of its name.
    let services: Vec<&pages::Listed> = memo.units.values().filter_map(|m| m.service.as_ref()).collect();
    files.extend(ctx.open_data_lists(&services, sink));
    let start = files.len();
    files.extend(ctx.shared()?);
    send(sink, &mut files[start..]);
    Ok((files, words))
}

/// The files of the lists by path, and each language's search words for next time.
type ListFiles = (Vec<(String, Vec<u8>)>, BTreeMap<LangCode, crate::search::Tokenised>);
