//! The plain-language check over built pages: what reaches a family from templates, messages and data, shown
//! where it was written when that can be found.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rayon::prelude::*;

use super::{Rule, Scanner, diagnostic, html};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, FileId, Location, SourceFile, SourceMap, Span};
use crate::glossary::Glossary;

/// The most places one word found on the pages is shown at.
const MOST_PLACES: usize = 20;

/// What one finding on the pages is: its rule, the word as written and its glossary key.
pub type Found = (Rule, String, String);

/// What the check found on each page with something to report, by file path: the page's language and findings.
/// A page that did not change since the last build has the same findings, so they are kept between builds.
pub type PageFindings = BTreeMap<String, (String, BTreeSet<Found>)>;

/// Reads the HTML pages of `files` at `paths` and gives what is found on each.
pub fn scan(
    files: &crate::render::SiteFiles,
    paths: &mut dyn Iterator<Item = &String>,
    config: &SiteConfig,
    glossary: &Glossary,
) -> PageFindings {
    let scanner = PageScanner::new(config, glossary);
    let pages: Vec<(&String, &crate::render::Bytes)> = paths.filter_map(|p| files.get_key_value(p)).collect();
    pages
        .par_iter()
        .filter_map(|(path, bytes)| Some((path.to_string(), scanner.page(path, bytes)?)))
        .collect()
}

/// Reads one built page at a time, so a build that writes pages as it makes them can check each before it is
/// gone from memory.
pub struct PageScanner<'a> {
    scanner: Scanner<'a>,
    config: &'a SiteConfig,
}

impl<'a> PageScanner<'a> {
    pub fn new(config: &'a SiteConfig, glossary: &'a Glossary) -> Self {
        PageScanner {
            scanner: Scanner::new(glossary, &config.allow),
            config,
        }
    }

    /// The page's language and what is found on it; nothing for a page with nothing to report, or a file that is
    /// not a page.
    pub fn page(&self, path: &str, bytes: &[u8]) -> Option<(String, BTreeSet<Found>)> {
        if !path.ends_with(".html") {
            return None;
        }
        let config = self.config;
        let lang = path.split('/').next().filter(|l| config.has_language(l)).unwrap_or("");
        // The pages shared by every language (the chooser, 404) are read as the source language.
        let english = lang == "en" || (lang.is_empty() && config.source_language().as_str() == "en");
        let mut found = BTreeSet::new();
        let text = String::from_utf8_lossy(bytes);
        let mut seen = HashSet::new();
        for piece in html::texts(&text) {
            if !seen.insert(piece.clone()) {
                continue;
            }
            for f in self.scanner.scan(&piece, english, false) {
                found.insert((f.rule, piece.get(f.range).unwrap_or_default().to_string(), f.key));
            }
        }
        (!found.is_empty()).then(|| (lang.to_string(), found))
    }
}

