//! A site's own theme: templates, static files and messages that replace the default ones by name, and mistakes in
//! them reported by `check` and `build` alike at the file, line and column, with nothing written.

mod common;

use std::path::Path;

use common::*;

fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_dir(&fixtures().join("valid"), &site);
    (dir, site)
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    std::fs::write(path, text).expect("write");
}

#[test]
fn a_template_mistake_is_shown_at_its_line_and_nothing_is_written() {
    let (dir, site) = site();
    write(
        &site.join("themes/default/templates/activity.html"),
        "{% extends \"entry.html\" %}\n{% block facts %}<p>\n{{ when|join(\", \") }}\n{{ nothing.here( }}\n</p>{% endblock %}\n",
    );
    let out = dir.path().join("public");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "themes/default/templates/activity.html:4:18: error[template]: syntax error: unexpected `}`\n  |\n4 | {{ nothing.here( }}\n  |                  ^\n  = help: fix this template, or delete it to use the default theme's\n\nNot built: 1 problem to fix first. Nothing was written.\n"
    );
    assert!(!out.exists());
}

#[test]
fn a_misspelt_field_in_a_template_is_an_error_not_an_empty_space() {
    let (dir, site) = site();
    write(
        &site.join("themes/default/templates/page.html"),
        "{% extends \"entry.html\" %}\n{% block after %}<p>{{ summry }}</p>{% endblock %}\n",
    );
    let run = build_into(&site, &dir.path().join("public"));
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "themes/default/templates/page.html:2:24: error[template]: undefined value: `summry` is undefined\n  |\n2 | {% block after %}<p>{{ summry }}</p>{% endblock %}\n  |                        ^^^^^^\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_site_theme_replaces_templates_and_static_files_by_name() {
    let (dir, site) = site_with_theme();
    write(
        &site.join("themes/eastbrook/templates/page.html"),
        "{% extends \"entry.html\" %}\n{% block after %}<p class=\"ours\">{{ t(\"nav-home\") }}</p>{% endblock %}\n",
    );
    write(&site.join("themes/eastbrook/static/site.css"), "body{color:#123456}");
    write(
        &site.join("themes/eastbrook/static/images/badge.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let out = dir.path().join("public");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let about = std::fs::read_to_string(out.join("bn/about/index.html")).expect("built");
    assert!(about.contains("<p class=\"ours\">প্রথম পাতা</p>"), "{about}");
    assert!(
        about.contains("<style>body{color:#123456}</style>"),
        "the site's stylesheet replaces the default"
    );
    assert!(out.join("images/badge.svg").is_file(), "other static files are copied");
    // Templates the site does not replace are the default ones.
    let timetable = std::fs::read_to_string(out.join("en/timetable/index.html")).expect("built");
    assert!(timetable.contains("<span class=\"time\">"));
}

#[test]
fn structured_data_cannot_be_closed_by_a_title() {
    let (dir, site) = site();
    let file = site.join("content/sessions/baby-rhymes.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replace(
            "title = \"Baby rhymes\"",
            "title = \"Rhymes </script><script>alert(1)</script> <!-- & more\"",
        ),
    )
    .expect("write");
    let out = dir.path().join("public");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(out.join("en/activities/baby-rhymes/index.html")).expect("built");
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the structured data script: {page}"
    );
    assert!(page.contains("\"name\":\"Rhymes \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\u0026 more\""), "{page}");
    assert!(page.contains("<h1>Rhymes &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &amp; more</h1>"));
}

/// A site whose `site.toml` chooses the theme `eastbrook`.
fn site_with_theme() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, site) = site();
    let toml = std::fs::read_to_string(site.join("site.toml")).expect("site.toml");
    std::fs::write(site.join("site.toml"), format!("theme = \"eastbrook\"\n{toml}")).expect("write");
    (dir, site)
}

