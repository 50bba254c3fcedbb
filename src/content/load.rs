//! Finding and reading every file of a site folder, in parallel, into the typed model.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::entry::{self, Entry, Env, Index};
use super::fields::Ctx;
use super::frontmatter;
use super::ids::*;
use super::kept::{Kept, Parse, Parsed, Since};
use super::model::Content;
use super::names::Names;
use super::walk::{self, Item, What};
use crate::config::{self, SiteConfig};
use crate::diagnostics::{Diagnostic, Diagnostics, FileId, SourceFile, SourceMap, Span, display_path};

/// A failure that stops the run before any content is checked: there is no site here, or it cannot be read.
#[derive(Debug)]
pub enum LoadError {
    NoSite(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NoSite(p) => write!(
                f,
                "there is no site.toml in {}: is this the right folder? Use --site to name the site folder",
                display_path(p)
            ),
            LoadError::Io(p, e) => write!(f, "could not read {}: {e}", display_path(p)),
        }
    }
}

/// Everything read from a site folder, and every problem found while reading it.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub sources: SourceMap,
    pub config: SiteConfig,
    pub content: Content,
    /// Every entry's slug, known from file names, including entries that failed to parse.
    pub index: Index,
    /// The built-in glossary with the site's `content/glossary.toml` laid over it.
    pub glossary: crate::glossary::Glossary,
    pub diagnostics: Diagnostics,
    /// What the next load needs of this one: empty unless asked for.
    pub kept: Kept,
}

pub fn syntax_diagnostic(ctx: &Ctx, toml: &str, e: &toml::de::Error) -> Diagnostic {
    let range = e.span().unwrap_or(0..0);
    let span = ctx.span(range.clone());
    let msg = e.message().trim();
    let near = toml.get(range).unwrap_or("");
    let help = if msg.contains("duplicate") {
        "each field may be written once: remove one of them".to_string()
    } else if msg.contains("date") || msg.contains("time") {
        "write dates as year-month-day, like 2026-10-01, and check that the day exists".to_string()
    } else if msg.contains("string") || near.chars().next().is_some_and(char::is_alphabetic) {
        "put text in double quotes, like title = \"Baby massage\"".to_string()
    } else {
        "check the quotes, brackets and = signs on this line".to_string()
    };
    let code = if msg.contains("date") && !msg.contains("time") {
        "bad-date"
    } else {
        "toml-syntax"
    };
    Diagnostic::error(code, span, format!("this line is not valid: {msg}")).help(help)
}

/// Reads a file as text; with where it stops being UTF-8, if it does.
pub(crate) fn read_text(path: &Path, rel: &str) -> Result<(SourceFile, Option<u32>), LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => (SourceFile::new(rel.to_string(), frontmatter::normalise(text)), None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to() as u32;
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (SourceFile::new(rel.to_string(), text), Some(at))
        }
    })
}

pub(crate) fn not_utf8(file: FileId, at: u32) -> Diagnostic {
    Diagnostic::error(
        "bad-utf8",
        Span {
            file,
            start: at,
            // The bytes that are not UTF-8 are read as one U+FFFD, which is three bytes long.
            end: at + '\u{FFFD}'.len_utf8() as u32,
        },
        "this file has characters that are not UTF-8 text",
    )
    .help("save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)")
}

/// Reads one of the site's own files, read afresh on every load, into `sources`.
fn read_into(
    sources: &mut SourceMap,
    diagnostics: &mut Diagnostics,
    path: &Path,
    rel: &str,
) -> Result<FileId, LoadError> {
    let (file, bad) = read_text(path, rel)?;
    let id = sources.add(file);
    diagnostics.extend(bad.map(|at| not_utf8(id, at)));
    Ok(id)
}

/// Loads a site folder: `site.toml`, `content/` and its translations.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    load_since(root, None, false)
}

