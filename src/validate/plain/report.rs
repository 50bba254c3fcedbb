//! The per-page plain-language report: how hard each entry's page reads in the source language, hardest first,
//! with how many plain-language problems it has in any language.

use super::markdown;
use super::readability::Readability;
use crate::content::Content;
use crate::content::model::Text;
use crate::diagnostics::{Diagnostic, FileId, Location};

/// One page's line in the report.
#[derive(Clone, Debug, PartialEq)]
pub struct PageRow {
    /// The page's address, such as `/en/activities/baby-massage/`; `None` for an entry with no page of its own
    /// (an organisation, shown on the pages of what it runs).
    pub page: Option<String>,
    pub file: String,
    pub readability: Readability,
    /// Plain-language problems in the entry's files, in every language.
    pub problems: usize,
}

/// Every entry's page, hardest to read first; pages that read the same are in address order.
pub fn pages(
    content: &Content,
    config: &crate::config::SiteConfig,
    sources: &crate::diagnostics::SourceMap,
    diagnostics: &[Diagnostic],
) -> Vec<PageRow> {
    let lang = config.source_language();
    let mut per_file: std::collections::BTreeMap<FileId, usize> = std::collections::BTreeMap::new();
    for d in diagnostics.iter().filter(|d| super::CODES.contains(&d.code)) {
        if let Location::Span(s) = d.location {
            *per_file.entry(s.file).or_default() += 1;
        }
    }
    let mut rows: Vec<PageRow> = content
        .entries()
        .map(|(kind, slug, common)| {
            let problems = std::iter::once(common.file)
                .chain(common.translations.values().map(|t| t.file))
                .map(|f| per_file.get(&f).copied().unwrap_or(0))
                .sum();
            let file = sources.get(common.file).path.clone();
            PageRow {
                page: crate::render::urls::entry(lang, kind, slug),
                file,
                readability: Readability::of(&as_read(&common.text)),
                problems,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.readability
            .ease()
            .total_cmp(&b.readability.ease())
            .then_with(|| a.page.cmp(&b.page))
    });
    rows
}

/// An entry's words as its page shows them, one block a line: the title, the summary, the body without its
/// markup, how to get there and what to bring.
fn as_read(text: &Text) -> String {
    let mut lines = vec![text.title.clone(), text.summary.clone()];
    lines.extend(markdown::blocks(&text.body).into_iter().map(|b| b.text));
    lines.extend(text.getting_there.iter().cloned());
    lines.extend(text.cost_note.iter().cloned());
    lines.join("\n")
}
