//! Rebuilding after a change, as `hubsite serve` does: only what a change affects is rendered again, and after
//! any series of edits the site is the same, byte for byte, as a clean build of the same files.

mod common;

use std::path::{Path, PathBuf};

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

/// The paths of an entry and its translations, from the site folder, as `serve`'s watcher names them.
fn entry_files(folder: &str, slug: &str) -> Vec<String> {
    ["", ".bn", ".so"]
        .iter()
        .map(|lang| format!("content/{folder}/{slug}{lang}.md"))
        .collect()
}

/// Rebuilds from `last`, told as `serve` tells it which files changed since.
fn rebuild(site: &Path, last: &hubsite::Built, changed: &[String]) -> Result<hubsite::Built, hubsite::NotBuilt> {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let previous = last.before().with_changed(&changed);
    hubsite::rebuild(site, TODAY, &hubsite::render::Quiet, Some(previous))
}

/// Rebuilds from `last` and checks the result against a clean build of the same files; gives the new build.
fn step(site: &Path, last: &hubsite::Built, changed: &[String], what: &str) -> hubsite::Built {
    let next = rebuild(site, last, changed).unwrap_or_else(|e| panic!("after {what}: {}", e.report));
    same_as_clean(site, next, what)
}

/// Rebuilds from `last` as `step` does, when the site does not build: the problems are those of a clean build.
fn fails_as_clean(site: &Path, last: &hubsite::Built, changed: &[String], what: &str) {
    let next = rebuild(site, last, changed);
    let full = hubsite::build(site, TODAY, &hubsite::render::Quiet);
    match (next, full) {
        (Err(next), Err(full)) => {
            assert_eq!(next.report, full.report, "after {what}, the same problems");
            assert_eq!(next.why, full.why, "after {what}");
        }
        (next, full) => panic!(
            "after {what}, the rebuild built: {}, a clean build built: {}",
            next.is_ok(),
            full.is_ok()
        ),
    }
}

fn same_as_clean(site: &Path, next: hubsite::Built, what: &str) -> hubsite::Built {
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
    // What pages were made from is remembered only for pages that are still there.
    let gone: Vec<&String> = next
        .memo
        .remembered()
        .filter(|p| !next.files.contains_key(*p))
        .collect();
    assert!(gone.is_empty(), "after {what}, remembered: {gone:?}");
    next
}

