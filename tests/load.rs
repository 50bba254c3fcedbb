//! Reading files the way editors save them: byte-order marks, Windows line ends; and the exit codes.

mod common;

use common::*;

#[test]
fn bom_and_crlf_files_load_with_the_right_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), dir.path());
    let path = dir.path().join("content/sessions/baby-rhymes.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let crlf = format!(
        "\u{feff}{}",
        text.replace("from = \"10:00\"", "from = \"9:30\"")
            .replace('\n', "\r\n")
    );
    std::fs::write(&path, crlf).expect("write");
    let run = hubsite(&["check"], dir.path());
    assert_eq!(
        headings(&run.stdout),
        vec!["content/sessions/baby-rhymes.md:9:37: error[bad-time]".to_string()],
        "{}",
        run.stdout
    );
    // The code frame shows the line without its carriage return.
    assert!(
        run.stdout
            .contains("9 | when = [{ days = [\"friday\"], from = \"9:30\", to = \"10:45\" }]\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_folder_without_site_toml_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = hubsite(&["check"], dir.path());
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("there is no site.toml in"), "{}", run.stderr);
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let run = hubsite(&["chek"], env!("CARGO_MANIFEST_DIR").as_ref());
    assert_eq!(run.code, 2);
}

#[test]
fn the_example_site_checks_clean_and_shows_untranslated_sessions() {
    let run = hubsite(&["check", "--translations"], env!("CARGO_MANIFEST_DIR").as_ref());
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains(": 0 errors, 0 warnings."), "{}", run.stdout);
    for untranslated in [
        "family-swim",
        "toddler-tumble",
        "homework-club",
        "summer-play-scheme",
        "parenting-teenagers",
    ] {
        for lang in ["bn", "so"] {
            let line = format!("    missing      content/sessions/{untranslated}.{lang}.md\n");
            assert!(run.stdout.contains(&line), "{line} not in\n{}", run.stdout);
        }
    }
}

#[test]
fn generated_corpus_is_valid_and_fully_translated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let run = hubsite(
        &[
            "generate",
            "--sessions",
            "300",
            "--seed",
            "7",
            "--out",
            &out.to_string_lossy(),
        ],
        dir.path(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = hubsite(&["check", "--site", &out.to_string_lossy()], dir.path());
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("bn (Bengali): 316 up to date, 0 missing, 0 out of date"),
        "{}",
        run.stdout
    );
}
