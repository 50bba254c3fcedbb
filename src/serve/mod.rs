//! `hubsite serve`: builds the site in memory, serves it, and rebuilds and reloads open tabs on every change.

mod conn;
mod http;
mod watch;

use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::render::SiteFiles;

/// What the preview serves: the last site that built, and the problems with the newest change if it did not.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Goes up with every attempt to build, good or bad, so a tab knows when it is out of date; once per attempt,
    /// whether or not its first files were shown before the rest.
    pub version: u64,
    pub files: Arc<SiteFiles>,
    pub problems: Option<String>,
    /// While a change is being built, the files made for good so far: those of the entries it changed, then the
    /// pages that list entries. A tab that asks for one of them is shown it at once; anything else waits until it
    /// is among them or the whole site is built.
    pub early: Option<Arc<SiteFiles>>,
    /// The first files of the last change were shown, then the change failed: tabs showing them must reload to go
    /// back to the last version that worked (with the problems over it).
    pub undo: bool,
}

/// The snapshot, shared between the builder and the threads answering tabs, with a signal for each new one.
pub struct Shared {
    now: Mutex<Snapshot>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Snapshot> {
        // A thread that panicked while holding the lock left a whole snapshot behind: it is still good to serve.
        self.now.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn snapshot(&self) -> Snapshot {
        self.lock().clone()
    }

    /// Shows files of a change made for good, before the rest of the site is made. The first that differ from the
    /// site shown reload open tabs; more files of the same change are added to them without another reload.
    fn publish_early(&self, files: SiteFiles, changed: bool) {
        // Only the builder changes `early`, so the files shown so far are joined with the new ones off the lock,
        // where tabs asking for pages need not wait for it.
        let shown = self.lock().early.clone();
        let files = match shown {
            Some(shown) => {
                let mut all = SiteFiles::clone(&shown);
                all.extend(files);
                all
            }
            // Nothing to see yet: no reload.
            None if !changed => return,
            None => files,
        };
        let mut now = self.lock();
        if now.early.is_none() {
            now.version += 1;
            now.problems = None;
            now.undo = false;
        }
        now.early = Some(Arc::new(files));
        self.changed.notify_all();
    }

    /// The snapshot once `path` is among the files shown early, or the change being built is built whole (at once
    /// if either is true now), or after `timeout` whatever it is.
    pub fn settled(&self, timeout: Duration, has: impl Fn(&SiteFiles) -> bool) -> Snapshot {
        self.wait_while(timeout, |s| s.early.as_deref().is_some_and(|early| !has(early)))
    }

    /// The snapshot once its version is not `seen`, or after `timeout` whatever it is.
    pub fn wait_for_change(&self, seen: Option<u64>, timeout: Duration) -> Snapshot {
        self.wait_while(timeout, |s| Some(s.version) == seen)
    }

    /// The snapshot once `waiting` is false of it, or after `timeout` whatever it is.
    fn wait_while(&self, timeout: Duration, waiting: impl FnMut(&mut Snapshot) -> bool) -> Snapshot {
        let now = self.lock();
        let (now, _) = self
            .changed
            .wait_timeout_while(now, timeout, waiting)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        now.clone()
    }

    /// Shows a new outcome, giving back the site it replaces so the caller can let it go off the lock.
    fn publish(&self, outcome: Result<Arc<SiteFiles>, String>) -> Option<Arc<SiteFiles>> {
        let mut now = self.lock();
        // Tabs reloaded when the first files of this change were shown, and what they have is the same as the
        // whole site has: they need not reload again. A change that failed after all has problems to show.
        let shown_early = now.early.take().is_some();
        if !shown_early || outcome.is_err() {
            now.version += 1;
        }
        now.undo = shown_early && outcome.is_err();
        let old = match outcome {
            Ok(files) => {
                now.problems = None;
                Some(std::mem::replace(&mut now.files, files))
            }
            Err(problems) => {
                now.problems = Some(problems);
                None
            }
        };
        self.changed.notify_all();
        old
    }
}

/// How the problems box looks: over the whole page, so a change that did not build cannot be missed.
pub const OVERLAY_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1rem;\
background:#fff;color:#1b1b1b;border:.5rem solid #b00020;font:1rem/1.4 system-ui,sans-serif";

/// The words in the problems box, around the problems as `hubsite check` gives them.
pub fn overlay_inside(problems: &str) -> String {
    format!(
        "<h2>Your last change is not showing yet</h2><p>Fix the problems below and save the file: this page will \
         reload by itself. Until then you are seeing the last version that worked.</p><pre style=\"white-space:\
         pre-wrap;font:.9rem/1.4 monospace\">{}</pre>",
        escape(problems)
    )
}

pub fn overlay(problems: &str) -> String {
    format!(
        "<div id=\"hubsite-problems\" role=\"alert\" style=\"{OVERLAY_STYLE}\">{}</div>\n",
        overlay_inside(problems)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// What `hubsite serve` was asked to do.
pub struct Options {
    pub site: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub today: time::Date,
}

/// The last build that worked, kept so a rebuild renders only what a change affects.
struct Last {
    files: Arc<SiteFiles>,
    memo: crate::render::Memo,
    findings: crate::validate::plain::pages::PageFindings,
    kept: crate::content::Kept,
    texts: crate::validate::plain::TextFindings,
}

impl Last {
    /// This build, with the files changed since, when known.
    fn before<'a>(&'a self, changed: Option<&'a [PathBuf]>) -> crate::Before<'a> {
        crate::Before {
            files: &self.files,
            memo: &self.memo,
            findings: &self.findings,
            kept: &self.kept,
            texts: &self.texts,
            changed,
        }
    }
}

/// Builds, serves and watches until stopped. Returns only when it cannot start, saying why.
pub fn run(options: &Options) -> Result<(), String> {
    let started = Instant::now();
    // Watching starts before the first build: a rebuild reads only the files the watcher names, so a save made
    // while the first build runs must not be missed.
    let watcher = watch::Watcher::start(&options.site);
    let mut last = None;
    let problems = build(&options.site, options.today, &mut last, None, &Quiet).0.err();
    let files = last.as_ref().map(|l| l.files.clone()).unwrap_or_default();
    let shared = Arc::new(Shared {
        now: Mutex::new(Snapshot {
            version: 1,
            files,
            problems,
            early: None,
            undo: false,
        }),
        changed: Condvar::new(),
    });
    if last.is_some() {
        eprintln!("Built in {} ms.", started.elapsed().as_millis());
    }
    let listener = TcpListener::bind((options.bind, options.port)).map_err(|e| {
        format!(
            "could not listen on {}:{}: {e}. Another program may be using that port: try another, such as --port {}",
            options.bind,
            options.port,
            options.port.wrapping_add(1).max(1024)
        )
    })?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: the preview is open to every computer that can reach this one on {}. Use --bind 127.0.0.1 \
             to keep it to this computer.",
            options.bind
        );
    }
    println!("Serving the site at http://{address}/ (press Ctrl+C to stop).");
    let mut watcher = watcher?;
    {
        let shared = shared.clone();
        std::thread::spawn(move || conn::accept(listener, shared));
    }
    // What changed since the last build that worked, which the next builds from: a build that failed kept nothing,
    // so the one after it must read again what that one read. `None` when the watcher may have missed a change.
    let mut unbuilt = Some(Vec::new());
    loop {
        let change = watcher.next_change();
        let start = Instant::now();
        match &mut unbuilt {
            Some(paths) if change.complete => {
                paths.extend(change.paths.iter().cloned());
                paths.sort();
                paths.dedup();
            }
            _ => unbuilt = None,
        }
        let early = Early(&shared);
        let (outcome, before) = build(&options.site, options.today, &mut last, unbuilt.as_deref(), &early);
        if outcome.is_ok() {
            unbuilt = Some(Vec::new());
        }
        let rendered = outcome.as_ref().ok().copied();
        let shown = shared.publish(outcome.map(|_| last.as_ref().map(|l| l.files.clone()).unwrap_or_default()));
        // A large site's last build is hundreds of thousands of allocations: freeing them is left to another
        // thread, so the tabs reload as soon as the new one is ready.
        let old = (before, shown);
        // If no thread can be had, the failed spawn frees the old build here instead: later, but no harm done.
        let _ = std::thread::Builder::new().spawn(move || drop(old));
        if let Some(rendered) = rendered {
            eprintln!(
                "Rebuilt in {} ms after a change to {} ({rendered} files changed).",
                start.elapsed().as_millis(),
                describe(&change.paths)
            );
        }
    }
}

/// Builds the site in memory from the last build that worked and the files `changed` since, printing what the
/// terminal should show: problems, or nothing when all is well. Gives how many files were made again, or the
/// problems; and the build it replaced, for the caller to free.
fn build(
    site: &Path,
    today: time::Date,
    last: &mut Option<Last>,
    changed: Option<&[PathBuf]>,
    progress: &dyn crate::render::Progress,
) -> (Result<usize, String>, Option<Last>) {
    match crate::rebuild(site, today, progress, last.as_ref().map(|l| l.before(changed))) {
        Ok(built) => {
            eprint!("{}", built.report);
            let rendered = built.remade.len();
            let before = last.replace(Last {
                files: Arc::new(built.files),
                memo: built.memo,
                findings: built.findings,
                kept: built.kept,
                texts: built.texts,
            });
            (Ok(rendered), before)
        }
        Err(not) => {
            eprint!("{}", not.report);
            let why = not
                .why
                .unwrap_or_else(|| "the site folder could not be read".to_string());
            eprintln!("Not rebuilt: {why}. The preview shows the last version that worked.");
            (Err(format!("{}{why}.", not.report)), None)
        }
    }
}

fn describe(changed: &[PathBuf]) -> String {
    let changed: Vec<&PathBuf> = changed.iter().filter(|p| watch::matters(p)).collect();
    match changed.as_slice() {
        [one] => one.display().to_string(),
        [one, rest @ ..] => format!("{} and {} more", one.display(), rest.len()),
        [] => "the site".to_string(),
    }
}

struct Quiet;
impl crate::render::Progress for Quiet {}

/// Shows the entries a change affects as soon as they are made, then the pages that list entries. On a large site
/// the search index and open data that gather every entry are much of a rebuild; no page waits for them.
struct Early<'a>(&'a Shared);

