//! The plain-language check over what the communications team writes: every entry's text in every language,
//! and the site's Fluent messages.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Locator, Scanner, diagnostic, fluent, markdown};
use crate::config::{AcronymLevel, SiteConfig};
use crate::content::Content;
use crate::content::model::Text;
use crate::diagnostics::{Diagnostic, FileId, Location, SourceFile, SourceMap};
use crate::glossary::Glossary;
use crate::i18n::Catalog;

/// What the check found in each entry file, kept so that the next check scans only the files that changed: on a
/// large site, scanning every text again was the largest part of a rebuild after a one-word change.
#[derive(Debug, Default)]
pub struct TextFindings {
    /// What the findings were worked out with; a change to any of it scans every text again.
    with: Option<(Glossary, Vec<String>, AcronymLevel, String)>,
    files: HashMap<FileId, Scanned>,
}

#[derive(Debug)]
struct Scanned {
    /// The file as it was scanned. A file is named by its place in the list of files, so its findings (which name
    /// that place) are used again only for the same text in the same place.
    source: Arc<SourceFile>,
    lang: String,
    found: Arc<[Diagnostic]>,
}

impl TextFindings {
    fn with(config: &SiteConfig, glossary: &Glossary) -> (Glossary, Vec<String>, AcronymLevel, String) {
        let source = config.source_language().as_str().to_string();
        (glossary.clone(), config.allow.clone(), config.acronyms, source)
    }

    fn get(&self, file: FileId, lang: &str, source: &Arc<SourceFile>) -> Option<&Arc<[Diagnostic]>> {
        let s = self.files.get(&file)?;
        let same = Arc::ptr_eq(&s.source, source) || (s.source.path == source.path && s.source.text == source.text);
        (same && s.lang == lang).then_some(&s.found)
    }
}

/// Every plain-language problem in the site's entries and messages, each at its file, line and column. Given what
/// an earlier check found, a text that has not changed is not scanned again; with `keep`, gives what this one
/// found for the next.
pub fn check(
    config: &SiteConfig,
    content: &Content,
    glossary: &Glossary,
    catalog: &Catalog,
    sources: &mut SourceMap,
    (before, keep): (Option<&TextFindings>, bool),
) -> (Vec<Diagnostic>, TextFindings) {
    let scanner = Scanner::new(glossary, &config.allow);
    let source_lang = config.source_language().as_str();
    let mut texts: Vec<(&str, FileId, &Text)> = Vec::new();
    for (_, _, common) in content.entries() {
        texts.push((source_lang, common.file, &common.text));
        for (lang, t) in &common.translations {
            texts.push((lang.as_str(), t.file, &t.text));
        }
    }
    let with = TextFindings::with(config, glossary);
    let before = before.filter(|b| b.with.as_ref() == Some(&with));
    let shared: &SourceMap = sources;
    let found: Vec<(FileId, &str, Arc<[Diagnostic]>)> = texts
        .par_iter()
        .map(|&(lang, file, text)| {
            let kept = before.and_then(|b| b.get(file, lang, shared.get_shared(file)));
            let found = match kept {
                Some(found) => found.clone(),
                None => entry_text(&scanner, config, shared, lang, file, text).into(),
            };
            (file, lang, found)
        })
        .collect();
    let mut out: Vec<Diagnostic> = found.iter().flat_map(|(_, _, f)| f.iter().cloned()).collect();
    let kept = match keep {
        true => TextFindings {
            with: Some(with),
            files: found
                .into_iter()
                .map(|(file, lang, found)| {
                    let source = shared.get_shared(file).clone();
                    (
                        file,
                        Scanned {
                            source,
                            lang: lang.to_string(),
                            found,
                        },
                    )
                })
                .collect(),
        },
        false => TextFindings::default(),
    };
    out.extend(fluent::check(&scanner, config, catalog, sources));
    (out, kept)
}

/// The problems in one entry's text in one language.
fn entry_text(
    scanner: &Scanner<'_>,
    config: &SiteConfig,
    sources: &SourceMap,
    lang: &str,
    file: FileId,
    text: &Text,
) -> Vec<Diagnostic> {
    let english = lang == "en";
    let file_text = &sources.get(file).text;
    let mut out = Vec::new();
    let lines = [
        (text.title.as_str(), text.spans.title),
        (text.summary.as_str(), text.spans.summary),
        (text.getting_there.as_deref().unwrap_or(""), text.spans.getting_there),
        (text.cost_note.as_deref().unwrap_or(""), text.spans.cost_note),
    ];
    for (value, span) in lines {
        let Some(span) = span else { continue };
        let mut locator = Locator::quoted(value, file_text, span);
        for f in scanner.scan(value, english, true) {
            let written = value.get(f.range.clone()).unwrap_or_default();
            let at = locator.find(f.range.start, written);
            out.push(diagnostic(&f, written, lang, scanner, config, Location::Span(at)));
        }
    }
    // A body below the `+++` line is a slice of the file; one in a `body = "..."` field may have escapes.
    let locator = match (text.body_span, text.body_at) {
        (Some(span), _) => Some(Locator::exact(&text.body, file_text, span)),
        (None, Some(span)) => Some(Locator::quoted(&text.body, file_text, span)),
        (None, None) => None,
    };
    if let Some(mut locator) = locator {
        let blocks = markdown::blocks(&text.body);
        // A very long body is scanned on every core; the words found are placed in order after.
        let found: Vec<Vec<super::Finding>> = match text.body.len() > 64 * 1024 {
            true => blocks
                .par_iter()
                .map(|b| scanner.scan(&b.text, english, true))
                .collect(),
            false => blocks.iter().map(|b| scanner.scan(&b.text, english, true)).collect(),
        };
        for (block, found) in blocks.iter().zip(found) {
            for f in found {
                let written = block.text.get(f.range.clone()).unwrap_or_default();
                let in_body = block.to_source(f.range.start);
                let at = locator.find(in_body, written);
                out.push(diagnostic(&f, written, lang, scanner, config, Location::Span(at)));
            }
        }
    }
    out
}
