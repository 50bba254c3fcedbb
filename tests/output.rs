//! The output folder: `build --out` never replaces the site's sources or a folder it did not make, a failure says
//! what really happened, a kill at any moment leaves a whole site, and a link is followed.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use hubsite::output::MARKER;

/// Every file and folder under `dir` (links not followed), with the bytes of each file: what "nothing touched"
/// is compared on.
fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).expect("readable"));
            (rel, bytes)
        })
        .collect()
}

/// The valid fixture site in `dir/site`.
fn fixture_site(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    copy_dir(&fixtures().join("valid"), &site);
    site
}

/// `build` with `--out` as given, run in `cwd`, with extra environment.
fn build(site: &Path, out: &Path, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hubsite"));
    cmd.args(["build", "--site"])
        .arg(site)
        .arg("--out")
        .arg(out)
        .args(["--today", "2026-11-23"])
        .current_dir(site);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run(&mut cmd)
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn build_never_replaces_the_site_a_source_folder_or_a_folder_that_holds_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = fixture_site(dir.path());
    let before = snapshot(dir.path());
    let cases: [(PathBuf, &str); 6] = [
        (site.clone(), "holds the site's own files"),
        (PathBuf::from("."), "holds the site's own files"),
        (site.join("content"), "holds the site's own files"),
        (dir.path().to_path_buf(), "holds the site's own files"),
        (site.join("content/public"), "is inside"),
        (site.join("locales"), "holds the site's own files"),
    ];
    for (out, words) in &cases {
        let run = build(&site, out, &[]);
        assert_eq!(run.code, 2, "--out {}: {}{}", out.display(), run.stdout, run.stderr);
        assert!(
            run.stderr.contains(words) && run.stderr.contains("Nothing was written."),
            "--out {}: {}",
            out.display(),
            run.stderr
        );
        assert_eq!(snapshot(dir.path()), before, "--out {}: nothing touched", out.display());
    }
}

#[test]
fn build_replaces_only_a_new_or_empty_folder_or_one_it_made() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = fixture_site(dir.path());
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).expect("mkdir");
    std::fs::write(mine.join("notes.txt"), "my only copy").expect("write");
    let before = snapshot(dir.path());
    let run = build(&site, &mine, &[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("has files in it that hubsite did not make") && run.stderr.contains("--out"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(dir.path()), before, "nothing touched");

    // An empty folder, then the same folder again: the second build replaces what the first made.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    for _ in 0..2 {
        let run = build(&site, &empty, &[]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        assert!(empty.join(MARKER).is_file() && empty.join("en/index.html").is_file());
    }
    assert_eq!(names(dir.path()), ["empty", "mine", "site"], "nothing left beside it");
}

#[test]
fn a_file_or_a_pipe_where_the_site_would_go_is_refused_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = fixture_site(dir.path());
    let file = dir.path().join("public");
    std::fs::write(&file, "a file of mine").expect("write");
    let pipe = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&pipe).status().is_ok_and(|s| s.success());
    let before = snapshot(dir.path());
    let mut outs = vec![file];
    if made {
        outs.push(pipe);
    }
    for out in &outs {
        let run = build(&site, out, &[]);
        assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("is a file, not a folder"), "{}", run.stderr);
        assert_eq!(snapshot(dir.path()), before, "nothing touched");
    }
    // Once the file is moved away, the build goes ahead.
    std::fs::remove_file(&outs[0]).expect("remove");
    assert_eq!(build(&site, &outs[0], &[]).code, 0);
}

/// Makes a file that even root cannot delete (`chattr +i`); dropped, makes every file under `within` deletable
/// again, wherever the build moved the file to.
struct Immutable {
    within: PathBuf,
}

impl Immutable {
    fn new(file: &Path, within: &Path) -> Option<Immutable> {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(file)
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Immutable {
            within: within.to_path_buf(),
        })
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").args(["-R", "-i"]).arg(&self.within).status();
    }
}

