//! "Did you mean …?": the nearest known word to a mistyped one.

/// The closest candidate to `word`, if one is close enough to be a likely typing mistake.
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(nearest("sumary", &["summary", "title"]), Some("summary"));
        assert_eq!(nearest("postcod", &["postcode", "phone"]), Some("postcode"));
        assert_eq!(nearest("xyzzy", &["summary", "title"]), None);
    }
}
