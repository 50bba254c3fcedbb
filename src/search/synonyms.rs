//! Search synonyms from the glossary: an acronym a family has heard (SEND, CAMHS) finds the pages that use the
//! plain words instead, though no page shows the acronym.

use super::index::Synonym;
use super::tokens::tokens;
use crate::glossary::{Term, TermKind};

/// Little words that say nothing about what a page is for; a synonym does not need a page to have them.
const SMALL_WORDS: &[&str] = &[
    "a", "about", "an", "and", "are", "at", "by", "for", "from", "in", "is", "of", "on", "or", "that", "the", "their",
    "to", "what", "who", "with", "you", "your",
];

/// The front of a word that its other forms share: "disabilities" → "disabilit" also finds "disability";
/// "services" → "servic" also finds "service". Short words stay whole.
fn stem(word: &str) -> String {
    let word = word.strip_suffix("'s").unwrap_or(word);
    let word = word.strip_suffix('s').unwrap_or(word);
    let n = word.chars().count();
    let keep = if n <= 5 { n } else { (n * 3).div_ceil(4).max(5) };
    word.chars().take(keep).collect()
}

/// One synonym for each acronym a family might type: its token, and the stems of its plain words (up to a bracket
/// or a second choice after "/"). Terms only staff use are left out: no family searches for them.
pub fn from_glossary(terms: &[Term]) -> Vec<Synonym> {
    let mut out: Vec<Synonym> = terms
        .iter()
        .filter(|t| t.kind == TermKind::Acronym && !t.staff_only())
        .filter_map(|t| {
            let plain = t.plain.split(['(', '/']).next().unwrap_or_default();
            let words: Vec<String> = tokens(plain)
                .into_iter()
                .filter(|w| !SMALL_WORDS.contains(&w.as_str()))
                .map(|w| stem(&w))
                .collect();
            let term = tokens(&t.term).into_iter().next()?;
            (!words.is_empty()).then_some(Synonym { term, words })
        })
        .collect();
    out.sort_by(|a, b| a.term.cmp(&b.term));
    out.dedup_by(|a, b| a.term == b.term);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_become_the_stems_of_their_plain_words() {
        let synonyms = from_glossary(crate::glossary::Glossary::built_in().terms());
        let find = |t: &str| synonyms.iter().find(|s| s.term == t).map(|s| s.words.clone());
        assert_eq!(
            find("send").as_deref(),
            Some(&["specia", "education", "need", "disabilit"].map(String::from)[..])
        );
        assert_eq!(
            find("camhs").as_deref(),
            Some(&["childr", "menta", "healt", "servic"].map(String::from)[..])
        );
        // Staff-only terms are not search words.
        assert_eq!(find("kpi"), None);
        assert_eq!(stem("needs"), "need");
    }
}
