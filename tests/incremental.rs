//! Rebuilding after a change, as `hubsite serve` does: only what a change affects is rendered again, and after
//! any series of edits the site is the same, byte for byte, as a clean build of the same files.

mod common;

use std::path::Path;

use common::{copy_dir, root};

const TODAY: time::Date = time::macros::date!(2026 - 11 - 23);

fn example() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("temp dir");
    for part in ["content", "locales", "themes"] {
        copy_dir(&root().join(part), &site.path().join(part));
    }
    std::fs::copy(root().join("site.toml"), site.path().join("site.toml")).expect("copy site.toml");
    site
}

fn clean(site: &Path) -> hubsite::Built {
    hubsite::build(site, TODAY, &hubsite::render::Quiet).unwrap_or_else(|e| panic!("{}", e.report))
}

fn edit(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// Moves an entry and its translations to a new name.
fn rename(site: &Path, folder: &str, from: &str, to: &str) {
    for lang in ["", ".bn", ".so"] {
        let old = site.join(format!("content/{folder}/{from}{lang}.md"));
        if old.exists() {
            std::fs::rename(&old, site.join(format!("content/{folder}/{to}{lang}.md"))).expect("rename");
        }
    }
}

fn delete(site: &Path, folder: &str, slug: &str) {
    for lang in ["", ".bn", ".so"] {
        let path = site.join(format!("content/{folder}/{slug}{lang}.md"));
        if path.exists() {
            std::fs::remove_file(path).expect("delete");
        }
    }
}

/// Rebuilds from `last` and checks the result against a clean build of the same files; gives the new build.
fn step(site: &Path, last: &hubsite::Built, what: &str) -> hubsite::Built {
    let next = hubsite::rebuild(site, TODAY, &hubsite::render::Quiet, Some(last.before()))
        .unwrap_or_else(|e| panic!("after {what}: {}", e.report));
    let full = clean(site);
    let paths = |b: &hubsite::Built| b.files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(paths(&next), paths(&full), "after {what}, the same files");
    for (path, bytes) in &full.files {
        assert!(
            next.files[path] == *bytes,
            "after {what}, {path} differs from a clean build"
        );
    }
    assert_eq!(next.report, full.report, "after {what}, the same warnings");
    next
}

fn remade(built: &hubsite::Built, prefix: &str) -> usize {
    built.remade.iter().filter(|p| p.starts_with(prefix)).count()
}

#[test]
fn after_a_series_of_edits_the_site_is_the_same_as_a_clean_build() {
    let site = example();
    let site = site.path();
    let first = clean(site);
    let total = first.files.len();
    assert_eq!(first.remade.len(), total, "a first build makes everything");

    // A change to when one session happens: its own pages and files, its place's and offer's, the lists. Nothing
    // else differs. (`remade` is what differs from the last build.)
    let (at_ten, later) = ("from = \"10:00\", to = \"11:00\"", "from = \"10:15\", to = \"11:15\"");
    edit(site, "content/sessions/baby-massage.md", at_ten, later);
    let b = step(site, &first, "changing a session");
    assert!(b.remade.contains("en/activities/baby-massage/index.html"));
    assert!(
        b.remade.contains("bn/activities/baby-massage/index.html"),
        "every language"
    );
    assert!(b.remade.contains("embed/en/activities/baby-massage/index.html"));
    assert!(b.remade.contains("calendar/so/activities/baby-massage.ics"));
    assert!(
        b.remade.contains("en/places/northfield-hub/index.html"),
        "its place lists it"
    );
    assert!(
        b.remade.contains("en/start-for-life/bonding-with-your-baby/index.html"),
        "its offer lists it"
    );
    assert!(b.remade.contains("en/timetable/index.html"));
    assert!(b.remade.iter().any(|p| p.starts_with("en/search/")), "the search index");
    assert!(
        !b.remade.contains("en/activities/baby-yoga/index.html"),
        "another session is kept"
    );
    assert!(
        !b.remade.contains("en/places/parkview-hub/index.html"),
        "another place is kept"
    );
    assert_eq!(remade(&b, "en/activities/"), 1, "{:?}", b.remade);
    // The pages made again: this session's, its place's and offer's, and the lists (home, timetables, search,
    // Start for Life, the chooser and the not-found page), each in three languages with their copies for partners.
    let pages = |paths: &mut dyn Iterator<Item = &String>| paths.filter(|p| p.ends_with(".html")).count();
    let (made, all) = (pages(&mut b.remade.iter()), pages(&mut b.files.keys()));
    assert!(made * 4 < all, "{made} of {all} pages made again: {:?}", b.remade);

    // Moving it to another place changes both places.
    edit(
        site,
        "content/sessions/baby-massage.md",
        "venue = \"northfield-hub\"",
        "venue = \"parkview-hub\"",
    );
    let b = step(site, &b, "moving a session");
    assert!(b.remade.contains("en/places/northfield-hub/index.html"));
    assert!(b.remade.contains("en/places/parkview-hub/index.html"));

    // A new session, copied from another under a new name.
    for lang in ["", ".bn", ".so"] {
        std::fs::copy(
            site.join(format!("content/sessions/baby-yoga{lang}.md")),
            site.join(format!("content/sessions/baby-yoga-too{lang}.md")),
        )
        .expect("copy");
    }
    let b = step(site, &b, "adding a session");
    assert!(b.remade.contains("so/activities/baby-yoga-too/index.html"));
    assert_eq!(remade(&b, "en/activities/"), 1);

    rename(site, "sessions", "baby-yoga-too", "yoga-for-babies");
    let b = step(site, &b, "renaming a session");
    assert!(b.files.contains_key("en/activities/yoga-for-babies/index.html"));
    assert!(
        !b.files.contains_key("en/activities/baby-yoga-too/index.html"),
        "the old name is gone"
    );

    delete(site, "sessions", "yoga-for-babies");
    let b = step(site, &b, "deleting a session");
    assert!(
        !b.files.keys().any(|p| p.contains("yoga-for-babies")),
        "nothing of it is left"
    );

    // Its English text: its English pages, not the Bengali and Somali ones, which show their translations.
    edit(
        site,
        "content/sessions/baby-massage.md",
        "Learn gentle massage",
        "Learn a gentle massage",
    );
    let b = step(site, &b, "changing a session's text");
    assert!(b.remade.contains("en/activities/baby-massage/index.html"));
    assert!(!b.remade.contains("bn/activities/baby-massage/index.html"));

    // A translation of an entry: that entry's pages in that language, and the lists.
    edit(
        site,
        "content/sessions/baby-massage.bn.md",
        "শিশুর ম্যাসাজ",
        "শিশুর হালকা ম্যাসাজ",
    );
    let b = step(site, &b, "changing a Bengali translation");
    assert!(b.remade.contains("bn/activities/baby-massage/index.html"));
    assert!(!b.remade.contains("en/activities/baby-massage/index.html"));

    // A hub: its own pages, its spokes (which name it) and the sessions there.
    edit(
        site,
        "content/hubs/northfield-hub.md",
        "A friendly place",
        "A warm, friendly place",
    );
    let b = step(site, &b, "changing a hub");
    assert!(b.remade.contains("en/places/northfield-hub/index.html"));

    // A hub's name is on the timetable beside every session there, though no session's file changed.
    edit(
        site,
        "content/hubs/northfield-hub.md",
        "title = \"Northfield Family Hub\"",
        "title = \"Northfield Family Centre\"",
    );
    let b = step(site, &b, "renaming a hub");
    assert!(b.remade.contains("en/timetable/index.html"));

    edit(
        site,
        "content/offers/bonding-with-your-baby.md",
        "Help to get close",
        "Help to feel close",
    );
    let b = step(site, &b, "changing an offer");
    assert!(b.remade.contains("en/start-for-life/bonding-with-your-baby/index.html"));

    // A mistake does not build; the fix builds from the last good site.
    edit(
        site,
        "content/sessions/baby-yoga.md",
        "+++\ntitle",
        "+++\ntitle = \ntitle",
    );
    let broken = hubsite::rebuild(site, TODAY, &hubsite::render::Quiet, Some(b.before()));
    assert!(broken.is_err(), "a broken file does not build");
    edit(
        site,
        "content/sessions/baby-yoga.md",
        "+++\ntitle = \ntitle",
        "+++\ntitle",
    );
    let b = step(site, &b, "fixing a mistake");

    // A message every page shows: everything is made again.
    edit(site, "locales/bn/site.ftl", "site-title = ", "site-title = নতুন ");
    let b = step(site, &b, "changing a Bengali message");
    assert_eq!(b.remade.len(), total, "{} of {total}", b.remade.len());

    // site.toml: everything again.
    let toml = std::fs::read_to_string(site.join("site.toml")).expect("site.toml");
    std::fs::write(site.join("site.toml"), format!("{toml}\n# a comment\n")).expect("write");
    let b = step(site, &b, "changing site.toml");
    assert_eq!(b.remade.len(), total);

    // Nothing changed: nothing is made again but the list of headers, and the result is still the same.
    let b = step(site, &b, "no change");
    assert_eq!(b.remade.iter().collect::<Vec<_>>(), ["_headers"]);
}
