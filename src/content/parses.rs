//! What each content file parsed to in the last load, so that `serve` parses again only the files that changed.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use super::entry::{Entry, Index};
use super::model::Translation;
use crate::diagnostics::{Diagnostic, FileId};

/// What one content file held once parsed.
#[derive(Clone, Debug)]
pub(super) enum Parsed {
    Entry(Box<Entry>),
    Translation(Box<Translation>),
    Nothing,
}

/// One file's parse, with what it was made from: an entry's references are checked while it is parsed, so the
/// names of every entry and the site's settings count as well as its own text.
#[derive(Debug)]
pub(super) struct Parse {
    id: FileId,
    around: u64,
    text: String,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) parsed: Parsed,
}

/// Each content file's parse by its path from the site folder.
#[derive(Debug, Default)]
pub struct Parses(pub(super) HashMap<String, Arc<Parse>>);

/// What every file's parse depends on besides its own text: the name of every entry, the site's settings and
/// whether the site has its own terms.
pub(super) fn around(index: &Index, site_toml: &str, has_terms: bool) -> u64 {
    let mut h = DefaultHasher::new();
    index.slugs.hash(&mut h);
    site_toml.hash(&mut h);
    has_terms.hash(&mut h);
    h.finish()
}

impl Parses {
    /// The last parse of the file at `rel`, if it was made from the same text, at the same place in the list of
    /// files (diagnostics name it by that place) and with the same things `around` it.
    pub(super) fn get(&self, rel: &str, id: FileId, around: u64, text: &str) -> Option<&Arc<Parse>> {
        self.0
            .get(rel)
            .filter(|p| p.id == id && p.around == around && p.text == text)
    }
}

impl Parse {
    pub(super) fn new(id: FileId, around: u64, text: &str, diagnostics: &[Diagnostic], parsed: &Parsed) -> Parse {
        Parse {
            id,
            around,
            text: text.to_string(),
            diagnostics: diagnostics.to_vec(),
            parsed: parsed.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ids::SessionId;
    use crate::content::load_since;

    #[test]
    fn only_a_changed_file_is_parsed_again_and_a_new_entry_parses_everything_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::corpus::generate(dir.path(), 6, 1).expect("site");
        let first = load_since(dir.path(), None, true).expect("loads");
        let changed = "content/sessions/session-1.md";
        let path = dir.path().join(changed);
        let text = std::fs::read_to_string(&path).expect("session");
        let title = text
            .lines()
            .find(|l| l.starts_with("title = "))
            .expect("title")
            .to_string();
        std::fs::write(&path, text.replace(&title, "title = \"Stay and play\"")).expect("write");

        let second = load_since(dir.path(), Some(&first.parses), true).expect("loads");
        let same = |a: &Parses, b: &Parses, rel: &str| Arc::ptr_eq(&a.0[rel], &b.0[rel]);
        assert!(same(&first.parses, &second.parses, "content/sessions/session-2.md"));
        assert!(same(&first.parses, &second.parses, "content/sessions/session-1.bn.md"));
        assert!(!same(&first.parses, &second.parses, changed));
        let session = &second.content.sessions[&SessionId::new("session-1")];
        assert_eq!(session.common.text.title, "Stay and play");
        assert_eq!(second.content.sessions.len(), first.content.sessions.len());

        // A new entry is a name other entries may point at, so every file is read afresh.
        let hub = dir.path().join("content/hubs/hub-0.md");
        std::fs::copy(&hub, dir.path().join("content/hubs/hub-new.md")).expect("copy");
        let third = load_since(dir.path(), Some(&second.parses), true).expect("loads");
        assert!(!same(&second.parses, &third.parses, "content/sessions/session-2.md"));
        // Without being asked to, a load keeps nothing.
        assert!(load_since(dir.path(), None, false).expect("loads").parses.0.is_empty());
    }
}
