//! `hubsite build` on the example site: every page in every language, links that resolve, nothing from other
//! hosts, within the page budget, the same bytes every time, and a failed build that changes nothing.

mod common;

use std::collections::BTreeSet;
use std::io::Write;

use common::*;

#[test]
fn every_entry_has_its_page_in_every_language() {
    let (_dir, tree) = built();
    let content = root().join("content");
    for (folder, section) in [
        ("hubs", "places"),
        ("spokes", "places"),
        ("sessions", "activities"),
        ("offers", "start-for-life"),
    ] {
        for e in std::fs::read_dir(content.join(folder))
            .expect("folder")
            .filter_map(Result::ok)
        {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(slug) = name.strip_suffix(".md").filter(|s| !s.contains('.')) else {
                continue;
            };
            for lang in ["en", "bn", "so"] {
                let path = format!("{lang}/{section}/{slug}/index.html");
                let page = html(&tree, &path);
                assert!(
                    page.starts_with(&format!("<!doctype html>\n<html lang=\"{lang}\">")),
                    "{path}"
                );
            }
        }
    }
    for page in [
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "en/index.html",
        "bn/start-for-life/index.html",
        "so/about/index.html",
    ] {
        assert!(tree.contains_key(page), "{page}");
    }
}

#[test]
fn every_internal_link_resolves_and_nothing_is_fetched_from_elsewhere() {
    let (_dir, tree) = built();
    let mut broken = Vec::new();
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes);
        for href in attr_values(&page, "href").into_iter().map(unescape) {
            if !resolves(&tree, &href) {
                broken.push(format!("{path} → {href}"));
            }
        }
        // Nothing the browser loads by itself but the site's own scripts: search on the search pages, and on the
        // copies for partners the one that tells the frame their height; and <link> only for language alternates,
        // the oEmbed description and a copy's canonical page, none of which a browser fetches.
        for src in attr_values(&page, "src") {
            let script = if path.starts_with("embed/") {
                "/embed-height.js"
            } else if path.ends_with("/search/index.html") {
                "/search.js"
            } else {
                ""
            };
            assert_eq!(src, script, "{path} loads {src}");
            assert!(tree.contains_key(&src[1..]), "{src}");
        }
        for (i, _) in page.match_indices("<link ") {
            let tag = &page[i..i + page[i..].find('>').unwrap_or(0)];
            assert!(
                tag.contains("rel=\"alternate\"") || tag.contains("rel=\"canonical\""),
                "{path}: {tag}"
            );
        }
        assert!(
            !page.contains("@import") && !page.contains("url("),
            "{path} pulls in CSS from somewhere"
        );
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_page_fits_in_one_round_trip() {
    let (_dir, tree) = built();
    let mut heaviest = (0, String::new());
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(bytes).expect("gzip");
        let size = gz.finish().expect("gzip").len();
        // The CSS is inside each page, so the page is all a browser needs.
        assert!(
            size <= 14_600,
            "{path} is {size} bytes gzipped, over the 14,600-byte budget"
        );
        heaviest = heaviest.max((size, path.clone()));
    }
    eprintln!("heaviest page: {} at {} bytes gzipped", heaviest.1, heaviest.0);
}

#[test]
fn languages_alternates_and_the_missing_translation_notice() {
    let (_dir, tree) = built();
    // A translated session: every language is an alternate, and the Bengali page is in Bengali.
    let bn = html(&tree, "bn/activities/baby-massage/index.html");
    for lang in ["en", "bn", "so"] {
        assert!(
            bn.contains(&format!(
                "hreflang=\"{lang}\" href=\"https://familyhubs.eastbrook.example/{lang}/activities/baby-massage/\""
            )),
            "{lang}"
        );
    }
    assert!(bn.contains("<h1>শিশুর ম্যাসাজ</h1>"), "Bengali title");
    assert!(!bn.contains("class=\"notice\""));
    // An untranslated session: English text marked as English, under a notice in the reader's language,
    // and no Bengali or Somali alternate.
    let swim = html(&tree, "bn/activities/family-swim/index.html");
    assert!(swim.contains("<html lang=\"bn\">"));
    assert!(
        swim.contains("<p class=\"notice\">এই পাতাটি এখনো বাংলায় অনুবাদ করা হয়নি।"),
        "notice in Bengali"
    );
    assert!(
        swim.contains("<h1 lang=\"en\">Family swim</h1>"),
        "English text marked as English"
    );
    assert!(swim.contains("hreflang=\"en\""));
    assert!(
        !swim.contains("hreflang=\"bn\" href") && !swim.contains("hreflang=\"so\" href=\"https"),
        "no alternates for missing translations"
    );
    let so = html(&tree, "so/activities/family-swim/index.html");
    assert!(
        so.contains("<p class=\"notice\">Boggan weli looma turjumin Soomaali."),
        "notice in Somali"
    );
    // The language switcher leads to the same page in the other languages, each name in its own script.
    assert!(
        bn.contains("<a href=\"/so/activities/baby-massage/\" lang=\"so\" hreflang=\"so\">Soomaali</a>"),
        "{bn}"
    );
    assert!(bn.contains("lang=\"en\" hreflang=\"en\">English</a>"));
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = built();
    let (_b, second) = built();
    assert_eq!(first.len(), second.len());
    for (path, bytes) in &first {
        assert!(second.get(path) == Some(bytes), "{path} differs between builds");
    }
}