/// The old site cannot be removed after the swap: the build says the new site is in place and names the folder it
/// left, and the builds after it succeed; once the cause is gone, the folder left is removed.
#[test]
fn an_old_site_that_cannot_be_removed_is_named_and_never_blocks_the_next_build() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = fixture_site(dir.path());
    let out = dir.path().join("public");
    assert_eq!(build(&site, &out, &[]).code, 0);
    // A file in the old site that cannot be deleted: really (chattr, on file systems that have it), else a step
    // made to fail as an I/O error would.
    let stuck = Immutable::new(&out.join("en/index.html"), dir.path());
    let env: &[(&str, &str)] = if stuck.is_some() {
        &[]
    } else {
        println!("chattr +i is not to be had here: the removal is made to fail through HUBSITE_FAULT instead");
        &[("HUBSITE_FAULT", "fail:remove-old")]
    };
    let run = build(&site, &out, env);
    assert_eq!(run.code, 0, "the new site is in place: {}{}", run.stdout, run.stderr);
    assert!(!run.stderr.contains("as it was"), "{}", run.stderr);
    assert!(
        run.stderr.contains("the new site is in place") && run.stderr.contains("could not be removed"),
        "{}",
        run.stderr
    );
    let left: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with(".public.hubsite-"))
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(
        run.stderr.contains(&left[0]),
        "the folder left is named: {}",
        run.stderr
    );
    assert!(out.join(MARKER).is_file() && out.join("en/index.html").is_file());

    // While the cause is there, the next build still succeeds, and says what it could not remove.
    let run = build(&site, &out, &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    if stuck.is_some() {
        assert!(run.stderr.contains(&left[0]), "{}", run.stderr);
    }
    drop(stuck);
    let run = build(&site, &out, &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_eq!(
        names(dir.path()),
        ["public", "site"],
        "the folder left is gone once it can be removed"
    );
}

/// Two versions of the fixture site's output, to tell which one a folder holds.
struct Versions {
    dir: tempfile::TempDir,
    site: PathBuf,
    first: BTreeMap<String, Vec<u8>>,
    second: BTreeMap<String, Vec<u8>>,
}

impl Versions {
    fn new() -> Versions {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = fixture_site(dir.path());
        let scratch = dir.path().join("scratch");
        assert_eq!(build(&site, &scratch, &[]).code, 0);
        let first = read_tree(&scratch);
        edit(&site);
        assert_eq!(build(&site, &scratch, &[]).code, 0);
        let second = read_tree(&scratch);
        std::fs::remove_dir_all(&scratch).expect("remove");
        assert_ne!(first, second);
        Versions {
            dir,
            site,
            first,
            second,
        }
    }

    /// A site built from the first version, with the second version's sources in place for the next build.
    fn first_built(&self) -> PathBuf {
        let out = self.dir.path().join("public");
        let _ = std::fs::remove_dir_all(&out);
        unedit(&self.site);
        assert_eq!(build(&self.site, &out, &[]).code, 0);
        edit(&self.site);
        out
    }

    /// After a build was killed: the output is whole, one version or the other, and the next build puts the
    /// second version in place and leaves nothing beside it.
    fn check_after_kill(&self, out: &Path, what: &str, run: &Run) {
        assert!(
            out.is_dir(),
            "{what}: there is no output folder ({}{})",
            run.stdout,
            run.stderr
        );
        let now = read_tree(out);
        assert!(
            now == self.first || now == self.second,
            "{what}: the output is neither version, whole"
        );
        let again = build(&self.site, out, &[]);
        assert_eq!(again.code, 0, "{what}: {}{}", again.stdout, again.stderr);
        assert_eq!(read_tree(out), self.second, "{what}");
        assert_eq!(
            names(self.dir.path()),
            ["public", "site"],
            "{what}: nothing left beside it"
        );
    }
}

fn edit(site: &Path) {
    let file = site.join("content/sessions/baby-rhymes.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("Baby rhymes", "Baby rhymes and songs", 1)).expect("write");
}

fn unedit(site: &Path) {
    let file = site.join("content/sessions/baby-rhymes.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("Baby rhymes and songs", "Baby rhymes", 1)).expect("write");
}

/// A build stopped at once (as by a kill, no clean-up) at every named step of writing and swapping, with the
/// exchange and with the two-rename fallback.
#[test]
fn a_kill_at_any_step_of_the_swap_leaves_a_whole_site() {
    let v = Versions::new();
    for (step, fallback) in [
        ("write", false),
        ("before-swap", false),
        ("swap", false),
        ("after-swap", false),
        ("remove-old", false),
        ("after-swap", true),
        ("between-renames", true),
    ] {
        let out = v.first_built();
        let mut env = vec![("HUBSITE_FAULT", step)];
        if fallback {
            env.push(("HUBSITE_NO_EXCHANGE", "1"));
        }
        let run = build(&v.site, &out, &env);
        let what = format!("killed at {step}{}", if fallback { " (two renames)" } else { "" });
        assert_ne!(run.code, 0, "{what}: the build was not stopped");
        if step == "between-renames" {
            // The documented gap of the fallback: no output folder for a moment; the next build mends it.
            assert!(!out.exists(), "{what}");
            let again = build(&v.site, &out, &[]);
            assert_eq!(again.code, 0, "{what}: {}{}", again.stdout, again.stderr);
            assert_eq!(read_tree(&out), v.second, "{what}");
            continue;
        }
        v.check_after_kill(&out, &what, &run);
    }
}

/// The same with a real SIGKILL from outside, at system calls, where strace can inject one (as CI's machine can):
/// at the swap's rename, while the old site is removed, and while the new one is written.
#[test]
fn a_sigkill_at_a_system_call_of_the_swap_leaves_a_whole_site() {
    let works = Command::new("strace")
        .args(["-qq", "-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        println!("skipped: strace is not on this machine (CI installs it)");
        return;
    }
    let v = Versions::new();
    for (call, when) in [
        ("rename,renameat,renameat2", "1"),
        ("rename,renameat,renameat2", "2"),
        ("unlinkat", "1"),
        ("unlinkat", "40"),
        ("mkdir", "3"),
        ("openat", "100"),
    ] {
        let out = v.first_built();
        let inject = format!("inject={call}:signal=SIGKILL:when={when}");
        let mut cmd = Command::new("strace");
        cmd.args(["-f", "-qq", "-o", "/dev/null", "-e", &inject])
            .arg(env!("CARGO_BIN_EXE_hubsite"))
            .args(["build", "--site"])
            .arg(&v.site)
            .arg("--out")
            .arg(&out)
            .args(["--today", "2026-11-23"]);
        let run = run(&mut cmd);
        v.check_after_kill(&out, &format!("SIGKILL at {call} number {when}"), &run);
    }
}

/// A link as the output folder is followed: the site is built where it points, and the link is kept. A link to
/// a folder of someone else's is refused as that folder would be, and a link to nothing says so.
#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_link_is_followed_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = fixture_site(dir.path());
    let real = dir.path().join("www");
    let link = dir.path().join("public");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");

    let run = build(&site, &link, &[]);
    assert_eq!(run.code, 2, "a link to nothing: {}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("which does not exist"), "{}", run.stderr);

    std::fs::create_dir(&real).expect("mkdir");
    for _ in 0..2 {
        let run = build(&site, &link, &[]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        assert!(
            std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink(),
            "the link is kept"
        );
        assert_eq!(std::fs::read_link(&link).expect("link"), real);
        assert!(
            real.join("en/index.html").is_file(),
            "the site is where the link points"
        );
    }
    assert_eq!(names(dir.path()), ["public", "site", "www"]);

    let theirs = dir.path().join("theirs");
    std::fs::create_dir(&theirs).expect("mkdir");
    std::fs::write(theirs.join("index.html"), "someone's page").expect("write");
    let to_theirs = dir.path().join("to-theirs");
    std::os::unix::fs::symlink(&theirs, &to_theirs).expect("symlink");
    let before = snapshot(dir.path());
    let run = build(&site, &to_theirs, &[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert_eq!(snapshot(dir.path()), before, "nothing touched");

    // A link into the site's sources is refused like the folder itself.
    let to_content = dir.path().join("to-content");
    std::os::unix::fs::symlink(site.join("content"), &to_content).expect("symlink");
    let run = build(&site, &to_content, &[]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("holds the site's own files"), "{}", run.stderr);
}
