//! The built-in glossary: acronyms and institutional words, with the plain words to say to a family instead.
//!
//! It starts from the shared plain-language list, checked entry by entry: "early help assessment" for CAF was
//! itself jargon, and "the local NHS" for ICB put one acronym in place of another.

/// The glossary as compiled in: a tab-separated table, one term a line.
const BUILT_IN: &str = include_str!("glossary.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermKind {
    Acronym,
    Jargon,
}

/// One glossary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// As staff write it: "CAMHS", "signpost".
    pub term: String,
    /// What to say to a family instead.
    pub plain: String,
    /// What it stands for, for staff.
    pub notes: String,
    pub kind: TermKind,
}

impl Term {
    /// A term only staff use: the glossary gives advice in brackets rather than words to say.
    pub fn staff_only(&self) -> bool {
        self.plain.starts_with('(')
    }
}

/// The built-in glossary, in the order it is written.
pub fn built_in() -> Vec<Term> {
    parse(BUILT_IN)
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
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_glossary_reads_whole() {
        let terms = built_in();
        assert!(terms.len() > 60, "{}", terms.len());
        let camhs = terms
            .iter()
            .find(|t| t.term == "CAMHS")
            .expect("CAMHS is in the glossary");
        assert_eq!(camhs.plain, "children's mental health services");
        assert_eq!(camhs.kind, TermKind::Acronym);
        assert!(terms.iter().find(|t| t.term == "KPI").is_some_and(Term::staff_only));
        assert!(terms.iter().any(|t| t.term == "signpost" && t.kind == TermKind::Jargon));
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
}
