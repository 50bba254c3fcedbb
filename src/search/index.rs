//! The search index of one language: ranked postings per token, cut into small shards by prefix, plus the
//! filters and the result cards, written as the files the search script downloads.
//!
//! Scores are worked out here, at build time (BM25 with field weights), so the script only adds them up; a query
//! downloads the meta file, the one shard per word its prefix falls in, the filters it uses and the cards of the
//! results it shows, never the whole index.

use std::collections::{BTreeMap, BTreeSet};

use super::tokens::tokens;

/// How much a word counts in each part of an entry: a word in the title says more about it than one in the body.
const TITLE: f64 = 4.0;
const SUMMARY: f64 = 2.0;
const ABOUT: f64 = 1.5;
const BODY: f64 = 1.0;
/// BM25's usual constants: how fast repeats stop adding, and how much a long entry is discounted.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A shard grows until about this many bytes before it is cut by a longer prefix: a few kilobytes gzipped.
const SHARD_BYTES: usize = 12_000;
/// Result cards per file: a page of results touches few files, and each file stays small.
pub const CARDS_PER_FILE: usize = 8;
/// The 64 characters postings and filters are written in; none needs escaping in JSON.
const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
/// Scores are kept as one of 63 levels on a log scale, so a posting takes a single character.
const LEVELS: f64 = 63.0;

/// The text of an entry, by how much each part counts.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    pub title: String,
    pub summary: String,
    pub body: String,
    /// Where it is and what kind of thing it is: the place's name, the area, the category.
    pub about: String,
}

/// One entry as search sees it: the words it is found by, the filters it passes, and its result card.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub href: String,
    pub title: String,
    /// The language of the title when it is not the page's (an entry not yet translated).
    pub title_lang: Option<String>,
    pub place: String,
    pub next: String,
    pub fields: Fields,
    /// The filters this entry passes, by name: `area-northfield`, `day-monday`, `age-3`, `free`, …
    pub filters: BTreeSet<String>,
}

/// A word a family might type that no page uses, and the words it stands for (see `super::synonyms`).
#[derive(Clone, Debug, PartialEq)]
pub struct Synonym {
    pub term: String,
    /// Each a prefix: a page matches when it has a word starting with every one of them.
    pub words: Vec<String>,
}

/// Postings by token: the entries (by number) a token is in, and how well each matches it.
#[derive(Debug, Default)]
pub struct Index {
    pub docs: usize,
    pub terms: BTreeMap<String, BTreeMap<u32, f64>>,
}

impl Index {
    /// Scores every token of every entry with BM25 over the weighted fields.
    pub fn build(docs: &[Doc]) -> Index {
        let mut counts: Vec<BTreeMap<String, f64>> = Vec::with_capacity(docs.len());
        let mut lengths = Vec::with_capacity(docs.len());
        for doc in docs {
            let f = &doc.fields;
            let mut tf: BTreeMap<String, f64> = BTreeMap::new();
            let mut length = 0.0;
            for (text, weight) in [
                (&f.title, TITLE),
                (&f.summary, SUMMARY),
                (&f.about, ABOUT),
                (&f.body, BODY),
            ] {
                for t in tokens(text) {
                    *tf.entry(t).or_default() += weight;
                    length += weight;
                }
            }
            counts.push(tf);
            lengths.push(length);
        }
        let n = docs.len() as f64;
        let average = (lengths.iter().sum::<f64>() / n.max(1.0)).max(1.0);
        let mut df: BTreeMap<&str, f64> = BTreeMap::new();
        for tf in &counts {
            for t in tf.keys() {
                *df.entry(t).or_default() += 1.0;
            }
        }
        let mut terms: BTreeMap<String, BTreeMap<u32, f64>> = BTreeMap::new();
        for (d, tf) in counts.iter().enumerate() {
            let norm = K1 * (1.0 - B + B * lengths[d] / average);
            for (t, f) in tf {
                let df = df.get(t.as_str()).copied().unwrap_or(1.0);
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                let score = idf * f * (K1 + 1.0) / (f + norm);
                terms.entry(t.clone()).or_default().insert(d as u32, score);
            }
        }
        Index {
            docs: docs.len(),
            terms,
        }
    }

    /// The entries with a token starting with `prefix`, each with its best score among those tokens.
    fn prefixed(&self, prefix: &str) -> BTreeMap<u32, f64> {
        let mut out: BTreeMap<u32, f64> = BTreeMap::new();
        for (_, postings) in self
            .terms
            .range(prefix.to_string()..)
            .take_while(|(t, _)| t.starts_with(prefix))
        {
            for (&d, &s) in postings {
                let best = out.entry(d).or_default();
                *best = best.max(s);
            }
        }
        out
    }

