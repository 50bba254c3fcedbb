//! What partners reuse: the open data checked against the Open Referral schemas, the calendar files read by an
//! independent parser, and the dates in the data, the calendars and the pages compared with each other.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;
use serde_json::Value;

type Tree = BTreeMap<String, Vec<u8>>;

/// The day the test builds are made on, and the last day of the 12 weeks compared.
const TODAY: &str = "2026-11-23";
const LAST: &str = "2027-02-14";

/// A schema kept in the project (tests/fixtures/open-referral/, with its licence note), so this test needs nothing
/// beside the clone.
fn schema(path: &str) -> jsonschema::Validator {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/open-referral")
        .join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let value: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&value)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The problems a validator finds, as lines naming where.
fn problems(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn json(tree: &Tree, path: &str) -> Value {
    serde_json::from_slice(tree.get(path).unwrap_or_else(|| panic!("{path} not built"))).expect("JSON")
}

/// The full service records and the list pages of the open data.
fn open_data(tree: &Tree) -> (BTreeMap<String, Value>, Vec<Value>) {
    let mut services = BTreeMap::new();
    let mut pages = Vec::new();
    for path in tree.keys().filter(|p| p.starts_with("open-data/services/")) {
        let name = path.trim_start_matches("open-data/services/");
        if name.starts_with("page-") {
            pages.push(json(tree, path));
        } else {
            services.insert(name.trim_end_matches(".json").to_string(), json(tree, path));
        }
    }
    (services, pages)
}

#[test]
fn open_data_follows_open_referral_hsds_3_and_the_uk_profile() {
    let (_dir, tree) = built();
    let full = [
        schema("hsds-3.0/service_with_definitions.json"),
        schema("uk-profile-3.0/service_with_definitions.json"),
    ];
    let listed = [
        schema("hsds-3.0/service_list.json"),
        schema("uk-profile-3.0/service_list.json"),
    ];
    let (services, pages) = open_data(&tree);
    // Every session and every Start for Life offer of the example site.
    assert_eq!(services.len(), 65 + 7, "{:?}", services.keys().collect::<Vec<_>>());
    for (id, s) in &services {
        assert_eq!(
            s["id"],
            Value::String(id.clone()),
            "a service's file is named by its id"
        );
        for v in &full {
            let found = problems(v, s);
            assert!(found.is_empty(), "{id}: {found:#?}");
        }
    }
    // The paged list, in the standard's envelope.
    let mut listed_ids = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        assert_eq!(page["total_items"], services.len());
        assert_eq!(page["total_pages"], pages.len());
        for field in ["page_number", "size", "first_page", "last_page", "empty"] {
            assert!(page.get(field).is_some(), "page {n} has {field}");
        }
        for item in page["contents"].as_array().expect("contents") {
            for v in &listed {
                let found = problems(v, item);
                assert!(found.is_empty(), "{item}: {found:#?}");
            }
            listed_ids.push(item["id"].as_str().expect("id").to_string());
        }
    }
    assert_eq!(
        listed_ids.iter().cloned().collect::<BTreeSet<_>>(),
        services.keys().cloned().collect()
    );
    // NDJSON: one full record per line, the same records.
    let ndjson = String::from_utf8(tree["open-data/services.ndjson"].clone()).expect("UTF-8");
    let lines: Vec<Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), services.len());
    for line in &lines {
        let id = line["id"].as_str().expect("id");
        assert_eq!(Some(line), services.get(id));
    }
    // The schemas do catch a broken record, so the checks above can fail.
    let mut broken = services.values().next().expect("a service").clone();
    broken["status"] = "open".into();
    broken["id"] = "not-a-uuid".into();
    assert_eq!(
        problems(&full[1], &broken).len(),
        2,
        "{:#?}",
        problems(&full[1], &broken)
    );
}

