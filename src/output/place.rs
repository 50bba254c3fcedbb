//! Where `build` may write: the folder `--out` names, after following a link, and only if hubsite made it.
//!
//! A build replaces its output folder whole. So before anything is written, the folder is checked: it must not be,
//! hold, or lie inside the site's sources, and if it exists it must be empty or carry the marker a build leaves in
//! every folder it writes ([`MARKER`]). Anything else is refused with what to do, and nothing is touched.

use std::fmt;
use std::path::{Path, PathBuf};

/// The file every build writes first into its new folder, so the next build knows the folder is its own to
/// replace.
pub const MARKER: &str = ".made-by-hubsite";

/// What the marker says to a person who opens it.
pub const MARKER_TEXT: &str = "This folder was made by `hubsite build`. The next build replaces it whole, \
so keep nothing of your own in it.\n";

/// The site's own folders and files, which no build may replace or write into.
const SOURCES: [&str; 4] = ["site.toml", "content", "locales", "themes"];

/// A folder a build may replace.
#[derive(Debug, Clone)]
pub struct Target {
    /// The real folder, with every link followed: what is swapped.
    pub path: PathBuf,
    /// `--out` as it was given, for messages.
    pub shown: PathBuf,
}

/// Why a build will not write where it was told to.
#[derive(Debug)]
pub enum Refusal {
    /// `--out` is the site folder, or a folder that holds it or one of its sources.
    HoldsSources { out: PathBuf, source: PathBuf },
    /// `--out` is inside one of the site's source folders.
    InsideSources { out: PathBuf, source: PathBuf },
    /// `--out` is a folder with files in it that no build made.
    NotOurs { out: PathBuf },
    /// `--out` is a file, or something else that is not a folder.
    NotAFolder { out: PathBuf },
    /// `--out` is a link to nothing.
    BrokenLink { out: PathBuf, to: PathBuf },
    /// The folder could not be looked at.
    Unreadable { out: PathBuf, error: std::io::Error },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::HoldsSources { out, source } => write!(
                f,
                "{} holds the site's own files ({}). A build replaces its output folder whole, so building there \
                 would delete them.\n  = help: build into a folder of its own, such as --out public",
                out.display(),
                source.display()
            ),
            Refusal::InsideSources { out, source } => write!(
                f,
                "{} is inside {}, one of the site's own folders. The built pages would be mixed with the files \
                 they are made from.\n  = help: build into a folder outside it, such as --out public",
                out.display(),
                source.display()
            ),
            Refusal::NotOurs { out } => write!(
                f,
                "{} has files in it that hubsite did not make (it has no {MARKER} file). A build replaces its \
                 output folder whole, so it will not write over a folder of yours.\n  = help: choose an empty or \
                 new folder with --out; or, if this is a site an older hubsite built, delete the folder and build \
                 again",
                out.display()
            ),
            Refusal::NotAFolder { out } => write!(
                f,
                "{} is a file, not a folder, and a build will not replace it.\n  = help: choose another name with \
                 --out, or move the file away",
                out.display()
            ),
            Refusal::BrokenLink { out, to } => write!(
                f,
                "{} is a link to {}, which does not exist.\n  = help: make that folder, or point the link at a \
                 folder that exists",
                out.display(),
                to.display()
            ),
            Refusal::Unreadable { out, error } => write!(f, "could not look at {}: {error}", out.display()),
        }
    }
}

