//! Which files the preview watches, which changes it ignores (editors' swap and backup files), and waiting for a
//! burst of saves to settle into one change.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// The folders whose files make the site; `site.toml` sits beside them.
const FOLDERS: [&str; 3] = ["content", "locales", "themes"];

/// How long the files must be quiet before a rebuild. An editor's save is often a write, a rename and a chmod, all
/// within a millisecond; every millisecond here is one more before the tab shows the change. A save slower than
/// this (a file copied in pieces) is at worst built twice: the half-written file shows its problems, then the
/// rest of the save builds again.
const SETTLE: Duration = Duration::from_millis(5);

pub struct Watcher {
    root: PathBuf,
    inner: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    /// The paths changed since the last change was given, swap files included.
    paths: Vec<PathBuf>,
    /// Whether any of `paths` matters, or a change may have been missed: either is worth a rebuild.
    due: bool,
    /// Whether a change may have been missed since the last change was given.
    missed: bool,
}

/// Files of the site that changed.
pub struct Change {
    /// Every changed path from the site folder. Editors' swap files are not worth a rebuild on their own, but are
    /// named here with the next change that is: whoever keeps a picture of the site's files needs every one.
    pub paths: Vec<PathBuf>,
    /// False when the watcher may have missed a change (it fell behind, or failed): then any file may have changed.
    pub complete: bool,
}

impl Watcher {
    pub fn start(site: &Path) -> Result<Watcher, String> {
        let root = site
            .canonicalize()
            .map_err(|e| format!("could not open {}: {e}", site.display()))?;
        let (tx, events) = channel();
        let mut inner = notify::recommended_watcher(tx).map_err(|e| format!("could not watch for changes: {e}"))?;
        // The site folder itself, not its subfolders, for site.toml and for the folders appearing.
        inner
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("could not watch {}: {e}", root.display()))?;
        let mut watcher = Watcher {
            root,
            inner,
            events,
            paths: Vec::new(),
            due: false,
            missed: false,
        };
        for folder in FOLDERS {
            watcher.watch_folder(folder);
        }
        Ok(watcher)
    }

    fn watch_folder(&mut self, folder: &str) {
        let path = self.root.join(folder);
        if path.is_dir() {
            // Already watched, or gone again before we got to it: either way nothing to do.
            let _ = self.inner.watch(&path, RecursiveMode::Recursive);
        }
    }

    /// Blocks until files of the site change, then until they are quiet; gives the changed files.
    pub fn next_change(&mut self) -> Change {
        while !self.due {
            let Ok(event) = self.events.recv() else {
                // The watcher is gone: nothing will ever change again, so wait as a server would.
                std::thread::park();
                continue;
            };
            self.take(event);
        }
        while let Ok(event) = self.events.recv_timeout(SETTLE) {
            self.take(event);
        }
        let mut paths = std::mem::take(&mut self.paths);
        paths.sort();
        paths.dedup();
        self.due = false;
        Change {
            paths,
            complete: !std::mem::take(&mut self.missed),
        }
    }

    fn take(&mut self, event: notify::Result<notify::Event>) {
        let Ok(event) = event else {
            // Not worth a rebuild by itself, but the next one cannot trust that it was told of every change.
            self.missed = true;
            return;
        };
        if event.need_rescan() {
            self.missed = true;
            self.due = true;
        }
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in &event.paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            if let Some(folder) = FOLDERS.iter().find(|f| rel == Path::new(f)) {
                self.watch_folder(folder);
            }
            if in_site(rel) {
                self.paths.push(rel.to_path_buf());
                self.due |= matters(rel);
            }
        }
    }
}

/// Whether a change to this file, from the site folder, can change the site.
pub fn matters(rel: &Path) -> bool {
    let Some(name) = rel.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    in_site(rel) && !editor_file(name)
}

fn in_site(rel: &Path) -> bool {
    rel == Path::new("site.toml") || FOLDERS.iter().any(|f| rel.starts_with(f))
}

/// Swap, backup and lock files that editors write beside the file being edited.
fn editor_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".orig"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_site_files_matter_and_never_an_editor_swap_file() {
        for yes in [
            "site.toml",
            "content/sessions/baby-massage.md",
            "content/sessions/baby-massage.bn.md",
            "locales/so/ui.ftl",
            "themes/default/templates/base.html",
        ] {
            assert!(matters(Path::new(yes)), "{yes}");
        }
        for no in [
            "public/en/index.html",
            "README.md",
            "content/sessions/.baby-massage.md.swp",
            "content/sessions/baby-massage.md~",
            "content/sessions/#baby-massage.md#",
            "content/sessions/.#baby-massage.md",
            "content/sessions/4913",
            "site.toml.bak",
        ] {
            assert!(!matters(Path::new(no)), "{no}");
        }
    }
}