    /// The entries `synonym` finds in this index: those with every one of its words, scored by their sum.
    pub fn matches(&self, synonym: &Synonym) -> BTreeMap<u32, f64> {
        let mut found: Option<BTreeMap<u32, f64>> = None;
        for word in &synonym.words {
            let hits = self.prefixed(word);
            found = Some(match found {
                None => hits,
                Some(so_far) => so_far
                    .into_iter()
                    .filter_map(|(d, s)| hits.get(&d).map(|h| (d, s + h)))
                    .collect(),
            });
        }
        found.unwrap_or_default()
    }

    /// Adds a synonym's entries under its own token. A short one (two letters, such as "LA") is only added where
    /// it is not already a word of the language (Somali "la"), so it never buries what people really typed.
    pub fn add_synonym(&mut self, term: &str, found: &BTreeMap<u32, f64>) {
        if found.is_empty() || (term.chars().count() < 3 && self.terms.contains_key(term)) {
            return;
        }
        let postings = self.terms.entry(term.to_string()).or_default();
        for (&d, &s) in found {
            let best = postings.entry(d).or_default();
            *best = best.max(s);
        }
    }

    /// The files of this index, by path under the language's `search/` folder.
    pub fn files(&self, docs: &[Doc]) -> Vec<(String, String)> {
        let top = self
            .terms
            .values()
            .flat_map(|p| p.values())
            .fold(0.0_f64, |a, &b| a.max(b));
        let step = (1.0 + top).ln() / LEVELS;
        let encoded: Vec<(&str, String)> = self
            .terms
            .iter()
            .map(|(t, postings)| (t.as_str(), encode_postings(postings, step)))
            .collect();
        let shards = shard(&encoded);
        let mut out = Vec::new();
        let mut keys = Vec::new();
        for (n, (key, items)) in shards.into_iter().enumerate() {
            keys.push(key);
            let map: serde_json::Map<String, serde_json::Value> =
                items.iter().map(|(t, p)| (t.to_string(), p.clone().into())).collect();
            out.push((format!("t/{n}.json"), serde_json::Value::Object(map).to_string()));
        }
        for (n, chunk) in docs.chunks(CARDS_PER_FILE).enumerate() {
            let cards: Vec<[&str; 5]> = chunk
                .iter()
                .map(|d| {
                    [
                        &d.href,
                        &d.title,
                        &d.place,
                        &d.next,
                        d.title_lang.as_deref().unwrap_or_default(),
                    ]
                })
                .collect();
            out.push((format!("d/{n}.json"), serde_json::to_string(&cards).unwrap_or_default()));
        }
        let mut filters: BTreeMap<&str, Vec<bool>> = BTreeMap::new();
        for (d, doc) in docs.iter().enumerate() {
            for f in &doc.filters {
                filters.entry(f).or_insert_with(|| vec![false; docs.len()])[d] = true;
            }
        }
        for (name, bits) in &filters {
            out.push((
                format!("f/{name}.json"),
                serde_json::Value::from(encode_bits(bits)).to_string(),
            ));
        }
        let meta = serde_json::json!({
            "n": docs.len(),
            "c": CARDS_PER_FILE,
            "s": step,
            "k": keys,
            "f": filters.keys().collect::<Vec<_>>(),
        });
        out.push(("meta.json".to_string(), meta.to_string()));
        out
    }
}

/// Writes `value` as base-32 groups, most significant first; every group but the last is marked by adding 32.
fn push_number(out: &mut String, value: u32) {
    let mut groups = vec![value & 31];
    let mut rest = value >> 5;
    while rest > 0 {
        groups.push(rest & 31);
        rest >>= 5;
    }
    for (i, g) in groups.iter().enumerate().rev() {
        let digit = if i == 0 { *g } else { *g + 32 };
        out.push(char::from(DIGITS[digit as usize]));
    }
}

/// Postings as one string: for each entry, the gap from the previous one (less one), then its score's level.
fn encode_postings(postings: &BTreeMap<u32, f64>, step: f64) -> String {
    let mut out = String::with_capacity(postings.len() * 2);
    let mut previous: i64 = -1;
    for (&d, &score) in postings {
        push_number(&mut out, (i64::from(d) - previous - 1) as u32);
        previous = i64::from(d);
        let level = if step > 0.0 {
            ((1.0 + score).ln() / step).round()
        } else {
            1.0
        };
        out.push(char::from(DIGITS[level.clamp(1.0, LEVELS) as usize]));
    }
    out
}

/// A set of entries as bits, six to a character, the first entry in the lowest bit of the first character.
fn encode_bits(bits: &[bool]) -> String {
    bits.chunks(6)
        .map(|six| {
            let v = six.iter().enumerate().fold(0, |v, (i, &b)| v | (usize::from(b) << i));
            char::from(DIGITS[v])
        })
        .collect()
}

/// The first `n` characters of a token: the key of the shard it may fall in.
fn key(term: &str, n: usize) -> &str {
    term.char_indices().nth(n).map_or(term, |(i, _)| &term[..i])
}

