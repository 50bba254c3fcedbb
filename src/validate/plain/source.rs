//! The plain-language check over what the communications team writes: every entry's text in every language,
//! and the site's Fluent messages.

use rayon::prelude::*;

use super::{Scanner, diagnostic, fluent, locate, markdown};
use crate::config::SiteConfig;
use crate::content::Content;
use crate::content::model::Text;
use crate::diagnostics::{Diagnostic, FileId, Location, SourceMap};
use crate::glossary::Glossary;
use crate::i18n::Catalog;

/// Every plain-language problem in the site's entries and messages, each at its file, line and column.
pub fn check(
    config: &SiteConfig,
    content: &Content,
    glossary: &Glossary,
    catalog: &Catalog,
    sources: &mut SourceMap,
) -> Vec<Diagnostic> {
    let scanner = Scanner::new(glossary, &config.allow);
    let source_lang = config.source_language().as_str();
    let mut texts: Vec<(&str, FileId, &Text)> = Vec::new();
    for (_, _, common) in content.entries() {
        texts.push((source_lang, common.file, &common.text));
        for (lang, t) in &common.translations {
            texts.push((lang.as_str(), t.file, &t.text));
        }
    }
    let shared: &SourceMap = sources;
    let mut out: Vec<Diagnostic> = texts
        .par_iter()
        .flat_map_iter(|(lang, file, text)| entry_text(&scanner, config, shared, lang, *file, text))
        .collect();
    out.extend(fluent::check(&scanner, config, catalog, sources));
    out
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
        for f in scanner.scan(value, english, true) {
            let written = value.get(f.range.clone()).unwrap_or_default();
            let at = locate(value, f.range.start, written, file_text, span);
            out.push(diagnostic(&f, written, lang, scanner, config, Location::Span(at)));
        }
    }
    if let Some(body_span) = text.body_span.or(text.body_at) {
        for block in markdown::blocks(&text.body) {
            for f in scanner.scan(&block.text, english, true) {
                let written = block.text.get(f.range.clone()).unwrap_or_default();
                let in_body = block.to_source(f.range.start);
                let at = locate(&text.body, in_body, written, file_text, body_span);
                out.push(diagnostic(&f, written, lang, scanner, config, Location::Span(at)));
            }
        }
    }
    out
}
