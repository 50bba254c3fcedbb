//! The search index of one language: ranked postings per token, cut into small shards by prefix, plus the
//! filters and the result cards, written as the files the search script downloads.
//!
//! Scores are worked out here, at build time (BM25 with field weights), so the script only adds them up; a query
//! downloads the meta file, the one shard per word its prefix falls in, the filters it uses and the cards of the
//! results it shows, never the whole index.

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use sha2::{Digest, Sha256};

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
/// Weights are kept as one of 63 levels, so a posting's weight takes a single character.
const LEVELS: f64 = 63.0;

/// The text of an entry, by how much each part counts.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    pub title: String,
    pub summary: String,
    pub body: String,
    /// Where it is and what kind of thing it is: the place's name, the area, the category.
    pub about: String,
    /// A hash of the fields, worked out once: a document kept between builds is not hashed again.
    pub key: std::sync::OnceLock<u64>,
}

/// One entry as search sees it: the words it is found by, the filters it passes, and its result card.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub href: String,
    pub title: String,
    /// The language of the title when it is not the page's (an entry not yet translated).
    pub title_lang: Option<String>,
    pub place: String,
    /// The language of the place's name when it is not the page's.
    pub place_lang: Option<String>,
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

/// Postings by token: the entries (by number) a token is in, in order, and how well each matches it.
///
/// The weight kept is BM25's term-frequency part alone (0 to `K1 + 1`). The rarity part (idf) is worked out by the
/// script from how many entries the whole prefix a family typed matches, so a rare suffixed form (শিশুরাও) does not
/// outrank the plain word in a title (শিশুর) just for being rare.
#[derive(Debug, Default)]
pub struct Index {
    pub docs: usize,
    pub terms: BTreeMap<String, Vec<(u32, f64)>>,
}

/// How much an acronym's pages count when the acronym is also an ordinary word of the language ("send", "salt"):
/// less than the pages that really use the word.
const SYNONYM_OF_A_WORD: f64 = 0.5;

/// An entry's tokens with how much each counts, and the entry's weighted length.
pub type Weighed = std::sync::Arc<(Vec<(String, f64)>, f64)>;

/// Each entry's weighed tokens by a hash of its fields, kept between builds: most entries do not change, and
/// cutting their text into words is most of the work of building an index.
pub type Tokenised = std::collections::HashMap<u64, Weighed>;

impl Fields {
    fn key(&self) -> u64 {
        *self.key.get_or_init(|| {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            (&self.title, &self.summary, &self.about, &self.body).hash(&mut h);
            h.finish()
        })
    }

    fn weigh(&self) -> Weighed {
        let mut tf: BTreeMap<String, f64> = BTreeMap::new();
        let mut length = 0.0;
        for (text, weight) in [
            (&self.title, TITLE),
            (&self.summary, SUMMARY),
            (&self.about, ABOUT),
            (&self.body, BODY),
        ] {
            for t in tokens(text) {
                *tf.entry(t).or_default() += weight;
                length += weight;
            }
        }
        std::sync::Arc::new((tf.into_iter().collect(), length))
    }
}

impl Index {
    /// Weighs every token of every entry with BM25's term frequency over the weighted fields.
    pub fn build<D: Borrow<Doc>>(docs: &[D]) -> Index {
        Index::build_from(docs, &Tokenised::new(), false).0
    }

