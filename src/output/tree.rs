//! Writing a whole built site: into a new sibling folder first, then swapped into place.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::render::SiteFiles;

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.hubsite-{tag}"))
}

/// A new site being written beside `out`, file by file as each is made. Nobody sees it until `commit` swaps it
/// in; dropped without a commit, it is removed and `out` is as it was.
pub struct Staging {
    out: PathBuf,
    new: PathBuf,
    /// The folders made so far, so each is made once however many files it holds.
    dirs: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Starts a new folder beside `out`, clearing what a build that was stopped half-way left there.
    pub fn new(out: &Path) -> std::io::Result<Self> {
        let new = sibling(out, "new");
        for stale in [&new, &sibling(out, "old")] {
            if stale.exists() {
                std::fs::remove_dir_all(stale)?;
            }
        }
        std::fs::create_dir_all(&new)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dirs: Mutex::new(HashSet::from([new.clone()])),
            new,
            committed: false,
        })
    }

    /// Writes one file of the new site; `path` is relative to the site's root, with `/` between folders.
    pub fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.write_parts(path, &[bytes])
    }

    /// Writes one file of the new site made of `parts`, one after another.
    pub fn write_parts(&self, path: &str, parts: &[&[u8]]) -> std::io::Result<()> {
        let file = self.new.join(path);
        if let Some(dir) = file.parent() {
            // Poisoned only if another writer panicked; the set is still right, as inserts are single steps.
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            if !dirs.contains(dir) {
                std::fs::create_dir_all(dir)?;
                dirs.insert(dir.to_path_buf());
            }
        }
        let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
        for part in parts {
            out.write_all(part)?;
        }
        out.flush()
    }

    /// Swaps the new site in for the old one. The swap is two renames: for a moment between them, `out` does not
    /// exist.
    pub fn commit(mut self) -> std::io::Result<()> {
        let old = sibling(&self.out, "old");
        if self.out.exists() {
            std::fs::rename(&self.out, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.new, &self.out) {
            // Put the previous site back rather than leave nothing.
            let _ = std::fs::rename(&old, &self.out);
            return Err(e);
        }
        self.committed = true;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.new);
        }
    }
}

/// Writes every file under a temporary folder beside `out`, then swaps it in. If anything fails before the
/// swap, `out` is left as it was.
pub fn write_site(out: &Path, files: &SiteFiles) -> std::io::Result<()> {
    let staging = Staging::new(out)?;
    files
        .par_iter()
        .try_for_each(|(path, bytes)| staging.write(path, bytes.as_slice()))?;
    staging.commit()
}
