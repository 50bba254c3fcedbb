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

    #[test]
    fn bengali_words_keep_vowel_signs_virama_and_joiners() {
        // শিশুদের: "children's", the suffix -দের on শিশু.
        assert_eq!(tokens("শিশুদের খেলা"), ["শিশুদের", "খেলা"]);
        assert_ne!(tokens("শিশু"), tokens("শশা"));
        // The virama joins ক and ষ into a conjunct; it stays, so the word is whole.
        assert_eq!(tokens("পরীক্ষা"), ["পরীক্ষা"]);
        // ZWNJ (র‌্যাব) and ZWJ stay inside the word.
        assert_eq!(tokens("র\u{200C}্যাব"), ["র\u{200C}্যাব"]);
        assert_eq!(tokens("ক্\u{200D}ষ"), ["ক্\u{200D}ষ"]);
        // The danda ends a sentence and is not part of a word.
        assert_eq!(tokens("মা ও শিশু।"), ["মা", "ও", "শিশু"]);
    }

    #[test]
    fn bengali_text_is_normalised_so_both_spellings_match() {
        // য় typed as one code point (U+09DF) or as য + nukta: NFC makes them the same.
        assert_eq!(tokens("\u{09DF}"), tokens("\u{09AF}\u{09BC}"));
        assert_eq!(tokens("সময়"), tokens("সম\u{09DF}"));
    }

    #[test]
    fn bengali_and_latin_digits_are_the_same() {
        assert_eq!(tokens("১২৩"), ["123"]);
        assert_eq!(tokens("ঘর ৪"), tokens("ঘর 4"));
    }

    #[test]
    fn somali_words_keep_their_glottal_stop_and_suffixes() {
        assert_eq!(tokens("Ciyaarta carruurta"), ["ciyaarta", "carruurta"]);
        assert_eq!(tokens("Ba’an"), ["ba'an"]);
        assert_eq!(tokens("ba'an"), ["ba'an"]);
        assert_eq!(tokens("'quote'"), ["quote"]);
    }

    #[test]
    fn latin_is_case_folded_and_split_on_punctuation() {
        assert_eq!(tokens("Stay-and-Play, 10:00!"), ["stay", "and", "play", "10", "00"]);
        assert_eq!(tokens("Children’s centre"), ["children's", "centre"]);
        assert_eq!(tokens("3.5"), ["3", "5"]);
        assert!(tokens(" — … ").is_empty());
    }
}
