//! The built example site, page by page: languages and alternates on every page, structured data, the timetable
//! and the printable Start for Life, and snapshots of the part of one page of each kind that matters.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;

const LANGS: [&str; 3] = ["en", "bn", "so"];
const BASE: &str = "https://familyhubs.eastbrook.example";

/// A page's language and the rest of its path: `bn/places/x/index.html` → `("bn", "places/x/index.html")`.
fn split(path: &str) -> Option<(&str, &str)> {
    let (lang, rest) = path.split_once('/')?;
    LANGS.contains(&lang).then_some((lang, rest))
}

/// A page shown in the source language under a notice, because it is not translated.
fn is_fallback(page: &str) -> bool {
    page.contains("<p class=\"notice\">")
}

fn alternates(page: &str) -> BTreeMap<String, String> {
    page.match_indices("<link rel=\"alternate\" hreflang=\"")
        .filter_map(|(i, m)| {
            let rest = &page[i + m.len()..];
            let (lang, rest) = rest.split_once('"')?;
            let href = rest.strip_prefix(" href=\"")?.split('"').next()?;
            Some((lang.to_string(), href.to_string()))
        })
        .collect()
}

/// The entries of the example site without a translation into `lang`, by the address of their page, worked out
/// from the content files rather than from the built pages.
fn untranslated(lang: &str) -> BTreeSet<String> {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut out = BTreeSet::new();
    for (folder, section) in [
        ("hubs", "places/"),
        ("spokes", "places/"),
        ("sessions", "activities/"),
        ("offers", "start-for-life/"),
        ("pages", ""),
    ] {
        let names: BTreeSet<String> = std::fs::read_dir(content.join(folder))
            .expect("folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        for name in &names {
            let Some(slug) = name.strip_suffix(".md").or(name.strip_suffix(".toml")) else {
                continue;
            };
            if slug.contains('.') {
                continue;
            }
            if !names.contains(&format!("{slug}.{lang}.md")) && !names.contains(&format!("{slug}.{lang}.toml")) {
                out.insert(format!("{section}{slug}/index.html"));
            }
        }
    }
    out
}

#[test]
fn every_page_has_the_right_language_and_alternates() {
    let (_dir, tree) = built();
    // English is the source language: every entry is in it.
    let missing: BTreeMap<&str, BTreeSet<String>> = LANGS
        .iter()
        .map(|l| (*l, if *l == "en" { BTreeSet::new() } else { untranslated(l) }))
        .collect();
    assert!(
        missing["bn"].contains("activities/family-swim/index.html"),
        "{:?}",
        missing["bn"]
    );
    let mut checked = 0;
    // The chrome-free copies for partners' sites have no alternates: tests/partners.rs checks them.
    for (path, bytes) in tree
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("embed/"))
    {
        let page = String::from_utf8_lossy(bytes);
        let Some((lang, rest)) = split(path) else {
            assert!(page.contains("<html lang=\"en\">"), "{path} is in the source language");
            continue;
        };
        assert!(
            page.contains(&format!("<html lang=\"{lang}\">")),
            "{path}: wrong lang on <html>"
        );
        // A page is shown under a notice exactly when its entry has no translation into the page's language.
        assert_eq!(is_fallback(&page), missing[lang].contains(rest), "{path}: notice");
        // An alternate exists for exactly the languages this page really is in.
        let mut expected: BTreeMap<String, String> = LANGS
            .iter()
            .filter(|l| !missing[*l].contains(rest))
            .map(|l| {
                (
                    l.to_string(),
                    format!("{BASE}/{l}/{}", rest.trim_end_matches("index.html")),
                )
            })
            .collect();
        if rest == "index.html" {
            expected.insert("x-default".into(), format!("{BASE}/"));
        }
        assert_eq!(alternates(&page), expected, "{path}: hreflang alternates");
        if is_fallback(&page) {
            assert!(
                page.contains("<h1 lang=\"en\">"),
                "{path}: the English text is marked as English"
            );
            assert!(
                !page.contains("<article lang="),
                "{path}: the labels around it are in the page's language"
            );
        }
        // The switcher leads to this same page in each other language.
        for other in LANGS.iter().filter(|l| **l != lang) {
            let link = format!(
                "<a href=\"/{other}/{}\" lang=\"{other}\" hreflang=\"{other}\">",
                rest.trim_end_matches("index.html")
            );
            assert!(page.contains(&link), "{path}: no switcher link to {other}");
        }
        // Every lang attribute names a language of the site.
        for (i, _) in page.match_indices(" lang=\"") {
            let value = page[i + 7..].split('"').next().unwrap_or("");
            assert!(LANGS.contains(&value), "{path}: lang=\"{value}\"");
        }
        checked += 1;
    }
    assert!(checked > 300, "only {checked} pages checked");
}

