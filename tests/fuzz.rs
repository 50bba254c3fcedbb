//! A bounded mutation test of loading and checking: mutated copies of a site never make hubsite panic, the exit
//! code agrees with the problems found, every problem is placed inside its file, and a failed build leaves the
//! output folder as it was.
//!
//! A few seconds by default. Longer on demand: HUBSITE_FUZZ_SECONDS=600 or HUBSITE_FUZZ_CASES=5000. The seed is
//! printed; HUBSITE_FUZZ_SEED=<seed> replays a run (case N is the same for the same seed). HUBSITE_FUZZ_SITE=example
//! mutates the example site at the root of the repository instead of tests/fixtures/valid (slower, more entries).
//! A failing case's files are kept under the cargo target folder, in `fuzz-<seed>-<case>/`.

mod common;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;
use hubsite::corpus::Rng;
use hubsite::diagnostics::Location;

/// What the mutations need of the site's own seeded generator, `hubsite::corpus::Rng` (SplitMix64).
trait Pick {
    fn one_in(&mut self, n: usize) -> bool;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl Pick for Rng {
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

const TEXTS: &[&str] = &[
    "শিশুদের ছড়া",
    "জ্\u{200C}ঞান র\u{200D}্যাব ১০:৩০",
    "Carruurta iyo waalidiinta",
    "Kulanka hooyooyinka ee Isniinta",
    "\u{0}",
    "\u{1b}[31m",
    "\r",
    "\t",
    "\u{202E}",
    "\u{FEFF}",
    "\u{200B}",
    "\"",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "{",
    "}",
    "=",
    "\n+++\n",
    "\\u",
    "@/sessions/",
    "[a](https://x.example/\u{200B})",
    "{ $n ->",
    "\n[x]\n",
    "# ",
];

const LONG: &[&str] = &["a", "শিশু ", "9", "x ", "\"", "{ ", "[", "-", "\\"];

/// Where a mutation goes: anywhere, which may split a character, or at the start of a line.
fn position(bytes: &[u8], rng: &mut Rng) -> usize {
    let at = rng.below(bytes.len() + 1);
    if rng.one_in(2) {
        return at;
    }
    bytes[..at].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1)
}

/// The lines of `bytes` as byte ranges, line ends included.
fn lines(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

/// One mutation of a file. `values` holds the right-hand sides of `key = value` lines from every file of the site.
fn mutate(mut bytes: Vec<u8>, rng: &mut Rng, values: &[Vec<u8>]) -> Vec<u8> {
    let ls = lines(&bytes);
    match rng.below(10) {
        0 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
        }
        1 if !ls.is_empty() => {
            bytes.drain(rng.pick(&ls).clone());
        }
        2 if !ls.is_empty() => {
            let line = rng.pick(&ls).clone();
            let copy = bytes[line.clone()].to_vec();
            bytes.splice(line.start..line.start, copy);
        }
        3 => {
            let bad: &[&[u8]] = &[
                b"\xff",
                b"\xc3",
                b"\xed\xa0\x80",
                b"\xe0\xa6",
                b"\xf0\x9f\x98",
                b"\x80\x80",
            ];
            let at = position(&bytes, rng);
            bytes.splice(at..at, rng.pick(bad).iter().copied());
        }
        4 => bytes.truncate(rng.below(bytes.len() + 1)),
        5 => {
            // A value from somewhere in the site in place of this line's value.
            let with_value: Vec<_> = ls
                .iter()
                .filter_map(|l| {
                    let eq = bytes[l.clone()].windows(3).position(|w| w == b" = ")?;
                    Some(l.start + eq + 3..l.end - usize::from(bytes[l.end - 1] == b'\n'))
                })
                .collect();
            if !with_value.is_empty() && !values.is_empty() {
                let r = rng.pick(&with_value).clone();
                bytes.splice(r, rng.pick(values).iter().copied());
            }
        }
        6 | 7 => {
            let at = position(&bytes, rng);
            bytes.splice(at..at, rng.pick(TEXTS).bytes());
        }
        8 => {
            let unit = rng.pick(LONG);
            let most = if rng.one_in(4) { 200_000 } else { 2_000 };
            let n = 1 + rng.below(most);
            let at = position(&bytes, rng);
            bytes.splice(at..at, unit.repeat(n).into_bytes());
        }
        _ => {
            // A control character, one of the C0 set or DEL.
            let c = [rng.below(32) as u8, 0x7f][rng.below(2)];
            let at = position(&bytes, rng);
            bytes.insert(at, c);
        }
    }
    bytes
}

/// What one case found wrong, by kind.
#[derive(Default)]
struct Found {
    panics: Vec<String>,
    exit_codes: Vec<String>,
    positions: Vec<String>,
    builds: Vec<String>,
}

impl Found {
    fn count(&self) -> usize {
        self.panics.len() + self.exit_codes.len() + self.positions.len() + self.builds.len()
    }
}

/// Whether line `line`, column `col` (both from 1, the column in characters) is inside `text`. The column just past
/// the end of a line is inside: it is where something missing at the end of the line is reported.
fn inside(text: &str, line: usize, col: usize) -> bool {
    line >= 1
        && col >= 1
        && text
            .split('\n')
            .nth(line - 1)
            .is_some_and(|l| col <= l.chars().count() + 1)
}

fn panic_words(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".into())
}

/// Every problem placed outside its file: past its end, inside a character, or at a line or column not in it.
fn outside(checked: &hubsite::Checked, site: &Path) -> Vec<String> {
    let sources = &checked.loaded.sources;
    let mut out = Vec::new();
    for d in &checked.loaded.diagnostics.items {
        let (path, line, col) = d.position(sources);
        let ok = match &d.location {
            Location::Span(s) => {
                let text = &sources.get(s.file).text;
                let (a, b) = (s.start as usize, s.end as usize);
                b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) && inside(text, line, col)
            }
            Location::File(p) => p.exists() || site.join(p).exists(),
        };
        if !ok {
            out.push(format!("{path}:{line}:{col} [{}] is not inside the file", d.code));
        }
    }
    out
}

