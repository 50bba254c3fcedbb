//! The files and folders under `content/` in order, what each one's place and name make it, and bringing a
//! walk from the last load up to date from the paths that changed since.

use std::cmp::Ordering;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::ids::*;
use super::kept::Parse;
use super::load::LoadError;
use crate::diagnostics::{Diagnostic, display_path};

/// Sections the site builds under each language; a page of the same name would take their address.
const RESERVED_PAGE_NAMES: &[&str] = &["places", "activities", "timetable", "start-for-life", "search"];

/// A file or folder under `content/`. What it is follows from its path alone, so it is worked out once, when it is
/// first found, and shared by every load after.
#[derive(Debug)]
pub(super) struct Found {
    /// From the site folder, with `/` between names, as shown to people.
    pub rel: String,
    pub is_dir: bool,
    pub what: What,
}

/// What hubsite makes of a file or folder under `content/`.
#[derive(Debug)]
pub(super) enum What {
    /// Not read, and nothing to say: an entry folder, a hidden or backup file, a file deeper than entries go.
    Nothing,
    Terms,
    Glossary,
    /// Not read, for the reason given.
    Problem(Box<Diagnostic>),
    Entry(FileRole),
}

/// An entry file and what its name says it is.
#[derive(Debug)]
pub(super) struct FileRole {
    pub kind: Kind,
    pub slug: String,
    pub lang: Option<String>,
    pub is_toml: bool,
}

/// One place in a walk, with what the last load read and parsed there.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub found: Arc<Found>,
    pub last: Option<Arc<Parse>>,
    /// The file may differ from `last`, so it is read again; `last` can still be reused if its text is the same.
    pub stale: bool,
}

impl Item {
    fn new(found: Arc<Found>, last: Option<Arc<Parse>>, stale: bool) -> Item {
        Item { found, last, stale }
    }
}

/// Every file and folder under `content/`, in order: folders among files by name, each followed by what is in it.
/// With `last`, each keeps what the last load read and parsed at the same path, to be read again if `stale` says so.
pub(super) fn walk(root: &Path, last: Option<&[Item]>, stale: &dyn Fn(&Path) -> bool) -> Result<Vec<Item>, LoadError> {
    let content_dir = root.join("content");
    let walked = walkdir::WalkDir::new(&content_dir)
        .min_depth(1)
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| LoadError::Io(content_dir.clone(), e.into()))?;
    let mut found: Vec<Arc<Found>> = walked
        .into_iter()
        .map(|item| {
            let rel = item.path().strip_prefix(root).unwrap_or(item.path());
            Arc::new(classify(rel, item.file_type().is_dir(), item.depth()))
        })
        .collect();
    // walkdir's own sort would work out each name from its path again on every comparison, which on 30,000 files
    // is a good part of a rebuild.
    found.sort_unstable_by(|a, b| path_order(&a.rel, &b.rel));
    let Some(last) = last else {
        return Ok(found.into_iter().map(|f| Item::new(f, None, true)).collect());
    };
    // Both are in the same order, so each path's last read is found in one pass over both.
    let mut last = last.iter().peekable();
    Ok(found
        .into_iter()
        .map(|f| {
            while last.next_if(|l| path_order(&l.found.rel, &f.rel).is_lt()).is_some() {}
            let before = last.next_if(|l| l.found.rel == f.rel);
            let stale = before.is_none() || stale(Path::new(&f.rel));
            Item::new(f, before.and_then(|b| b.last.clone()), stale)
        })
        .collect())
}

/// The order of a walk: by the names from `content/` down, so a folder comes before the files in it and the
/// files in it before the next name in its own folder. `/` sorts as if it came before every other character.
pub(super) fn path_order(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let at = |s: &[u8]| s.get(same).map(|&c| if c == b'/' { 0 } else { c });
    at(a).cmp(&at(b))
}

