//! Putting a new folder in the place of the old one in a single step, so there is never a moment without either.
//!
//! On Linux, `renameat2` with `RENAME_EXCHANGE` trades the two folders' names at once: before it the old site is
//! in place, after it the new one, and the old one sits under the new one's temporary name. Where the exchange is
//! not to be had (another system, or a file system that does not support it), two renames are the fallback: the
//! old folder aside, then the new one in; for a moment between them the output folder does not exist, and if the
//! second rename fails the first is undone.

use std::path::Path;

/// How the new folder took the old one's place.
#[derive(Debug, PartialEq, Eq)]
pub enum Swapped {
    /// There was no old folder: the new one was renamed in.
    Moved,
    /// The two were exchanged: the old folder is now at the new one's temporary name.
    Exchanged,
    /// Two renames: the old folder is at `aside`.
    Renamed,
}

/// Puts `new` in the place of `out`. On success the old folder, if there was one, is at `new` (exchanged) or at
/// `aside` (renamed). On an error, `out` is as it was.
pub fn swap(new: &Path, out: &Path, aside: &Path) -> std::io::Result<Swapped> {
    crate::output::fault::point("swap");
    if std::fs::symlink_metadata(out).is_err() {
        std::fs::rename(new, out)?;
        return Ok(Swapped::Moved);
    }
    match exchange(new, out) {
        Ok(()) => Ok(Swapped::Exchanged),
        Err(e) if unsupported(&e) => {
            std::fs::rename(out, aside)?;
            crate::output::fault::point("between-renames");
            if let Err(e) = std::fs::rename(new, out) {
                // Put the previous site back rather than leave nothing.
                return Err(match std::fs::rename(aside, out) {
                    Ok(()) => e,
                    Err(back) => std::io::Error::other(format!(
                        "{e}; and the previous site could not be put back ({back}): it is in {}",
                        aside.display()
                    )),
                });
            }
            Ok(Swapped::Renamed)
        }
        Err(e) => Err(e),
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    if std::env::var_os(crate::output::fault::NO_EXCHANGE).is_some() {
        return Err(std::io::Error::from(std::io::ErrorKind::Unsupported));
    }
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Whether an error from the exchange means only that it is not to be had here (so two renames must do).
fn unsupported(e: &std::io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOSYS: i32 = 38;
    const EOPNOTSUPP: i32 = 95;
    e.kind() == std::io::ErrorKind::Unsupported || matches!(e.raw_os_error(), Some(EINVAL | ENOSYS | EOPNOTSUPP))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_folder_takes_the_old_ones_place_and_the_old_one_is_kept_aside() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let (new, out, aside) = (dir.path().join("new"), dir.path().join("out"), dir.path().join("aside"));
        std::fs::create_dir(&new)?;
        std::fs::write(new.join("a"), "new")?;
        assert_eq!(swap(&new, &out, &aside)?, Swapped::Moved);
        assert_eq!(std::fs::read_to_string(out.join("a"))?, "new");
        std::fs::create_dir(&new)?;
        std::fs::write(new.join("a"), "newer")?;
        let how = swap(&new, &out, &aside)?;
        assert_eq!(std::fs::read_to_string(out.join("a"))?, "newer");
        let old = if how == Swapped::Exchanged { &new } else { &aside };
        assert_eq!(std::fs::read_to_string(old.join("a"))?, "new");
        Ok(())
    }
}
