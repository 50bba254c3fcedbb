//! Times what `hubsite serve` does after a save: one session's summary (or HUBSITE_BENCH_FIELD) is changed, then
//! the site is rebuilt from the build before and told which file changed, 15 times (or HUBSITE_BENCH_RUNS), and the
//! median is printed beside a clean build's time.
//! Run with `cargo bench --bench rebuild` for a copy of the example site, or with HUBSITE_BENCH_SESSIONS=10000
//! for a generated site of that many sessions.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TODAY: time::Date = time::macros::date!(2026 - 11 - 23);

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    for item in walkdir::WalkDir::new(from) {
        let item = item?;
        let rel = item.path().strip_prefix(from).unwrap_or(item.path());
        if item.file_type().is_dir() {
            std::fs::create_dir_all(to.join(rel))?;
        } else {
            std::fs::copy(item.path(), to.join(rel))?;
        }
    }
    Ok(())
}

fn site(dir: &Path) -> std::io::Result<()> {
    let sessions: Option<usize> = std::env::var("HUBSITE_BENCH_SESSIONS")
        .ok()
        .and_then(|s| s.parse().ok());
    if let Some(n) = sessions {
        return hubsite::corpus::generate(dir, n, 1).map_err(std::io::Error::other);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "locales", "themes"] {
        copy(&root.join(part), &dir.join(part))?;
    }
    std::fs::copy(root.join("site.toml"), dir.join("site.toml")).map(|_| ())
}

fn main() {
    let dir = std::env::temp_dir().join(format!("hubsite-rebuild-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = site(&dir) {
        eprintln!("could not write the site: {e}");
        std::process::exit(2);
    }
    let run = || {
        let start = Instant::now();
        let built = hubsite::build(&dir, TODAY, &hubsite::render::Quiet);
        (start.elapsed(), built)
    };
    let (clean, built) = run();
    let Ok(mut last) = built else {
        eprintln!("the site does not build");
        std::process::exit(2);
    };
    let file = walkdir::WalkDir::new(dir.join("content/sessions"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .find(|p| p.extension().is_some_and(|x| x == "md") && !p.to_string_lossy().contains(".bn."))
        .unwrap_or_default();
    let Ok(original) = std::fs::read_to_string(&file) else {
        eprintln!("no session to change in {}", dir.display());
        std::process::exit(2);
    };
    // As `serve`'s watcher would, the rebuild is told which file changed, so it reads only that one.
    let changed = [file.strip_prefix(&dir).unwrap_or(&file).to_path_buf()];
    let mut times: Vec<Duration> = Vec::new();
    // The summary shows on the session's own pages; its title, which `serve-reload.mjs` changes, on every list
    // the session is in as well: HUBSITE_BENCH_FIELD=title.
    let field = std::env::var("HUBSITE_BENCH_FIELD").unwrap_or_else(|_| "summary".into());
    // More runs give a profiler more to see: HUBSITE_BENCH_RUNS=300.
    let runs = std::env::var("HUBSITE_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15);
    for i in 0..runs {
        let edited = original.replacen(&format!("{field} = \""), &format!("{field} = \"{i} "), 1);
        if std::fs::write(&file, edited).is_err() {
            std::process::exit(2);
        }
        let start = Instant::now();
        let previous = last.before().with_changed(&changed);
        let before = match hubsite::rebuild(&dir, TODAY, &hubsite::render::Quiet, Some(previous)) {
            Ok(built) => std::mem::replace(&mut last, built),
            Err(e) => {
                eprintln!("{}", e.report);
                std::process::exit(2);
            }
        };
        // As in `serve`, the build before is freed on another thread once the new one is ready; the next change
        // waits for that, as a person's next save would.
        let freed = std::thread::spawn(move || drop(before));
        times.push(start.elapsed());
        let _ = freed.join();
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} files; clean build {:.0} ms; rebuild after changing the {field} of {}: median {:.0} ms (fastest {:.0}, slowest {:.0}), \
         {} files changed",
        last.files.len(),
        ms(clean),
        file.strip_prefix(&dir).unwrap_or(&file).display(),
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        last.remade.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