/// Whether the text at `at` sits directly inside an element marked `lang="en"`, or inside a translator's own text
/// (where an English name in a Bengali sentence is the translator's choice).
fn marked_english(page: &str, at: usize) -> bool {
    let before = &page[..at];
    let in_text = before
        .rfind("<div class=\"text\"")
        .is_some_and(|div| !before[div..].contains("</div>"));
    in_text
        || before
            .rfind('<')
            .is_some_and(|open| before[open..].contains(" lang=\"en\""))
}

#[test]
fn english_text_on_other_language_pages_is_marked_as_english() {
    let (_dir, tree) = built();
    let mut unmarked = Vec::new();
    for lang in ["bn", "so"] {
        // The titles and summaries of the entries not translated into this language.
        let mut texts = BTreeSet::new();
        for page in untranslated(lang) {
            let en = html(&tree, &format!("en/{page}"));
            texts.insert(en[en.find("<h1>").expect("h1") + 4..en.find("</h1>").expect("h1")].to_string());
            if let Some(i) = en.find("<p class=\"summary\">") {
                let rest = &en[i + 19..];
                texts.insert(rest[..rest.find("</p>").expect("p")].to_string());
            }
        }
        assert!(texts.len() > 4, "{texts:?}");
        for (path, bytes) in tree
            .iter()
            .filter(|(p, _)| p.starts_with(&format!("{lang}/")) && p.ends_with(".html"))
        {
            let page = String::from_utf8_lossy(bytes);
            let body = page.find("<body>").unwrap_or(0);
            for text in &texts {
                for (i, _) in page[body..].match_indices(&format!(">{text}<")) {
                    if !marked_english(&page, body + i + 1) {
                        unmarked.push(format!("{path}: {text}"));
                    }
                }
            }
        }
    }
    assert!(
        unmarked.is_empty(),
        "English text without lang=\"en\":\n{}",
        unmarked.join("\n")
    );
}

#[test]
fn every_page_has_structured_data_that_parses() {
    let (_dir, tree) = built();
    let mut types = BTreeSet::new();
    // A copy for partners' sites leaves the structured data to the page it copies.
    for (path, bytes) in tree
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("embed/"))
    {
        let page = String::from_utf8_lossy(bytes);
        let Some(start) = page.find("<script type=\"application/ld+json\">") else {
            let offer =
                path.contains("/start-for-life/") && path.matches('/').count() == 3 && !path.contains("/print/");
            assert!(
                !path.contains("/places/") && !path.contains("/activities/") && !offer,
                "{path} has no structured data"
            );
            continue;
        };
        let json = &page[start + 35..];
        let json = &json[..json.find("</script>").expect("closed")];
        let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}"));
        let kind = value["@type"].as_str().unwrap_or_default().to_string();
        let expected = match path.split('/').nth(1) {
            Some("places") => "Place",
            Some("activities") => "Event",
            Some("start-for-life") => "GovernmentService",
            _ => "",
        };
        assert_eq!(kind, expected, "{path}");
        assert_eq!(
            value["url"],
            format!("{BASE}/{}", path.trim_end_matches("index.html")),
            "{path}"
        );
        types.insert(kind);
    }
    assert_eq!(types.len(), 3, "{types:?}");
    // A weekly session says its schedule; a place says its opening hours.
    let massage = html(&tree, "en/activities/baby-massage/index.html");
    // Baby massage runs on Tuesdays in term time: one schedule per term, so the holidays are left out.
    assert!(massage.contains("\"eventSchedule\":[{\"@type\":\"Schedule\",\"byDay\":[\"https://schema.org/Tuesday\"],\"endDate\":\"2026-12-18\",\"endTime\":\"11:00\",\"repeatFrequency\":\"P1W\",\"scheduleTimezone\":\"Europe/London\",\"startDate\":\"2026-11-02\",\"startTime\":\"10:00\"},{\"@type\":\"Schedule\",\"byDay\":[\"https://schema.org/Tuesday\"],\"endDate\":\"2027-02-12\""), "{massage}");
    assert!(html(&tree, "en/places/northfield-hub/index.html").contains("\"openingHoursSpecification\":[{"));
}

