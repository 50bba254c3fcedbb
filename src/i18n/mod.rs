//! Fluent messages: the built-in strings of the default theme and the site's own, per language.

mod depth;
pub mod formats;
pub mod references;
mod strings;

pub use formats::Formats;
pub use strings::Strings;

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::ids::LangCode;
use crate::diagnostics::{Diagnostic, FileId, SourceFile, SourceMap, Span, display_path};

/// The built-in Fluent files, compiled into the binary: (language, file name, text).
pub const BUILTIN: &[(&str, &str, &str)] = &[
    (
        "en",
        "vocabulary.ftl",
        include_str!("../../themes/default/locales/en/vocabulary.ftl"),
    ),
    (
        "bn",
        "vocabulary.ftl",
        include_str!("../../themes/default/locales/bn/vocabulary.ftl"),
    ),
    (
        "so",
        "vocabulary.ftl",
        include_str!("../../themes/default/locales/so/vocabulary.ftl"),
    ),
    ("en", "ui.ftl", include_str!("../../themes/default/locales/en/ui.ftl")),
    ("bn", "ui.ftl", include_str!("../../themes/default/locales/bn/ui.ftl")),
    ("so", "ui.ftl", include_str!("../../themes/default/locales/so/ui.ftl")),
];

/// Where a message was defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    Site(Span),
}

/// One message's Fluent source, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub source: String,
    pub origin: Origin,
}

/// All messages and terms (a term's id keeps its `-`) by language and id; a theme's messages replace built-in ones
/// with the same id, and a site's messages replace both.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub messages: BTreeMap<LangCode, BTreeMap<String, Message>>,
}

impl Catalog {
    pub fn has(&self, lang: &LangCode, id: &str) -> bool {
        self.messages.get(lang).is_some_and(|m| m.contains_key(id))
    }

    /// Adds a built-in file's messages; for tests elsewhere in the crate.
    #[cfg(test)]
    pub(crate) fn add_for_test(&mut self, lang: &str, text: &str) {
        self.add(lang, text, None, &mut Vec::new());
    }

    fn add(&mut self, lang: &str, text: &str, file: Option<FileId>, diags: &mut Vec<Diagnostic>) {
        // The parser would run out of stack on brackets nested thousands deep: such a message is left out.
        let written = text;
        let (deep, text) = depth::too_deep(written);
        if let (Some(at), Some(file)) = (deep, file) {
            let span = Span {
                file,
                start: at as u32,
                end: at as u32 + 1,
            };
            diags.push(
                Diagnostic::error(
                    "ftl-syntax",
                    span,
                    format!("this message has more than {} brackets inside each other", depth::MOST),
                )
                .help("close each { with } and each ( with ): a message needs two or three at most"),
            );
        }
        let text: &str = &text;
        let resource = match fluent_syntax::parser::parse(text) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    match file {
                        Some(file) => diags.push(
                            Diagnostic::error(
                                "ftl-syntax",
                                // The parser can place a problem past the end of the file, or inside a character.
                                Span {
                                    file,
                                    start: depth::char_start(written, e.pos.start) as u32,
                                    end: depth::char_end(written, e.pos.end) as u32,
                                },
                                format!("this Fluent message is not valid: {}", e.kind),
                            )
                            .help("a message is written `id = text`, one per line; lines that go on start with spaces"),
                        ),
                        None => diags.push(Diagnostic::file_error(
                            "ftl-syntax",
                            Path::new("built-in"),
                            format!("built-in {lang} strings: {}", e.kind),
                        )),
                    }
                }
                r
            }
        };
        let map = self.messages.entry(LangCode::new(lang)).or_default();
        for entry in resource.body {
            // A term is kept under its id with the `-`, as messages refer to it, so the bundles have it too.
            let (id, span) = match entry {
                fluent_syntax::ast::Entry::Message(m) => (m.id.name.to_string(), offset(text, m.id.name)),
                fluent_syntax::ast::Entry::Term(t) => (format!("-{}", t.id.name), offset(text, t.id.name) - 1),
                _ => continue,
            };
            let end = message_end(text, span);
            let origin = match file {
                Some(file) => Origin::Site(Span {
                    file,
                    start: span as u32,
                    end: (span + id.len()) as u32,
                }),
                None => Origin::Builtin,
            };
            let source = text[span..end].trim_end().to_string();
            map.insert(id, Message { source, origin });
        }
    }
}

/// Where `part`, a slice of `text`, starts in it.
pub(crate) fn offset(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// Where the message starting at `start` ends: before the next line that begins the next message, term or
/// comment. Blank lines inside a multi-line message are kept.
fn message_end(text: &str, start: usize) -> usize {
    let mut pos = text[start..].find('\n').map_or(text.len(), |i| start + i + 1);
    let mut end = pos.min(text.len());
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        // Only an id, a term (-) or a comment (#) starts a new entry; `}`, `[` and `*` go on the one before.
        if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#') {
            break;
        }
        if !line.trim().is_empty() {
            end = line_end;
        }
        pos = line_end + 1;
    }
    end.max(start)
}