/// Decides whether a build of the site at `site` may replace `out`. A link is followed: the site is built where
/// it points, and the link itself is kept.
pub fn target(site: &Path, out: &Path) -> Result<Target, Refusal> {
    let unreadable = |error| Refusal::Unreadable {
        out: out.to_path_buf(),
        error,
    };
    let real = real_path(out)?;
    let site = std::fs::canonicalize(site).map_err(unreadable)?;
    for name in SOURCES {
        let source = site.join(name);
        // A source folder may itself be a link elsewhere: compare where it really is, too.
        let real_source = std::fs::canonicalize(&source).unwrap_or_else(|_| source.clone());
        for s in [&source, &real_source] {
            if s.starts_with(&real) {
                return Err(Refusal::HoldsSources {
                    out: out.to_path_buf(),
                    source: s.clone(),
                });
            }
            if name != "site.toml" && real.starts_with(s) {
                return Err(Refusal::InsideSources {
                    out: out.to_path_buf(),
                    source: s.clone(),
                });
            }
        }
    }
    match std::fs::metadata(&real) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(unreadable(e)),
        Ok(m) if !m.is_dir() => return Err(Refusal::NotAFolder { out: out.to_path_buf() }),
        Ok(_) => {
            if !is_ours(&real).map_err(unreadable)? {
                return Err(Refusal::NotOurs { out: out.to_path_buf() });
            }
        }
    }
    Ok(Target {
        path: real,
        shown: out.to_path_buf(),
    })
}

/// Whether a folder is empty or was made by a build (it has the marker).
pub fn is_ours(dir: &Path) -> std::io::Result<bool> {
    if std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(true);
    }
    Ok(std::fs::read_dir(dir)?.next().is_none())
}

/// Where `out` really is: links followed, `.` and `..` resolved. A path that does not exist yet is resolved from
/// the nearest folder above it that does.
fn real_path(out: &Path) -> Result<PathBuf, Refusal> {
    let absolute = std::path::absolute(out).map_err(|error| Refusal::Unreadable {
        out: out.to_path_buf(),
        error,
    })?;
    if let Ok(m) = std::fs::symlink_metadata(&absolute)
        && m.file_type().is_symlink()
    {
        return std::fs::canonicalize(&absolute).map_err(|_| Refusal::BrokenLink {
            out: out.to_path_buf(),
            to: std::fs::read_link(&absolute).unwrap_or_default(),
        });
    }
    // Walk up to the nearest part that exists, resolve it, and put the rest back on.
    let mut rest = Vec::new();
    let mut head = absolute.as_path();
    loop {
        match std::fs::canonicalize(head) {
            Ok(real) => {
                let mut real = real;
                for part in rest.iter().rev() {
                    if *part == std::ffi::OsStr::new("..") {
                        real.pop();
                    } else if *part != std::ffi::OsStr::new(".") {
                        real.push(part);
                    }
                }
                return Ok(real);
            }
            Err(_) => match (head.parent(), head.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    head = parent;
                }
                _ => return Ok(absolute),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("site.toml"), "").expect("write");
        std::fs::create_dir(dir.path().join("content")).expect("mkdir");
        dir
    }

    #[test]
    fn a_new_folder_or_one_a_build_made_may_be_replaced() {
        let site = site();
        let out = site.path().join("public");
        assert!(target(site.path(), &out).is_ok());
        std::fs::create_dir(&out).expect("mkdir");
        assert!(target(site.path(), &out).is_ok(), "an empty folder");
        std::fs::write(out.join("index.html"), "x").expect("write");
        assert!(matches!(target(site.path(), &out), Err(Refusal::NotOurs { .. })));
        std::fs::write(out.join(MARKER), MARKER_TEXT).expect("write");
        assert!(target(site.path(), &out).is_ok(), "a folder with the marker");
    }

    #[test]
    fn the_site_its_sources_and_what_holds_them_are_refused() {
        let site = site();
        let p = site.path();
        for out in [p.to_path_buf(), p.join("."), p.join("content/.."), p.join("content")] {
            assert!(matches!(target(p, &out), Err(Refusal::HoldsSources { .. })), "{out:?}");
        }
        let parent = p.parent().expect("parent");
        assert!(matches!(target(p, parent), Err(Refusal::HoldsSources { .. })));
        for out in [
            p.join("content/public"),
            p.join("themes/x/public"),
            p.join("locales/en"),
        ] {
            assert!(matches!(target(p, &out), Err(Refusal::InsideSources { .. })), "{out:?}");
        }
    }
}
