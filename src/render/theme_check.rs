//! What `check` reads of the theme, so it refuses what `build` would: each of the theme's own templates compiled as
//! `build` compiles it, every template they name, and the stylesheet every page inlines.

use std::collections::BTreeSet;
use std::path::Path;

use minijinja::Environment;

use super::theme::{TEMPLATES, diagnostic, own_templates};
use crate::content::LoadError;
use crate::content::load::{not_utf8, read_text};
use crate::diagnostics::{Diagnostic, FileId, SourceMap, Span, display_path};

/// Every problem in the theme in `dir`: a template or stylesheet that is not UTF-8 text, a template `build` could
/// not compile, and a template named in `extends`, `include`, `import` or `from` that does not exist. A file with a
/// problem is added to `sources`, so it can be shown.
pub fn check(root: &Path, dir: &Path, sources: &mut SourceMap) -> Result<Vec<Diagnostic>, LoadError> {
    let mut out = Vec::new();
    let paths = own_templates(dir).map_err(|e| LoadError::Io(dir.join("templates"), e))?;
    let shown = |path: &Path| display_path(path.strip_prefix(root).unwrap_or(path));
    let mut env = Environment::new();
    let mut compiled = Vec::new();
    for path in &paths {
        let (file, bad) = read_text(path, &shown(path))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(at) = bad {
            out.push(not_utf8(sources.add(file), at));
            continue;
        }
        match env.add_template_owned(name, file.text.clone()) {
            Ok(()) => compiled.push(file),
            Err(e) => {
                let text = file.text.clone();
                out.push(diagnostic(&e, sources.add(file), &text, false));
            }
        }
    }
    let names: BTreeSet<String> = TEMPLATES
        .iter()
        .map(|(name, _)| name.to_string())
        .chain(
            paths
                .iter()
                .filter_map(|p| Some(p.file_name()?.to_string_lossy().into_owned())),
        )
        .collect();
    let folder = display_path(dir.join("templates").strip_prefix(root).unwrap_or(dir));
    for file in compiled {
        let missing: Vec<Named> = named_templates(&file.text)
            .into_iter()
            .filter(|n| !n.names.iter().any(|(name, _)| names.contains(name)))
            .collect();
        if !missing.is_empty() {
            let id = sources.add(file);
            out.extend(missing.iter().map(|n| no_such_template(n, id, &names, &folder)));
        }
    }
    let css = dir.join("static/site.css");
    if css.is_file() {
        let (file, bad) = read_text(&css, &shown(&css))?;
        if let Some(at) = bad {
            out.push(not_utf8(sources.add(file), at));
        }
    }
    Ok(out)
}

/// A tag naming other templates: the tag's word, and each name written with where it starts. `include` may give a
/// list, of which the first that exists is used.
struct Named {
    tag: &'static str,
    names: Vec<(String, usize)>,
}

/// The problem of a tag none of whose templates exist.
fn no_such_template(named: &Named, file: FileId, names: &BTreeSet<String>, folder: &str) -> Diagnostic {
    let (first, at) = (&named.names[0].0, named.names[0].1);
    let span = Span {
        file,
        start: at as u32,
        end: (at + first.len()) as u32,
    };
    let known: Vec<&str> = names.iter().map(String::as_str).collect();
    let help = match crate::suggest::nearest(first, &known) {
        Some(near) => format!("did you mean \"{near}\"?"),
        None => format!(
            "the templates are the .html files in {folder}/ (not in folders inside it) and the default theme's: {}",
            known.join(", ")
        ),
    };
    let message = format!(
        "there is no template called \"{first}\" for this `{}` to use, so no page made with it could be built",
        named.tag
    );
    Diagnostic::error("template-missing", span, message).help(help)
}