/// Every acronym and institutional word on the built pages that the check of the source has not already
/// reported. Each is shown where it was written (a content file, a message, a template) when the word can be
/// found there, else at the first page it is on; its message says which pages it shows on.
/// `templates` gives the theme's templates as (path shown, source), read only if a word needs looking for in
/// them; `already` is the problems found so far.
pub fn check(
    per_page: &PageFindings,
    config: &SiteConfig,
    glossary: &Glossary,
    templates: &dyn Fn() -> Vec<(String, String)>,
    sources: &mut SourceMap,
    already: &[Diagnostic],
) -> Vec<Diagnostic> {
    let scanner = Scanner::new(glossary, &config.allow);
    // The same words on pages in several languages (an address, a template) are one problem, shown once.
    let mut on_pages: BTreeMap<Found, (Vec<String>, BTreeSet<String>)> = BTreeMap::new();
    for (path, (lang, found)) in per_page {
        let url = page_url(path);
        for f in found {
            let (urls, langs) = on_pages.entry(f.clone()).or_default();
            urls.push(url.clone());
            langs.insert(lang.clone());
        }
    }
    let reported: HashSet<(FileId, u32)> = already
        .iter()
        .filter_map(|d| match d.location {
            Location::Span(s) => Some((s.file, s.start)),
            Location::File(_) => None,
        })
        .collect();
    let mut loaded_templates: Option<Vec<(String, String)>> = None;
    let mut template_files: BTreeMap<usize, FileId> = BTreeMap::new();
    let mut out = Vec::new();
    let source_lang = config.source_language().as_str();
    for ((rule, written, key), (urls, langs)) in on_pages {
        let finding = super::Finding {
            rule,
            range: 0..written.len(),
            key,
        };
        let shows = match urls.len() {
            1 => format!(" (it shows on {})", urls[0]),
            n => format!(
                " (it shows on {} and {} more {})",
                urls[0],
                n - 1,
                if n == 2 { "page" } else { "pages" }
            ),
        };
        let mut places = occurrences(&scanner, sources, &written, rule);
        if places.is_empty() {
            let templates = loaded_templates.get_or_insert_with(templates);
            for (k, (path, source)) in templates.iter().enumerate() {
                if find_all(source, &written, rule).is_empty() {
                    continue;
                }
                let file = *template_files
                    .entry(k)
                    .or_insert_with(|| sources.add(SourceFile::new(path.clone(), source.clone())));
                places.extend(find_all(source, &written, rule).into_iter().map(|(s, e)| Span {
                    file,
                    start: s as u32,
                    end: e as u32,
                }));
            }
        }
        // The help's plain words are for the language the word was found in; the source language's when it is in
        // more than one, as the words then came from the source.
        let lang = match langs.iter().find(|l| !l.is_empty()) {
            Some(only) if langs.len() == 1 => only.as_str(),
            _ => source_lang,
        };
        let mut add = |location| {
            let mut d = diagnostic(&finding, &written, lang, &scanner, config, location);
            d.message.push_str(&shows);
            out.push(d);
        };
        if places.is_empty() {
            add(Location::File(urls[0].clone().into()));
        }
        for span in places.into_iter().take(MOST_PLACES) {
            if !reported.contains(&(span.file, span.start)) {
                add(Location::Span(span));
            }
        }
    }
    out
}

/// "en/places/x/index.html" → "/en/places/x/".
fn page_url(path: &str) -> String {
    format!("/{}", path.strip_suffix("index.html").unwrap_or(path))
}

/// Where a word is written in the site's files as something to report: not in a comment, the glossary or the
/// site's allowed words, nor where the words around it make it all right ("NHS 111" when that is allowed).
fn occurrences(scanner: &Scanner<'_>, sources: &SourceMap, word: &str, rule: Rule) -> Vec<Span> {
    let mut out = Vec::new();
    for i in 0..sources.len() {
        let file = FileId(i as u32);
        let source = sources.get(file);
        if source.path == "content/glossary.toml" {
            continue;
        }
        let text = &source.text;
        for (s, e) in find_all(text, word, rule) {
            let line_start = text[..s].rfind('\n').map_or(0, |n| n + 1);
            let line_end = text[e..].find('\n').map_or(text.len(), |n| e + n);
            if text[line_start..s].trim_start().starts_with('#') {
                continue;
            }
            // The lines either side too, as one line, for an allowed phrase over a line break ("NHS⏎111").
            let from = text[..line_start.saturating_sub(1)].rfind('\n').map_or(0, |n| n + 1);
            let to = text[line_end..]
                .get(1..)
                .and_then(|r| r.find('\n'))
                .map_or(text.len(), |n| line_end + 1 + n);
            let around = text[from..to].replace('\n', " ");
            let here = scanner
                .scan(&around, true, false)
                .iter()
                .any(|f| f.rule == rule && f.range.start == s - from);
            if !here {
                continue;
            }
            out.push(Span {
                file,
                start: s as u32,
                end: e as u32,
            });
            if out.len() >= MOST_PLACES {
                return out;
            }
        }
    }
    out
}

/// Each place `word` stands as a whole word in `text`: as written for an acronym, in any case for other words.
fn find_all(text: &str, word: &str, rule: Rule) -> Vec<(usize, usize)> {
    // Folding ASCII case keeps every byte where it was, so positions in the folded text are positions in `text`.
    let (hay, needle) = if rule == Rule::Acronym {
        (std::borrow::Cow::Borrowed(text), word.to_string())
    } else {
        (
            std::borrow::Cow::Owned(text.to_ascii_lowercase()),
            word.to_ascii_lowercase(),
        )
    };
    hay.match_indices(needle.as_str())
        .map(|(s, m)| (s, s + m.len()))
        .filter(|&(s, e)| {
            // A word ends where Latin letters do: "NHSএর" holds the word NHS.
            let before = text[..s].chars().next_back().is_none_or(|c| !super::scan::is_latin(c));
            let after = text[e..].chars().next().is_none_or(|c| !super::scan::is_latin(c));
            before && after
        })
        .collect()
}