#[test]
fn open_data_says_what_partners_need_to_know() {
    let (_dir, tree) = built();
    let (services, _) = open_data(&tree);
    let by_url = |path: &str| {
        services
            .values()
            .find(|s| s["url"].as_str().is_some_and(|u| u.ends_with(path)))
            .unwrap_or_else(|| panic!("a service for {path}"))
    };
    let massage = by_url("/en/activities/baby-massage/");
    // Term time only: one schedule per term block, none across the Christmas holiday.
    let blocks: Vec<(&str, &str)> = massage["schedules"]
        .as_array()
        .expect("schedules")
        .iter()
        .map(|s| {
            (
                s["valid_from"].as_str().unwrap_or(""),
                s["valid_to"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        blocks[..2],
        [("2026-11-24", "2026-12-15"), ("2027-01-05", "2027-02-09")]
    );
    let first = &massage["schedules"][0];
    assert_eq!(
        (&first["freq"], &first["byday"], &first["opens_at"], &first["timezone"]),
        (&"WEEKLY".into(), &"TU".into(), &"10:00:00+00:00".into(), &0.into())
    );
    let location = &massage["service_at_locations"][0]["location"];
    assert_eq!(location["name"], "Northfield Family Hub");
    assert_eq!(location["attributes"][0]["taxonomy_term"]["code"], "family-hub");
    assert_eq!(location["addresses"][0]["postal_code"], "EB1 4AA");
    let codes: Vec<&str> = massage["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .filter_map(|l| l["code"].as_str())
        .collect();
    assert_eq!(codes, ["en", "pl"]);
    assert_eq!(massage["attributes"][0]["taxonomy_term"]["code"], "baby-group");
    assert_eq!(
        (&massage["minimum_age"], &massage["maximum_age"]),
        (&0.0.into(), &0.5.into())
    );
    // Monthly rules keep their place in the month.
    let dads = by_url("/en/activities/dads-breakfast/");
    assert!(
        dads["schedules"]
            .as_array()
            .expect("schedules")
            .iter()
            .all(|s| s["freq"] == "MONTHLY" && s["byday"] == "1SA"),
        "{dads:#}"
    );
    // Last of the month, every other week and one-off dates are all there, in the standard's own forms.
    let all_schedules: Vec<Value> = services
        .values()
        .flat_map(|s| s["schedules"].as_array().cloned().unwrap_or_default())
        .collect();
    let bydays: BTreeSet<&str> = all_schedules.iter().filter_map(|s| s["byday"].as_str()).collect();
    assert!(
        bydays.contains("-1SA") && bydays.contains("-1TH") && bydays.contains("4FR"),
        "{bydays:?}"
    );
    assert!(all_schedules.iter().any(|s| s["interval"] == 2 && s["wkst"] == "MO"));
    assert!(
        all_schedules
            .iter()
            .any(|s| s["count"] == 1 && s["valid_from"] == s["valid_to"])
    );
    // A Bengali group says so; a spoke is marked as one.
    let bengali = by_url("/en/activities/bumps-to-babies-bengali/");
    assert!(
        bengali["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .any(|l| l["code"] == "bn")
    );
    let spoke_kinds: BTreeSet<String> = services
        .values()
        .flat_map(|s| s["service_at_locations"].as_array().cloned().unwrap_or_default())
        .filter_map(|sal| {
            sal["location"]["attributes"][0]["taxonomy_term"]["code"]
                .as_str()
                .map(str::to_string)
        })
        .collect();
    assert_eq!(spoke_kinds, ["family-hub", "family-hub-spoke"].map(String::from).into());
    // Offers are services too, with their area.
    let offer = by_url("/en/start-for-life/feeding-your-baby/");
    assert!(
        offer["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .any(|a| a["taxonomy_term"]["code"] == "infant-feeding")
    );
}

#[test]
fn open_data_ids_stay_the_same_from_one_build_to_the_next() {
    let (_dir, tree) = built();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let run = hubsite(
        &["build", "--out", &out.to_string_lossy(), "--today", "2026-12-07"],
        root(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let later = read_tree(&out);
    let ids = |t: &Tree| -> BTreeSet<String> { open_data(t).0.keys().cloned().collect() };
    assert_eq!(ids(&tree), ids(&later));
    // Every schedule still running on the later day keeps its id.
    let schedule_ids = |t: &Tree| -> BTreeSet<String> {
        open_data(t)
            .0
            .values()
            .flat_map(|s| s["schedules"].as_array().cloned().unwrap_or_default())
            .filter(|s| s["valid_to"].as_str().is_some_and(|d| d >= "2026-12-07"))
            .filter_map(|s| s["id"].as_str().map(str::to_string))
            .collect()
    };
    let before = schedule_ids(&tree);
    assert!(!before.is_empty() && before.is_subset(&schedule_ids(&later)));
}

/// A calendar file read by the `icalendar` crate's parser: each event's properties as written.
fn events(path: &str, bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "{path}: every line ends with CRLF"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{path}: a line of {} octets: {line}", line.len());
    }
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap_or_else(|e| panic!("{path}: {e}"));
    // The parser gives the VCALENDAR's own properties and the components inside it.
    assert!(
        calendar
            .properties
            .iter()
            .any(|p| p.name.as_str() == "VERSION" && p.val.as_str() == "2.0")
    );
    let zones: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VTIMEZONE")
        .collect();
    assert_eq!(zones.len(), 1, "{path}");
    assert!(
        zones[0]
            .properties
            .iter()
            .any(|p| p.name.as_str() == "TZID" && p.val.as_str() == "Europe/London")
    );
    calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|e| {
            e.properties
                .iter()
                .map(|p| {
                    let params: String = p
                        .params
                        .iter()
                        .map(|q| {
                            format!(
                                ";{}={}",
                                q.key.as_str(),
                                q.val.as_ref().map(|v| v.as_str()).unwrap_or("")
                            )
                        })
                        .collect();
                    (
                        p.name.as_str().to_string(),
                        format!("{}{params}:{}", p.name.as_str(), p.val.as_str()),
                    )
                })
                .collect()
        })
        .collect()
}

/// The local start times (`2026-11-24T10:00`) an event gives from today to the last day compared, expanded by the
/// `rrule` crate from its DTSTART, RRULE and EXDATE.
fn expand(event: &BTreeMap<String, String>) -> BTreeSet<String> {
    let start = &event["DTSTART"];
    let Some(rule) = event.get("RRULE") else {
        let value = start.rsplit(':').next().expect("a value");
        return window([local(value)].into());
    };
    let mut text = format!("{start}\n{rule}");
    if let Some(ex) = event.get("EXDATE") {
        text.push('\n');
        text.push_str(ex);
    }
    let set: rrule::RRuleSet = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
    window(
        set.all(5000)
            .dates
            .iter()
            .map(|d| d.format("%Y-%m-%dT%H:%M").to_string())
            .collect(),
    )
}

/// `20261124T100000` as `2026-11-24T10:00`.
fn local(v: &str) -> String {
    format!("{}-{}-{}T{}:{}", &v[0..4], &v[4..6], &v[6..8], &v[9..11], &v[11..13])
}

fn window(dates: BTreeSet<String>) -> BTreeSet<String> {
    dates
        .into_iter()
        .filter(|d| d.as_str() >= TODAY && &d[..10] <= LAST)
        .collect()
}

/// The dates an activity page lists, from its `<time datetime>` elements, within the 12 weeks.
fn page_dates(tree: &Tree, lang: &str, slug: &str) -> BTreeSet<String> {
    let page = html(tree, &format!("{lang}/activities/{slug}/index.html"));
    window(attr_values(&page, "datetime").into_iter().map(str::to_string).collect())
}

/// The dates an open-data service's schedules give, expanded by the `rrule` crate from each schedule's fields;
/// each time's offset from UTC is checked against the time zone database's for London on that date.
fn schedule_dates(service: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for s in service["schedules"].as_array().cloned().unwrap_or_default() {
        let field = |f: &str| s[f].as_str().unwrap_or_default().to_string();
        let opens_at = field("opens_at");
        let (opens, offset) = opens_at.split_at(8);
        assert_eq!(field("closes_at")[8..], *offset, "{s}");
        let dtstart = format!("{}T{}", field("dtstart").replace('-', ""), opens.replace(':', ""));
        let mut rule = format!(
            "RRULE:FREQ={};INTERVAL={};BYDAY={};WKST=MO",
            field("freq"),
            s["interval"],
            field("byday")
        );
        match (s["count"].as_u64(), s["until"].as_str()) {
            (Some(n), None) => rule.push_str(&format!(";COUNT={n}")),
            (None, Some(until)) => rule.push_str(&format!(";UNTIL={}T235959Z", until.replace('-', ""))),
            other => panic!("a schedule has either count or until: {other:?} in {s}"),
        }
        let text = format!("DTSTART;TZID=Europe/London:{dtstart}\n{rule}");
        let set: rrule::RRuleSet = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        let from = field("valid_from");
        for d in set.all(5000).dates {
            assert_eq!(d.format("%:z").to_string(), offset, "{d} in {s}");
            let local = d.format("%Y-%m-%dT%H:%M").to_string();
            assert!(
                local[..10] >= *from && local[..10] <= *field("valid_to"),
                "{local} in {s}"
            );
            out.insert(local);
        }
    }
    window(out)
}

#[test]
fn calendars_data_and_pages_give_the_same_dates_for_the_next_12_weeks() {
    let (_dir, tree) = built();
    let (services, _) = open_data(&tree);
    let mut compared = 0;
    let mut all_uids = BTreeMap::new();
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".ics")) {
        let evs = events(path, bytes);
        let uids: BTreeSet<&String> = evs.iter().map(|e| &e["UID"]).collect();
        assert_eq!(uids.len(), evs.len(), "{path}: every event has its own UID");
        for e in &evs {
            assert_eq!(
                e["DTSTAMP"], "DTSTAMP:20261123T000000Z",
                "{path}: stamped with the build date"
            );
            assert!(e["DTSTART"].starts_with("DTSTART;TZID=Europe/London:"), "{path}");
            all_uids.insert(e["UID"].clone(), ());
        }
        let Some(rest) = path.strip_prefix("calendar/") else {
            continue;
        };
        let (lang, rest) = rest.split_once('/').expect("a language");
        let Some(slug) = rest.strip_prefix("activities/").and_then(|s| s.strip_suffix(".ics")) else {
            continue;
        };
        let from_ics: BTreeSet<String> = evs.iter().flat_map(expand).collect();
        let from_page = page_dates(&tree, lang, slug);
        assert_eq!(from_ics, from_page, "{path} and its page");
        if lang == "en" {
            let service = services
                .values()
                .find(|s| {
                    s["url"]
                        .as_str()
                        .is_some_and(|u| u.ends_with(&format!("/en/activities/{slug}/")))
                })
                .unwrap_or_else(|| panic!("a service for {slug}"));
            assert_eq!(schedule_dates(service), from_ics, "{slug}: open data and calendar");
        }
        compared += from_ics.len();
    }
    // Enough dates that the comparison means something: every activity in three languages.
    assert!(compared > 1000, "only {compared} dates compared");
    // The whole site's calendar has every event; a place's has those of its activities.
    let all = events("all", &tree["calendar/en/all.ics"]);
    assert_eq!(all.len(), all_uids.len());
    let hub = events("hub", &tree["calendar/bn/places/northfield-hub.ics"]);
    assert!(hub.iter().any(|e| e["UID"].starts_with("UID:session-baby-massage-0@")));
}

#[test]
fn calendars_skip_holidays_and_closures_with_exdate() {
    let (_dir, tree) = built();
    let massage = events("massage", &tree["calendar/en/activities/baby-massage.ics"]);
    let e = &massage[0];
    assert_eq!(e["RRULE"], "RRULE:FREQ=WEEKLY;UNTIL=20270721T090000Z;BYDAY=TU");
    // The Christmas holiday, half term, Easter and the bank holiday week.
    assert!(e["EXDATE"].starts_with("EXDATE;TZID=Europe/London:20261222T100000,20261229T100000,20270216T100000"));
    let bn = events("bn", &tree["calendar/bn/activities/baby-massage.ics"]);
    assert_eq!(bn[0]["SUMMARY"], "SUMMARY:শিশুর ম্যাসাজ");
    assert_eq!(bn[0]["UID"], e["UID"], "the same event in every language");
}

/// `&lt;` and friends back to the characters, for code shown on a page.
fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn every_place_activity_and_offer_has_a_copy_for_partners_and_the_code_to_show_it() {
    let (_dir, tree) = built();
    let mut copies = 0;
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with("index.html")) {
        let Some((lang, rest)) = path.split_once('/') else {
            continue;
        };
        let embeddable = rest.starts_with("places/")
            || rest.starts_with("activities/")
            || (rest.starts_with("start-for-life/") && !rest.contains("/print/"));
        if !["en", "bn", "so"].contains(&lang) || !embeddable {
            continue;
        }
        let page = String::from_utf8_lossy(bytes);
        let what = rest
            .trim_end_matches("/index.html")
            .trim_end_matches("index.html")
            .trim_end_matches('/');
        // The code to copy, shown on the page, says what to show and in which language.
        let code_start = page
            .find("<pre><code>")
            .unwrap_or_else(|| panic!("{path} has no code to copy"))
            + 11;
        let code_end = code_start + page[code_start..].find("</code>").expect("code ends");
        let snippet = unescape_html(&page[code_start..code_end]);
        assert!(
            snippet.starts_with(&format!("<div data-hubsite-embed=\"{what}\" data-lang=\"{lang}\"><a href=\"https://familyhubs.eastbrook.example/{lang}/{what}/\">")),
            "{path}: {snippet}"
        );
        assert!(snippet.ends_with("<script src=\"https://familyhubs.eastbrook.example/embed.js\" async></script>"));
        // The copy: the same words without the site's header, menus and footer.
        let copy_path = format!("embed/{path}");
        let copy = html(&tree, &copy_path);
        assert!(copy.contains(&format!("<html lang=\"{lang}\">")), "{copy_path}");
        for chrome in ["<header", "<nav", "<footer", "class=\"skip\""] {
            assert!(!copy.contains(chrome), "{copy_path} has {chrome}");
        }
        let h1 = |p: &str| {
            p[p.find("<h1").expect("a heading")..]
                .split("</h1>")
                .next()
                .unwrap_or("")
                .to_string()
        };
        assert_eq!(h1(&copy), h1(&page), "{copy_path}");
        assert_eq!(
            copy.contains("<p class=\"notice\">"),
            page.contains("<p class=\"notice\">"),
            "{copy_path}"
        );
        assert!(copy.contains(&format!(
            "<link rel=\"canonical\" href=\"https://familyhubs.eastbrook.example/{lang}/{what}/\">"
        )));
        assert!(
            copy.contains("<base target=\"_top\">"),
            "links open in the partner's window, not the frame"
        );
        assert!(
            copy.contains("<script src=\"/embed-height.js\"></script>"),
            "{copy_path} tells the frame its height"
        );
        // oEmbed: discovered from the page and the copy, and giving the same code.
        let oembed_path = format!("embed/{lang}/{what}/oembed.json");
        let link = format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://familyhubs.eastbrook.example/{oembed_path}\""
        );
        assert!(page.contains(&link) && copy.contains(&link), "{path}: {link}");
        let oembed = json(&tree, &oembed_path);
        assert_eq!((&oembed["version"], &oembed["type"]), (&"1.0".into(), &"rich".into()));
        assert_eq!(oembed["html"], Value::String(snippet.clone()), "{oembed_path}");
        copies += 1;
    }
    // Every place, activity and offer, and the Start for Life page, in three languages.
    assert_eq!(copies, 3 * (5 + 11 + 65 + 7 + 1));
    assert!(tree.contains_key("embed.js"));
    assert!(String::from_utf8_lossy(&tree["embed-height.js"]).contains("parent.postMessage({ hubsite: \"height\""));
}
