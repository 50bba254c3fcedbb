//! Finding acronyms, institutional words and long sentences in one piece of text.

use std::collections::HashMap;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::glossary::{Glossary, Term};

/// The most words a sentence may have before it is reported as long.
pub const LONGEST_SENTENCE: usize = 25;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    Acronym,
    Jargon,
    LongSentence,
}

/// One thing found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// Where it is in the text scanned: the word, the phrase, or the first word of a long sentence.
    pub range: Range<usize>,
    /// The glossary's name for it (an acronym without its plural `s`, an institutional word in its listed form),
    /// or the number of words in a long sentence.
    pub key: String,
}

/// What to look for: the glossary and the site's allowed words, ready to scan many texts.
pub struct Scanner<'g> {
    pub glossary: &'g Glossary,
    allow: Vec<String>,
    /// Institutional words and phrases by their first word, in every form the first word takes.
    jargon: HashMap<String, Vec<Phrase<'g>>>,
    /// The first letters of those phrases, one bit each from a to z.
    first_letters: u32,
}

struct Phrase<'g> {
    /// The words after the first, in small letters; the last may take an ending.
    rest: Vec<String>,
    term: &'g Term,
}

impl<'g> Scanner<'g> {
    pub fn new(glossary: &'g Glossary, allow: &[String]) -> Self {
        let mut jargon: HashMap<String, Vec<Phrase<'g>>> = HashMap::new();
        for term in glossary.jargon() {
            let words: Vec<String> = latin_words(&term.term).map(|(w, _)| w.to_lowercase()).collect();
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            let firsts = if rest.is_empty() {
                forms(first)
            } else {
                vec![first.clone()]
            };
            for f in firsts {
                jargon.entry(f).or_default().push(Phrase {
                    rest: rest.to_vec(),
                    term,
                });
            }
        }
        let first_letters = jargon
            .keys()
            .filter_map(|k| k.bytes().next())
            .filter(u8::is_ascii_lowercase)
            .fold(0u32, |m, b| m | 1 << (b - b'a'));
        Scanner {
            glossary,
            first_letters,
            allow: allow
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            jargon,
        }
    }

    /// Everything found in `text`, in order. Institutional words are English, so they are looked for only when
    /// `english`; acronyms are looked for in every language, long sentences when `sentences`.
    pub fn scan(&self, text: &str, english: bool, sentences: bool) -> Vec<Finding> {
        let mut out = Vec::new();
        let words: Vec<(&str, Range<usize>)> = latin_words(text).collect();
        for (word, range) in &words {
            if let Some(acronym) = acronym(word) {
                out.push(Finding {
                    rule: Rule::Acronym,
                    range: range.start..range.start + acronym.len(),
                    key: self.glossary_key(acronym),
                });
            }
        }
        if english {
            self.find_jargon(text, &words, &mut out);
        }
        // Addresses, postcodes and allowed words are worked out only for the few texts that have anything in them.
        if !out.is_empty() {
            let masked = self.masked(text);
            out.retain(|f| !masked.iter().any(|m| m.start < f.range.end && f.range.start < m.end));
        }
        // Most texts are too short to hold a long sentence; finding sentence ends is the slow part, so skip them.
        if sentences && word_count(text) > LONGEST_SENTENCE {
            for (at, sentence) in text.split_sentence_bound_indices() {
                let n = word_count(sentence);
                if n > LONGEST_SENTENCE {
                    let (i, first) = sentence.unicode_word_indices().next().unwrap_or((0, ""));
                    out.push(Finding {
                        rule: Rule::LongSentence,
                        range: at + i..at + i + first.len(),
                        key: n.to_string(),
                    });
                }
            }
        }
        out.sort_by_key(|f| (f.range.start, f.rule));
        out
    }

    fn glossary_key(&self, acronym: &str) -> String {
        if self.glossary.acronym(acronym).is_some() {
            return acronym.to_string();
        }
        match acronym.strip_suffix('s') {
            Some(one) if one.ends_with(|c: char| c.is_uppercase()) => one.to_string(),
            _ => acronym.to_string(),
        }
    }