/// Loads a site folder as `load` does, from what the load `before` kept: the files that did not change are not
/// read again, and a file's parse is reused when nothing it depends on has changed. With `keep`, the result keeps
/// what the next load needs.
pub fn load_since(root: &Path, before: Option<Since<'_>>, keep: bool) -> Result<Loaded, LoadError> {
    let site_toml = root.join("site.toml");
    if !site_toml.is_file() {
        return Err(LoadError::NoSite(root.to_path_buf()));
    }
    let mut sources = SourceMap::default();
    let mut diagnostics = Diagnostics::default();
    let site_id = read_into(&mut sources, &mut diagnostics, &site_toml, "site.toml")?;
    let (config, d) = config::parse(site_id, &sources.get(site_id).text);
    diagnostics.extend(d);
    diagnostics.extend(config::theme_problem(root, &config));

    let has_content = root.join("content").is_dir();
    let (items, same_files) = if has_content {
        walked(root, before)?
    } else {
        (Vec::new(), false)
    };
    let mut terms_path = None;
    let mut glossary_path = None;
    for item in &items {
        let rel = item.found.rel.as_str();
        match &item.found.what {
            What::Nothing | What::Entry(_) => {}
            What::Terms => terms_path = Some(root.join(rel)),
            What::Glossary => glossary_path = Some(root.join(rel)),
            What::Problem(d) => diagnostics.push((**d).clone()),
        }
    }

    let mut terms = None;
    if let Some(path) = &terms_path {
        let id = read_into(&mut sources, &mut diagnostics, path, "content/terms.toml")?;
        let (t, d) = super::terms::parse(id, &sources.get(id).text);
        terms = t;
        diagnostics.extend(d);
    }

    let mut glossary = crate::glossary::Glossary::built_in();
    if let Some(path) = &glossary_path {
        let id = read_into(&mut sources, &mut diagnostics, path, "content/glossary.toml")?;
        let (own, d) = crate::glossary::site::parse(id, &sources.get(id).text, &config);
        glossary = glossary.with(own);
        diagnostics.extend(d);
    }

    // Slugs come from file names, so every reference can be checked while each file is parsed.
    let last_names = before.and_then(|b| b.kept.names.as_ref());
    let names = match last_names {
        Some(names) if same_files && names.hold_for(&config) => names.clone(),
        _ => Arc::new(Names::new(&items, &config)),
    };
    diagnostics.extend(names.diagnostics.iter().cloned());

    let first_id = sources.len();
    let env = Env {
        index: &names.index,
        config: &config,
        has_terms: terms_path.is_some(),
    };
    let around = super::kept::around(&names.index, &sources.get(site_id).text, terms_path.is_some());
    let file = |i: usize| -> Result<Arc<Parse>, LoadError> {
        let id = FileId((first_id + i) as u32);
        let item = &items[names.read[i]];
        let rel = item.found.rel.as_str();
        let What::Entry(role) = &item.found.what else {
            // Cannot be: only entry files are read.
            return Err(LoadError::Io(root.join(rel), std::io::ErrorKind::InvalidData.into()));
        };
        let last = item.last.as_ref();
        let (source, bad) = match last {
            Some(last) if !item.stale => (last.source.clone(), last.not_utf8),
            _ => {
                let (file, bad) = read_text(&root.join(rel), rel)?;
                (Arc::new(file), bad)
            }
        };
        if let Some(at) = bad {
            let diags = vec![not_utf8(id, at)];
            return Ok(Arc::new(Parse::new(id, around, source, bad, diags, Parsed::Nothing)));
        }
        if let Some(p) = last.filter(|p| p.holds(id, around, &source)) {
            return Ok(p.clone());
        }
        let (parsed, diags) = match &role.lang {
            None => {
                let (e, d) = entry::parse_source(role.kind, id, &source.text, role.is_toml, &env);
                (e.map_or(Parsed::Nothing, |e| Parsed::Entry(Box::new(e))), d)
            }
            Some(_) => {
                let (t, d) = entry::parse_translation(role.kind, id, &source.text, role.is_toml);
                (t.map_or(Parsed::Nothing, |t| Parsed::Translation(Box::new(t))), d)
            }
        };
        Ok(Arc::new(Parse::new(id, around, source, None, diags, parsed)))
    };
    // An entry is put together with its translations where it is parsed, so the work on each file is shared
    // between the cores.
    let groups: Vec<Result<Group, LoadError>> = names
        .entries
        .par_iter()
        .map(|g| {
            let (source, diags, parsed, parse) = taken(file(g.source)?, keep);
            let mut entry = match parsed {
                Parsed::Entry(e) => Some(*e),
                _ => None,
            };
            let mut files = Vec::with_capacity(1 + g.translations.len());
            files.push((g.source, source, diags, parse));
            for &t in &g.translations {
                let (source, diags, parsed, parse) = taken(file(t)?, keep);
                let lang = match &items[names.read[t]].found.what {
                    What::Entry(role) => role.lang.as_deref(),
                    _ => None,
                };
                if let (Some(entry), Parsed::Translation(t), Some(lang)) = (&mut entry, parsed, lang) {
                    common_of(entry).translations.insert(LangCode::new(lang), *t);
                }
                files.push((t, source, diags, parse));
            }
            Ok((files, entry))
        })
        .collect();

    let mut read: Vec<Option<Read>> = std::iter::repeat_with(|| None).take(names.read.len()).collect();
    let mut content = Content {
        terms,
        ..Content::default()
    };
    // The entries come in order of kind and slug, so each is put at the end of its map, where nothing has to be
    // moved aside.
    for (g, result) in names.entries.iter().zip(groups) {
        let (files, entry) = result?;
        for (i, source, diags, parse) in files {
            read[i] = Some((source, diags, parse));
        }
        if let (Some(entry), What::Entry(role)) = (entry, &items[names.read[g.source]].found.what) {
            insert(&mut content, &role.slug, entry);
        }
    }
    let mut parses = vec![None; if keep { items.len() } else { 0 }];
    for (&at, file) in names.read.iter().zip(read) {
        let Some((source, diags, parse)) = file else {
            continue;
        };
        sources.add_shared(source);
        diagnostics.extend(diags);
        if let Some(parse) = parse {
            parses[at] = Some(parse);
        }
    }
    diagnostics.sort(&sources);
    let walk = (keep && has_content).then(|| {
        items
            .iter()
            .zip(parses)
            .map(|(item, last)| Item {
                found: item.found.clone(),
                last,
                stale: false,
            })
            .collect()
    });
    Ok(Loaded {
        root: root.to_path_buf(),
        sources,
        config,
        content,
        index: names.index.clone(),
        glossary,
        diagnostics,
        kept: Kept {
            walk,
            names: keep.then_some(names),
        },
    })
}