/// Checks the site with the library; then, on a sample, with the binary and by building it.
fn run_case(site: &Path, out: &Path, rng: &mut Rng, found: &mut Found) {
    let checked = match catch_unwind(AssertUnwindSafe(|| hubsite::check(site))) {
        Err(p) => return found.panics.push(format!("check panicked: {}", panic_words(&*p))),
        Ok(Err(e)) => {
            return found
                .exit_codes
                .push(format!("every file is there, yet the site could not be read: {e}"));
        }
        Ok(Ok(c)) => c,
    };
    found.positions.extend(outside(&checked, site));
    let sources = &checked.loaded.sources;
    let mut texts: BTreeMap<String, &str> = BTreeMap::new();
    for i in 0..sources.len() {
        let f = sources.get(hubsite::diagnostics::FileId(i as u32));
        texts.insert(f.path.clone(), &f.text);
    }
    let errors = checked.errors();
    if rng.one_in(4) {
        let run = hubsite(&["check", "--format", "json", "--site", &site.to_string_lossy()], site);
        let want = i32::from(errors > 0);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_default();
        let items = doc["diagnostics"].as_array().cloned().unwrap_or_default();
        let json_errors = items.iter().filter(|d| d["severity"] == "error").count();
        if run.code != want || json_errors != errors || doc["errors"] != errors {
            found.exit_codes.push(format!(
                "check exited {} with {json_errors} errors in its JSON (the library found {errors}; want exit {want})\n{}",
                run.code, run.stderr
            ));
        }
        for d in &items {
            let (file, line, col) = (
                d["file"].as_str().unwrap_or(""),
                d["line"].as_u64().unwrap_or(0) as usize,
                d["column"].as_u64().unwrap_or(0) as usize,
            );
            if texts.get(file).is_some_and(|t| !inside(t, line, col)) {
                found.positions.push(format!(
                    "JSON: {file}:{line}:{col} [{}] is not inside the file",
                    d["code"]
                ));
            }
        }
    }
    if errors > 0 && rng.one_in(4) {
        let before = (read_tree(out), folder_names(out));
        let run = build_into(site, out);
        let after = (read_tree(out), folder_names(out));
        if run.code != 1 || before != after {
            found.builds.push(format!(
                "a build with {errors} errors exited {} and {} the output folder\n{}",
                run.code,
                if before == after { "kept" } else { "changed" },
                run.stderr
            ));
        }
    } else if errors == 0 && rng.one_in(8) {
        let today = time::macros::date!(2026 - 11 - 23);
        if let Err(p) = catch_unwind(AssertUnwindSafe(|| {
            hubsite::build(site, today, &hubsite::render::Quiet)
        })) {
            found.panics.push(format!("build panicked: {}", panic_words(&*p)));
        }
    }
}