    /// The same as `build`, taking the tokens of entries whose text is unchanged from `before`; with `keep`, gives
    /// the tokens of these entries for next time (else nothing).
    pub fn build_from<D: Borrow<Doc>>(docs: &[D], before: &Tokenised, keep: bool) -> (Index, Tokenised) {
        let mut now = Tokenised::with_capacity(if keep { docs.len() } else { 0 });
        let weighed: Vec<Weighed> = docs
            .iter()
            .map(|doc| {
                let fields = &doc.borrow().fields;
                let key = fields.key();
                let weighed = match before.get(&key) {
                    Some(w) => w.clone(),
                    None => fields.weigh(),
                };
                if keep {
                    now.insert(key, weighed.clone());
                }
                weighed
            })
            .collect();
        // Gathered by a hash of each token, then sorted once: looking every posting up in a sorted map was most of
        // the time of a rebuild's index.
        let mut gathered: std::collections::HashMap<&str, Vec<(u32, f64)>> = std::collections::HashMap::new();
        let mut lengths = Vec::with_capacity(docs.len());
        for (d, w) in weighed.iter().enumerate() {
            // Entries are taken in order, so each token's postings stay sorted by entry.
            for (t, f) in &w.0 {
                gathered.entry(t.as_str()).or_default().push((d as u32, *f));
            }
            lengths.push(w.1);
        }
        let mut raw: BTreeMap<String, Vec<(u32, f64)>> =
            gathered.into_iter().map(|(t, p)| (t.to_string(), p)).collect();
        let average = (lengths.iter().sum::<f64>() / (docs.len() as f64).max(1.0)).max(1.0);
        for postings in raw.values_mut() {
            for (d, f) in postings.iter_mut() {
                let norm = K1 * (1.0 - B + B * lengths[*d as usize] / average);
                *f = *f * (K1 + 1.0) / (*f + norm);
            }
        }
        let index = Index {
            docs: docs.len(),
            terms: raw,
        };
        (index, now)
    }

    /// The entries with a token starting with `prefix`, each with its best weight among those tokens.
    fn prefixed(&self, prefix: &str) -> Vec<(u32, f64)> {
        // By entry number in a plain array: a short prefix such as "child" spans thousands of entries, which a
        // sorted map took most of the index's time to gather.
        let mut best = vec![0.0_f64; self.docs];
        let mut seen = vec![false; self.docs];
        for (_, postings) in self
            .terms
            .range(prefix.to_string()..)
            .take_while(|(t, _)| t.starts_with(prefix))
        {
            for &(d, w) in postings {
                let d = d as usize;
                if d < self.docs {
                    best[d] = best[d].max(w);
                    seen[d] = true;
                }
            }
        }
        (0..self.docs)
            .filter(|d| seen[*d])
            .map(|d| (d as u32, best[d]))
            .collect()
    }

    /// The entries `synonym` finds in this index, each weighted by the average of its words' weights. An entry
    /// needs all the words, or all but one when there are three or more: "children's mental health team" is
    /// found for CAMHS ("children's mental health services") as well.
    pub fn matches(&self, synonym: &Synonym) -> BTreeMap<u32, f64> {
        let words = synonym.words.len();
        let needed = if words >= 3 { words - 1 } else { words };
        let mut seen: Vec<(usize, f64)> = vec![(0, 0.0); self.docs];
        for word in &synonym.words {
            for (d, w) in self.prefixed(word) {
                let e = &mut seen[d as usize];
                e.0 += 1;
                e.1 += w;
            }
        }
        seen.into_iter()
            .enumerate()
            .filter(|(_, (n, _))| *n >= needed.max(1))
            .map(|(d, (_, sum))| (d as u32, sum / words as f64))
            .collect()
    }

    /// Adds a synonym's entries under its own token. Where the token is already a word of the language, its pages
    /// count for less than those that use the word ("salt" the seasoning outranks SALT, speech and language
    /// therapy), and a two-letter one (LA, DA) is left out there altogether (Somali "la").
    pub fn add_synonym(&mut self, term: &str, found: &BTreeMap<u32, f64>) {
        let factor = match self.terms.get(term) {
            None => 1.0,
            Some(_) if term.chars().count() < 3 => return,
            Some(_) => SYNONYM_OF_A_WORD,
        };
        let postings = self.terms.entry(term.to_string()).or_default();
        let mut merged: BTreeMap<u32, f64> = postings.iter().copied().collect();
        for (&d, &w) in found {
            let best = merged.entry(d).or_default();
            *best = best.max(w * factor);
        }
        *postings = merged.into_iter().collect();
    }

