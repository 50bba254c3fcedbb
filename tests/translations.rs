//! Translation status and `hubsite translations stamp`, run on a copy of the valid fixture.

mod common;

use common::*;

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), dir.path());
    dir
}

#[test]
fn changing_the_source_makes_translations_out_of_date_until_stamped() {
    let dir = site();
    let root = dir.path();
    let src = root.join("content/sessions/baby-rhymes.md");
    let text = std::fs::read_to_string(&src).expect("read");
    std::fs::write(
        &src,
        text.replace("Come and sing with us.", "Come and sing with us. Bring a blanket."),
    )
    .expect("write");

    let run = hubsite(&["check", "--translations"], root);
    assert_eq!(run.code, 0, "out of date is a status, not an error: {}", run.stdout);
    assert!(
        run.stdout
            .contains("    out of date  content/sessions/baby-rhymes.bn.md\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("    out of date  content/sessions/baby-rhymes.so.md\n"),
        "{}",
        run.stdout
    );

    // With no files named, stamp leaves out-of-date translations alone and says how to stamp them.
    let run = hubsite(&["translations", "stamp"], root);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("Stamped 0 translations."), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("  hubsite translations stamp content/sessions/baby-rhymes.bn.md\n"),
        "{}",
        run.stdout
    );

    // Naming a file stamps it; only that language becomes up to date.
    let run = hubsite(&["translations", "stamp", "content/sessions/baby-rhymes.bn.md"], root);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("stamped content/sessions/baby-rhymes.bn.md\nStamped 1 translation."),
        "{}",
        run.stdout
    );
    let run = hubsite(&["check", "--translations"], root);
    assert!(!run.stdout.contains("baby-rhymes.bn.md"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("    out of date  content/sessions/baby-rhymes.so.md\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn stamp_writes_a_fingerprint_into_a_new_translation_only() {
    let dir = site();
    let root = dir.path();
    let new = root.join("content/sessions/online-chat.so.md");
    std::fs::write(&new, "+++\ntitle = \"Sheeko fiid ah\"\nsummary = \"Sheeko saaxiibtinimo leh oo online ah.\"\n+++\n\nKa soo gal telefoonkaaga.\n").expect("write");
    let before = std::fs::read_to_string(root.join("content/hubs/riverside-hub.bn.md")).expect("read");
    let run = hubsite(&["translations", "stamp", "--lang", "so"], root);
    assert_eq!(
        run.stdout,
        "stamped content/sessions/online-chat.so.md\nStamped 1 translation.\n"
    );
    let after = std::fs::read_to_string(&new).expect("read");
    assert!(after.starts_with("+++\nsource = \""), "{after}");
    assert_eq!(
        std::fs::read_to_string(root.join("content/hubs/riverside-hub.bn.md")).expect("read"),
        before
    );
    let run = hubsite(&["check"], root);
    assert!(run.stdout.contains("so (Somali): 4 up to date"), "{}", run.stdout);
}

#[test]
fn naming_a_file_that_is_not_a_translation_is_an_error() {
    let dir = site();
    let run = hubsite(&["translations", "stamp", "content/sessions/nothing.bn.md"], dir.path());
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("content/sessions/nothing.bn.md is not a translation"),
        "{}",
        run.stderr
    );
}

#[test]
fn stamp_never_touches_text_that_looks_like_a_field() {
    let dir = site();
    let root = dir.path();
    let t = root.join("content/sessions/dads-football.bn.toml");
    let text = "title = \"বাবাদের ফুটবল\"\r\nsummary = \"বাবা ও শিশুদের জন্য খেলা।\"\r\nbody = \"\"\"\r\nশুরু।\r\nsource = the council leaflet\r\n\"\"\"\r\n";
    std::fs::write(&t, text).expect("write");
    let run = hubsite(&["translations", "stamp"], root);
    assert!(
        run.stdout.contains("stamped content/sessions/dads-football.bn.toml"),
        "{}",
        run.stdout
    );
    let after = std::fs::read_to_string(&t).expect("read");
    assert!(after.starts_with("source = \""), "{after}");
    assert!(
        after.ends_with(&text[text.find("title").unwrap_or(0)..]),
        "the rest of the file, line ends included, is unchanged: {after:?}"
    );
    let run = hubsite(&["check", "--translations"], root);
    assert!(
        !run.stdout.contains("dads-football.bn"),
        "now up to date: {}",
        run.stdout
    );
}