/// The walk `last` brought up to date with the paths from the site folder that changed since it was made, without
/// walking again: a file that is new is put in its place, one that is gone is taken out, and a changed one is marked
/// stale; with whether the walk has the same files as before. `None` when that cannot be sure to give what a walk
/// would: a folder appeared, went or changed, or a file turned up in a folder the walk does not know.
pub(super) fn update(root: &Path, last: &[Item], changed: &[PathBuf]) -> Option<(Vec<Item>, bool)> {
    let at = |rel: &str| last.binary_search_by(|item| path_order(&item.found.rel, rel));
    let mut edits = Vec::new();
    for path in changed {
        let mut names = Vec::new();
        for part in path.components() {
            match part {
                Component::Normal(name) => names.push(name),
                Component::CurDir => {}
                _ => return None,
            }
        }
        if names.first().is_none_or(|first| *first != "content") {
            continue;
        }
        if names.len() < 2 {
            return None;
        }
        let path: PathBuf = names.iter().collect();
        // A name that is not UTF-8 is shown with a stand-in character, so its place among the others is not sure.
        let rel = path.to_str().map(|_| display_path(&path))?;
        let place = at(&rel);
        if place.is_ok_and(|i| last[i].found.is_dir) {
            return None;
        }
        let now = match std::fs::symlink_metadata(root.join(&path)) {
            Ok(meta) if meta.is_dir() => return None,
            Ok(_) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(_) => return None,
        };
        if now && place.is_err() && names.len() > 2 {
            let parent = rel.rsplit_once('/').map_or("", |(parent, _)| parent);
            if !at(parent).is_ok_and(|i| last[i].found.is_dir) {
                return None;
            }
        }
        edits.push((path, rel, place, now));
    }
    edits.sort_by(|a, b| path_order(&a.1, &b.1));
    edits.dedup_by(|a, b| a.1 == b.1);

    let mut items = Vec::with_capacity(last.len() + edits.len());
    let same = edits.iter().all(|(_, _, place, now)| place.is_ok() == *now);
    let mut next = 0;
    for (path, _, place, now) in edits {
        match place {
            Ok(i) => {
                items.extend_from_slice(&last[next..i]);
                next = i + 1;
                if now {
                    items.push(Item::new(last[i].found.clone(), last[i].last.clone(), true));
                }
            }
            Err(i) => {
                items.extend_from_slice(&last[next..i]);
                next = i;
                if now {
                    let depth = path.components().count() - 1;
                    items.push(Item::new(Arc::new(classify(&path, false, depth)), None, true));
                }
            }
        }
    }
    items.extend_from_slice(&last[next..]);
    Some((items, same))
}

/// What a file or folder under `content/` is, from its path from the site folder and how deep it is in `content/`
/// (1 for what sits in `content/` itself).
fn classify(rel_path: &Path, is_dir: bool, depth: usize) -> Found {
    let rel = display_path(rel_path);
    let name = rel_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let what = what(rel_path, &rel, &name, is_dir, depth);
    Found { rel, is_dir, what }
}