#[test]
fn check_refuses_every_template_build_would_refuse_at_its_line() {
    let (dir, site) = site_with_theme();
    let templates = site.join("themes/eastbrook/templates");
    write(
        &templates.join("page.html"),
        "{% extends \"entry.html\" %}\n{% block after %}{% if summary %}<p>{{ summary }}</p>\n{% endblock %}\n",
    );
    write(
        &templates.join("activity.html"),
        "{% extends \"entry.html\" %}\n{% block after %}{% include \"partials/map.html\" %}{% endblock %}\n",
    );
    write(&templates.join("offer.html"), "{% extends \"entrys.html\" %}\n");
    std::fs::write(
        templates.join("place.html"),
        b"{% extends \"entry.html\" %}\n<p>Caf\xe9</p>\n",
    )
    .expect("write");
    let want = [
        "themes/eastbrook/templates/activity.html:2:30: error[template-missing]",
        "themes/eastbrook/templates/offer.html:1:13: error[template-missing]",
        "themes/eastbrook/templates/page.html:3:4: error[template]",
        "themes/eastbrook/templates/place.html:2:7: error[bad-utf8]",
    ];
    let helps = [
        "= help: did you mean \"entry.html\"?",
        "is not closed, or closed with the wrong end",
    ];
    let build = refused_by_check_and_build(&dir, &site, &want, &helps);
    assert!(
        build
            .stderr
            .ends_with("Not built: 4 problems to fix first. Nothing was written.\n")
    );
}

#[test]
fn a_themes_own_messages_are_used_and_the_sites_replace_them() {
    let (dir, site) = site_with_theme();
    write(
        &site.join("themes/eastbrook/templates/page.html"),
        "{% extends \"entry.html\" %}\n{% block after %}<p class=\"ours\">{{ t(\"eastbrook-welcome\") }}</p>{% endblock %}\n",
    );
    let locales = site.join("themes/eastbrook/locales");
    write(
        &locales.join("en/theme.ftl"),
        "-brand = Eastbrook\neastbrook-welcome = Welcome to { -brand }\n",
    );
    write(&locales.join("bn/theme.ftl"), "eastbrook-welcome = ইস্টব্রুকে স্বাগতম\n");
    write(
        &locales.join("so/theme.ftl"),
        "eastbrook-welcome = Ku soo dhawoow Eastbrook\n",
    );
    // A theme may carry a language the site does not have: it is not read, and not a mistake.
    write(&locales.join("ur/theme.ftl"), "eastbrook-welcome = { $nothing }\n");
    write(&site.join("locales/so/theme.ftl"), "eastbrook-welcome = Soo dhawoow\n");
    let check = hubsite(&["check", "--site", &site.to_string_lossy()], &site);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let out = dir.path().join("public");
    let run = build_into(&site, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = |lang: &str| std::fs::read_to_string(out.join(format!("{lang}/about/index.html"))).expect("built");
    assert!(
        page("en").contains("<p class=\"ours\">Welcome to Eastbrook</p>"),
        "{}",
        page("en")
    );
    assert!(page("bn").contains("<p class=\"ours\">ইস্টব্রুকে স্বাগতম</p>"));
    assert!(
        page("so").contains("<p class=\"ours\">Soo dhawoow</p>"),
        "the site's message wins"
    );
}

#[test]
fn fluent_references_to_nothing_are_errors_and_never_published() {
    let (dir, site) = site_with_theme();
    let en = site.join("locales/en/site.ftl");
    let text = std::fs::read_to_string(&en).expect("read");
    let text = text.replace(
        "locality-riverside = Riverside",
        "locality-riverside = River{ -nosuch-term }side { $nosuchvar } { nosuch-message }",
    );
    std::fs::write(&en, text).expect("write");
    write(
        &site.join("themes/eastbrook/locales/bn/theme.ftl"),
        "# The theme's words.\nchecked-on = আমরা { $dat } তারিখে দেখেছি\n",
    );
    let want = [
        "locales/en/site.ftl:1:29: error[ftl-unknown-term]",
        "locales/en/site.ftl:1:50: error[ftl-unknown-variable]",
        "locales/en/site.ftl:1:65: error[ftl-unknown-message]",
        "themes/eastbrook/locales/bn/theme.ftl:2:21: error[ftl-unknown-variable]",
    ];
    refused_by_check_and_build(&dir, &site, &want, &["= help: did you mean `$date`?"]);
}

/// `check` reports exactly the problems `want` (by heading) with the help lines `helps`; `build` refuses the same
/// problems, all of them at once, and writes nothing.
fn refused_by_check_and_build(dir: &tempfile::TempDir, site: &Path, want: &[&str], helps: &[&str]) -> Run {
    let check = hubsite(&["check", "--site", &site.to_string_lossy()], site);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert_eq!(headings(&check.stdout), want, "{}", check.stdout);
    for help in helps {
        assert!(check.stdout.contains(help), "{help}\n{}", check.stdout);
    }
    let out = dir.path().join("public");
    let build = build_into(site, &out);
    assert_eq!(build.code, 1);
    assert_eq!(headings(&build.stderr), want, "{}", build.stderr);
    assert!(!out.exists());
    build
}
