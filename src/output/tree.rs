//! Writing a whole built site: into a new sibling folder first, then swapped into place.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::SiteFiles;

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.hubsite-{tag}"))
}

/// Writes every file under a temporary folder beside `out`, then swaps it in. If anything fails before the
/// swap, `out` is left as it was. The swap is two renames: for a moment between them, `out` does not exist.
pub fn write_site(out: &Path, files: &SiteFiles) -> std::io::Result<()> {
    let new = sibling(out, "new");
    let old = sibling(out, "old");
    for stale in [&new, &old] {
        if stale.exists() {
            std::fs::remove_dir_all(stale)?;
        }
    }
    let written = (|| {
        // Folders first, once each, in order; then the files, on every core.
        let dirs: std::collections::BTreeSet<PathBuf> = files
            .keys()
            .filter_map(|p| new.join(p).parent().map(Path::to_path_buf))
            .collect();
        std::fs::create_dir_all(&new)?;
        for dir in dirs {
            std::fs::create_dir_all(dir)?;
        }
        files
            .par_iter()
            .try_for_each(|(path, bytes)| std::fs::write(new.join(path), bytes.as_slice()))
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&new);
        return Err(e);
    }
    if out.exists() {
        std::fs::rename(out, &old)?;
    }
    if let Err(e) = std::fs::rename(&new, out) {
        // Put the previous site back rather than leave nothing.
        let _ = std::fs::rename(&old, out);
        return Err(e);
    }
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(())
}