fn what(rel_path: &Path, rel: &str, name: &str, is_dir: bool, depth: usize) -> What {
    let problem = |d: Diagnostic| What::Problem(Box::new(d));
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
        return What::Nothing;
    }
    if is_dir {
        if depth == 2 {
            return problem(
                Diagnostic::file_error("unknown-folder", rel_path, format!("files in {rel}/ are not read"))
                    .help("entries go straight into their folder, such as content/sessions/baby-massage.md"),
            );
        }
        if depth == 1 && Kind::from_folder(name).is_none() {
            let folders: Vec<&str> = Kind::ALL.iter().map(|k| k.folder()).collect();
            let help = match crate::suggest::nearest(name, &folders) {
                Some(n) => format!("did you mean content/{n}/? Files in this folder are not read"),
                None => format!(
                    "entries go in one of: {}",
                    folders
                        .iter()
                        .map(|f| format!("content/{f}/"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return problem(
                Diagnostic::file_error(
                    "unknown-folder",
                    rel_path,
                    format!("hubsite does not know the folder {rel}/"),
                )
                .help(help),
            );
        }
        return What::Nothing;
    }
    if depth == 1 {
        return match name {
            "terms.toml" => What::Terms,
            "glossary.toml" => What::Glossary,
            _ => problem(
                Diagnostic::file_error("unknown-file", rel_path, format!("hubsite does not read {rel}")).help(
                    "entries go in a folder such as content/sessions/; only terms.toml and glossary.toml sit in \
                     content/ itself",
                ),
            ),
        };
    }
    let Some(kind) = rel_path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|f| Kind::from_folder(&f.to_string_lossy()))
    else {
        return What::Nothing;
    };
    if depth != 2 {
        return What::Nothing;
    }
    let (stem, is_toml) = if let Some(s) = name.strip_suffix(".md") {
        (s, false)
    } else if let Some(s) = name.strip_suffix(".toml") {
        (s, true)
    } else {
        return problem(
            Diagnostic::file_error(
                "unknown-file",
                rel_path,
                format!("{rel} is not an entry: entries end in .md or .toml"),
            )
            .help("rename it to end in .md, or move it out of content/"),
        );
    };
    // Only a short code in small letters after the last dot makes a translation; anything else is part of the
    // name, and a dot in a name is reported as a bad name.
    let (slug, lang) = match stem.rsplit_once('.') {
        Some((s, l)) if (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()) => {
            (s, Some(l.to_string()))
        }
        _ => (stem, None),
    };
    let ext = if is_toml { "toml" } else { "md" };
    if !is_valid_slug(slug) {
        let lang_part = lang.as_deref().map(|l| format!(".{l}")).unwrap_or_default();
        let suggestion = slug_like(slug);
        let help = if suggestion.is_empty() {
            format!(
                "give the file a name in English letters, like baby-massage{lang_part}.{ext}; its name becomes \
                 part of the page's web address"
            )
        } else {
            format!("rename the file to {suggestion}{lang_part}.{ext}; its name becomes part of the page's web address")
        };
        return problem(
            Diagnostic::file_error(
                "bad-slug",
                rel_path,
                format!("the file name \"{name}\" can only use small letters a-z, digits and dashes"),
            )
            .help(help),
        );
    }
    if kind == Kind::Page && RESERVED_PAGE_NAMES.contains(&slug) {
        return problem(
            Diagnostic::file_error(
                "reserved-name",
                rel_path,
                format!("a page cannot be called \"{slug}\": the site already has a section with that address"),
            )
            .help(format!("rename the file, for example to our-{slug}.{ext}")),
        );
    }
    What::Entry(FileRole {
        kind,
        slug: slug.to_string(),
        lang,
        is_toml,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for folder in ["content/sessions", "content/hubs", "content/sessions/old"] {
            std::fs::create_dir_all(dir.path().join(folder)).expect("folder");
        }
        for file in [
            "content/terms.toml",
            "content/sessions/a.md",
            "content/sessions/a.bn.md",
            "content/sessions/a-b.md",
            "content/sessions/old/c.md",
            "content/hubs/h.md",
        ] {
            std::fs::write(dir.path().join(file), "+++\n+++\n").expect("file");
        }
        dir
    }

    fn rels(items: &[Item]) -> Vec<(&str, bool)> {
        items.iter().map(|i| (i.found.rel.as_str(), i.found.is_dir)).collect()
    }

    /// A walk as a load keeps it: nothing in it is stale.
    fn walked(root: &Path) -> Vec<Item> {
        let items = walk(root, None, &|_| true).expect("walks");
        items.into_iter().map(|i| Item::new(i.found, None, false)).collect()
    }

    fn update_with(root: &Path, last: &[Item], changed: &[&str]) -> Option<(Vec<Item>, bool)> {
        let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
        update(root, last, &changed)
    }

    #[test]
    fn a_walk_is_in_the_order_of_the_names_from_content_down() {
        let dir = site();
        let items = walked(dir.path());
        let mut by_names: Vec<&str> = items.iter().map(|i| i.found.rel.as_str()).collect();
        by_names.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        assert_eq!(items.iter().map(|i| i.found.rel.as_str()).collect::<Vec<_>>(), by_names);
        assert_eq!(
            by_names[..4],
            [
                "content/hubs",
                "content/hubs/h.md",
                "content/sessions",
                "content/sessions/a-b.md"
            ]
        );
        assert!(path_order("content/a", "content/a/b").is_lt());
        assert!(path_order("content/a/b", "content/a-b").is_lt());
        assert!(path_order("content/a-b", "content/a.md").is_lt());
    }

    #[test]
    fn files_added_changed_and_removed_update_the_walk_as_walking_again_would() {
        let dir = site();
        let root = dir.path();
        let last = walked(root);
        std::fs::write(root.join("content/sessions/a.so.md"), "+++\n+++\n").expect("file");
        std::fs::write(root.join("content/sessions/z.md"), "+++\n+++\n").expect("file");
        std::fs::write(root.join("content/sessions/old/d.md"), "+++\n+++\n").expect("file");
        std::fs::write(root.join("content/notes.txt"), "").expect("file");
        std::fs::remove_file(root.join("content/sessions/a-b.md")).expect("delete");
        std::fs::write(root.join("content/hubs/h.md"), "+++\ntitle = \"H\"\n+++\n").expect("file");
        let changed = [
            "content/sessions/z.md",
            "content/sessions/a.so.md",
            "content/sessions/old/d.md",
            "content/notes.txt",
            "content/sessions/a-b.md",
            "content/hubs/h.md",
            "content/sessions/gone.md",
            "site.toml",
            "locales/bn/ui.ftl",
        ];
        let (updated, same) = update_with(root, &last, &changed).expect("no need to walk again");
        assert!(!same, "files came and went");
        assert_eq!(rels(&updated), rels(&walked(root)));
        let stale: Vec<&str> = updated
            .iter()
            .filter(|i| i.stale)
            .map(|i| i.found.rel.as_str())
            .collect();
        assert_eq!(
            stale,
            [
                "content/hubs/h.md",
                "content/notes.txt",
                "content/sessions/a.so.md",
                "content/sessions/old/d.md",
                "content/sessions/z.md"
            ]
        );
        let notes = updated
            .iter()
            .find(|i| i.found.rel == "content/notes.txt")
            .expect("found");
        assert!(matches!(notes.found.what, What::Problem(_)), "said as on a walk");
    }

    #[test]
    fn a_folder_that_changed_or_a_file_in_a_folder_not_walked_means_walking_again() {
        let dir = site();
        let root = dir.path();
        let last = walked(root);
        std::fs::create_dir(root.join("content/leaflets")).expect("folder");
        std::fs::write(root.join("content/leaflets/a.md"), "").expect("file");
        assert!(update_with(root, &last, &["content/leaflets"]).is_none());
        assert!(update_with(root, &last, &["content/leaflets/a.md"]).is_none());
        std::fs::remove_dir_all(root.join("content/sessions/old")).expect("delete");
        assert!(update_with(root, &last, &["content/sessions/old"]).is_none());
        assert!(update_with(root, &last, &["content"]).is_none());
        assert!(update_with(root, &last, &["content/../site.toml"]).is_none());
        let (_, same) = update_with(root, &last, &["content/sessions/a.md", "content/gone.md"]).expect("updates");
        assert!(same, "no file came or went");
    }

    #[test]
    fn after_walking_again_only_files_under_a_changed_path_are_stale() {
        let dir = site();
        let root = dir.path();
        let last = walked(root);
        let again = walk(root, Some(&last), &|path| path.starts_with("content/sessions/old")).expect("walks");
        let stale: Vec<&str> = again.iter().filter(|i| i.stale).map(|i| i.found.rel.as_str()).collect();
        assert_eq!(stale, ["content/sessions/old", "content/sessions/old/c.md"]);
    }
}