    /// A quick test that saves looking most words up: does any listed phrase start with this letter?
    fn could_start_jargon(&self, word: &str) -> bool {
        word.bytes().next().is_some_and(|b| {
            b.is_ascii_alphabetic() && self.first_letters & (1 << (b.to_ascii_lowercase() - b'a')) != 0
        })
    }

    fn find_jargon(&self, text: &str, words: &[(&str, Range<usize>)], out: &mut Vec<Finding>) {
        let mut i = 0;
        while i < words.len() {
            let (word, range) = &words[i];
            if !self.could_start_jargon(word) {
                i += 1;
                continue;
            }
            let lower = word.to_lowercase();
            let mut matched = None;
            for phrase in self.jargon.get(&lower).into_iter().flatten() {
                let n = phrase.rest.len();
                if i + n >= words.len() {
                    continue;
                }
                let fits = phrase.rest.iter().enumerate().all(|(k, want)| {
                    let (w, r) = &words[i + 1 + k];
                    let gap = &text[words[i + k].1.end..r.start];
                    let joined = gap.chars().all(|c| c.is_whitespace() || c == '-');
                    let w = w.to_lowercase();
                    let last = k + 1 == n;
                    joined && (w == *want || (last && forms(want).contains(&w)))
                });
                if fits && matched.as_ref().is_none_or(|(m, _): &(usize, &Term)| n > *m) {
                    matched = Some((n, phrase.term));
                }
            }
            if let Some((n, term)) = matched {
                let end = words[i + n].1.end;
                out.push(Finding {
                    rule: Rule::Jargon,
                    range: range.start..end,
                    key: term.term.clone(),
                });
                i += n + 1;
            } else {
                i += 1;
            }
        }
    }

    /// The parts of a text that are not words to check: web addresses, email addresses, postcodes and the site's
    /// allowed words.
    fn masked(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let chunks: Vec<(usize, &str)> = text
            .split_whitespace()
            .map(|c| (c.as_ptr() as usize - text.as_ptr() as usize, c))
            .collect();
        for (k, (at, chunk)) in chunks.iter().enumerate() {
            let whole = *at..at + chunk.len();
            let lower = chunk.to_ascii_lowercase();
            let is_address = lower.contains("://")
                || lower
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .starts_with("www.")
                || lower.starts_with("mailto:")
                || chunk
                    .split_once('@')
                    .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
            if is_address {
                out.push(whole);
                continue;
            }
            // A domain written without http (testford.gov.uk/SEND, GOV.UK).
            let inner = trim(chunk);
            let dotted = inner.char_indices().any(|(i, c)| {
                c == '.'
                    && inner[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
                    && inner[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic())
            });
            if dotted {
                out.push(whole);
                continue;
            }
            // An outward code counts only with its inward code after it, so "KS1" (key stage 1) is still an
            // acronym; an ending in another script ("9LJ-এ") is not part of the postcode.
            let t = latin_part(chunk);
            if is_full_postcode(t) {
                out.push(whole.clone());
            } else if is_outward_code(t)
                && let Some((next_at, next)) = chunks.get(k + 1)
                && is_inward_code(latin_part(next))
            {
                out.push(whole.clone());
                out.push(*next_at..next_at + next.len());
            }
        }
        for allowed in &self.allow {
            let mut from = 0;
            while let Some(i) = text[from..].find(allowed.as_str()) {
                let start = from + i;
                let end = start + allowed.len();
                let before = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let after = text[end..]
                    .trim_start_matches(['\'', '’'])
                    .trim_start_matches('s')
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if before && after {
                    out.push(start..end);
                }
                from = end;
            }
        }
        out
    }
}

fn trim(chunk: &str) -> &str {
    chunk.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The letters and digits a chunk starts with, after any opening punctuation: "(E2" → "E2", "9LJ-এ" → "9LJ".
fn latin_part(chunk: &str) -> &str {
    let start = chunk.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let end = start.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(start.len());
    &start[..end]
}

/// The acronym a word is, without a `'s` after it: "CAMHS's" → "CAMHS", "KPIs" stays "KPIs". A name made of
/// capitalised parts (WhatsApp, McDonald, YouTube) is not one: each of its capitals starts a run of small letters.
pub fn acronym(word: &str) -> Option<&str> {
    let base = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
        .trim_end_matches(['\'', '’']);
    if base.chars().filter(|c| c.is_uppercase()).count() < 2 {
        return None;
    }
    // A name with an apostrophe in it (O'Brien, D'Souza) is looked at part by part.
    let is_acronym = base.split(['\'', '’']).any(|part| {
        let chars: Vec<char> = part.chars().collect();
        let name_like = chars
            .iter()
            .enumerate()
            .all(|(i, c)| !c.is_uppercase() || chars.get(i + 1).is_some_and(|n| n.is_lowercase()));
        chars.iter().filter(|c| c.is_uppercase()).count() >= 2 && !name_like
    });
    is_acronym.then_some(base)
}

/// Words as a reader counts them: runs of letters or digits between spaces ("twenty-one" is one word).
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| !c.is_ascii_punctuation()))
        .count()
}

