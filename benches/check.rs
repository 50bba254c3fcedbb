//! Loads and checks a generated site of 10,000 sessions (30,000+ files with translations) and prints timings.
//! Run with `cargo bench --bench check`; set HUBSITE_BENCH_SESSIONS to change the size. With
//! HUBSITE_BENCH_BODY_MB=1,2,4,8 it times instead a small site with one page of each of those sizes in megabytes,
//! to show the check stays linear in the size of a file.

use std::time::{Duration, Instant};

fn main() {
    if let Ok(sizes) = std::env::var("HUBSITE_BENCH_BODY_MB") {
        let sizes: Vec<f64> = sizes.split(',').filter_map(|s| s.trim().parse().ok()).collect();
        long_pages(&sizes, 5);
        return;
    }
    let sessions: usize = std::env::var("HUBSITE_BENCH_SESSIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("hubsite-bench-{sessions}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    written_or_exit(hubsite::corpus::generate(&dir, sessions, 1));
    let runs = 7;
    let mut times: Vec<Duration> = Vec::new();
    let mut summary = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let checked = checked_or_exit(&dir);
        times.push(start.elapsed());
        summary = format!(
            "{} entries, {} files, {} errors",
            checked.loaded.content.entries().count(),
            checked.loaded.sources.len(),
            checked.errors()
        );
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("check of {sessions} sessions ({summary}), {runs} runs after the files were written:");
    println!(
        "  median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms",
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1])
    );
    plain_language(&dir, runs);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The plain-language checks on their own: over the source (part of every `check`), and over the built pages
/// (part of `build`), which needs the site rendered first.
fn plain_language(dir: &std::path::Path, runs: usize) {
    let Ok(mut checked) = hubsite::check(dir) else {
        return;
    };
    let mut times = Vec::new();
    for _ in 0..runs {
        let loaded = &mut checked.loaded;
        let start = Instant::now();
        let found = hubsite::validate::plain::check(
            &loaded.config,
            &loaded.content,
            &loaded.glossary,
            &checked.catalog,
            &mut loaded.sources,
            (None, false),
        );
        times.push(start.elapsed());
        std::hint::black_box(found);
    }
    times.sort();
    println!(
        "  of which the plain-language check of the source: median {:.0} ms",
        times[runs / 2].as_secs_f64() * 1000.0
    );
    if std::env::var_os("HUBSITE_BENCH_PAGES").is_none() {
        println!("  (set HUBSITE_BENCH_PAGES=1 to time the check of the built pages too)");
        return;
    }
    let today = time::macros::date!(2026 - 11 - 23);
    let Ok(files) = hubsite::render::site(&checked, today, &hubsite::render::Quiet) else {
        return;
    };
    let pages = files.keys().filter(|p| p.ends_with(".html")).count();
    let start = Instant::now();
    let found = checked.check_pages(&files);
    println!(
        "plain-language check of the {pages} built pages: {:.0} ms, {} problems",
        start.elapsed().as_secs_f64() * 1000.0,
        found.len()
    );
}

/// `check` of a 10-session site with one page of each size, as `hubsite check` does it: load, check, and the
/// problems written out for people.
fn long_pages(sizes: &[f64], runs: usize) {
    println!("check of a 10-session site with one long page, median of {runs} runs:");
    for &mb in sizes {
        let dir = std::env::temp_dir().join(format!("hubsite-bench-long-{mb}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        written_or_exit(
            hubsite::corpus::generate(&dir, 10, 1)
                .and_then(|()| hubsite::corpus::long_page(&dir, (mb * 1_048_576.0) as usize)),
        );
        let mut times: Vec<Duration> = Vec::new();
        let mut summary = String::new();
        for _ in 0..runs {
            let start = Instant::now();
            let checked = checked_or_exit(&dir);
            let report = checked.loaded.diagnostics.report(&checked.loaded.sources);
            times.push(start.elapsed());
            summary = format!(
                "{} warnings, {} bytes printed",
                checked.loaded.diagnostics.warnings(),
                report.len()
            );
        }
        times.sort();
        println!(
            "  {mb} MB: {:.0} ms (fastest {:.0} ms, slowest {:.0} ms); {summary}",
            times[runs / 2].as_secs_f64() * 1000.0,
            times[0].as_secs_f64() * 1000.0,
            times[runs - 1].as_secs_f64() * 1000.0,
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

fn written_or_exit(written: std::io::Result<()>) {
    if let Err(e) = written {
        eprintln!("could not write the corpus: {e}");
        std::process::exit(2);
    }
}

fn checked_or_exit(dir: &std::path::Path) -> hubsite::Checked {
    hubsite::check(dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    })
}