/// Loads the built-in messages, then the theme's `themes/<name>/locales/<lang>/*.ftl` over them, then the site's
/// `locales/<lang>/*.ftl` over both. A theme may carry languages the site does not have; those are not read.
pub fn load(
    root: &Path,
    theme: &Path,
    languages: &[LangCode],
    sources: &mut SourceMap,
) -> Result<(Catalog, Vec<Diagnostic>), crate::content::LoadError> {
    let mut catalog = Catalog::default();
    let mut diags = Vec::new();
    for (lang, _, text) in BUILTIN {
        catalog.add(lang, text, None, &mut diags);
    }
    let mut folder = Folder {
        root,
        languages,
        catalog: &mut catalog,
        sources,
        diags: &mut diags,
    };
    folder.add(&theme.join("locales"), true)?;
    folder.add(&root.join("locales"), false)?;
    Ok((catalog, diags))
}

/// What loading one `locales/` folder adds to.
struct Folder<'a> {
    root: &'a Path,
    languages: &'a [LangCode],
    catalog: &'a mut Catalog,
    sources: &'a mut SourceMap,
    diags: &'a mut Vec<Diagnostic>,
}

impl Folder<'_> {
    /// Adds every `<dir>/<lang>/*.ftl`; a folder for a language the site does not have is an error in the site's
    /// own `locales/`, and left out of a theme's.
    fn add(&mut self, dir: &Path, theme: bool) -> Result<(), crate::content::LoadError> {
        if !dir.is_dir() {
            return Ok(());
        }
        let root = self.root;
        let known = |name: &str| self.languages.iter().any(|l| l.as_str() == name);
        let mut walk = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .min_depth(1)
            .max_depth(2)
            .into_iter();
        while let Some(item) = walk.next() {
            let item = item.map_err(|e| crate::content::LoadError::Io(dir.to_path_buf(), e.into()))?;
            let rel_path = item.path().strip_prefix(root).unwrap_or(item.path()).to_path_buf();
            let rel = display_path(&rel_path);
            if item.depth() == 1 {
                let name = item.file_name().to_string_lossy();
                if item.file_type().is_dir() && !known(&name) {
                    if theme {
                        walk.skip_current_dir();
                        continue;
                    }
                    self.diags.push(
                        Diagnostic::file_error(
                            "unknown-language",
                            &rel_path,
                            format!("locales/{name}/ is for a language the site does not have"),
                        )
                        .help("add the language to `languages` in site.toml, or remove the folder"),
                    );
                }
                continue;
            }
            if !rel.ends_with(".ftl") {
                continue;
            }
            let Some(lang) = rel_path
                .parent()
                .and_then(|p| p.file_name())
                .map(|l| l.to_string_lossy().into_owned())
            else {
                continue;
            };
            let bytes =
                std::fs::read(item.path()).map_err(|e| crate::content::LoadError::Io(item.path().to_path_buf(), e))?;
            let text = match String::from_utf8(bytes) {
                Ok(t) => crate::content::frontmatter::normalise(t),
                Err(_) => {
                    self.diags.push(
                        Diagnostic::file_error(
                            "bad-utf8",
                            &rel_path,
                            "this file has characters that are not UTF-8 text",
                        )
                        .help("save the file as UTF-8 in your editor"),
                    );
                    continue;
                }
            };
            let id = self.sources.add(SourceFile::new(rel, text));
            let text = self.sources.get(id).text.clone();
            self.catalog.add(&lang, &text, Some(id), self.diags);
        }
        Ok(())
    }
}

/// The English names of languages, for messages to the communications team.
pub fn english_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "bn" => "Bengali",
        "so" => "Somali",
        "ur" => "Urdu",
        "pa" => "Punjabi",
        "pl" => "Polish",
        "ar" => "Arabic",
        "tr" => "Turkish",
        "ro" => "Romanian",
        "es" => "Spanish",
        "fr" => "French",
        "syl" => "Sylheti",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_message_exists_in_every_language() {
        let mut diags = Vec::new();
        let mut c = Catalog::default();
        for (lang, _, text) in BUILTIN {
            c.add(lang, text, None, &mut diags);
        }
        assert!(diags.is_empty(), "{diags:?}");
        let en = &c.messages[&LangCode::new("en")];
        for lang in ["bn", "so"] {
            let other = &c.messages[&LangCode::new(lang)];
            let missing: Vec<&String> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has messages English lacks: {extra:?}");
        }
        assert!(en.len() > 50);
    }

    #[test]
    fn a_message_ends_where_the_next_begins() {
        let text = "a = One\nb =\n    { $n ->\n        [one] one\n\n       *[other] many\n}\n# note\nc = Three\n";
        let mut c = Catalog::default();
        c.add("en", text, None, &mut Vec::new());
        let en = &c.messages[&LangCode::new("en")];
        assert_eq!(en["a"].source, "a = One");
        assert_eq!(
            en["b"].source,
            "b =\n    { $n ->\n        [one] one\n\n       *[other] many\n}"
        );
        assert_eq!(en["c"].source, "c = Three");
    }

    #[test]
    fn bengali_labels_are_in_bengali_script() {
        let mut diags = Vec::new();
        let mut c = Catalog::default();
        for (_, _, text) in BUILTIN.iter().filter(|b| b.0 == "bn") {
            c.add("bn", text, None, &mut diags);
        }
        let bn = &c.messages[&LangCode::new("bn")];
        assert!(
            bn["facility-baby-changing"].source.contains("শিশু"),
            "{:?}",
            bn["facility-baby-changing"]
        );
        assert!(bn["day-friday"].source.contains("শুক্রবার"));
    }
}