#[test]
fn the_timetable_lists_the_week_by_day_for_everyone_each_area_and_each_kind() {
    let (_dir, tree) = built();
    let week = html(&tree, "en/timetable/index.html");
    assert!(
        week.contains("<h2 id=\"day-2026-11-23\">Today, Monday 23 November 2026</h2>"),
        "{week}"
    );
    assert!(week.contains("<h2 id=\"day-2026-11-29\">Sunday 29 November 2026</h2>"));
    // Baby massage runs every Tuesday in term time.
    let tuesday = &week[week.find("\">Tuesday 24 November 2026</h2>").expect("Tuesday")..];
    let tuesday = &tuesday[..tuesday.find("</section>").expect("end")];
    assert!(
        tuesday.contains(
            "<span class=\"time\">10:00 to 11:00</span> <a href=\"/en/activities/baby-massage/\">Baby massage</a>"
        ),
        "{tuesday}"
    );
    for lang in LANGS {
        for area in ["northfield", "canal-side", "old-town", "parkview"] {
            assert!(
                tree.contains_key(&format!("{lang}/timetable/area/{area}/index.html")),
                "{lang} {area}"
            );
        }
        assert!(tree.contains_key(&format!("{lang}/timetable/kind/stay-and-play/index.html")));
    }
    // A list for one area has only that area's activities; the Northfield hub's baby massage is not in Old Town.
    let old_town = html(&tree, "en/timetable/area/old-town/index.html");
    assert!(!old_town.contains("/en/activities/baby-massage/"));
    assert!(html(&tree, "en/timetable/area/northfield/index.html").contains("/en/activities/baby-massage/"));
    let kind = html(&tree, "bn/timetable/kind/stay-and-play/index.html");
    assert!(kind.contains("<h1>থাকুন ও খেলুন: এই সপ্তাহে কী হচ্ছে</h1>"), "{kind}");
}

#[test]
fn start_for_life_prints_as_one_publication() {
    let (_dir, tree) = built();
    let print = html(&tree, "en/start-for-life/print/index.html");
    for offer in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/offers")).expect("offers") {
        let name = offer.expect("entry").file_name().to_string_lossy().into_owned();
        let Some(slug) = name.strip_suffix(".md").filter(|s| !s.contains('.')) else {
            continue;
        };
        let page = html(&tree, &format!("en/start-for-life/{slug}/index.html"));
        let title = &page[page.find("<h1>").expect("h1") + 4..page.find("</h1>").expect("h1")];
        assert!(
            print.contains(&format!("<h3>{title}</h3>")),
            "{title} is in the publication"
        );
    }
    assert!(html(&tree, "en/start-for-life/index.html").contains("href=\"/en/start-for-life/print/\""));
    assert!(tree.contains_key("so/start-for-life/print/index.html"));
}

/// The part of a page that matters: its structured data and its main landmark.
fn fragment(page: &str) -> String {
    let mut out = String::new();
    if let Some(i) = page.find("<script type=\"application/ld+json\">") {
        out.push_str(&page[i..i + page[i..].find("</script>").unwrap_or(0) + 9]);
        out.push('\n');
    }
    let main = page.find("<main").expect("a main landmark");
    let end = page.find("</main>").expect("main ends") + 7;
    out.push_str(&page[main..end]);
    out.push('\n');
    out
}

