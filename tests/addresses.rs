//! Characters no one can see, pasted into an address, never reach a link on a page; in words they stay.

mod common;

use std::path::Path;

use common::*;

/// Characters that take no room or turn text around, and spaces that are not ordinary spaces: listed here
/// independently of the code under test.
fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}'
            | '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    ) || (c.is_control() && c != '\n')
}

/// Every address in every built file (links, `mailto:` and `tel:`, the sitemap, the data for partners) that has
/// a hidden character in it.
fn hidden_in_addresses(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in read_tree(out) {
        // Calendar files fold long lines: a line break and a space continue the line before.
        let text = String::from_utf8_lossy(&bytes).replace("\r\n ", "");
        for start in ["http", "mailto:", "tel:"] {
            for (i, _) in text.match_indices(start) {
                let address: String = text[i..]
                    .chars()
                    .take_while(|c| !matches!(c, '"' | '\'' | '<' | '>' | ' ' | '\r' | '\n' | ')'))
                    .collect();
                if address.chars().any(is_hidden) {
                    found.push(format!("{path}: {address:?}"));
                }
            }
        }
    }
    found
}

/// Writes `new` in place of `old` in a file of the site.
fn replace(site: &Path, file: &str, old: &str, new: &str) {
    let path = site.join(file);
    let text = std::fs::read_to_string(&path).expect("fixture file");
    assert!(text.contains(old), "{file} has no {old:?}");
    std::fs::write(&path, text.replacen(old, new, 1)).expect("write fixture file");
}

#[test]
fn a_hidden_character_in_any_address_stops_the_build_at_that_character() {
    // Not the phone number: its own check already refused anything but digits (tests/fixtures/invalid/invisible-phone
    // shows it is now reported at the character), and one error stops the build.
    let site = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), site.path());
    let s = site.path();
    let hub = "content/hubs/riverside-hub.md";
    replace(s, "site.toml", "https://hubs.testford", "https://hubs.test\u{200B}ford");
    replace(
        s,
        hub,
        "\"https://testford.example",
        "\"https://\u{202E}testford.example",
    );
    replace(s, hub, "riverside@", "river\u{200C}side@");
    replace(
        s,
        hub,
        "[Baby rhymes]",
        "[our leaflet](https://testford.example/\u{FEFF}leaflet) [Baby rhymes]",
    );
    replace(s, "content/sessions/online-chat.md", "/join", "/jo\u{200D}in");
    replace(s, "content/sessions/dads-football.toml", "/dads\"", "/da\u{00AD}ds\"");
    replace(s, "content/sessions/dads-football.toml", "\"dads@", "\"da\u{200E}ds@");
    replace(s, "content/offers/talking-and-play.md", "/talk", "/ta\u{2066}lk");
    replace(
        s,
        "content/organisations/testford-libraries.md",
        "example/libraries",
        "example/\u{200B}libraries",
    );
    let out = s.join("public");
    let run = build_into(s, &out);
    let found = hidden_in_addresses(&out);
    assert!(
        found.is_empty(),
        "hidden characters reached the pages:\n{}",
        found.join("\n")
    );
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let headings = headings(&(run.stdout.clone() + &run.stderr));
    assert_eq!(
        headings,
        [
            "content/hubs/riverside-hub.md:9:15: error[invisible-character]",
            "content/hubs/riverside-hub.md:10:20: error[invisible-character]",
            "content/hubs/riverside-hub.md:20:67: error[invisible-character]",
            "content/offers/talking-and-play.md:5:72: error[invisible-character]",
            "content/organisations/testford-libraries.md:4:37: error[invisible-character]",
            "content/sessions/dads-football.toml:16:46: error[invisible-character]",
            "content/sessions/dads-football.toml:16:103: error[invisible-character]",
            "content/sessions/online-chat.md:5:40: error[invisible-character]",
            "site.toml:2:30: error[invisible-character]",
        ],
        "{}",
        run.stderr
    );
    assert!(!out.exists(), "a build with errors wrote {}", out.display());
}

#[test]
fn joiners_in_bengali_words_are_kept_and_never_in_a_link() {
    let site = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), site.path());
    let s = site.path();
    // র‍্য (ra, joiner, virama, ya) and জ্‌ঞ (a non-joiner keeps the two letters apart) are ordinary Bengali.
    let (joined, apart) = ("র\u{200D}্যাব", "জ্\u{200C}ঞান");
    replace(
        s,
        "content/hubs/riverside-hub.bn.md",
        "ভেতরে এসে",
        &format!("{joined} {apart} ভেতরে এসে"),
    );
    let out = s.join("public");
    let run = build_into(s, &out);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let page = std::fs::read_to_string(out.join("bn/places/riverside-hub/index.html")).expect("built page");
    assert!(page.contains(joined) && page.contains(apart), "{page}");
    let found = hidden_in_addresses(&out);
    assert!(found.is_empty(), "{}", found.join("\n"));
}