/// `build` writes each file as soon as it is made; `serve` keeps the site in memory. Both must make the same site.
#[test]
fn writing_files_as_they_are_made_gives_the_same_site_as_building_in_memory() {
    let (_dir, mut written) = built();
    // The one file a build adds on disk: its mark that the folder is its own to replace.
    assert_eq!(
        written.remove(hubsite::output::MARKER).as_deref(),
        Some(hubsite::output::MARKER_TEXT.as_bytes())
    );
    let today = time::macros::date!(2026 - 11 - 23);
    let in_memory = hubsite::build(root(), today, &hubsite::render::Quiet).unwrap_or_else(|e| panic!("{}", e.report));
    let in_memory: std::collections::BTreeMap<String, Vec<u8>> = in_memory
        .files
        .iter()
        .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
        .collect();
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        in_memory.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &written {
        assert!(in_memory.get(path) == Some(bytes), "{path} differs");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_dir(&fixtures().join("valid"), &site);
    let out = dir.path().join("public");
    assert_eq!(build_into(&site, &out).code, 0);
    let before = read_tree(&out);
    assert!(before.contains_key("bn/activities/baby-rhymes/index.html"));

    let session = site.join("content/sessions/baby-rhymes.md");
    let text = std::fs::read_to_string(&session).expect("read");
    std::fs::write(&session, text.replace("from = \"10:00\"", "from = \"9:30\"")).expect("write");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error[bad-time]") && run.stderr.contains("Nothing was written."),
        "{}",
        run.stderr
    );
    assert_eq!(read_tree(&out), before, "the previous site is exactly as it was");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary folders left behind: {leftovers:?}");
}

#[test]
fn raw_html_and_script_links_from_content_never_reach_a_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_dir(&fixtures().join("valid"), &site);
    let page = site.join("content/pages/about.md");
    let text = std::fs::read_to_string(&page).expect("read");
    std::fs::write(
        &page,
        format!("{text}\n<script>alert(1)</script>\n\n<img src=\"https://tracker.example/x.gif\">\n"),
    )
    .expect("write");
    let out = dir.path().join("public");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 0, "raw HTML is a warning: {}", run.stderr);
    assert!(run.stderr.contains("warning[raw-html]"), "{}", run.stderr);
    let built = std::fs::read_to_string(out.join("en/about/index.html")).expect("built");
    assert!(
        !built.contains("<script") && !built.contains("tracker.example"),
        "{built}"
    );
}

#[test]
fn the_inline_stylesheet_is_not_escaped() {
    let (_dir, tree) = built();
    let page = html(&tree, "en/index.html");
    assert!(
        page.contains("\"Segoe UI\""),
        "font names keep their quotes inside <style>"
    );
    assert!(
        page.contains(":lang(bn){line-height:1.7}"),
        "Bengali text gets room for its vowel signs"
    );
}

