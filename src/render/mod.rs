//! Rendering: MiniJinja templates, markdown and words, turning the loaded site into pages.

pub mod jsonld;
pub mod markdown;
mod pages;
pub mod urls;
pub mod words;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use minijinja::value::{Kwargs, Serde};
use minijinja::{Environment, Error, State, Value};
use rayon::prelude::*;

use crate::content::ids::LangCode;
use crate::i18n::Strings;

/// The default theme, compiled in: (template name, source).
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    ("entry.html", include_str!("../../themes/default/templates/entry.html")),
    ("place.html", include_str!("../../themes/default/templates/place.html")),
    (
        "activity.html",
        include_str!("../../themes/default/templates/activity.html"),
    ),
    ("offer.html", include_str!("../../themes/default/templates/offer.html")),
    ("page.html", include_str!("../../themes/default/templates/page.html")),
    ("list.html", include_str!("../../themes/default/templates/list.html")),
    (
        "chooser.html",
        include_str!("../../themes/default/templates/chooser.html"),
    ),
    (
        "timetable.html",
        include_str!("../../themes/default/templates/timetable.html"),
    ),
    ("print.html", include_str!("../../themes/default/templates/print.html")),
];

pub const CSS: &str = include_str!("../../themes/default/static/site.css");

/// A problem in a template, with where it is, for people editing a theme.
#[derive(Debug)]
pub struct TemplateError(pub String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn template_error(e: &Error) -> TemplateError {
    let place = match (e.name(), e.line()) {
        (Some(name), Some(line)) => format!("{name}:{line}: "),
        (Some(name), None) => format!("{name}: "),
        _ => String::new(),
    };
    TemplateError(format!("{place}{e}\n{}", e.display_debug_info()))
}

/// The template environment: the default theme, with a site's own templates laid over it by name.
pub fn environment(strings: Arc<Strings>, site_theme: Option<&Path>) -> Result<Environment<'static>, TemplateError> {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template_owned(*name, *source).map_err(|e| template_error(&e))?;
    }
    if let Some(dir) = site_theme.map(|d| d.join("templates")).filter(|d| d.is_dir()) {
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| TemplateError(format!("could not read {}: {e}", dir.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        names.sort();
        for path in names {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = std::fs::read_to_string(&path)
                .map_err(|e| TemplateError(format!("could not read {}: {e}", path.display())))?;
            env.add_template_owned(name, source).map_err(|e| template_error(&e))?;
        }
    }
    // Escape only what HTML needs (& < > " '), not `/` as well, which would bloat every link on every page.
    env.set_formatter(|out, state, value| {
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        let text = value.to_string();
        let written = if value.is_safe() || matches!(state.auto_escape(), minijinja::AutoEscape::None) {
            out.write_str(&text)
        } else {
            out.write_str(&escape_html(&text))
        };
        written.map_err(|_| Error::new(minijinja::ErrorKind::WriteFailure, "could not write the page"))
    });
    // `t("id", name=value)` gives a UI string in the page's language.
    env.add_function(
        "t",
        move |state: &State, id: &str, kwargs: Kwargs| -> Result<String, Error> {
            let lang = state.lookup("lang").map(|l| l.to_string()).unwrap_or_default();
            let args: Vec<(String, fluent_bundle::FluentValue<'static>)> = kwargs
                .args()
                .map(|k| {
                    (
                        k.to_string(),
                        kwargs.get::<Value>(k).map(|v| v.to_string()).unwrap_or_default().into(),
                    )
                })
                .collect();
            kwargs.assert_all_used()?;
            let refs: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
                args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            Ok(strings.get(&LangCode::new(lang), id, &refs))
        },
    );
    Ok(env)
}

/// Escapes text for HTML, in element content and in quoted attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders one template with a view that serialises to the template's context.
pub fn render(env: &Environment<'_>, template: &str, view: &impl serde::Serialize) -> Result<String, TemplateError> {
    let tmpl = env.get_template(template).map_err(|e| template_error(&e))?;
    tmpl.render(Value::from(Serde(view))).map_err(|e| template_error(&e))
}

/// Every file of the built site, by path, sorted, so writing it is the same every time.
pub type SiteFiles = BTreeMap<String, Vec<u8>>;

/// A theme's static files, by path under its `static/` folder, sorted.
fn static_files(dir: &Path) -> Result<SiteFiles, TemplateError> {
    let mut out = SiteFiles::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| TemplateError(format!("could not read {}: {e}", dir.display())))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes =
            std::fs::read(path).map_err(|e| TemplateError(format!("could not read {}: {e}", path.display())))?;
        out.insert(rel, bytes);
    }
    Ok(out)
}

/// Renders the whole site: every page in every language, in parallel, plus the shared files and the theme's
/// static files. `tick` is called once per page, for a progress bar.
pub fn site(checked: &crate::Checked, today: time::Date, tick: &(dyn Fn() + Sync)) -> Result<SiteFiles, TemplateError> {
    let config = &checked.loaded.config;
    let strings = Arc::new(Strings::new(&checked.catalog, &config.languages));
    let theme_dir = checked
        .loaded
        .root
        .join("themes")
        .join(config.theme.as_deref().unwrap_or("default"));
    let env = environment(strings.clone(), Some(&theme_dir))?;
    // A site's own `static/site.css` replaces the default one, which every page inlines; other static files are
    // copied as they are.
    let mut statics = static_files(&theme_dir.join("static"))?;
    let css = match statics.remove("site.css") {
        Some(bytes) => String::from_utf8(bytes).map_err(|_| {
            TemplateError(format!(
                "{}: this file is not UTF-8 text",
                theme_dir.join("static/site.css").display()
            ))
        })?,
        None => CSS.to_string(),
    };
    let ctx = pages::Ctx::new(checked, &strings, &env, today, &css, tick);
    let per_lang: Vec<Result<Vec<(String, String)>, TemplateError>> =
        config.languages.par_iter().map(|lang| ctx.language(lang)).collect();
    let mut files = statics;
    for pages in per_lang {
        for (path, html) in pages? {
            files.insert(urls::file_for(&path), html.into_bytes());
        }
    }
    for (path, bytes) in ctx.shared()? {
        files.insert(path, bytes);
    }
    Ok(files)
}