type Shard<'e> = (String, Vec<(&'e str, String)>);

/// Cuts the sorted tokens into shards: by their first character, and a shard over `SHARD_BYTES` again by a longer
/// prefix. A token as long as the prefix stays in a shard keyed by itself. The script loads the shards whose key
/// is a prefix of a query word, or starts with it.
fn shard<'e>(terms: &[(&'e str, String)]) -> Vec<Shard<'e>> {
    fn split<'e>(terms: &[(&'e str, String)], depth: usize, out: &mut Vec<Shard<'e>>) {
        let mut i = 0;
        while i < terms.len() {
            let k = key(terms[i].0, depth);
            let len = terms[i..].iter().take_while(|(t, _)| key(t, depth) == k).count();
            let group = &terms[i..i + len];
            let bytes: usize = group.iter().map(|(t, p)| t.len() + p.len() + 6).sum();
            let (short, long): (Vec<_>, Vec<_>) = group.iter().cloned().partition(|(t, _)| t.chars().count() <= depth);
            if bytes > SHARD_BYTES && !long.is_empty() && group.len() > 1 {
                if !short.is_empty() {
                    out.push((k.to_string(), short));
                }
                split(&long, depth + 1, out);
            } else {
                out.push((k.to_string(), group.to_vec()));
            }
            i += len;
        }
    }
    let mut out = Vec::new();
    split(terms, 1, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, body: &str) -> Doc {
        Doc {
            fields: Fields {
                title: title.into(),
                body: body.into(),
                ..Fields::default()
            },
            ..Doc::default()
        }
    }

    #[test]
    fn a_word_in_the_title_outranks_the_same_word_in_the_body() {
        let docs = [
            doc("Baby massage", "A calm hour."),
            doc("Story time", "Bring your baby."),
        ];
        let index = Index::build(&docs);
        let baby = &index.terms["baby"];
        assert!(baby[&0] > baby[&1], "{baby:?}");
        assert!(!index.terms.contains_key("massages"));
    }

    #[test]
    fn bengali_and_somali_words_with_suffixes_are_found_by_their_stem() {
        let docs = [
            doc("শিশুদের খেলা", "শিশু ও মা।"),
            doc("শশা চাষ", "বাগানে শশা।"),
            doc("Ciyaarta carruurta", "Carruurtu way ciyaaraan."),
        ];
        let index = Index::build(&docs);
        let child = Synonym {
            term: "x".into(),
            words: vec!["শিশু".into()],
        };
        assert_eq!(index.matches(&child).keys().collect::<Vec<_>>(), [&0]);
        let cucumber = Synonym {
            term: "x".into(),
            words: vec!["শশা".into()],
        };
        assert_eq!(index.matches(&cucumber).keys().collect::<Vec<_>>(), [&1]);
        let children = Synonym {
            term: "x".into(),
            words: vec!["carruur".into()],
        };
        assert_eq!(index.matches(&children).keys().collect::<Vec<_>>(), [&2]);
    }

    #[test]
    fn synonyms_need_every_word_and_short_ones_never_shadow_a_real_word() {
        let docs = [
            doc("Special educational needs", "Help for disabled children."),
            doc("Special days out", ""),
            doc("Caawimaad", "Waxaa la siiyaa."),
        ];
        let mut index = Index::build(&docs);
        let send = Synonym {
            term: "send".into(),
            words: vec!["special".into(), "educatio".into(), "need".into()],
        };
        let found = index.matches(&send);
        assert_eq!(found.keys().collect::<Vec<_>>(), [&0]);
        index.add_synonym("send", &found);
        assert!(index.terms["send"].contains_key(&0));
        let before = index.terms["la"].clone();
        index.add_synonym("la", &found);
        assert_eq!(index.terms["la"], before);
    }

    #[test]
    fn postings_and_bits_are_written_compactly() {
        let mut p = BTreeMap::new();
        p.insert(0, 1.0);
        p.insert(1, 1.0);
        p.insert(40, 1.0);
        let s = encode_postings(&p, (2.0_f64).ln() / LEVELS);
        // Gap 0, top level; gap 0, top level; gap 38 = 1·32 + 6 → "x6" ("x" is 33: 32 marks "more to come"), top level.
        assert_eq!(s, "0_0_x6_");
        assert_eq!(encode_bits(&[true, false, true, false, false, false, true]), "51");
    }

    #[test]
    fn shards_are_cut_by_longer_prefixes_only_when_big() {
        let big = "0".repeat(SHARD_BYTES);
        let terms = vec![
            ("ba", big.clone()),
            ("baby", big.clone()),
            ("bath", "0".into()),
            ("cat", "0".into()),
        ];
        let shards = shard(&terms);
        let keys: Vec<&str> = shards.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["ba", "bab", "bat", "c"]);
    }
}
