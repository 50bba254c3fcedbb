//! A site's own theme: templates and static files that replace the default ones by name, and template mistakes
//! reported at the template's file, line and column, with nothing written.

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
        "themes/default/templates/activity.html:4:18: error[template]: syntax error: unexpected `}`\n  |\n4 | {{ nothing.here( }}\n  |                  ^\n  = help: fix this template, or delete it to use the default theme's\n\nNot built: the theme has a problem to fix first. Nothing was written.\n"
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
    let (dir, site) = site();
    let toml = std::fs::read_to_string(site.join("site.toml")).expect("site.toml");
    std::fs::write(site.join("site.toml"), format!("theme = \"eastbrook\"\n{toml}")).expect("write");
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