/// A letter of the Latin script: English and Somali words, and Latin words inside Bengali text.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ((('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)) && c.is_alphabetic())
}

/// The Latin-script words of a text with where each is: letters and digits, with apostrophes inside them
/// ("CAMHS's", "children's"). A Bengali ending written onto an acronym ("NHS-এর", "NHSএর") is not part of it.
pub fn latin_words(text: &str) -> impl Iterator<Item = (&str, Range<usize>)> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = loop {
            let (i, c) = chars.next()?;
            if is_latin(c) {
                break (i, c);
            }
        };
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_latin(c) {
                chars.next();
                end = i + c.len_utf8();
            } else if c == '\'' || c == '’' {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.peek().is_some_and(|&(_, n)| is_latin(n)) {
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        Some((&text[start..end], start..end))
    })
}

/// The forms of a word people write: signpost, signposts, signposted, signposting. Short words stay as they are
/// ("key" is not "keys").
fn forms(word: &str) -> Vec<String> {
    if word.chars().count() <= 3 {
        return vec![word.to_string()];
    }
    let mut out: Vec<String> = ["", "s", "es", "ed", "ing", "er", "ers"]
        .iter()
        .map(|end| format!("{word}{end}"))
        .collect();
    if let Some(stem) = word.strip_suffix('e') {
        out.extend(
            ["ing", "or", "ors", "ion", "ions"]
                .iter()
                .map(|end| format!("{stem}{end}")),
        );
        out.extend(["d", "r", "rs"].iter().map(|end| format!("{word}{end}")));
    }
    out
}

fn is_outward_code(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) || b.len() < letters + 1 || b.len() > letters + 2 {
        return false;
    }
    b[letters].is_ascii_digit()
        && b[letters + 1..]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
}

fn is_inward_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3 && b[0].is_ascii_digit() && b[1..].iter().all(u8::is_ascii_uppercase)
}