#[test]
fn snapshots_of_one_page_of_each_kind() {
    let (_dir, tree) = built();
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let bless = std::env::var_os("BLESS").is_some();
    let mut differ = Vec::new();
    for (name, path) in [
        ("chooser", "index.html"),
        ("not-found", "404.html"),
        ("home", "en/index.html"),
        ("hub", "bn/places/northfield-hub/index.html"),
        ("spoke", "so/places/willow-tree-nursery/index.html"),
        ("activity", "en/activities/baby-massage/index.html"),
        ("activity-untranslated", "bn/activities/family-swim/index.html"),
        ("offer", "so/start-for-life/feeding-your-baby/index.html"),
        ("start-for-life", "bn/start-for-life/index.html"),
        ("print", "en/start-for-life/print/index.html"),
        ("timetable", "bn/timetable/index.html"),
        ("timetable-area", "en/timetable/area/old-town/index.html"),
        ("page", "en/about/index.html"),
        ("search", "bn/search/index.html"),
    ] {
        let actual = fragment(&html(&tree, path));
        let file = snapshots.join(format!("{name}.html"));
        if bless {
            std::fs::create_dir_all(&snapshots).expect("snapshot folder");
            std::fs::write(&file, &actual).expect("write snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&file).unwrap_or_default();
        if expected != actual {
            differ.push(format!(
                "{name} ({path}): run BLESS=1 cargo test --test site to see the change in git diff"
            ));
        }
    }
    assert!(differ.is_empty(), "snapshots differ:\n{}", differ.join("\n"));
}

/// Counts what a progress bar would be told.
#[derive(Default)]
struct Counter {
    expected: std::sync::atomic::AtomicUsize,
    ticks: std::sync::atomic::AtomicUsize,
}

impl hubsite::render::Progress for Counter {
    fn start(&self, pages: usize) {
        self.expected.store(pages, std::sync::atomic::Ordering::SeqCst);
    }
    fn grow(&self, pages: usize) {
        self.expected.fetch_add(pages, std::sync::atomic::Ordering::SeqCst);
    }
    fn tick(&self) {
        self.ticks.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn the_progress_bar_knows_its_length_and_the_closing_line_counts_every_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = hubsite::check(root).expect("the example site loads");
    let counter = Counter::default();
    let today = time::macros::date!(2026 - 11 - 23);
    let files = hubsite::render::site(&checked, today, &counter).expect("renders");
    let pages = files.keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(counter.expected.into_inner(), pages);
    assert_eq!(counter.ticks.into_inner(), pages);

    let dir = tempfile::tempdir().expect("temp dir");
    let run = build_into(root, &dir.path().join("public"));
    let line = run.stdout.lines().last().unwrap_or_default();
    let prefix = format!("Built {pages} pages in 3 languages in ");
    assert!(line.starts_with(&prefix) && line.contains(" ms, into "), "{line}");
}

#[test]
fn the_timetable_skips_closures_and_school_holidays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let run = hubsite(
        &["build", "--out", &out.to_string_lossy(), "--today", "2026-12-21"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let week = std::fs::read_to_string(out.join("en/timetable/index.html")).expect("built");
    let day = |heading: &str| -> String {
        let start = week
            .find(&format!("\">{heading}</h2>"))
            .unwrap_or_else(|| panic!("{heading}"));
        let rest = &week[start..];
        rest[..rest.find("</section>").expect("end")].to_string()
    };
    // Everything is closed from Christmas Eve; the school holiday starts after 18 December.
    for closed in [
        "Thursday 24 December 2026",
        "Friday 25 December 2026",
        "Sunday 27 December 2026",
    ] {
        assert!(day(closed).contains("<p>Nothing is on this day.</p>"), "{closed}");
    }
    // Baby massage is term time only, so it is not on in the holiday; sessions that are not term-time still are.
    let tuesday = day("Tuesday 22 December 2026");
    assert!(!tuesday.contains("/en/activities/baby-massage/"), "{tuesday}");
    assert!(
        tuesday.contains("<li>"),
        "something still runs in the holiday: {tuesday}"
    );
}