/// The walk of `content/`: the last load's brought up to date when it is known what changed, else walked afresh;
/// and whether it has the same files as the last.
fn walked(root: &Path, before: Option<Since<'_>>) -> Result<(Vec<Item>, bool), LoadError> {
    let Some(Since { kept, changed }) = before else {
        return Ok((walk::walk(root, None, &|_| true)?, false));
    };
    let last = kept.walk.as_deref();
    let Some(changed) = changed else {
        return Ok((walk::walk(root, last, &|_| true)?, false));
    };
    if let Some(updated) = last.and_then(|last| walk::update(root, last, changed)) {
        return Ok(updated);
    }
    // Walked again for a folder that changed: what is in it may have changed without each file being named.
    let mut named = HashSet::new();
    for path in changed {
        if !path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        {
            return Ok((walk::walk(root, last, &|_| true)?, false));
        }
        named.insert(path.components().collect::<PathBuf>());
    }
    let stale = |path: &Path| path.ancestors().any(|p| named.contains(p));
    Ok((walk::walk(root, last, &stale)?, false))
}

/// One entry file as the content and the next load take it: its text, its problems, what it held, and what is kept.
type Taken = (Arc<SourceFile>, Vec<Diagnostic>, Parsed, Option<Arc<Parse>>);

/// An entry's files, by their place in the files read, and the entry with its translations, if it parsed.
type Group = (
    Vec<(usize, Arc<SourceFile>, Vec<Diagnostic>, Option<Arc<Parse>>)>,
    Option<Entry>,
);

/// An entry file's text, problems and what is kept of it, by its place in the files read.
type Read = (Arc<SourceFile>, Vec<Diagnostic>, Option<Arc<Parse>>);

/// What a parse gives the content, copied when it is also kept for the next load, or reused from the last.
fn taken(parse: Arc<Parse>, keep: bool) -> Taken {
    if keep {
        return (
            parse.source.clone(),
            parse.diagnostics.clone(),
            parse.parsed.clone(),
            Some(parse),
        );
    }
    match Arc::try_unwrap(parse) {
        Ok(p) => (p.source, p.diagnostics, p.parsed, None),
        Err(p) => (p.source.clone(), p.diagnostics.clone(), p.parsed.clone(), None),
    }
}

fn insert(content: &mut Content, slug: &str, e: Entry) {
    match e {
        Entry::Hub(h) => drop(content.hubs.insert(HubId::new(slug), h)),
        Entry::Spoke(s) => drop(content.spokes.insert(SpokeId::new(slug), s)),
        Entry::Session(s) => drop(content.sessions.insert(SessionId::new(slug), *s)),
        Entry::Offer(o) => drop(content.offers.insert(OfferId::new(slug), o)),
        Entry::Organisation(o) => drop(content.organisations.insert(OrgId::new(slug), o)),
        Entry::Page(p) => drop(content.pages.insert(PageId::new(slug), p)),
    }
}

fn common_of(e: &mut Entry) -> &mut super::model::Common {
    match e {
        Entry::Hub(h) => &mut h.place.common,
        Entry::Spoke(s) => &mut s.place.common,
        Entry::Session(s) => &mut s.common,
        Entry::Offer(o) => &mut o.common,
        Entry::Organisation(o) => &mut o.common,
        Entry::Page(p) => &mut p.common,
    }
}
