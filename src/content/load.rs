//! Finding and reading every file of a site folder, in parallel, into the typed model.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::entry::{self, Entry, Env, Index};
use super::fields::Ctx;
use super::frontmatter;
use super::ids::*;
use super::model::Content;
use super::parses::{Parse, Parsed};
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
    /// What each content file parsed to, for the next load to reuse: empty unless asked for.
    pub parses: super::Parses,
}

/// A content file and what its name says it is.
#[derive(Debug)]
struct FileRole {
    rel: String,
    kind: Kind,
    slug: String,
    lang: Option<String>,
    is_toml: bool,
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

fn read_text(path: &Path, rel: &str, file: FileId) -> Result<(SourceFile, Option<Diagnostic>), LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((SourceFile::new(rel.to_string(), frontmatter::normalise(text)), None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = Diagnostic::error(
                "bad-utf8",
                Span {
                    file,
                    start: at as u32,
                    end: at as u32 + 1,
                },
                "this file has characters that are not UTF-8 text",
            )
            .help("save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)");
            Ok((SourceFile::new(rel.to_string(), text), Some(d)))
        }
    }
}

/// Loads a site folder: `site.toml`, `content/` and its translations.
/// Sections the site builds under each language; a page of the same name would take their address.
const RESERVED_PAGE_NAMES: &[&str] = &["places", "activities", "timetable", "start-for-life", "search"];

pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    load_since(root, None, false)
}

