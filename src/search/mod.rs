//! Site search: the tokeniser, the ranked and sharded index of each language, and synonyms from the glossary.

pub mod index;
pub mod synonyms;
pub mod tokens;

use rayon::prelude::*;

pub use index::{Doc, Fields, Index, Synonym};

/// The files of every language's index, by path under `<lang>/search/`. `docs[0]` must be the site's source
/// language: acronyms are matched against the source text, whose plain words the glossary gives, and each entry
/// has the same number in every language, so what an acronym finds there it finds in every language.
pub fn files(docs: &[(String, Vec<Doc>)], synonyms: &[Synonym]) -> Vec<(String, String)> {
    let indexes: Vec<Index> = docs.par_iter().map(|(_, d)| Index::build(d)).collect();
    let found: Vec<_> = match indexes.first() {
        Some(source) => synonyms.iter().map(|s| (s, source.matches(s))).collect(),
        None => Vec::new(),
    };
    let per_lang: Vec<Vec<(String, String)>> = docs
        .par_iter()
        .zip(indexes)
        .map(|((lang, docs), mut index)| {
            for (s, hits) in &found {
                index.add_synonym(&s.term, hits);
            }
            index
                .files(docs)
                .into_iter()
                .map(|(path, body)| (format!("{lang}/search/{path}"), body))
                .collect()
        })
        .collect();
    per_lang.into_iter().flatten().collect()
}
