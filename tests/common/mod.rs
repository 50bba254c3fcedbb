//! Shared helpers for the integration tests: fixture sites in temporary folders, and running the real binary.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for item in walkdir::WalkDir::new(from) {
        let item = item.expect("fixture folder is readable");
        let rel = item.path().strip_prefix(from).expect("inside the fixture");
        let dest = to.join(rel);
        if item.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("can make a folder");
        } else {
            std::fs::copy(item.path(), &dest).expect("can copy a file");
        }
    }
}

/// The valid fixture site with a case's files laid over it, and the files listed in its `remove` file taken away.
pub fn site_with(case: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), dir.path());
    for item in walkdir::WalkDir::new(case).min_depth(1) {
        let item = item.expect("case folder is readable");
        let rel = item.path().strip_prefix(case).expect("inside the case");
        let name = rel.to_string_lossy();
        if name == "expected" || name == "expected-full" || name == "remove" {
            continue;
        }
        let dest = dir.path().join(rel);
        if item.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("can make a folder");
        } else {
            std::fs::copy(item.path(), &dest).expect("can copy a file");
        }
    }
    if let Ok(list) = std::fs::read_to_string(case.join("remove")) {
        for line in list.lines().filter(|l| !l.trim().is_empty()) {
            std::fs::remove_file(dir.path().join(line.trim())).expect("file to remove exists");
        }
    }
    dir
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn hubsite(args: &[&str], cwd: &Path) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("hubsite runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The heading of each diagnostic, up to its code: `path:line:col: error[code]`.
pub fn headings(output: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|l| {
            let end = l.find("]: ")?;
            let head = &l[..=end];
            (head.contains(": error[") || head.contains(": warning[")).then(|| head.to_string())
        })
        .collect()
}

/// The example site, at the root of the repository.
pub fn root() -> &'static Path {
    env!("CARGO_MANIFEST_DIR").as_ref()
}

pub fn build_into(site: &Path, out: &Path) -> Run {
    hubsite(
        &[
            "build",
            "--site",
            &site.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
            "--today",
            "2026-11-23",
        ],
        site,
    )
}

/// Every file of a built site, by path.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("readable"))
        })
        .collect()
}

pub fn built() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let run = build_into(root(), &out);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let tree = read_tree(&out);
    (dir, tree)
}

pub fn html(tree: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(tree.get(path).unwrap_or_else(|| panic!("{path} was not built")).clone()).expect("utf-8")
}

/// The values of an attribute in a page, such as every `href`.
pub fn attr_values<'a>(page: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    page.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &page[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

pub fn unescape(s: &str) -> String {
    s.replace("&#x2f;", "/").replace("&amp;", "&")
}

/// Whether a site-relative link (`/en/x/`, `/en/timetable/#day-2026-11-23`) leads to a built file, and to an
/// element with that id when it names one.
pub fn resolves(tree: &std::collections::BTreeMap<String, Vec<u8>>, href: &str) -> bool {
    let Some(local) = href.strip_prefix('/') else {
        return true;
    };
    let (local, fragment) = local.split_once('#').unwrap_or((local, ""));
    let file = if local.is_empty() || local.ends_with('/') {
        format!("{local}index.html")
    } else {
        local.to_string()
    };
    match tree.get(&file) {
        None => false,
        Some(_) if fragment.is_empty() => true,
        Some(bytes) => String::from_utf8_lossy(bytes).contains(&format!("id=\"{fragment}\"")),
    }
}

/// A file of `../shared` (the team's data beside the project, such as a real council's feed), or `None`, said on
/// the test's output, when the project was cloned alone: a test that needs one must skip without it, as
/// `cargo test` needs nothing beside the clone. Only this function may name `../shared` (tests/project.rs checks).
pub fn shared(path: &str) -> Option<PathBuf> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(path);
    if file.exists() {
        Some(file)
    } else {
        println!("skipped: {} is not beside the project", file.display());
        None
    }
}
