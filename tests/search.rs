//! Search in the built example site: the page in every language, usable without the script, and an index per
//! language that numbers the same entries the same way. The script's own tests are in `tests/js`.

mod common;

use common::*;

fn meta(tree: &std::collections::BTreeMap<String, Vec<u8>>, lang: &str) -> serde_json::Value {
    serde_json::from_slice(&tree[&format!("{lang}/search/meta.json")]).expect("meta.json is JSON")
}

#[test]
fn every_language_has_a_search_page_that_works_without_the_script() {
    let (_dir, tree) = built();
    for (lang, search, digits) in [
        ("en", "Search", "0123456789"),
        ("bn", "খুঁজুন", "০১২৩৪৫৬৭৮৯"),
        ("so", "Raadi", "0123456789"),
    ] {
        let page = html(&tree, &format!("{lang}/search/index.html"));
        // In the menu of every page, including this one.
        assert!(page.contains(&format!(
            "<a href=\"/{lang}/search/\" aria-current=\"page\">{search}</a>"
        )));
        assert!(html(&tree, &format!("{lang}/index.html")).contains(&format!("<a href=\"/{lang}/search/\">")));
        // The form waits for the script, which un-hides it; the lists are there either way.
        assert!(
            page.contains("<form id=\"search\" class=\"search\" role=\"search\""),
            "{page}"
        );
        assert!(page.contains(" hidden data-digits"));
        assert!(page.contains(&format!("data-digits=\"{digits}\"")));
        assert!(page.contains("<script src=\"/search.js\" defer></script>"));
        for list in [
            format!("href=\"/{lang}/timetable/area/northfield/\""),
            format!("href=\"/{lang}/timetable/kind/baby-group/\""),
            format!("href=\"/{lang}/timetable/#day-2026-11-23\""),
            format!("href=\"/{lang}/timetable/#day-2026-11-29\""),
        ] {
            assert!(page.contains(&list), "{lang}: no {list}");
        }
    }
    assert!(tree.contains_key("search.js"));
}

#[test]
fn each_language_numbers_every_entry_the_same_way() {
    let (_dir, tree) = built();
    let content = root().join("content");
    let entries: usize = ["hubs", "spokes", "sessions", "offers", "pages"]
        .iter()
        .map(|f| {
            std::fs::read_dir(content.join(f))
                .expect("content folder")
                .filter(|e| {
                    let name = e.as_ref().expect("entry").file_name();
                    let name = name.to_string_lossy();
                    name.ends_with(".md") && name.matches('.').count() == 1
                })
                .count()
        })
        .sum();
    let cards = |lang: &str| -> Vec<String> {
        let n = meta(&tree, lang)["n"].as_u64().expect("n") as usize;
        (0..n.div_ceil(8))
            .flat_map(|i| {
                let file: Vec<Vec<String>> =
                    serde_json::from_slice(&tree[&format!("{lang}/search/d/{i}.json")]).expect("cards");
                file.into_iter()
                    .map(|c| c[0].splitn(3, '/').nth(2).unwrap_or_default().to_string())
            })
            .collect()
    };
    let en = cards("en");
    assert_eq!(en.len(), entries);
    assert_eq!(cards("bn"), en);
    assert_eq!(cards("so"), en);
    // Sessions come first, soonest first: today's early ones lead.
    assert!(en[0].starts_with("activities/"), "{en:?}");
}

#[test]
fn every_shard_and_filter_the_meta_file_names_exists() {
    let (_dir, tree) = built();
    for lang in ["en", "bn", "so"] {
        let m = meta(&tree, lang);
        let keys = m["k"].as_array().expect("keys");
        for i in 0..keys.len() {
            assert!(
                tree.contains_key(&format!("{lang}/search/t/{i}.json")),
                "{lang} shard {i}"
            );
        }
        for f in m["f"].as_array().expect("filters") {
            let name = f.as_str().expect("name");
            assert!(
                tree.contains_key(&format!("{lang}/search/f/{name}.json")),
                "{lang} filter {name}"
            );
        }
        assert!(!tree.contains_key(&format!("{lang}/search/t/{}.json", keys.len())));
        // Bengali words have shards of their own, keyed by Bengali letters.
        if lang == "bn" {
            assert!(
                keys.iter().any(|k| k.as_str().is_some_and(|k| k.starts_with('শ'))),
                "{keys:?}"
            );
        }
    }
}
