//! The theme: the default templates compiled in, a site's own templates and static files laid over them by name,
//! and template errors shown at the template's file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::value::{Kwargs, Serde};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, Value};

use super::escape_html;
use crate::content::ids::LangCode;
use crate::diagnostics::{Diagnostic, FileId, SourceFile, SourceMap, Span};
use crate::i18n::Strings;

/// The default theme, compiled in: (template name, source).
pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    ("embed.html", include_str!("../../themes/default/templates/embed.html")),
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
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "macros.html",
        include_str!("../../themes/default/templates/macros.html"),
    ),
];

pub const CSS: &str = include_str!("../../themes/default/static/site.css");
/// The search script, served as `/search.js` unless a theme has its own.
pub const SEARCH_JS: &str = include_str!("../../themes/default/static/search.js");
/// The script partners load to show a page in a frame that fits its content, served as `/embed.js`.
pub const EMBED_JS: &str = include_str!("../../themes/default/static/embed.js");
/// The script in each copy under `/embed/` that tells the partner's page how tall it is, served as
/// `/embed-height.js`: a file, not inline, so the site's Content-Security-Policy needs no hash for it.
pub const EMBED_HEIGHT_JS: &str = include_str!("../../themes/default/static/embed-height.js");

/// A problem in a template or a theme file, already written out for the person editing the theme.
#[derive(Debug)]
pub struct TemplateError(pub String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every template as (path shown to people, source): the site's own from `dir/templates/`, then the built-in
/// ones it does not replace. A template that cannot be read is left out; the build reports it.
pub fn sources(root: &Path, dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut own = std::collections::BTreeSet::new();
    if let Ok(paths) = own_templates(dir) {
        for path in paths {
            if let Ok(source) = std::fs::read_to_string(&path) {
                own.insert(
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
                let shown = crate::diagnostics::display_path(path.strip_prefix(root).unwrap_or(&path));
                out.push((shown, source));
            }
        }
    }
    for (name, source) in TEMPLATES {
        if !own.contains(*name) {
            out.push((format!("(built into hubsite) templates/{name}"), (*source).to_string()));
        }
    }
    out
}

/// The theme's own templates, `dir/templates/*.html`, sorted; none when it has no `templates/` folder.
pub(super) fn own_templates(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let templates = dir.join("templates");
    if !templates.is_dir() {
        return Ok(Vec::new());
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&templates)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// The templates and static files pages are made with.
pub struct Theme {
    env: Environment<'static>,
    /// The site's own templates, by name, with the path people know each one by.
    own: BTreeMap<String, String>,
    static_dir: PathBuf,
}

/// Where a template error is: the template's path as shown to people, and its text.
fn located(e: &Error, path: &str, source: &str) -> TemplateError {
    let mut sources = SourceMap::default();
    let file = sources.add(SourceFile::new(path.to_string(), source.to_string()));
    let builtin = path.ends_with("(built into hubsite)");
    TemplateError(diagnostic(e, file, source, builtin).render(&sources))
}

/// A template error as a problem at its place in `file`, whose text is `source`.
pub(super) fn diagnostic(e: &Error, file: FileId, source: &str, builtin: bool) -> Diagnostic {
    let (start, end) = match (e.range(), e.line()) {
        (Some(r), _) => (r.start, r.end),
        (None, Some(line)) => {
            let at = source
                .split_inclusive('\n')
                .take(line.saturating_sub(1))
                .map(str::len)
                .sum();
            (at, at)
        }
        (None, None) => (0, 0),
    };
    let span = Span {
        file,
        start: u32::try_from(start).unwrap_or(0),
        end: u32::try_from(end).unwrap_or(0),
    };
    // MiniJinja names the undefined field only in debug builds; the release build names it from the template.
    let named = source
        .get(start..end)
        .filter(|s| !s.is_empty() && e.kind() == ErrorKind::UndefinedError);
    let message = match (e.detail(), named) {
        (Some(detail), _) => format!("{}: {detail}", e.kind()),
        (None, Some(name)) => format!("{}: `{name}` is undefined", e.kind()),
        (None, None) => e.kind().to_string(),
    };
    let detail = e.detail().unwrap_or_default();
    let unclosed = detail.contains("end of input") || detail.starts_with("unknown statement end");
    let help = if builtin {
        "this is a mistake in hubsite's own theme; please report it"
    } else if unclosed {
        "a `{% if %}`, `{% for %}`, `{% block %}` or `{% macro %}` above is not closed, or closed with the wrong \
         end: give each its own `{% endif %}`, `{% endfor %}`, `{% endblock %}` or `{% endmacro %}`, the last opened \
         first"
    } else {
        "fix this template, or delete it to use the default theme's"
    };
    Diagnostic::error("template", span, message).help(help)
}

impl Theme {
    /// The default theme, with the site's `themes/<name>/templates/*.html` laid over it by name.
    pub fn load(strings: Arc<Strings>, root: &Path, dir: &Path) -> Result<Theme, TemplateError> {
        let mut env = Environment::new();
        // A misspelt field in a template is an error, not an empty space on every page; `{% if x %}` still works.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        for (name, source) in TEMPLATES {
            env.add_template_owned(*name, *source)
                .map_err(|e| located(&e, &format!("{name} (built into hubsite)"), source))?;
        }
        let mut own = BTreeMap::new();
        let paths = own_templates(dir).map_err(|e| {
            let templates = dir.join("templates");
            TemplateError(format!("could not read {}: {e}", templates.display()))
        })?;
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let shown = crate::diagnostics::display_path(path.strip_prefix(root).unwrap_or(&path));
            let source =
                std::fs::read_to_string(&path).map_err(|e| TemplateError(format!("could not read {shown}: {e}")))?;
            env.add_template_owned(name.clone(), source.clone())
                .map_err(|e| located(&e, &shown, &source))?;
            own.insert(name, shown);
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
                // Numbers stay numbers, so plurals choose the right form and digits follow the language.
                let args: Vec<(String, fluent_bundle::FluentValue<'static>)> = kwargs
                    .args()
                    .map(|k| {
                        let v = kwargs.get::<Value>(k).unwrap_or_default();
                        let value = match v.as_i64() {
                            Some(n) if v.is_number() => fluent_bundle::FluentValue::from(n),
                            _ => v.to_string().into(),
                        };
                        (k.to_string(), value)
                    })
                    .collect();
                kwargs.assert_all_used()?;
                let refs: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
                    args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                Ok(strings.get(&LangCode::new(lang), id, &refs))
            },
        );
        Ok(Theme {
            env,
            own,
            static_dir: dir.join("static"),
        })
    }

    /// Renders one template with a view that serialises to the template's context.
    pub fn render(&self, template: &str, view: &impl serde::Serialize) -> Result<String, TemplateError> {
        let rendered = self
            .env
            .get_template(template)
            .and_then(|t| t.render(Value::from(Serde(view))));
        rendered.map_err(|e| {
            let name = e.name().unwrap_or(template).to_string();
            let path = self
                .own
                .get(&name)
                .cloned()
                .unwrap_or_else(|| format!("{name} (built into hubsite)"));
            let source = self
                .env
                .get_template(&name)
                .map(|t| t.source().to_string())
                .unwrap_or_default();
            located(&e, &path, &source)
        })
    }

    /// The theme's static files, by path under its `static/` folder, sorted.
    pub fn static_files(&self) -> Result<std::collections::BTreeMap<String, Vec<u8>>, TemplateError> {
        let dir = &self.static_dir;
        let mut out = std::collections::BTreeMap::new();
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
}