/// Loads a site folder as `load` does, taking each content file's parse from `before` when nothing it depends on
/// has changed; with `keep_parses`, the result holds this load's parses for the next.
pub fn load_since(root: &Path, before: Option<&super::Parses>, keep_parses: bool) -> Result<Loaded, LoadError> {
    let site_toml = root.join("site.toml");
    if !site_toml.is_file() {
        return Err(LoadError::NoSite(root.to_path_buf()));
    }
    let mut sources = SourceMap::default();
    let mut diagnostics = Diagnostics::default();
    let (site_file, bad) = read_text(&site_toml, "site.toml", FileId(0))?;
    diagnostics.extend(bad);
    let site_id = sources.add(site_file);
    let (config, d) = config::parse(site_id, &sources.get(site_id).text);
    diagnostics.extend(d);

    let content_dir = root.join("content");
    let mut roles = Vec::new();
    let mut terms_path = None;
    let mut glossary_path = None;
    if content_dir.is_dir() {
        // Folders first, then what is in them, each by name: walkdir's own sort would work out each name from its
        // path again on every comparison, which on 30,000 files is a good part of a rebuild.
        let mut items = walkdir::WalkDir::new(&content_dir)
            .min_depth(1)
            .into_iter()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| LoadError::Io(content_dir.clone(), e.into()))?;
        items.sort_by_cached_key(|item| {
            let rel = item.path().strip_prefix(&content_dir).unwrap_or(item.path());
            rel.components().map(|c| c.as_os_str().to_owned()).collect::<Vec<_>>()
        });
        for item in items {
            let name = item.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
                continue;
            }
            let rel_path = item.path().strip_prefix(root).unwrap_or(item.path());
            let rel = display_path(rel_path);
            if item.file_type().is_dir() {
                if item.depth() == 2 {
                    diagnostics.push(
                        Diagnostic::file_error("unknown-folder", rel_path, format!("files in {rel}/ are not read"))
                            .help("entries go straight into their folder, such as content/sessions/baby-massage.md"),
                    );
                }
                if item.depth() == 1 && Kind::from_folder(&name).is_none() {
                    let folders: Vec<&str> = Kind::ALL.iter().map(|k| k.folder()).collect();
                    let help = match crate::suggest::nearest(&name, &folders) {
                        Some(n) => {
                            format!("did you mean content/{n}/? Files in this folder are not read")
                        }
                        None => format!(
                            "entries go in one of: {}",
                            folders
                                .iter()
                                .map(|f| format!("content/{f}/"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    diagnostics.push(
                        Diagnostic::file_error(
                            "unknown-folder",
                            rel_path,
                            format!("hubsite does not know the folder {rel}/"),
                        )
                        .help(help),
                    );
                }
                continue;
            }
            if item.depth() == 1 {
                match name.as_str() {
                    "terms.toml" => terms_path = Some(item.path().to_path_buf()),
                    "glossary.toml" => glossary_path = Some(item.path().to_path_buf()),
                    _ => diagnostics.push(
                        Diagnostic::file_error("unknown-file", rel_path, format!("hubsite does not read {rel}"))
                            .help("entries go in a folder such as content/sessions/; only terms.toml and glossary.toml sit in content/ itself"),
                    ),
                }
                continue;
            }
            let Some(kind) = rel_path
                .parent()
                .and_then(|p| p.file_name())
                .and_then(|f| Kind::from_folder(&f.to_string_lossy()))
            else {
                continue;
            };
            if item.depth() != 2 {
                continue;
            }
            let (stem, is_toml) = if let Some(s) = name.strip_suffix(".md") {
                (s, false)
            } else if let Some(s) = name.strip_suffix(".toml") {
                (s, true)
            } else {
                diagnostics.push(
                    Diagnostic::file_error(
                        "unknown-file",
                        rel_path,
                        format!("{rel} is not an entry: entries end in .md or .toml"),
                    )
                    .help("rename it to end in .md, or move it out of content/"),
                );
                continue;
            };
            // Only a short code in small letters after the last dot makes a translation; anything else is
            // part of the name, and a dot in a name is reported as a bad name.
            let (slug, lang) = match stem.rsplit_once('.') {
                Some((s, l)) if (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()) => {
                    (s, Some(l.to_string()))
                }
                _ => (stem, None),
            };
            if !is_valid_slug(slug) {
                let ext = if is_toml { "toml" } else { "md" };
                let lang_part = lang.as_deref().map(|l| format!(".{l}")).unwrap_or_default();
                let suggestion = slug_like(slug);
                let help = if suggestion.is_empty() {
                    format!(
                        "give the file a name in English letters, like baby-massage{lang_part}.{ext}; its name becomes part of the page's web address"
                    )
                } else {
                    format!(
                        "rename the file to {suggestion}{lang_part}.{ext}; its name becomes part of the page's web address"
                    )
                };
                diagnostics.push(
                    Diagnostic::file_error(
                        "bad-slug",
                        rel_path,
                        format!("the file name \"{name}\" can only use small letters a-z, digits and dashes"),
                    )
                    .help(help),
                );
                continue;
            }
            if kind == Kind::Page && RESERVED_PAGE_NAMES.contains(&slug) {
                let ext = if is_toml { "toml" } else { "md" };
                diagnostics.push(
                    Diagnostic::file_error(
                        "reserved-name",
                        rel_path,
                        format!("a page cannot be called \"{slug}\": the site already has a section with that address"),
                    )
                    .help(format!("rename the file, for example to our-{slug}.{ext}")),
                );
                continue;
            }
            roles.push(FileRole {
                rel,
                kind,
                slug: slug.to_string(),
                lang,
                is_toml,
            });
        }
    }

    let mut terms = None;
    if let Some(path) = &terms_path {
        let id = FileId(sources.len() as u32);
        let (file, bad) = read_text(path, "content/terms.toml", id)?;
        diagnostics.extend(bad);
        sources.add(file);
        let (t, d) = super::terms::parse(id, &sources.get(id).text);
        terms = t;
        diagnostics.extend(d);
    }

    let mut glossary = crate::glossary::Glossary::built_in();
    if let Some(path) = &glossary_path {
        let id = FileId(sources.len() as u32);
        let (file, bad) = read_text(path, "content/glossary.toml", id)?;
        diagnostics.extend(bad);
        sources.add(file);
        let (own, d) = crate::glossary::site::parse(id, &sources.get(id).text, &config);
        glossary = glossary.with(own);
        diagnostics.extend(d);
    }

    // Slugs come from file names, so every reference can be checked while each file is parsed.
    let mut index = Index::default();
    let mut seen: BTreeMap<(Kind, String, Option<String>), String> = BTreeMap::new();
    let mut keep = Vec::new();
    for role in roles {
        let key = (role.kind, role.slug.clone(), role.lang.clone());
        if let Some(first) = seen.get(&key) {
            diagnostics.push(
                Diagnostic::file_error(
                    "duplicate-slug",
                    Path::new(&role.rel),
                    format!("{} and {first} are the same entry", role.rel),
                )
                .help("keep one of them: an entry is either a .md or a .toml file"),
            );
            continue;
        }
        seen.insert(key, role.rel.clone());
        if let Some(lang) = &role.lang {
            if lang == config.source_language().as_str() {
                let plain = role.rel.replace(&format!(".{lang}."), ".");
                diagnostics.push(
                    Diagnostic::file_error(
                        "unknown-language",
                        Path::new(&role.rel),
                        format!("\"{lang}\" is the source language, so it needs no translation file"),
                    )
                    .help(format!("put this text in {plain}")),
                );
                continue;
            }
            if !config.has_language(lang) {
                let langs: Vec<&str> = config.languages.iter().map(|l| l.as_str()).collect();
                diagnostics.push(
                    Diagnostic::file_error(
                        "unknown-language",
                        Path::new(&role.rel),
                        format!("this is a translation into \"{lang}\", which is not one of the site's languages"),
                    )
                    .help(format!(
                        "the site's languages are {}; add \"{lang}\" to `languages` in site.toml, or rename the file",
                        langs.join(", ")
                    )),
                );
                continue;
            }
        } else {
            index.slugs.entry(role.kind).or_default().insert(role.slug.clone());
        }
        keep.push(role);
    }
    // A translation whose source does not exist is reported as that, whatever else is wrong inside it.
    keep.retain(|role| {
        if role.lang.is_none() || index.has(role.kind, &role.slug) {
            return true;
        }
        let ext = if role.is_toml { "toml" } else { "md" };
        diagnostics.push(
            Diagnostic::file_error(
                "orphan-translation",
                Path::new(&role.rel),
                format!(
                    "this translates \"{}\", but there is no content/{}/{}.{ext}",
                    role.slug,
                    role.kind.folder(),
                    role.slug
                ),
            )
            .help("rename the translation to match its source file, or add the source file"),
        );
        false
    });
    let hubs = index.slugs.get(&Kind::Hub).cloned().unwrap_or_default();
    let mut clashing = Vec::new();
    for role in keep
        .iter()
        .filter(|r| r.kind == Kind::Spoke && r.lang.is_none() && hubs.contains(&r.slug))
    {
        diagnostics.push(
            Diagnostic::file_error(
                "duplicate-slug",
                Path::new(&role.rel),
                format!("a hub and a spoke are both called \"{}\"", role.slug),
            )
            .help(format!(
                "places share one list of web addresses: rename content/spokes/{}.* to a different name",
                role.slug
            )),
        );
        clashing.push(role.slug.clone());
    }
    keep.retain(|r| !(r.kind == Kind::Spoke && clashing.contains(&r.slug)));

    let first_id = sources.len();
    let env = Env {
        index: &index,
        config: &config,
        has_terms: terms_path.is_some(),
    };
    let around = super::parses::around(&index, &sources.get(site_id).text, terms_path.is_some());
    let parsed: Vec<Result<ParsedFile, LoadError>> = keep
        .par_iter()
        .enumerate()
        .map(|(i, role)| {
            let id = FileId((first_id + i) as u32);
            let (file, bad) = read_text(&root.join(&role.rel), &role.rel, id)?;
            if let Some(d) = bad {
                return Ok((file, vec![d], Parsed::Nothing, None));
            }
            if let Some(p) = before.and_then(|b| b.get(&role.rel, id, around, &file.text)) {
                return Ok((
                    file,
                    p.diagnostics.clone(),
                    p.parsed.clone(),
                    keep_parses.then(|| p.clone()),
                ));
            }
            let (parsed, diags) = match &role.lang {
                None => {
                    let (e, d) = entry::parse_source(role.kind, id, &file.text, role.is_toml, &env);
                    (e.map_or(Parsed::Nothing, |e| Parsed::Entry(Box::new(e))), d)
                }
                Some(_) => {
                    let (t, d) = entry::parse_translation(role.kind, id, &file.text, role.is_toml);
                    (t.map_or(Parsed::Nothing, |t| Parsed::Translation(Box::new(t))), d)
                }
            };
            let parse = keep_parses.then(|| Arc::new(Parse::new(id, around, &file.text, &diags, &parsed)));
            Ok((file, diags, parsed, parse))
        })
        .collect();

    let mut content = Content {
        terms,
        ..Content::default()
    };
    let mut translations = Vec::new();
    let mut parses = super::Parses::default();
    for (role, result) in keep.iter().zip(parsed) {
        let (file, diags, parsed, parse) = result?;
        if let Some(parse) = parse {
            parses.0.insert(role.rel.clone(), parse);
        }
        sources.add(file);
        diagnostics.extend(diags);
        match parsed {
            Parsed::Entry(e) => insert(&mut content, &role.slug, *e),
            Parsed::Translation(t) => translations.push((role, t)),
            Parsed::Nothing => {}
        }
    }
    for (role, t) in translations {
        let lang = LangCode::new(role.lang.clone().unwrap_or_default());
        if let Some(common) = common_mut(&mut content, role.kind, &role.slug) {
            common.translations.insert(lang, *t);
        }
    }
    diagnostics.sort(&sources);
    Ok(Loaded {
        root: root.to_path_buf(),
        sources,
        config,
        content,
        index,
        glossary,
        diagnostics,
        parses,
    })
}

/// One content file after parsing: its text, its problems, what it held, and the parse to keep for next time.
type ParsedFile = (SourceFile, Vec<Diagnostic>, Parsed, Option<Arc<Parse>>);

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

fn common_mut<'a>(content: &'a mut Content, kind: Kind, slug: &str) -> Option<&'a mut super::model::Common> {
    let s = slug.to_string();
    match kind {
        Kind::Hub => content.hubs.get_mut(&HubId::new(s)).map(|e| &mut e.place.common),
        Kind::Spoke => content.spokes.get_mut(&SpokeId::new(s)).map(|e| &mut e.place.common),
        Kind::Session => content.sessions.get_mut(&SessionId::new(s)).map(|e| &mut e.common),
        Kind::Offer => content.offers.get_mut(&OfferId::new(s)).map(|e| &mut e.common),
        Kind::Organisation => content.organisations.get_mut(&OrgId::new(s)).map(|e| &mut e.common),
        Kind::Page => content.pages.get_mut(&PageId::new(s)).map(|e| &mut e.common),
    }
}
