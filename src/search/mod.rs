//! Site search: the tokeniser, the ranked and sharded index of each language, and synonyms from the glossary.

pub mod index;
pub mod synonyms;
pub mod tokens;

use std::sync::Arc;

use rayon::prelude::*;

pub use index::{Doc, Fields, Index, Synonym, Tokenised};

/// One language's index, and its entries with their words dropped: all the files need of them now.
pub struct Built {
    index: Index,
    docs: Vec<Arc<Doc>>,
}

impl Built {
    pub fn new(docs: Vec<Arc<Doc>>) -> Built {
        Built::from(docs, &Tokenised::new(), false).0
    }

    /// The same as `new`, taking the words of entries whose text has not changed from `before`; with `keep`, gives
    /// every entry's words for next time (else nothing).
    pub fn from(mut docs: Vec<Arc<Doc>>, before: &Tokenised, keep: bool) -> (Built, Tokenised) {
        let (index, now) = Index::build_from(&docs, before, keep);
        // The words of an entry held nowhere else are not needed again: only its result card is.
        for d in &mut docs {
            if let Some(d) = Arc::get_mut(d) {
                d.fields = Fields::default();
            }
        }
        (Built { index, docs }, now)
    }
}

/// The files of every language's index, by path under `<lang>/search/`. The first language must be the site's
/// source language: acronyms are matched against the source text, whose plain words the glossary gives, and each
/// entry has the same number in every language, so what an acronym finds there it finds in every language.
pub fn files(built: Vec<(String, Built)>, synonyms: &[Synonym]) -> Vec<(String, String)> {
    let found: Vec<_> = match built.first() {
        Some((_, source)) => synonyms.iter().map(|s| (s, source.index.matches(s))).collect(),
        None => Vec::new(),
    };
    let per_lang: Vec<Vec<(String, String)>> = built
        .into_par_iter()
        .map(|(lang, mut b)| {
            for (s, hits) in &found {
                b.index.add_synonym(&s.term, hits);
            }
            b.index
                .files(&b.docs)
                .into_iter()
                .map(|(path, body)| (format!("{lang}/search/{path}"), body))
                .collect()
        })
        .collect();
    per_lang.into_iter().flatten().collect()
}