impl crate::render::Progress for Early<'_> {
    fn made_early(&self, files: SiteFiles, changed: bool) {
        self.0.publish_early(files, changed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(page: &str) -> SiteFiles {
        SiteFiles::from([("en/index.html".to_string(), Arc::new(page.as_bytes().to_vec()))])
    }

    fn shared() -> Arc<Shared> {
        Arc::new(Shared {
            now: Mutex::new(Snapshot {
                version: 1,
                files: Arc::new(site("before")),
                problems: None,
                early: None,
                undo: false,
            }),
            changed: Condvar::new(),
        })
    }

    fn has(path: &'static str) -> impl Fn(&SiteFiles) -> bool {
        move |files| files.contains_key(path)
    }

    #[test]
    fn the_first_files_of_a_change_reload_tabs_once_and_the_rest_waits_for_them_or_the_whole_site() {
        let shared = shared();
        // Files that are all the same as those shown reload nothing.
        shared.publish_early(site("before"), false);
        assert_eq!(shared.snapshot().version, 1);
        assert!(shared.snapshot().early.is_none());

        shared.publish_early(site("early"), true);
        let now = shared.snapshot();
        assert_eq!(now.version, 2, "tabs reload for the first files");
        assert!(now.early.is_some());
        let waiting = |path: &'static str| {
            let shared = shared.clone();
            std::thread::spawn(move || shared.settled(Duration::from_secs(20), has(path)))
        };
        let list = waiting("en/timetable/index.html");
        let other = waiting("en/search/meta.json");
        std::thread::sleep(Duration::from_millis(50));
        assert!(!list.is_finished(), "a file not made yet waits");

        // The pages that list entries come next: the same change, so no second reload, and a tab asking for one
        // has it now, while the search index still waits.
        let lists = SiteFiles::from([("en/timetable/index.html".to_string(), Arc::new(b"list".to_vec()))]);
        shared.publish_early(lists, false);
        let got = list.join().expect("the wait ends");
        assert_eq!(got.version, 2);
        let early = got.early.expect("still building");
        assert_eq!(early["en/timetable/index.html"].as_slice(), b"list");
        assert_eq!(early["en/index.html"].as_slice(), b"early", "the first files are kept");
        std::thread::sleep(Duration::from_millis(50));
        assert!(
            !other.is_finished(),
            "anything else waits while the change is being built"
        );

        shared.publish(Ok(Arc::new(site("whole"))));
        let whole = other.join().expect("the wait ends");
        assert!(whole.early.is_none());
        assert_eq!(whole.files["en/index.html"].as_slice(), b"whole");
        assert_eq!(whole.version, 2, "the whole site does not reload tabs again");

        // A change whose first files were shown but which then fails has its problems to show.
        shared.publish_early(site("early again"), true);
        shared.publish(Err("the theme has a problem".into()));
        let now = shared.snapshot();
        assert_eq!(now.version, 4);
        assert!(now.early.is_none());
        assert_eq!(now.problems.as_deref(), Some("the theme has a problem"));
        assert!(now.undo, "tabs showing the first files go back to the last good site");
        assert_eq!(now.files["en/index.html"].as_slice(), b"whole", "the last good site");
    }
}