/// The templates named in `extends`, `include`, `import` and `from` tags, written as strings. A name worked out
/// while a page is made cannot be known before, and `ignore missing` says a missing one is meant; both are left out.
fn named_templates(source: &str) -> Vec<Named> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = source[at..].find('{').map(|i| at + i) {
        let rest = &source[open..];
        let close = match rest.get(1..2) {
            Some("#") => "#}",
            Some("{") => "}}",
            Some("%") => "%}",
            _ => {
                at = open + 1;
                continue;
            }
        };
        let Some(end) = rest[2..].find(close).map(|i| open + 2 + i) else {
            break;
        };
        at = end + 2;
        if close != "%}" {
            continue;
        }
        let inner = source[open + 2..end].trim_start_matches(['-', '+']);
        let body = inner.trim_start();
        let word_end = body.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(body.len());
        let word = &body[..word_end];
        if word == "raw" {
            // Nothing up to `endraw` is a tag.
            at = source[at..].find("endraw").map_or(source.len(), |i| at + i);
            continue;
        }
        let Some(tag) = ["extends", "include", "import", "from"]
            .into_iter()
            .find(|t| *t == word)
        else {
            continue;
        };
        let args_at = end - body.len() + word_end;
        if let Some(names) = literal_names(source, args_at, end, tag == "include") {
            let names = names.into_iter().map(|(n, at)| (n.to_string(), at)).collect();
            out.push(Named { tag, names });
        }
    }
    out
}

/// The names written as strings from `start` to `end` in `source`: one, or for `include` a list of them; `None`
/// when the name is worked out (a variable, a joined string) or may be missing.
fn literal_names(source: &str, start: usize, end: usize, list: bool) -> Option<Vec<(&str, usize)>> {
    let text = &source[..end];
    let mut pos = skip_space(text, start);
    let mut names = Vec::new();
    if list && text[pos..].starts_with('[') {
        pos += 1;
        loop {
            pos = skip_space(text, pos);
            let (name, at, next) = string(text, pos)?;
            names.push((name, at));
            pos = skip_space(text, next);
            match text[pos..].chars().next()? {
                ',' => pos += 1,
                ']' => {
                    pos += 1;
                    break;
                }
                _ => return None,
            }
        }
    } else {
        let (name, at, next) = string(text, pos)?;
        names.push((name, at));
        pos = next;
    }
    // What may follow a name written out; anything else (`~`, `if`, a filter) makes the name worked out.
    let after = text[pos..].trim().trim_end_matches(['-', '+']).trim_end();
    let word = after.split_whitespace().next().unwrap_or("");
    if word == "ignore" || !matches!(word, "" | "with" | "without" | "as" | "import") {
        return None;
    }
    Some(names)
}

fn skip_space(text: &str, pos: usize) -> usize {
    pos + text[pos..].len() - text[pos..].trim_start().len()
}

/// The string written at `pos`: its text, where that starts, and where the string ends.
fn string(text: &str, pos: usize) -> Option<(&str, usize, usize)> {
    let quote = text[pos..].chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let from = pos + 1;
    let len = text[from..].find(quote)?;
    let name = &text[from..from + len];
    (!name.contains('\\')).then_some((name, from, from + len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(source: &str) -> Vec<(String, Vec<String>)> {
        named_templates(source)
            .into_iter()
            .map(|n| {
                let names = n.names.iter().map(|(name, at)| {
                    assert_eq!(&source[*at..*at + name.len()], *name);
                    name.to_string()
                });
                (n.tag.to_string(), names.collect())
            })
            .collect()
    }

    #[test]
    fn names_written_as_strings_are_found() {
        let source = "{% extends \"base.html\" %}{#- {% include \"x\" %} -#}{{ \"{% include 'y' %}\" }}\n\
                      {%- include 'a.html' with context -%}{% import \"macros.html\" as m %}\
                      {% from \"m.html\" import f, g %}{% include [\"b.html\", 'c.html'] %}";
        assert_eq!(
            found(source),
            [
                ("extends".into(), vec!["base.html".to_string()]),
                ("include".into(), vec!["a.html".to_string()]),
                ("import".into(), vec!["macros.html".to_string()]),
                ("from".into(), vec!["m.html".to_string()]),
                ("include".into(), vec!["b.html".to_string(), "c.html".to_string()]),
            ]
        );
    }

    #[test]
    fn names_worked_out_or_allowed_to_be_missing_are_left_out() {
        let source = "{% include name %}{% include \"a\" ~ b %}{% include \"x.html\" ignore missing %}\
                      {% include \"p\" if y else \"q\" %}{% raw %}{% include \"r.html\" %}{% endraw %}\
                      {% if x %}{% endif %}{ not a tag";
        assert_eq!(found(source), Vec::<(String, Vec<String>)>::new());
    }
}