#[test]
fn activity_pages_show_the_next_dates_in_plain_words() {
    let (_dir, tree) = built();
    // Every Tuesday in term time; the term ends on 18 December.
    let en = html(&tree, "en/activities/baby-massage/index.html");
    assert!(en.contains("<li>Every Tuesday, 10:00 to 11:00</li>"), "{en}");
    assert!(en.contains("<p>Term time only</p>"));
    assert!(
        en.contains(concat!(
            "<ul><li><time datetime=\"2026-11-24T10:00\">Tuesday 24 November 2026, 10:00 to 11:00</time></li>",
            "<li><time datetime=\"2026-12-01T10:00\">Tuesday 1 December 2026, 10:00 to 11:00</time></li>",
            "<li><time datetime=\"2026-12-08T10:00\">Tuesday 8 December 2026, 10:00 to 11:00</time></li>",
            "<li><time datetime=\"2026-12-15T10:00\">Tuesday 15 December 2026, 10:00 to 11:00</time></li></ul>"
        )),
        "{en}"
    );
    // The rest of the next 12 weeks, after the Christmas holiday, behind "more dates".
    assert!(
        en.contains(concat!(
            "<details><summary>More dates in the next 12 weeks</summary><ul>",
            "<li><time datetime=\"2027-01-05T10:00\">Tuesday 5 January 2027, 10:00 to 11:00</time></li>"
        )),
        "{en}"
    );
    assert!(en.contains("<a href=\"/calendar/en/activities/baby-massage.ics\">Add to your calendar</a>"));
    let bn = html(&tree, "bn/activities/baby-massage/index.html");
    assert!(
        bn.contains("<time datetime=\"2026-11-24T10:00\">মঙ্গলবার, ২৪ নভেম্বর, ২০২৬, ১০:০০ থেকে ১১:০০</time>"),
        "{bn}"
    );
}

#[test]
fn source_date_epoch_fixes_the_build_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_hubsite"))
        .args(["build", "--out", &out.to_string_lossy()])
        .env("SOURCE_DATE_EPOCH", "1795392000") // 23 November 2026, 00:00 UTC
        .current_dir(root())
        .output()
        .expect("runs");
    assert!(run.status.success());
    let en = std::fs::read_to_string(out.join("en/activities/baby-massage/index.html")).expect("built");
    assert!(en.contains(">Tuesday 24 November 2026, 10:00 to 11:00</time>"), "{en}");
}

#[test]
fn a_large_site_splits_the_week_so_every_page_still_fits_in_one_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let run = hubsite(
        &[
            "generate",
            "--sessions",
            "600",
            "--seed",
            "3",
            "--out",
            &site.to_string_lossy(),
        ],
        dir.path(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("public");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tree = read_tree(&out);
    // 600 weekly-ish sessions are far more than one page lists, so the week goes on over numbered pages.
    let week = html(&tree, "bn/timetable/index.html");
    assert!(
        week.contains("<a href=\"/bn/timetable/2/\">এই সপ্তাহের পরের দিনগুলো</a>"),
        "{week}"
    );
    let second = html(&tree, "bn/timetable/2/index.html");
    assert!(second.contains("<a href=\"/bn/timetable/\">এই সপ্তাহের আগের দিনগুলো</a>"));
    // Seven days in all, each on exactly one page.
    let headings: usize = tree
        .iter()
        .filter(|(p, _)| {
            p.starts_with("en/timetable/")
                && p.split('/')
                    .nth(2)
                    .is_some_and(|s| s == "index.html" || s.parse::<u8>().is_ok())
        })
        .map(|(_, b)| String::from_utf8_lossy(b).matches("<section>\n<h2 id=\"day-").count())
        .sum();
    assert_eq!(headings, 7);
    // Search's list of days, for browsing without the script, finds each day on the page it went to.
    let search = html(&tree, "en/search/index.html");
    assert!(search.contains("href=\"/en/timetable/2/#day-"), "{search}");
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(bytes).expect("gzip");
        let size = gz.finish().expect("gzip").len();
        assert!(size <= 14_600, "{path} is {size} bytes gzipped");
        // Every link between timetable pages leads somewhere.
        let page = String::from_utf8_lossy(bytes);
        for (i, _) in page.match_indices("href=\"/en/timetable/") {
            let href = &page[i + 6..];
            let href = &href[..href.find('"').expect("closed")];
            assert!(resolves(&tree, href), "{path} → {href}");
        }
    }
    // The sitemap names every page of every timetable, the later pages of a long week too, and nothing that is
    // not there.
    let sitemap = String::from_utf8_lossy(&tree["sitemap.xml"]).into_owned();
    let timetables: BTreeSet<String> = tree
        .keys()
        .filter(|p| p.contains("/timetable/") && !p.starts_with("embed/"))
        .map(|p| format!("https://generated.example/{}", p.trim_end_matches("index.html")))
        .collect();
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .filter(|l| l.contains("/timetable/"))
        .map(str::to_string)
        .collect();
    assert!(
        timetables.contains("https://generated.example/so/timetable/2/"),
        "{timetables:?}"
    );
    assert_eq!(listed, timetables);
}
