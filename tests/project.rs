//! What the project promises of itself: `cargo test` on a clone of the project alone needs nothing beside it.

mod common;

use std::path::Path;

/// Every test, bench and source file, and where it names the folder beside the project (`../shared`).
fn mentions_of_shared() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["src", "tests", "benches"] {
        for item in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let item = item.expect("project folder is readable");
            let path = item.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).expect("inside the project");
            if rel == Path::new("tests/common/mod.rs") || rel == Path::new("tests/project.rs") {
                continue;
            }
            let text = std::fs::read_to_string(path).expect("source is text");
            for (n, line) in text.lines().enumerate() {
                // Written in pieces so that this file does not find itself.
                if line.contains(concat!("..", "/shared")) || line.contains(concat!("\"", "shared", "\"")) {
                    found.push(format!("{}:{}: {}", rel.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

/// A test that reads `../shared` directly fails on a clone of the project alone; it must go through
/// `common::shared`, which skips and says so. What the tests always need (the Open Referral schemas) is kept in
/// tests/fixtures/.
#[test]
fn no_test_needs_what_is_beside_the_project() {
    let found = mentions_of_shared();
    assert!(
        found.is_empty(),
        "these lines read ../shared directly; keep the file in tests/fixtures/, or use common::shared() and skip \
         when it is None:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_missing_shared_file_is_skipped_not_failed() {
    assert_eq!(common::shared("no-such-folder/no-such-file.json"), None);
}
