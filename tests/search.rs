//! Search in the built example site: the page in every language, usable without the script, and an index per
//! language that numbers the same entries the same way. The script's own tests are in `tests/js`.

mod common;

use common::*;

type Tree = std::collections::BTreeMap<String, Vec<u8>>;

fn meta(tree: &Tree, lang: &str) -> serde_json::Value {
    serde_json::from_slice(&tree[&format!("{lang}/search/meta.json")]).expect("meta.json is JSON")
}

/// Where a language's index files are: the folder `meta.json` names.
fn folder(tree: &Tree, lang: &str) -> String {
    format!("{lang}/search/{}", meta(tree, lang)["v"].as_str().expect("a version"))
}

/// Every token is in the shard with the longest key that starts it, which is the shard the script loads for it.
/// Returns how many tokens there are, and how many shards have a key longer than one letter.
fn check_shards(tree: &Tree, lang: &str) -> (usize, usize) {
    let m = meta(tree, lang);
    let keys: Vec<&str> = m["k"]
        .as_array()
        .expect("keys")
        .iter()
        .filter_map(|k| k.as_str())
        .collect();
    let mut terms = 0;
    for (i, key) in keys.iter().enumerate() {
        let shard: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&tree[&format!("{}/t/{i}.json", folder(tree, lang))]).expect("a shard");
        for term in shard.keys() {
            let home = keys
                .iter()
                .enumerate()
                .filter(|(_, k)| term.starts_with(*k))
                .max_by_key(|(_, k)| k.len())
                .map(|(j, _)| j);
            assert_eq!(home, Some(i), "{lang}: {term} is in shard {key}");
            terms += 1;
        }
    }
    (terms, keys.iter().filter(|k| k.chars().count() > 1).count())
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
                    serde_json::from_slice(&tree[&format!("{}/d/{i}.json", folder(&tree, lang))]).expect("cards");
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
        let dir = folder(&tree, lang);
        for i in 0..keys.len() {
            assert!(tree.contains_key(&format!("{dir}/t/{i}.json")), "{lang} shard {i}");
        }
        for f in m["f"].as_array().expect("filters") {
            let name = f.as_str().expect("name");
            assert!(
                tree.contains_key(&format!("{dir}/f/{name}.json")),
                "{lang} filter {name}"
            );
        }
        assert!(!tree.contains_key(&format!("{dir}/t/{}.json", keys.len())));
        // Nothing else of the index sits outside its folder, so yesterday's files never mix with today's.
        let outside: Vec<&String> = tree
            .keys()
            .filter(|p| p.starts_with(&format!("{lang}/search/")) && !p.starts_with(&dir))
            .collect();
        assert_eq!(
            outside,
            [
                &format!("{lang}/search/index.html"),
                &format!("{lang}/search/meta.json")
            ]
        );
        assert!(check_shards(&tree, lang).0 > 100);
        // Bengali words have shards of their own, keyed by Bengali letters.
        if lang == "bn" {
            assert!(
                keys.iter().any(|k| k.as_str().is_some_and(|k| k.starts_with('শ'))),
                "{keys:?}"
            );
        }
    }
}

#[test]
fn a_large_index_is_cut_into_shards_by_longer_prefixes_and_every_token_is_where_the_script_looks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let run = hubsite(
        &[
            "generate",
            "--sessions",
            "2000",
            "--seed",
            "5",
            "--out",
            &site.to_string_lossy(),
        ],
        root(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.path().join("public");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tree = read_tree(&out);
    for lang in ["en", "bn", "so"] {
        let (terms, deep) = check_shards(&tree, lang);
        assert!(terms > 2000, "{lang}: {terms} tokens");
        assert!(deep > 5, "{lang}: only {deep} shards with longer keys");
    }
}