fn names(paths: &[&str]) -> Vec<String> {
    paths.iter().map(|p| p.to_string()).collect()
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
    let massage = names(&["content/sessions/baby-massage.md"]);
    let b = step(site, &first, &massage, "changing a session");
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
    let b = step(site, &b, &massage, "moving a session");
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
    let b = step(site, &b, &entry_files("sessions", "baby-yoga-too"), "adding a session");
    assert!(b.remade.contains("so/activities/baby-yoga-too/index.html"));
    assert_eq!(remade(&b, "en/activities/"), 1);

    rename(site, "sessions", "baby-yoga-too", "yoga-for-babies");
    let both = [
        entry_files("sessions", "baby-yoga-too"),
        entry_files("sessions", "yoga-for-babies"),
    ]
    .concat();
    let b = step(site, &b, &both, "renaming a session");
    assert!(b.files.contains_key("en/activities/yoga-for-babies/index.html"));
    assert!(
        !b.files.contains_key("en/activities/baby-yoga-too/index.html"),
        "the old name is gone"
    );

    delete(site, "sessions", "yoga-for-babies");
    let b = step(
        site,
        &b,
        &entry_files("sessions", "yoga-for-babies"),
        "deleting a session",
    );
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
    let b = step(site, &b, &massage, "changing a session's text");
    assert!(b.remade.contains("en/activities/baby-massage/index.html"));
    assert!(!b.remade.contains("bn/activities/baby-massage/index.html"));

    // A translation of an entry: that entry's pages in that language, and the lists.
    edit(
        site,
        "content/sessions/baby-massage.bn.md",
        "শিশুর ম্যাসাজ",
        "শিশুর হালকা ম্যাসাজ",
    );
    let bengali = names(&["content/sessions/baby-massage.bn.md"]);
    let b = step(site, &b, &bengali, "changing a Bengali translation");
    assert!(b.remade.contains("bn/activities/baby-massage/index.html"));
    assert!(!b.remade.contains("en/activities/baby-massage/index.html"));

    // A hub: its own pages, its spokes (which name it) and the sessions there.
    edit(
        site,
        "content/hubs/northfield-hub.md",
        "A friendly place",
        "A warm, friendly place",
    );
    let b = step(site, &b, &names(&["content/hubs/northfield-hub.md"]), "changing a hub");
    assert!(b.remade.contains("en/places/northfield-hub/index.html"));

    // A hub's name is on the timetable beside every session there, though no session's file changed.
    edit(
        site,
        "content/hubs/northfield-hub.md",
        "title = \"Northfield Family Hub\"",
        "title = \"Northfield Family Centre\"",
    );
    let b = step(site, &b, &names(&["content/hubs/northfield-hub.md"]), "renaming a hub");
    assert!(b.remade.contains("en/timetable/index.html"));

    edit(
        site,
        "content/offers/bonding-with-your-baby.md",
        "Help to get close",
        "Help to feel close",
    );
    let offer = names(&["content/offers/bonding-with-your-baby.md"]);
    let b = step(site, &b, &offer, "changing an offer");
    assert!(b.remade.contains("en/start-for-life/bonding-with-your-baby/index.html"));

    // A mistake does not build; the fix builds from the last good site.
    edit(
        site,
        "content/sessions/baby-yoga.md",
        "+++\ntitle",
        "+++\ntitle = \ntitle",
    );
    let yoga = names(&["content/sessions/baby-yoga.md"]);
    assert!(rebuild(site, &b, &yoga).is_err(), "a broken file does not build");
    edit(
        site,
        "content/sessions/baby-yoga.md",
        "+++\ntitle = \ntitle",
        "+++\ntitle",
    );
    let b = step(site, &b, &yoga, "fixing a mistake");

    // A message every page shows: everything is made again.
    edit(site, "locales/bn/site.ftl", "site-title = ", "site-title = নতুন ");
    let b = step(site, &b, &names(&["locales/bn/site.ftl"]), "changing a Bengali message");
    assert_eq!(b.remade.len(), total, "{} of {total}", b.remade.len());

    // site.toml: everything again.
    let toml = std::fs::read_to_string(site.join("site.toml")).expect("site.toml");
    std::fs::write(site.join("site.toml"), format!("{toml}\n# a comment\n")).expect("write");
    let b = step(site, &b, &names(&["site.toml"]), "changing site.toml");
    assert_eq!(b.remade.len(), total);

    // A new translation of an entry that had none: the file is found without walking content/ again.
    let council = "content/organisations/eastbrook-council.bn.md";
    std::fs::write(
        site.join(council),
        "+++\ntitle = \"Eastbrook কাউন্সিল\"\nsummary = \"এলাকার কাউন্সিল।\"\n+++\n\nকাউন্সিল।\n",
    )
    .expect("write");
    let b = step(site, &b, &names(&[council]), "adding a translation");

    // A first Bengali translation of a session: its Bengali page now exists in its own words, and the sitemap lists
    // the page in Bengali beside the English one.
    let swim = "content/sessions/family-swim.bn.md";
    std::fs::write(
        site.join(swim),
        "+++\ntitle = \"পরিবারের সাঁতার\"\nsummary = \"পুরো পরিবার একসাথে সাঁতার কাটুন।\"\n+++\n\nপুরো পরিবার একসাথে জলে খেলুন।\n",
    )
    .expect("write");
    let b = step(site, &b, &names(&[swim]), "translating a session for the first time");
    assert!(b.remade.contains("sitemap.xml"));

    // A file that is not an entry, beside the entries: the problem shows as on a clean build, and goes with it.
    let notes = names(&["content/sessions/notes.txt"]);
    std::fs::write(site.join(&notes[0]), "to do\n").expect("write");
    fails_as_clean(site, &b, &notes, "adding a file that is not an entry");
    std::fs::remove_file(site.join(&notes[0])).expect("delete");
    let b = step(site, &b, &notes, "deleting a file that is not an entry");

    // A file in a new folder hubsite does not know. Only the file is named, as a watcher that missed the folder
    // would: its folder is not in the walk, so content/ is walked again.
    std::fs::create_dir(site.join("content/leaflets")).expect("folder");
    std::fs::write(site.join("content/leaflets/flyer.md"), "+++\ntitle = \"Flyer\"\n+++\n").expect("write");
    fails_as_clean(
        site,
        &b,
        &names(&["content/leaflets/flyer.md"]),
        "adding a file in a new folder",
    );
    std::fs::remove_dir_all(site.join("content/leaflets")).expect("delete");
    let b = step(site, &b, &names(&["content/leaflets"]), "deleting a folder");

    // Every file of the site named, though only one changed.
    edit(
        site,
        "content/sessions/baby-yoga.md",
        "Gentle stretches",
        "Gentle stretching",
    );
    let mut every = vec!["site.toml".to_string()];
    for part in ["content", "locales", "themes"] {
        for item in walkdir::WalkDir::new(site.join(part)) {
            let item = item.expect("walk");
            let rel = item.path().strip_prefix(site).expect("in the site");
            every.push(rel.to_string_lossy().into_owned());
        }
    }
    let b = step(site, &b, &every, "naming every file");

    // Not knowing what changed: every file is read again.
    edit(
        site,
        "content/hubs/northfield-hub.md",
        "A warm, friendly place",
        "A warm place",
    );
    let unknown = hubsite::rebuild(site, TODAY, &hubsite::render::Quiet, Some(b.before()))
        .unwrap_or_else(|e| panic!("after not knowing what changed: {}", e.report));
    let b = same_as_clean(site, unknown, "not knowing what changed");

    // Staff words in one session: its warning is in the report, as on a clean build, though the plain-language
    // check scans only the texts that changed.
    edit(
        site,
        "content/sessions/baby-yoga.md",
        "Bring a towel",
        "Staff can signpost you. Bring a towel",
    );
    let yoga_file = names(&["content/sessions/baby-yoga.md"]);
    let b = step(site, &b, &yoga_file, "writing a staff word");
    assert!(b.report.contains("content/sessions/baby-yoga.md:"), "{}", b.report);
    assert!(b.report.contains("\"signpost\" is staff language"), "{}", b.report);

    // A new entry whose name comes before the others: every file after it moves along the list of files, and the
    // warning kept for baby-yoga must still name baby-yoga, not the file now in its place.
    let first_hub = "content/hubs/aaa-hub.md";
    std::fs::copy(site.join("content/hubs/northfield-hub.md"), site.join(first_hub)).expect("copy");
    let b = step(site, &b, &names(&[first_hub]), "adding an entry named first");
    assert!(b.report.contains("content/sessions/baby-yoga.md:"), "{}", b.report);

    // A word of the site's own glossary: texts that did not change have a new warning. (The glossary is there
    // before the word is, so no file moves along the list of files.)
    let glossary = "content/glossary.toml";
    std::fs::write(site.join(glossary), "[\"flannel\"]\nsay = \"cloth\"\n").expect("write");
    let b = step(site, &b, &names(&[glossary]), "adding a glossary");
    edit(site, glossary, "flannel", "towel");
    let b = step(site, &b, &names(&[glossary]), "adding a glossary term");
    assert!(b.report.contains("\"towel\" is staff language"), "{}", b.report);
    std::fs::remove_file(site.join(glossary)).expect("delete");
    let b = step(site, &b, &names(&[glossary]), "deleting the glossary");
    assert!(!b.report.contains("\"towel\""), "{}", b.report);

    // Nothing changed: nothing is made again but the list of headers, and the result is still the same.
    let b = step(site, &b, &[], "no change");
    assert_eq!(b.remade.iter().collect::<Vec<_>>(), ["_headers"]);
}