/// The names in the folder that holds `out`, so a half-written folder left beside it would be seen.
fn folder_names(out: &Path) -> Vec<PathBuf> {
    let parent = out.parent().expect("out has a parent");
    let mut names: Vec<PathBuf> = std::fs::read_dir(parent)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn mutated_sites_never_panic_and_every_problem_is_placed_in_its_file() {
    let seed = env_u64("HUBSITE_FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let cases = env_u64("HUBSITE_FUZZ_CASES");
    let seconds = env_u64("HUBSITE_FUZZ_SECONDS").unwrap_or(if cases.is_some() { u64::MAX / 4 } else { 4 });
    let base = match std::env::var("HUBSITE_FUZZ_SITE").as_deref() {
        Ok("example") => root().to_path_buf(),
        _ => fixtures().join("valid"),
    };
    eprintln!(
        "fuzz: seed {seed} (replay with HUBSITE_FUZZ_SEED={seed}), site {}",
        base.display()
    );
    let work = tempfile::tempdir().expect("temp dir");
    let site = work.path().join("site");
    std::fs::create_dir_all(&site).expect("site folder");
    for part in ["site.toml", "content", "locales"] {
        let from = base.join(part);
        if from.is_dir() {
            copy_dir(&from, &site.join(part));
        } else {
            std::fs::copy(&from, site.join(part)).expect("copy site.toml");
        }
    }
    // Every file a writer edits: site.toml, content/ and locales/, all that was copied.
    let pristine: Vec<(String, Vec<u8>)> = read_tree(&site).into_iter().collect();
    let values: Vec<Vec<u8>> = pristine
        .iter()
        .flat_map(|(_, b)| {
            String::from_utf8_lossy(b)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter_map(|l| l.split_once(" = ").map(|(_, v)| v.as_bytes().to_vec()))
        .collect();
    // The output folder a failed build must leave alone, as an earlier build left it (with its marker): a few
    // files, one in a folder of its own.
    let out = work.path().join("out").join("public");
    std::fs::create_dir_all(out.join("en")).expect("out folder");
    std::fs::write(out.join(hubsite::output::MARKER), hubsite::output::MARKER_TEXT).expect("write");
    std::fs::write(out.join("index.html"), "<p>the site as it was</p>").expect("write");
    std::fs::write(out.join("en/index.html"), "<p>kept</p>").expect("write");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut tried, mut total) = (0u64, Found::default());
    while cases.is_none_or(|n| tried < n) && Instant::now() < deadline {
        let case = tried;
        tried += 1;
        let mut rng = Rng(seed ^ case.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        let mut changed = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let (path, bytes) = rng.pick(&pristine);
            let mut now = std::fs::read(site.join(path)).unwrap_or_else(|_| bytes.clone());
            for _ in 0..1 + rng.below(3) {
                now = mutate(now, &mut rng, &values);
            }
            std::fs::write(site.join(path), &now).expect("write a mutated file");
            changed.push(path.clone());
        }
        let mut found = Found::default();
        run_case(&site, &out, &mut rng, &mut found);
        if found.count() > 0 {
            let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-{seed}-{case}"));
            copy_dir(&site, &keep);
            eprintln!(
                "fuzz: case {case} (HUBSITE_FUZZ_SEED={seed}), files changed {changed:?}, kept in {}:",
                keep.display()
            );
            for f in [&found.panics, &found.exit_codes, &found.positions, &found.builds]
                .into_iter()
                .flatten()
            {
                eprintln!("  {f}");
            }
        }
        total.panics.extend(found.panics);
        total.exit_codes.extend(found.exit_codes);
        total.positions.extend(found.positions);
        total.builds.extend(found.builds);
        for path in &changed {
            if let Some((_, bytes)) = pristine.iter().find(|(p, _)| p == path) {
                std::fs::write(site.join(path), bytes).expect("restore a file");
            }
        }
    }
    eprintln!(
        "fuzz: seed {seed}: {tried} inputs tried; {} panics, {} wrong exit codes, {} positions outside their file, {} failed builds that touched the output",
        total.panics.len(),
        total.exit_codes.len(),
        total.positions.len(),
        total.builds.len()
    );
    assert_eq!(total.count(), 0, "see the cases above (seed {seed})");
}

/// How a case changes a file's bytes.
type Change = dyn Fn(Vec<u8>) -> Vec<u8>;

/// Inputs the mutation test once found going wrong, kept as they were.
#[test]
fn problems_found_by_mutation_stay_fixed() {
    let cases: &[(&str, &Change)] = &[
        // Bytes that are not UTF-8 are read as one U+FFFD, three bytes long: the problem covered only its first.
        ("content/pages/about.md", &|b| {
            [&b[..20], b"\xe0\xa6", &b[20..]].concat()
        }),
        // A Fluent file cut short: the parser placed the end of its problem past the end of the file.
        ("locales/en/site.ftl", &|_| b"locality-riverside ".to_vec()),
        // A character of three bytes first in a Fluent file: the parser's problem ended inside it.
        ("locales/bn/site.ftl", &|b| ["\u{202E}".as_bytes(), &b].concat()),
        // Brackets nested thousands deep: the Fluent parser ran out of stack and the program stopped.
        ("locales/en/site.ftl", &|b| {
            [b.as_slice(), b"x = ", "{".repeat(100_000).as_bytes()].concat()
        }),
    ];
    for (file, change) in cases {
        let site = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixtures().join("valid"), site.path());
        let path = site.path().join(file);
        std::fs::write(&path, change(std::fs::read(&path).expect("fixture file"))).expect("write");
        let run = hubsite(&["check", "--site", &site.path().to_string_lossy()], site.path());
        assert_eq!(run.code, 1, "{file}: {}{}", run.stdout, run.stderr);
        let checked = hubsite::check(site.path()).expect("the site can be read");
        assert_eq!(outside(&checked, site.path()), Vec::<String>::new(), "{file}");
    }
}
