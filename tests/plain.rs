//! Plain language: acronyms, institutional words and long sentences found wherever a family could meet them, each
//! at its file, line and column with the plain words to use; and none on the example site's pages.

mod common;

use std::path::Path;

use common::*;

fn check(site: &Path, extra: &[&str]) -> Run {
    let site_arg = site.to_string_lossy().into_owned();
    let mut args = vec!["check", "--site", site_arg.as_str()];
    args.extend(extra);
    hubsite(&args, site)
}

#[test]
fn each_problem_is_shown_at_its_word_with_what_to_write_instead() {
    // An acronym and an institutional word in a title, a summary, a body, a translation (with the site
    // glossary's Bengali words), a one-line field and a Fluent message; a long sentence in Somali.
    let case = fixtures().join("plain/everywhere");
    let site = site_with(&case);
    let run = check(site.path(), &[]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let want = std::fs::read_to_string(case.join("expected-full")).expect("expected-full");
    let got = run.stdout.split("Translations:").next().unwrap_or_default();
    assert_eq!(got, want, "--- got\n{got}\n--- want\n{want}");
    assert!(run.stdout.ends_with("6 errors, 6 warnings.\n"), "{}", run.stdout);
}

#[test]
fn acronyms_can_be_made_warnings() {
    let site = site_with(&fixtures().join("plain/everywhere"));
    let toml = site.path().join("site.toml");
    let text = std::fs::read_to_string(&toml).expect("site.toml");
    std::fs::write(&toml, format!("{text}\n[plain_language]\nacronyms = \"warn\"\n")).expect("write");
    let run = check(site.path(), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("content/sessions/baby-rhymes.md:2:40: warning[acronym]: \"HV\"")
    );
    assert!(run.stdout.ends_with("0 errors, 12 warnings.\n"), "{}", run.stdout);
}

#[test]
fn postcodes_allowed_words_web_and_email_addresses_are_not_flagged() {
    let case = fixtures().join("plain/not-flagged");
    let site = site_with(&case);
    let run = check(site.path(), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.ends_with("0 errors, 0 warnings.\n"), "{}", run.stdout);
    // The same text without the site's allowed words: only those two are acronyms, so the rest really was
    // looked at and let through.
    let toml = site.path().join("site.toml");
    let text = std::fs::read_to_string(&toml).expect("site.toml");
    std::fs::write(&toml, text.replace("allow = [\"NHS 111\", \"PEEP\"]", "allow = []")).expect("write");
    let run = check(site.path(), &[]);
    assert_eq!(
        headings(&run.stdout),
        [
            "content/sessions/baby-rhymes.md:19:6: error[acronym]",
            "content/sessions/baby-rhymes.md:21:1: error[acronym]",
        ],
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("help: write \"the health service\" instead"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_gives_every_finding_to_other_tools() {
    let site = site_with(&fixtures().join("plain/everywhere"));
    let run = check(site.path(), &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    assert_eq!(doc["errors"], 6);
    assert_eq!(doc["warnings"], 6);
    let items = doc["diagnostics"].as_array().expect("a list");
    let camhs = items
        .iter()
        .find(|d| d["file"] == "content/sessions/baby-rhymes.bn.md")
        .expect("the translation's problem");
    assert_eq!(camhs["line"], 4);
    assert_eq!(camhs["column"], 30);
    assert_eq!(camhs["severity"], "error");
    assert_eq!(camhs["code"], "acronym");
    assert_eq!(camhs["help"], "write \"শিশুদের মানসিক স্বাস্থ্য সেবা\" instead");
    assert_eq!(doc["translations"]["bn"]["missing"], 4);
    assert!(doc.get("pages").is_none(), "pages only with --plain-language");
}

#[test]
fn the_report_lists_the_hardest_page_first() {
    let site = site_with(&fixtures().join("valid"));
    let about = site.path().join("content/pages/about.md");
    std::fs::write(
        &about,
        "+++\ntitle = \"About us\"\nsummary = \"Who we are.\"\n+++\n\nComprehensive multidisciplinary \
         organisational arrangements facilitate individualised developmental opportunities.\n",
    )
    .expect("write");
    let run = check(site.path(), &["--plain-language"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let table: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Plain language, hardest to read first."))
        .skip(2)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert_eq!(table.len(), 8, "{}", run.stdout);
    assert!(table[0].ends_with("/en/about/  (content/pages/about.md)"), "{table:#?}");
    assert!(
        table[0].contains("     1  /en/about/"),
        "one problem: facilitate\n{table:#?}"
    );
    assert!(
        table
            .iter()
            .any(|l| l.ends_with("content/organisations/testford-libraries.md  (no page of its own)")),
        "{table:#?}"
    );
    let ease = |l: &str| {
        l.split_whitespace()
            .next()
            .and_then(|n| n.parse::<f64>().ok())
            .expect("a number")
    };
    assert!(table.windows(2).all(|w| ease(w[0]) <= ease(w[1])), "{table:#?}");

    let run = check(site.path(), &["--plain-language", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    assert_eq!(doc["pages"][0]["page"], "/en/about/");
    assert!(
        doc["pages"][0]["reading_age"].as_f64().is_some_and(|a| a > 18.0),
        "{}",
        doc["pages"][0]
    );
}

/// The pages of a failed build were written into a folder beside `out` as they were made: that folder is gone,
/// and `out` was never made.
fn nothing_written(site: &Path, out: &Path) {
    assert!(!out.exists(), "nothing is written");
    let left: Vec<_> = std::fs::read_dir(site)
        .expect("site folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("hubsite"))
        .collect();
    assert!(left.is_empty(), "no half-built folder is left behind: {left:?}");
}

#[test]
fn words_that_reach_pages_from_templates_and_data_stop_the_build() {
    let site = site_with(&fixtures().join("valid"));
    // An acronym in an address line (not a field the source check reads) and in a theme's own template.
    let spoke = site.path().join("content/spokes/hilltop-library.md");
    let text = std::fs::read_to_string(&spoke).expect("spoke");
    let text = text.replacen("address = [\"", "address = [\"St Anne's CofE School\", \"", 1);
    std::fs::write(&spoke, text).expect("write");
    let templates = site.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).expect("folder");
    let base = std::fs::read_to_string(root().join("themes/default/templates/base.html")).expect("base.html");
    let base = base.replacen("</main>", "<p>Read our FAQ.</p></main>", 1);
    std::fs::write(templates.join("base.html"), &base).expect("write");
    let line = base.lines().position(|l| l.contains("our FAQ")).expect("the line") + 1;
    let col = base.lines().nth(line - 1).and_then(|l| l.find("FAQ")).expect("FAQ") + 1;

    let out = site.path().join("public");
    let run = build_into(site.path(), &out);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    nothing_written(site.path(), &out);
    assert!(
        run.stderr.contains(&format!(
            "themes/default/templates/base.html:{line}:{col}: error[acronym]: \"FAQ\" is an acronym: many families \
             will not know what it stands for (it shows on /404.html and "
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("= help: write \"questions people ask\" instead"),
        "{}",
        run.stderr
    );
    let address_line = std::fs::read_to_string(&spoke)
        .expect("spoke")
        .lines()
        .position(|l| l.starts_with("address"))
        .expect("address")
        + 1;
    assert!(
        run.stderr.contains(&format!(
            "content/spokes/hilltop-library.md:{address_line}:23: error[acronym]: \"CofE\" is an acronym: many \
             families will not know what it stands for (it shows on /bn/places/hilltop-library/ and "
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Not built: 2 problems on the built pages to fix first."),
        "{}",
        run.stderr
    );
}

/// Words of two capitals or more on a page, found without hubsite's own code: text, and the attributes people
/// hear, with markup, styles and scripts taken out. Only postcodes ("EB2 4NS") may have them.
fn capitals(page: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = page;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        text.push(' ');
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |i| lt + i + 1);
        let tag = &rest[lt..tag_end];
        for attr in ["alt", "title", "aria-label", "content"] {
            text.extend(attr_values(tag, attr).into_iter().map(|v| format!(" {v} ")));
        }
        rest = &rest[tag_end..];
        for skip in ["<script", "<style"] {
            if tag.starts_with(skip) {
                let close = format!("</{}", &skip[1..]);
                rest = rest.find(&close).map_or("", |i| &rest[i..]);
            }
        }
    }
    text.push_str(rest);
    let postcode_part = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.len() <= 4
            && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| w.chars().filter(char::is_ascii_uppercase).count() >= 2 && !postcode_part(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn no_page_of_the_example_site_has_an_acronym_in_any_language() {
    let (_dir, tree) = built();
    let mut pages_per_lang = std::collections::BTreeMap::new();
    let mut found = Vec::new();
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let lang = path.split('/').next().unwrap_or_default();
        *pages_per_lang.entry(lang.to_string()).or_insert(0) += 1;
        let page = String::from_utf8_lossy(bytes);
        for word in capitals(&page) {
            found.push(format!("{path}: {word}"));
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    for lang in ["en", "bn", "so"] {
        assert!(pages_per_lang.get(lang).is_some_and(|n| *n > 100), "{pages_per_lang:?}");
    }
    // The scan can fail: it finds an acronym when there is one, and lets postcodes through.
    assert_eq!(
        capitals("<p title=\"Our KPIs\">Come to EB2 4NS, near the <b>DfE</b></p>"),
        ["KPIs", "DfE"]
    );
}

#[test]
fn the_page_check_reports_only_what_the_source_check_could_not_see() {
    let site = site_with(&fixtures().join("valid"));
    let path = |p: &str| site.path().join(p);
    let toml = std::fs::read_to_string(path("site.toml")).expect("site.toml");
    let settings = |level: &str| format!("{toml}\n[plain_language]\nacronyms = \"{level}\"\nallow = [\"NHS 111\"]\n");
    // As warnings first, so the build goes on to the pages with the translation's acronym in them.
    std::fs::write(path("site.toml"), settings("warn")).expect("write");
    std::fs::write(path("content/glossary.toml"), "[NHS]\nsay = \"the health service\"\n").expect("write");
    // An allowed phrase over a line break, and an acronym with a Bengali ending in a translation: both are
    // found (or let through) by the source check, so the page check must not report them again.
    let rhymes = std::fs::read_to_string(path("content/sessions/baby-rhymes.md")).expect("session");
    std::fs::write(
        path("content/sessions/baby-rhymes.md"),
        format!("{rhymes}\nCall NHS\n111 for help.\n"),
    )
    .expect("write");
    let bn = std::fs::read_to_string(path("content/sessions/baby-rhymes.bn.md")).expect("translation");
    std::fs::write(
        path("content/sessions/baby-rhymes.bn.md"),
        bn.replace("শিশু ও", "NHSএর শিশু ও"),
    )
    .expect("write");
    // An acronym in an address line, which only the page check sees.
    let spoke = std::fs::read_to_string(path("content/spokes/hilltop-library.md")).expect("spoke");
    std::fs::write(
        path("content/spokes/hilltop-library.md"),
        spoke.replace(
            "address = [\"5 Hill Street\"",
            "address = [\"NHS Clinic\", \"5 Hill Street\"",
        ),
    )
    .expect("write");
    let out = site.path().join("public");
    let run = build_into(site.path(), &out);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        headings(&run.stderr),
        [
            "content/sessions/baby-rhymes.bn.md:4:12: warning[acronym]",
            "content/spokes/hilltop-library.md:6:13: warning[acronym]",
        ],
        "{}",
        run.stderr
    );
    // As errors, with the translation fixed: the build gets as far as the pages, and stops at the address.
    std::fs::write(path("site.toml"), settings("error")).expect("write");
    std::fs::write(path("content/sessions/baby-rhymes.bn.md"), bn).expect("write");
    std::fs::remove_dir_all(&out).expect("remove the first build");
    let run = build_into(site.path(), &out);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    nothing_written(site.path(), &out);
    assert_eq!(
        headings(&run.stderr),
        ["content/spokes/hilltop-library.md:6:13: error[acronym]"],
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("(it shows on /bn/places/hilltop-library/ and 5 more pages)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Not built: 1 problem on the built pages to fix first."),
        "{}",
        run.stderr
    );
}

/// The valid site with one file's body replaced.
fn site_with_body(file: &str, body: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), site.path());
    let path = site.path().join(file);
    let text = std::fs::read_to_string(&path).expect("fixture");
    let head = text.rsplit_once("+++").map(|(head, _)| head).unwrap_or_default();
    std::fs::write(&path, format!("{head}+++\n\n{body}")).expect("write");
    site
}

#[test]
fn past_twenty_warnings_of_a_kind_a_file_gets_one_line_that_counts_the_rest() {
    let long = format!("We {} more.", vec!["sing"; 30].join(" "));
    // 57 long sentences, and 25 acronyms (errors, which are all shown) among them.
    let body: String = (0..57)
        .map(|k| match k < 25 {
            true => format!("{long} Ask the CAMHS team.\n\n"),
            false => format!("{long}\n\n"),
        })
        .collect();
    let site = site_with_body("content/pages/about.md", &body);
    let run = check(site.path(), &[]);
    let heads = headings(&run.stdout);
    let count = |what: &str| heads.iter().filter(|h| h.contains(what)).count();
    assert_eq!(count("warning[long-sentence]"), 20, "{}", run.stdout);
    assert_eq!(count("error[acronym]"), 25, "{}", run.stdout);
    let note = "content/pages/about.md: ... and 37 more sentences longer than 25 words in this file\n";
    assert_eq!(run.stdout.matches(note).count(), 1, "{}", run.stdout);
    // The note comes straight after the twentieth, and the summary counts every warning.
    let twentieth = run
        .stdout
        .match_indices("warning[long-sentence]")
        .nth(19)
        .map_or(0, |(i, _)| i);
    let next = run.stdout[twentieth..].find("\n\n").map_or(0, |i| twentieth + i + 2);
    assert!(run.stdout[next..].starts_with(note), "{}", &run.stdout[twentieth..]);
    assert!(run.stdout.ends_with("25 errors, 57 warnings.\n"), "{}", run.stdout);
    assert_eq!(run.code, 1);
    // Other tools get every one.
    let run = check(site.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    let items = doc["diagnostics"]
        .as_array()
        .map_or(0, |d| d.iter().filter(|d| d["code"] == "long-sentence").count());
    assert_eq!(items, 57);
}

#[test]
fn a_problem_far_along_a_long_bengali_line_is_shown_in_a_window_around_it() {
    let sentence = "শিশুরা খেলতে ভালোবাসে। ";
    let line = format!("{}CAMHS সাহায্য করে। {}", sentence.repeat(20_000), sentence.repeat(20_000));
    let site = site_with_body("content/pages/about.bn.md", &line);
    let run = check(site.path(), &[]);
    let col = sentence.chars().count() * 20_000 + 1;
    let heading = format!("content/pages/about.bn.md:8:{col}: error[acronym]");
    assert_eq!(headings(&run.stdout), [heading], "{:.3000}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let shown = lines.get(2).copied().unwrap_or_default();
    let carets = lines.get(3).copied().unwrap_or_default();
    assert!(shown.starts_with("8 | ...") && shown.ends_with("..."), "{shown}");
    assert_eq!(shown.chars().count(), "8 | ".len() + 3 + 120 + 3, "{shown}");
    // The carets are under the acronym, counted in characters as the column is.
    let under: String = shown
        .chars()
        .skip(carets.find('^').unwrap_or_default())
        .take(5)
        .collect();
    assert_eq!(under, "CAMHS", "\n{shown}\n{carets}");
    assert_eq!(carets.trim_end().chars().filter(|&c| c == '^').count(), 5);
    assert!(run.stdout.len() < 2_000, "{} bytes", run.stdout.len());
}