/// What a rebuild shows before it ends, as `serve` is given it: each time, the files and whether any differs.
#[derive(Default)]
struct Shown(std::sync::Mutex<Vec<(hubsite::render::SiteFiles, bool)>>);

impl hubsite::render::Progress for Shown {
    fn made_early(&self, files: hubsite::render::SiteFiles, changed: bool) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push((files, changed));
    }
}

fn rebuild_showing(site: &Path, last: &hubsite::Built, changed: &[String]) -> (Result<hubsite::Built, String>, Shown) {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let shown = Shown::default();
    let next = hubsite::rebuild(site, TODAY, &shown, Some(last.before().with_changed(&changed)));
    (next.map_err(|e| e.report), shown)
}

#[test]
fn files_shown_before_a_rebuild_ends_are_its_own_and_none_are_of_a_change_bound_to_fail() {
    let site = example();
    let site = site.path();
    let first = clean(site);

    // A session's title: its own pages first, then the pages that list it, each the same as the whole build's.
    let session = "content/sessions/baby-massage.md";
    edit(
        site,
        session,
        "title = \"Baby massage\"",
        "title = \"Baby massage and songs\"",
    );
    let (next, shown) = rebuild_showing(site, &first, &names(&[session]));
    let next = next.unwrap_or_else(|report| panic!("{report}"));
    let shown = shown.0.into_inner().unwrap_or_else(|e| e.into_inner());
    assert_eq!(shown.len(), 2, "the entries, then the lists");
    assert!(shown.iter().all(|(_, changed)| *changed));
    assert!(shown[0].0.contains_key("bn/activities/baby-massage/index.html"));
    assert!(!shown[0].0.contains_key("en/timetable/index.html"));
    assert!(shown[1].0.contains_key("so/timetable/index.html"));
    assert!(
        !shown[1]
            .0
            .keys()
            .any(|p| p.contains("/search/") && p.ends_with(".json")),
        "no search index yet"
    );
    for (path, bytes) in shown.iter().flat_map(|(files, _)| files) {
        assert_eq!(next.files.get(path), Some(bytes), "{path} as the whole build has it");
    }
    let next = same_as_clean(site, next, "a title shown early");

    // The hub's name, which the timetables show, and an acronym in its address, which only its own page shows
    // (an address is not read by the check of the text): the change is bound to fail, so nothing of it is shown,
    // not even the timetables, which have no acronym.
    let hub = "content/hubs/northfield-hub.md";
    edit(
        site,
        hub,
        "title = \"Northfield Family Hub\"",
        "title = \"Northfield Hub\"",
    );
    edit(
        site,
        hub,
        "address = [\"12 Mill Road\"",
        "address = [\"CofE Hall\", \"12 Mill Road\"",
    );
    let (failed, shown) = rebuild_showing(site, &next, &names(&[hub]));
    assert!(failed.is_err_and(|report| report.contains("error[acronym]: \"CofE\"")));
    assert_eq!(shown.0.into_inner().unwrap_or_else(|e| e.into_inner()).len(), 0);
}
