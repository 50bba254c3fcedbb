//! How hard English text is to read: Flesch reading ease, and the reading age it suggests.

use unicode_segmentation::UnicodeSegmentation;

use super::scan::latin_words;

/// The counts a readability figure is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Readability {
    /// Counts the words, sentences and syllables of English text. A new line ends a sentence, so headings and
    /// list items count as sentences of their own.
    pub fn of(text: &str) -> Readability {
        let mut r = Readability::default();
        for sentence in text.split_sentence_bounds() {
            let mut words = 0;
            for (word, _) in latin_words(sentence) {
                if word.chars().any(char::is_alphabetic) {
                    words += 1;
                    r.syllables += syllables(word);
                }
            }
            if words > 0 {
                r.words += words;
                r.sentences += 1;
            }
        }
        r
    }

    /// Flesch reading ease: 100 is very easy, 60 to 70 is plain English, below 30 is very hard.
    pub fn ease(&self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        let (w, s, y) = (self.words as f64, self.sentences.max(1) as f64, self.syllables as f64);
        206.835 - 1.015 * (w / s) - 84.6 * (y / w)
    }

    /// The age of a child who could read it, from the Flesch-Kincaid school grade (a grade is a year at school,
    /// starting at about 6).
    pub fn reading_age(&self) -> f64 {
        if self.words == 0 {
            return 5.0;
        }
        let (w, s, y) = (self.words as f64, self.sentences.max(1) as f64, self.syllables as f64);
        (0.39 * (w / s) + 11.8 * (y / w) - 15.59 + 5.0).max(5.0)
    }
}

/// Syllables in an English word, by its groups of vowels: good enough to rank pages, not to teach spelling.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = w.len();
    // A silent e at the end: "make", "hope"; but not "little", "the".
    if groups > 1 && n > 2 && w[n - 1] == 'e' && (w[n - 2] != 'l' || vowel(w[n - 3])) {
        groups -= 1;
    }
    // "-ed" said without a vowel of its own: "helped", "played"; but "wanted", "needed" keep it.
    if groups > 1 && n > 3 && w[n - 2..] == ['e', 'd'] && !matches!(w[n - 3], 't' | 'd') {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_near_enough() {
        for (word, n) in [
            ("baby", 2),
            ("make", 1),
            ("little", 2),
            ("helped", 1),
            ("wanted", 2),
            ("children's", 2),
            ("information", 4),
            ("the", 1),
            ("a", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn plain_text_reads_easier_than_institutional_text() {
        let plain = Readability::of("Come and play. Bring your baby. We sing songs and read books.");
        let hard = Readability::of(
            "Families experiencing multiple disadvantages will be offered comprehensive multi-agency interventions \
             facilitating improved developmental outcomes, contingent upon eligibility assessments.",
        );
        assert_eq!((plain.words, plain.sentences), (12, 3));
        assert!(plain.ease() > 90.0, "{}", plain.ease());
        assert!(hard.ease() < 0.0, "{}", hard.ease());
        assert!(plain.reading_age() < 8.0 && hard.reading_age() > 20.0);
        assert_eq!(Readability::of("").ease(), 100.0);
    }
}
