//! What a load keeps for the next one: the walk of `content/`, and each file's text and parse, so that `serve`
//! reads and parses again only the files that changed.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use super::entry::{Entry, Index};
use super::model::Translation;
use super::names::Names;
use super::walk::Item;
use crate::diagnostics::{Diagnostic, FileId, SourceFile};

/// What one content file held once parsed.
#[derive(Clone, Debug)]
pub(super) enum Parsed {
    Entry(Box<Entry>),
    Translation(Box<Translation>),
    Nothing,
}

/// One file's text and parse, with what the parse was made from: an entry's references are checked while it is
/// parsed, so the names of every entry and the site's settings count as well as its own text.
#[derive(Debug)]
pub(super) struct Parse {
    id: FileId,
    around: u64,
    pub(super) source: Arc<SourceFile>,
    /// Where the file stops being UTF-8, if it does: such a file is not parsed.
    pub(super) not_utf8: Option<u32>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) parsed: Parsed,
}

/// What a load keeps for the next: `content/` as it was walked, with each entry file's text and parse.
#[derive(Debug, Default)]
pub struct Kept {
    /// `None` when nothing was kept, or there was no `content/` folder.
    pub(super) walk: Option<Vec<Item>>,
    /// What the names in the walk gave.
    pub(super) names: Option<Arc<Names>>,
}

/// What a load can start from: what the last load kept, and which files have changed since.
#[derive(Clone, Copy, Debug)]
pub struct Since<'a> {
    pub kept: &'a Kept,
    /// Paths from the site folder, such as `content/sessions/baby-massage.md`, of every file or folder that was
    /// added, changed or removed since `kept` was made. A file not named here is taken to be as it was, and is not
    /// read again. `None` when that is not known: everything is walked and read.
    pub changed: Option<&'a [PathBuf]>,
}

/// What every file's parse depends on besides its own text: the name of every entry, the site's settings and
/// whether the site has its own terms.
pub(super) fn around(index: &Index, site_toml: &str, has_terms: bool) -> u64 {
    let mut h = DefaultHasher::new();
    index.slugs.hash(&mut h);
    site_toml.hash(&mut h);
    has_terms.hash(&mut h);
    h.finish()
}

impl Parse {
    pub(super) fn new(
        id: FileId,
        around: u64,
        source: Arc<SourceFile>,
        not_utf8: Option<u32>,
        diagnostics: Vec<Diagnostic>,
        parsed: Parsed,
    ) -> Parse {
        Parse {
            id,
            around,
            source,
            not_utf8,
            diagnostics,
            parsed,
        }
    }

    /// Whether this parse holds for `source` now: the same text, at the same place in the list of files
    /// (diagnostics name it by that place), with the same things `around` it.
    pub(super) fn holds(&self, id: FileId, around: u64, source: &Arc<SourceFile>) -> bool {
        self.id == id
            && self.around == around
            && self.not_utf8.is_none()
            && (Arc::ptr_eq(&self.source, source) || self.source.text == source.text)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::content::ids::SessionId;
    use crate::content::{Loaded, load_since};

    fn parse<'a>(loaded: &'a Loaded, rel: &str) -> &'a Arc<Parse> {
        let walk = loaded.kept.walk.as_deref().unwrap_or_default();
        let item = walk.iter().find(|i| i.found.rel == rel).expect("in the walk");
        item.last.as_ref().expect("read")
    }

    fn title(loaded: &Loaded, slug: &str) -> String {
        loaded.content.sessions[&SessionId::new(slug)].common.text.title.clone()
    }

    fn retitle(site: &Path, rel: &str, to: &str) {
        let path = site.join(rel);
        let text = std::fs::read_to_string(&path).expect("session");
        let line = text
            .lines()
            .find(|l| l.starts_with("title = "))
            .expect("title")
            .to_string();
        std::fs::write(&path, text.replace(&line, &format!("title = \"{to}\""))).expect("write");
    }

    fn since<'a>(loaded: &'a Loaded, changed: &'a [PathBuf]) -> Option<Since<'a>> {
        Some(Since {
            kept: &loaded.kept,
            changed: Some(changed),
        })
    }

    #[test]
    fn a_file_not_named_as_changed_is_not_read_again_and_one_named_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::corpus::generate(dir.path(), 6, 1).expect("site");
        let first = load_since(dir.path(), None, true).expect("loads");
        let (one, two) = ("content/sessions/session-1.md", "content/sessions/session-2.md");
        let old_two = title(&first, "session-2");
        retitle(dir.path(), one, "Stay and play");
        // Changed on disk, but not named: the load takes the text it kept, which shows it did not read the file.
        retitle(dir.path(), two, "Rhyme time");

        let second = load_since(dir.path(), since(&first, &[PathBuf::from(one)]), true).expect("loads");
        assert_eq!(title(&second, "session-1"), "Stay and play");
        assert_eq!(title(&second, "session-2"), old_two);
        assert!(Arc::ptr_eq(&parse(&first, two).source, &parse(&second, two).source));
        assert!(Arc::ptr_eq(parse(&first, two), parse(&second, two)), "nor parsed again");
        assert!(Arc::ptr_eq(
            parse(&first, "content/sessions/session-1.bn.md"),
            parse(&second, "content/sessions/session-1.bn.md")
        ));
        assert!(!Arc::ptr_eq(parse(&first, one), parse(&second, one)));
        assert_eq!(second.content.sessions.len(), first.content.sessions.len());

        let third = load_since(dir.path(), since(&second, &[PathBuf::from(two)]), true).expect("loads");
        assert_eq!(title(&third, "session-2"), "Rhyme time");
        assert_eq!(title(&third, "session-1"), "Stay and play");

        // Not knowing what changed, every file is read: what was kept is reused only where the text is the same.
        retitle(dir.path(), two, "Messy play");
        let fourth = load_since(
            dir.path(),
            Some(Since {
                kept: &third.kept,
                changed: None,
            }),
            true,
        )
        .expect("loads");
        assert_eq!(title(&fourth, "session-2"), "Messy play");
        assert!(
            Arc::ptr_eq(parse(&third, one), parse(&fourth, one)),
            "an unchanged text is not parsed again"
        );
    }

    #[test]
    fn a_new_entry_parses_everything_again_from_the_texts_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::corpus::generate(dir.path(), 6, 1).expect("site");
        let first = load_since(dir.path(), None, true).expect("loads");
        // A new entry is a name other entries may point at, so every file is parsed afresh.
        let new = "content/hubs/hub-new.md";
        std::fs::copy(dir.path().join("content/hubs/hub-0.md"), dir.path().join(new)).expect("copy");
        let second = load_since(dir.path(), since(&first, &[PathBuf::from(new)]), true).expect("loads");
        let two = "content/sessions/session-2.md";
        assert!(!Arc::ptr_eq(parse(&first, two), parse(&second, two)));
        assert!(
            Arc::ptr_eq(&parse(&first, two).source, &parse(&second, two).source),
            "from the text kept"
        );
        assert!(second.index.has(crate::content::ids::Kind::Hub, "hub-new"));
        // Without being asked to, a load keeps nothing.
        assert!(load_since(dir.path(), None, false).expect("loads").kept.walk.is_none());
    }
}
