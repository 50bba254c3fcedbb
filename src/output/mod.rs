//! Writing files so that nothing half-written is ever seen, and never where a build has no right to write.

pub mod fault;
pub mod ics;
mod place;
mod swap;
mod tree;

pub use place::{MARKER, MARKER_TEXT, Refusal, Target, target};
use std::io::Write;
use std::path::Path;
pub use tree::{Committed, NotSwapped, Staging};

/// Writes a file through a temporary sibling and a rename, so readers see the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.hubsite-tmp"));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file() -> std::io::Result<()> {
        let dir = std::env::temp_dir().join(format!("hubsite-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let p = dir.join("a.txt");
        write_atomic(&p, b"first version, longer")?;
        write_atomic(&p, b"second")?;
        assert_eq!(std::fs::read(&p)?, b"second");
        assert_eq!(std::fs::read_dir(&dir)?.count(), 1);
        std::fs::remove_dir_all(&dir)
    }
}