    /// The files of this index, by path under the language's `search/` folder. All but `meta.json` go in a folder
    /// named by a hash of their contents, which `meta.json` names: a phone that kept yesterday's shards cannot mix
    /// them with today's result cards, as entries are numbered afresh each day.
    pub fn files<D: Borrow<Doc>>(&self, docs: &[D]) -> Vec<(String, String)> {
        let step = (K1 + 1.0) / LEVELS;
        let encoded: Vec<(&str, String)> = self
            .terms
            .iter()
            .map(|(t, postings)| (t.as_str(), encode_postings(postings, step)))
            .collect();
        let mut out = Vec::new();
        let mut keys = Vec::new();
        for (n, (key, range)) in shard(&encoded).into_iter().enumerate() {
            keys.push(key);
            let mut json = String::from("{");
            for (i, (t, p)) in encoded[range].iter().enumerate() {
                if i > 0 {
                    json.push(',');
                }
                json.push_str(&serde_json::Value::from(*t).to_string());
                json.push_str(":\"");
                json.push_str(p);
                json.push('"');
            }
            json.push('}');
            out.push((format!("t/{n}.json"), json));
        }
        for (n, chunk) in docs.chunks(CARDS_PER_FILE).enumerate() {
            let cards: Vec<[&str; 6]> = chunk
                .iter()
                .map(|d| {
                    let d: &Doc = d.borrow();
                    [
                        &d.href,
                        &d.title,
                        &d.place,
                        &d.next,
                        d.title_lang.as_deref().unwrap_or_default(),
                        d.place_lang.as_deref().unwrap_or_default(),
                    ]
                })
                .collect();
            out.push((format!("d/{n}.json"), serde_json::to_string(&cards).unwrap_or_default()));
        }
        let mut filters: BTreeMap<&str, Vec<bool>> = BTreeMap::new();
        for (d, doc) in docs.iter().enumerate() {
            let doc: &Doc = doc.borrow();
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
        let mut hash = Sha256::new();
        for (path, body) in &out {
            hash.update(path.as_bytes());
            hash.update([0]);
            hash.update(body.as_bytes());
            hash.update([0]);
        }
        let version: String = hash.finalize()[..5].iter().map(|b| format!("{b:02x}")).collect();
        let meta = serde_json::json!({
            "v": version,
            "n": docs.len(),
            "c": CARDS_PER_FILE,
            "s": step,
            "k": keys,
            "f": filters.keys().collect::<Vec<_>>(),
        });
        let mut out: Vec<(String, String)> = out.into_iter().map(|(p, b)| (format!("{version}/{p}"), b)).collect();
        out.push(("meta.json".to_string(), meta.to_string()));
        out
    }
}

/// Writes `value` as base-32 groups, most significant first; every group but the last is marked by adding 32.
fn push_number(out: &mut String, value: u32) {
    // A u32 is at most 7 groups of 5 bits; kept on the stack, as there is one number per posting.
    let mut groups = [0_u32; 7];
    let mut n = 0;
    let mut rest = value;
    loop {
        groups[n] = rest & 31;
        n += 1;
        rest >>= 5;
        if rest == 0 {
            break;
        }
    }
    for (i, g) in groups[..n].iter().enumerate().rev() {
        let digit = if i == 0 { *g } else { *g + 32 };
        out.push(char::from(DIGITS[digit as usize]));
    }
}

/// Postings as one string: for each entry, the gap from the previous one (less one), then its score's level.
fn encode_postings(postings: &[(u32, f64)], step: f64) -> String {
    let mut out = String::with_capacity(postings.len() * 2);
    let mut previous: i64 = -1;
    for &(d, weight) in postings {
        push_number(&mut out, (i64::from(d) - previous - 1) as u32);
        previous = i64::from(d);
        let level = (weight / step).round().clamp(1.0, LEVELS);
        out.push(char::from(DIGITS[level as usize]));
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

/// Cuts the sorted tokens into shards, each a key and the run of tokens it holds: by their first character, and a
/// shard over `SHARD_BYTES` again by a longer prefix. A token no longer than the prefix (at most one: the prefix
/// itself, which sorts first) stays in a shard keyed by itself. The script loads the shards whose key is a prefix
/// of a query word, or starts with it.
fn shard(terms: &[(&str, String)]) -> Vec<(String, Range<usize>)> {
    fn split(terms: &[(&str, String)], from: usize, depth: usize, out: &mut Vec<(String, Range<usize>)>) {
        let mut i = 0;
        while i < terms.len() {
            let k = key(terms[i].0, depth);
            let len = terms[i..].iter().take_while(|(t, _)| key(t, depth) == k).count();
            let group = &terms[i..i + len];
            let bytes: usize = group.iter().map(|(t, p)| t.len() + p.len() + 6).sum();
            let short = group.iter().take_while(|(t, _)| t.chars().count() <= depth).count();
            let start = from + i;
            if bytes > SHARD_BYTES && short < len && len > 1 {
                if short > 0 {
                    out.push((k.to_string(), start..start + short));
                }
                split(&group[short..], start + short, depth + 1, out);
            } else {
                out.push((k.to_string(), start..start + len));
            }
            i += len;
        }
    }
    let mut out = Vec::new();
    split(terms, 0, 1, &mut out);
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
        assert_eq!(baby.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 1]);
        assert!(baby[0].1 > baby[1].1, "{baby:?}");
        // Weights are BM25's term frequency part, below K1 + 1.
        assert!(baby.iter().all(|p| p.1 > 0.0 && p.1 < K1 + 1.0));
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
    fn synonyms_need_all_their_words_but_one_and_never_bury_a_real_word() {
        let docs = [
            doc("Special educational needs", "Help for disabled children."),
            doc("Special days out", ""),
            doc("Caawimaad", "Waxaa la siiyaa."),
            doc("Weaning", "No salt for babies."),
            doc("Speech and language therapy", "Help with talking."),
            doc("Children's mental health team", "Worries and feelings."),
        ];
        let mut index = Index::build(&docs);
        let send = Synonym {
            term: "send".into(),
            words: vec!["special".into(), "educatio".into(), "need".into()],
        };
        let found = index.matches(&send);
        assert_eq!(found.keys().collect::<Vec<_>>(), [&0]);
        index.add_synonym("send", &found);
        assert_eq!(index.terms["send"].iter().map(|p| p.0).collect::<Vec<_>>(), [0]);
        // All but one of three or more words: "team", not "services".
        let camhs = Synonym {
            term: "camhs".into(),
            words: vec!["childr".into(), "menta".into(), "healt".into(), "servic".into()],
        };
        assert_eq!(index.matches(&camhs).keys().collect::<Vec<_>>(), [&5]);
        // "salt" is a word here: the page that says it outranks speech and language therapy.
        let salt = Synonym {
            term: "salt".into(),
            words: vec!["speech".into(), "language".into(), "therap".into()],
        };
        let found = index.matches(&salt);
        index.add_synonym("salt", &found);
        let postings = &index.terms["salt"];
        assert_eq!(postings.iter().map(|p| p.0).collect::<Vec<_>>(), [3, 4]);
        assert!(postings[0].1 > postings[1].1, "{postings:?}");
        // A two-letter acronym is left out where it is a word (Somali "la").
        let before = index.terms["la"].clone();
        index.add_synonym("la", &found);
        assert_eq!(index.terms["la"], before);
    }

    #[test]
    fn postings_and_bits_are_written_compactly() {
        let p = [(0, 1.0), (1, 1.0), (40, 1.0)];
        let s = encode_postings(&p, 1.0 / LEVELS);
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
        assert_eq!(
            shards,
            [
                ("ba".into(), 0..1),
                ("bab".into(), 1..2),
                ("bat".into(), 2..3),
                ("c".into(), 3..4)
            ]
        );
    }
}
