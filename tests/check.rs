//! `hubsite check` on fixture sites: the valid one is clean, and each invalid case reports exactly its problems.

mod common;

use common::*;

#[test]
fn valid_fixture_has_no_problems() {
    let run = hubsite(
        &["check", "--site", "tests/fixtures/valid"],
        env!("CARGO_MANIFEST_DIR").as_ref(),
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("Checked 8 entries in 20 files: 0 errors, 0 warnings."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  bn (Bengali): 3 up to date, 4 missing, 0 out of date, 0 not stamped, 1 draft\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  so (Somali): 3 up to date, 5 missing, 0 out of date, 0 not stamped, 0 draft\n"),
        "{}",
        run.stdout
    );
}

/// Each folder under tests/fixtures/invalid/ is one case: files laid over the valid site, and `expected`,
/// the diagnostic headings the check must print, in order, and nothing else. `expected-full`, where present,
/// is the whole output, word for word. Set BLESS=1 to write what the binary prints into `expected` for review.
#[test]
fn every_invalid_fixture_reports_its_problem() {
    let dir = fixtures().join("invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("invalid fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 30,
        "expected a fixture per diagnostic, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let site = site_with(case);
        let run = hubsite(&["check", "--site", &site.path().to_string_lossy()], site.path());
        let got = headings(&run.stdout);
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(case.join("expected"), got.join("\n") + "\n").expect("write expected");
            continue;
        }
        let want: Vec<String> = std::fs::read_to_string(case.join("expected"))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect();
        if run.code != 1 {
            failures.push(format!(
                "{name}: exit code {} (want 1)\n{}{}",
                run.code, run.stdout, run.stderr
            ));
        }
        if got != want {
            failures.push(format!("{name}:\n  want {want:#?}\n  got  {got:#?}\n{}", run.stdout));
        }
        if let Ok(full) = std::fs::read_to_string(case.join("expected-full")) {
            let printed = run.stdout.replace(&site.path().to_string_lossy().into_owned(), "SITE");
            if !printed.starts_with(&full) {
                failures.push(format!(
                    "{name}: full output differs\n--- want\n{full}\n--- got\n{printed}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A value pasted by mistake makes one line of 1 MB: the problem still takes a few lines, the quote of the value
/// and the line shown cut short, with the carets under the start of the value. (It printed 3 MB before.)
#[test]
fn an_error_on_a_very_long_line_prints_a_short_snippet() {
    let site = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), site.path());
    let file = site.path().join("content/spokes/hilltop-library.md");
    let text = std::fs::read_to_string(&file).expect("fixture");
    let pasted = "E2 9LJ ".repeat(150_000);
    std::fs::write(&file, text.replace("\"TF2 3DE\"", &format!("\"{pasted}\""))).expect("write");
    let run = hubsite(&["check", "--site", &site.path().to_string_lossy()], site.path());
    assert_eq!(run.code, 1, "{}", run.stderr);
    let problems = run.stdout.split("Translations:").next().unwrap_or_default();
    assert!(problems.len() < 1_000, "{} bytes:\n{problems:.2000}", problems.len());
    let lines: Vec<&str> = problems.lines().collect();
    assert_eq!(
        lines.first().copied().unwrap_or_default(),
        format!(
            "content/spokes/hilltop-library.md:7:12: error[bad-postcode]: \"{}...\" is not a UK postcode",
            &pasted[..50]
        )
    );
    let shown = lines.get(2).copied().unwrap_or_default();
    assert!(shown.starts_with("7 | postcode = \"E2 9LJ E2"), "{shown}");
    assert!(shown.ends_with("..."), "{shown}");
    assert_eq!(shown.chars().count(), "7 | ".len() + 120 + 3, "{shown}");
    let carets = lines.get(3).copied().unwrap_or_default();
    assert!(carets.starts_with(&format!("  | {}^", " ".repeat(11))), "{carets}");
    assert!(carets.len() <= shown.len(), "{carets}");
}

/// The codes the fixtures under `tests/fixtures/` expect, from every `expected` and `expected-full` file.
fn codes_in_fixtures() -> std::collections::BTreeSet<String> {
    let mut codes = std::collections::BTreeSet::new();
    for item in walkdir::WalkDir::new(fixtures()) {
        let item = item.expect("fixture folder is readable");
        let name = item.file_name().to_string_lossy();
        if name != "expected" && name != "expected-full" {
            continue;
        }
        let text = std::fs::read_to_string(item.path()).expect("expected file is text");
        for line in text.lines() {
            for label in ["error[", "warning["] {
                let Some(at) = line.find(&format!(": {label}")) else {
                    continue;
                };
                let rest = &line[at + 2 + label.len()..];
                if let Some(end) = rest.find(']') {
                    codes.insert(rest[..end].to_string());
                }
            }
        }
    }
    codes
}

/// Issue 24: every code in the one list of codes is shown by a fixture, so each kind of problem is seen to be
/// found and placed; and a fixture never expects a code the list does not have.
#[test]
fn every_diagnostic_code_has_a_fixture() {
    let listed: std::collections::BTreeSet<String> = hubsite::diagnostics::CODES
        .iter()
        .map(|(code, _)| code.to_string())
        .collect();
    let expected = codes_in_fixtures();
    let untested: Vec<_> = listed.difference(&expected).collect();
    let unlisted: Vec<_> = expected.difference(&listed).collect();
    assert!(
        untested.is_empty(),
        "no fixture under tests/fixtures/ expects these codes: {untested:?}; add a case under tests/fixtures/invalid/"
    );
    assert!(
        unlisted.is_empty(),
        "fixtures expect codes that are not in src/diagnostics/codes.rs: {unlisted:?}"
    );
}

/// docs/diagnostics.md lists exactly the codes in the one list, in its order, each with its description.
#[test]
fn the_diagnostics_doc_lists_every_code() {
    let doc = std::fs::read_to_string(root().join("docs/diagnostics.md")).expect("docs/diagnostics.md");
    let rows: Vec<(String, String)> = doc
        .lines()
        .filter_map(|l| {
            let l = l.strip_prefix("| `")?;
            let (code, rest) = l.split_once("` | ")?;
            Some((code.to_string(), rest.trim_end_matches(" |").to_string()))
        })
        .collect();
    let listed: Vec<(String, String)> = hubsite::diagnostics::CODES
        .iter()
        .map(|(code, what)| (code.to_string(), what.to_string()))
        .collect();
    assert_eq!(
        rows, listed,
        "docs/diagnostics.md must list every code in src/diagnostics/codes.rs, in order"
    );
}
