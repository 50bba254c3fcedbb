//! Search tokens: how text is cut into the words a query can find, the same way here and in the search script.
//!
//! Bengali and Somali both add suffixes and neither has a stemmer, so tokens are kept whole and queries match
//! them by prefix. Nothing that changes a word's meaning is folded away: Bengali vowel signs, the virama, the
//! nukta, ZWJ and ZWNJ stay, so শিশু (child) never matches শশা (cucumber).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

/// Whether a character belongs inside a token. The search script splits on the same classes (`\p{L}\p{M}\p{N}`,
/// the apostrophe, ZWJ and ZWNJ), so the browser cuts a query exactly as the index was cut.
fn inside_word(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || c == ZWNJ || c == ZWJ || c == '\''
}

/// Bengali digits become Latin ones, so "৩" and "3" find the same pages; Latin letters are lower-cased.
fn fold(c: char, out: &mut String) {
    match c {
        '\u{09E6}'..='\u{09EF}' => out.push(char::from(b'0' + (c as u32 - 0x09E6) as u8)),
        c => out.extend(c.to_lowercase()),
    }
}

/// The tokens of `text`, in order, repeats kept (they count towards a word's weight on a page).
pub fn tokens(text: &str) -> Vec<String> {
    // The typographic apostrophe is Somali's glottal stop as often as the straight one: "ba’an" and "ba'an".
    let text: String = text.nfc().map(|c| if c == '\u{2019}' { '\'' } else { c }).collect();
    let mut out = Vec::new();
    for word in text.unicode_words() {
        for part in word.split(|c: char| !inside_word(c)) {
            let part = part.trim_matches('\'');
            if part.is_empty() {
                continue;
            }
            let mut token = String::with_capacity(part.len());
            for c in part.chars() {
                fold(c, &mut token);
            }
            out.push(token);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tokens;

    /// The cases the search script is tested on too (`tests/js`), so the two cut text the same way.
    const SHARED: &str = include_str!("../../tests/fixtures/tokens.json");

    #[test]
    fn cuts_text_as_the_search_script_does() {
        let cases: Vec<(String, Vec<String>)> = serde_json::from_str(SHARED).expect("tokens.json is a list of cases");
        assert!(cases.len() > 20);
        for (text, expected) in cases.iter().skip(1) {
            assert_eq!(&tokens(text), expected, "{text:?}");
        }
    }

    #[test]
    fn bengali_words_keep_vowel_signs_virama_and_joiners() {
        // শিশুদের: "children's", the suffix -দের on শিশু; শশা (cucumber) differs only by a vowel sign.
        assert_ne!(tokens("শিশু"), tokens("শশা"));
        assert!(tokens("শিশুদের")[0].starts_with(&tokens("শিশু")[0]));
        assert!(!tokens("শিশু")[0].starts_with(&tokens("শশা")[0]));
    }
}