fn is_full_postcode(s: &str) -> bool {
    s.len() >= 5 && s.is_ascii() && is_inward_code(&s[s.len() - 3..]) && is_outward_code(&s[..s.len() - 3])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, english: bool) -> Vec<(Rule, String, String)> {
        let g = Glossary::built_in();
        let allow = vec!["NHS 111".to_string(), "BookStart UK".to_string(), "PEEP".to_string()];
        Scanner::new(&g, &allow)
            .scan(text, english, true)
            .into_iter()
            .map(|f| (f.rule, text[f.range].to_string(), f.key))
            .collect()
    }

    fn acronyms(text: &str) -> Vec<String> {
        found(text, true)
            .into_iter()
            .filter(|f| f.0 == Rule::Acronym)
            .map(|f| f.1)
            .collect()
    }

    #[test]
    fn finds_acronyms_in_any_case_and_plural() {
        assert_eq!(
            acronyms("Ask the DfE, about KPIs and CAMHS's help, or the CofE school's SEND team."),
            ["DfE", "KPIs", "CAMHS", "CofE", "SEND"]
        );
        let keys: Vec<String> = found("Our KPIs and ACEs", true).into_iter().map(|f| f.2).collect();
        assert_eq!(keys, ["KPI", "ACEs"]);
        assert_eq!(
            acronyms("Join our WhatsApp group, see it on YouTube, or meet at McDonald's."),
            Vec::<String>::new()
        );
        assert_eq!(acronyms("It is FREE"), ["FREE"]);
        assert_eq!(acronyms("Ask Mary O'Brien or D'Souza's team, not the CIC"), ["CIC"]);
        assert_eq!(acronyms("Children in KS1 and KS2"), ["KS1", "KS2"]);
        assert_eq!(acronyms("Un café à la carte"), Vec::<String>::new());
    }

    #[test]
    fn finds_latin_acronyms_inside_bengali_and_somali() {
        assert_eq!(
            acronyms("আপনার শিশুর জন্য CAMHS-এর সাহায্য এবং NHSএর ডাক্তার।"),
            ["CAMHS", "NHS"]
        );
        assert_eq!(acronyms("Caawimaad ka socota HV iyo GP-ga."), ["HV", "GP"]);
    }

    #[test]
    fn leaves_out_postcodes_addresses_and_allowed_words() {
        let text = "Come to E2 9LJ or SW1A 1AA, or EC1A1BB. See testford.gov.uk/SEND or GOV.UK. Write to info@ABC.example or see \
                    https://example.org/SEND/KPIs and www.CAMHS.example. Call NHS 111 or ring 020 7946 0000. \
                    BookStart UK and PEEP's groups.";
        assert_eq!(acronyms(text), Vec::<String>::new());
        // An allowed phrase covers only itself: NHS on its own is still an acronym.
        assert_eq!(acronyms("Ask the NHS"), ["NHS"]);
        // A Bengali ending on a postcode is not part of it.
        assert_eq!(acronyms("আমরা E2 9LJ-এ আছি"), Vec::<String>::new());
    }

    #[test]
    fn finds_institutional_words_in_their_forms_and_phrases() {
        let f = found(
            "We signposted you to early help. Service users' referrals are delivered by multi-agency teams.",
            true,
        );
        let jargon: Vec<(String, String)> = f
            .into_iter()
            .filter(|f| f.0 == Rule::Jargon)
            .map(|f| (f.1, f.2))
            .collect();
        assert_eq!(
            jargon,
            [
                ("signposted".into(), "signpost".into()),
                ("early help".into(), "early help".into()),
                ("Service users".into(), "service user".into()),
                ("referrals".into(), "referral".into()),
                ("delivered".into(), "deliver".into()),
                ("multi-agency".into(), "multi-agency".into()),
            ]
        );
        // Short words take no endings, and a phrase does not run over a full stop.
        assert!(found("Bring your keys. Help early. Help.", true).is_empty());
        // Not looked for outside English.
        assert!(found("signpost", false).is_empty());
    }

    #[test]
    fn long_sentences_end_at_a_full_stop_or_a_bengali_danda() {
        let long = vec!["word"; 24].join(" ");
        assert!(found(&format!("{long}."), true).is_empty(), "24 words is not too long");
        let f = found(&format!("Short one. We {long} more."), true);
        assert_eq!(f, [(Rule::LongSentence, "We".to_string(), "26".to_string())]);
        // Bengali: the danda ends a sentence; 26 real words run over it are one sentence too many.
        let sentence = "শিশুরা খেলতে ভালোবাসে এবং আমরা প্রতি সপ্তাহে গান গাই";
        let bn_short = format!("{sentence}। {sentence}। {sentence}।");
        assert!(found(&bn_short, false).is_empty());
        let bn_long = format!("{sentence} {sentence} {sentence}।");
        let f = found(&bn_long, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "শিশুরা");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_stop_at_other_scripts() {
        let words: Vec<&str> = latin_words("children's CAMHS’s NHSএর café x").map(|(w, _)| w).collect();
        assert_eq!(words, ["children's", "CAMHS’s", "NHS", "café", "x"]);
    }
}
