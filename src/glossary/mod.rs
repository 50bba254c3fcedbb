//! The glossary: acronyms and institutional words, with the plain words to say to a family instead.
//!
//! The built-in list starts from the shared plain-language list, checked entry by entry: "early help assessment"
//! for CAF was itself jargon, "the local NHS" for ICB put one acronym in place of another, and "offer" is plain
//! English as a verb ("we offer free nappies"), so only "local offer" is listed. A site adds terms, or replaces
//! built-in ones, in `content/glossary.toml` ([`site`]).

pub mod site;

use std::collections::BTreeMap;

/// The glossary as compiled in: a tab-separated table, one term a line.
const BUILT_IN: &str = include_str!("built-in.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermKind {
    Acronym,
    /// An institutional word or phrase: families can read it, but it says little to them.
    Jargon,
}

/// One glossary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// As staff write it: "CAMHS", "signpost".
    pub term: String,
    /// What to say to a family instead, in the site's source language.
    pub plain: String,
    /// What it stands for, for staff.
    pub notes: String,
    pub kind: TermKind,
    /// What to say instead in other languages, by language code: for a term a translation may leave in Latin
    /// script.
    pub translations: BTreeMap<String, String>,
}

impl Term {
    /// A term only staff use: the glossary gives advice in brackets rather than words to say.
    pub fn staff_only(&self) -> bool {
        self.plain.starts_with('(')
    }

    /// The plain words for a reader of `lang`, when the glossary has them.
    pub fn plain_in(&self, lang: &str, source: &str) -> Option<&str> {
        if lang == source {
            Some(&self.plain)
        } else {
            self.translations.get(lang).map(String::as_str)
        }
    }

    /// The kind a term written this way is: two capitals or more make an acronym.
    pub fn kind_of(term: &str) -> TermKind {
        if term.chars().filter(|c| c.is_uppercase()).count() >= 2 {
            TermKind::Acronym
        } else {
            TermKind::Jargon
        }
    }
}

/// The built-in terms with a site's own laid over them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glossary {
    terms: Vec<Term>,
}

impl Default for Glossary {
    fn default() -> Self {
        Glossary::built_in()
    }
}

impl Glossary {
    /// The built-in glossary, in the order it is written.
    pub fn built_in() -> Glossary {
        Glossary { terms: parse(BUILT_IN) }
    }

    /// Adds a site's terms: one with the same name as a built-in term replaces it (in its place, so the order
    /// stays the same from run to run); others go at the end.
    pub fn with(mut self, own: Vec<Term>) -> Glossary {
        for term in own {
            match self.terms.iter_mut().find(|t| same_term(&t.term, &term.term)) {
                Some(t) => *t = term,
                None => self.terms.push(term),
            }
        }
        self
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The entry for an acronym as written, without a plural `s` or `'s`: "CAMHS"; or written with some small
    /// letters ("SENDCo" for SENDCO). A term with small letters of its own is found only as written: CiC
    /// (children in care) is not CIC (a community interest company).
    pub fn acronym(&self, word: &str) -> Option<&Term> {
        let acronyms = || self.terms.iter().filter(|t| t.kind == TermKind::Acronym);
        acronyms().find(|t| t.term == word).or_else(|| {
            acronyms().find(|t| !t.term.chars().any(char::is_lowercase) && t.term.eq_ignore_ascii_case(word))
        })
    }

    /// The institutional words and phrases, in glossary order.
    pub fn jargon(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| t.kind == TermKind::Jargon)
    }
}

/// Acronyms are the same only as written (SEND is not "send"); words in any case.
fn same_term(a: &str, b: &str) -> bool {
    match Term::kind_of(a) {
        TermKind::Acronym => a == b,
        TermKind::Jargon => a.eq_ignore_ascii_case(b),
    }
}

fn parse(tsv: &str) -> Vec<Term> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let term = cols.next()?.trim();
            let plain = cols.next()?.trim();
            let notes = cols.next().unwrap_or_default().trim();
            let kind = match cols.next().unwrap_or_default().trim() {
                "acronym" => TermKind::Acronym,
                _ => TermKind::Jargon,
            };
            Some(Term {
                term: term.to_string(),
                plain: plain.to_string(),
                notes: notes.to_string(),
                kind,
                translations: BTreeMap::new(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_glossary_reads_whole() {
        let g = Glossary::built_in();
        let terms = g.terms();
        assert!(terms.len() > 80, "{}", terms.len());
        let camhs = g.acronym("CAMHS").expect("CAMHS is in the glossary");
        assert_eq!(camhs.plain, "children's mental health services");
        assert_eq!(camhs.kind, TermKind::Acronym);
        assert_eq!(g.acronym("Camhs"), Some(camhs));
        assert!(
            g.acronym("CIC").is_none(),
            "CiC is children in care; CIC is something else"
        );
        assert!(g.acronym("KPI").is_some_and(Term::staff_only));
        assert!(g.jargon().any(|t| t.term == "signpost"));
        assert!(!g.jargon().any(|t| t.term == "offer"), "a plain verb is not jargon");
        // Every term is written once.
        let mut seen = std::collections::BTreeSet::new();
        for t in terms {
            assert!(seen.insert(t.term.to_lowercase()), "{} twice", t.term);
            assert_eq!(
                Term::kind_of(&t.term) == TermKind::Acronym,
                t.kind == TermKind::Acronym,
                "{}",
                t.term
            );
        }
        // No plain replacement may itself hold an acronym (two capitals in a word).
        for t in terms.iter().filter(|t| !t.staff_only()) {
            for word in t.plain.split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    word.chars().filter(char::is_ascii_uppercase).count() < 2,
                    "{}: {}",
                    t.term,
                    t.plain
                );
            }
        }
    }

    #[test]
    fn a_site_term_replaces_a_built_in_one_in_place() {
        let own = |term: &str, plain: &str| Term {
            term: term.into(),
            plain: plain.into(),
            notes: String::new(),
            kind: Term::kind_of(term),
            translations: BTreeMap::from([("bn".to_string(), "শিশুদের মানসিক স্বাস্থ্য সেবা".to_string())]),
        };
        let before = Glossary::built_in();
        let at = before.terms().iter().position(|t| t.term == "CAMHS");
        let g = before.clone().with(vec![
            own("CAMHS", "mental health help for children"),
            own("NCT", "a baby charity"),
        ]);
        assert_eq!(g.terms().iter().position(|t| t.term == "CAMHS"), at);
        let camhs = g.acronym("CAMHS").expect("still there");
        assert_eq!(camhs.plain, "mental health help for children");
        assert_eq!(camhs.plain_in("bn", "en"), Some("শিশুদের মানসিক স্বাস্থ্য সেবা"));
        assert_eq!(camhs.plain_in("so", "en"), None);
        assert_eq!(g.terms().len(), before.terms().len() + 1);
        assert_eq!(g.terms().last().map(|t| t.term.as_str()), Some("NCT"));
    }
}
