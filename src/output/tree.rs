//! Writing a whole built site: into a new sibling folder first, then swapped into place in one step.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::fault;
use super::place::{MARKER, MARKER_TEXT, Target, is_ours};
use super::swap::{Swapped, swap};

/// A new site being written beside the output folder, file by file as each is made. Nobody sees it until `commit`
/// swaps it in; dropped without a commit, it is removed and the output folder is as it was.
pub struct Staging {
    out: PathBuf,
    new: PathBuf,
    /// The folders made so far, so each is made once however many files it holds.
    dirs: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

/// What a swap left behind.
#[derive(Debug)]
pub struct Committed {
    /// The previous site, when it could not be removed after the new one took its place, and why.
    pub left: Option<(PathBuf, std::io::Error)>,
}

/// Why the new site is not in place.
#[derive(Debug)]
pub struct NotSwapped(pub std::io::Error);

/// The name shared by the temporary folders beside `out`: `.public.hubsite-…` for `public`.
fn prefix(out: &Path) -> String {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    format!(".{name}.hubsite-")
}

impl Staging {
    /// Starts a new folder beside the target, with the marker in it. What earlier builds that were stopped
    /// half-way left beside it is removed first where it can be; what cannot is named in the warnings returned,
    /// and never stops this build.
    pub fn new(target: &Target) -> std::io::Result<(Self, Vec<String>)> {
        let out = &target.path;
        let parent = out.parent().unwrap_or(Path::new("/"));
        std::fs::create_dir_all(parent)?;
        let warnings = clear_leftovers(parent, &prefix(out));
        let mut new = parent.join(format!("{}{}", prefix(out), std::process::id()));
        let mut n = 1;
        loop {
            match std::fs::create_dir(&new) {
                Ok(()) => break,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    n += 1;
                    new = parent.join(format!("{}{}-{n}", prefix(out), std::process::id()));
                }
                Err(e) => return Err(e),
            }
        }
        let staging = Staging {
            out: out.clone(),
            dirs: Mutex::new(HashSet::from([new.clone()])),
            new,
            committed: false,
        };
        // First, so that a build stopped at any later moment leaves a folder the next build knows as its own.
        std::fs::write(staging.new.join(MARKER), MARKER_TEXT)?;
        fault::failure("write")?;
        Ok((staging, warnings))
    }

    /// Writes one file of the new site made of `parts`, one after another; `path` is relative to the site's
    /// root, with `/` between folders.
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

    /// Swaps the new site in for the old one in one step, then removes the old one. If the old one cannot be
    /// removed, the new site is still in place and the old one's folder is named in what is returned.
    pub fn commit(mut self) -> Result<Committed, NotSwapped> {
        fault::point("before-swap");
        let mut aside = self.new.clone().into_os_string();
        aside.push("-old");
        let aside = PathBuf::from(aside);
        let how = swap(&self.new, &self.out, &aside).map_err(NotSwapped)?;
        self.committed = true;
        fault::point("after-swap");
        let old = match how {
            Swapped::Moved => return Ok(Committed { left: None }),
            Swapped::Exchanged => self.new.clone(),
            Swapped::Renamed => aside,
        };
        let removed = fault::failure("remove-old").and_then(|()| remove_ours(&old));
        Ok(Committed {
            left: removed.err().map(|e| (old, e)),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.new);
        }
    }
}

/// Removes a folder a build made, its marker last, so that a removal stopped half-way (a kill, a file that cannot
/// be deleted) still leaves a folder the next build knows as its own and finishes removing.
fn remove_ours(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name() == MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    match std::fs::remove_file(dir.join(MARKER)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::remove_dir(dir)
}

/// Removes the folders beside the output that earlier builds left (stopped half-way, or an old site that could
/// not be removed then): only those with the marker, or empty. Says which could not be removed, and which look
/// like a build's but have no marker, so are left alone.
fn clear_leftovers(parent: &Path, prefix: &str) -> Vec<String> {
    let mut warnings = Vec::new();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return warnings;
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    found.sort();
    for dir in found {
        match is_ours(&dir) {
            Ok(true) => {
                if let Err(e) = remove_ours(&dir) {
                    warnings.push(format!(
                        "{} was left by an earlier build and could not be removed ({e}); delete it when you can",
                        dir.display()
                    ));
                }
            }
            _ => warnings.push(format!(
                "{} looks like a folder an earlier build left, but has no {MARKER} file, so it was left alone; \
                 delete it yourself if it is not yours",
                dir.display()
            )),
        }
    }
    warnings
}
