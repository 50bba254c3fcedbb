//! The plain-language check over Fluent messages: the words of the theme, the site's own and hubsite's built-in
//! ones, in every language.

use super::{Scanner, diagnostic};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, FileId, Location, SourceFile, SourceMap, Span};
use crate::i18n::{BUILTIN, Catalog, Origin};

/// Every problem in the messages the site uses. A built-in message is shown at its line in hubsite's own file,
/// which is added to `sources` so it can be shown.
pub fn check(
    scanner: &Scanner<'_>,
    config: &SiteConfig,
    catalog: &Catalog,
    sources: &mut SourceMap,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut builtin_files: Vec<(usize, FileId)> = Vec::new();
    for (lang, messages) in &catalog.messages {
        let english = lang.as_str() == "en";
        for (id, message) in messages {
            let words = mask(&message.source);
            let found = scanner.scan(&words, english, true);
            if found.is_empty() {
                continue;
            }
            let place = match &message.origin {
                Origin::Site(span) => Some((span.file, span.start as usize)),
                Origin::Builtin => builtin_place(lang.as_str(), &message.source, &mut builtin_files, sources),
            };
            for f in found {
                let written = message.source.get(f.range.clone()).unwrap_or_default();
                let location = match place {
                    Some((file, start)) => Location::Span(Span {
                        file,
                        start: (start + f.range.start) as u32,
                        end: (start + f.range.end) as u32,
                    }),
                    None => Location::File(format!("built-in message {id}").into()),
                };
                let mut d = diagnostic(&f, written, lang.as_str(), scanner, config, location);
                if matches!(message.origin, Origin::Builtin) {
                    d.help = d.help.map(|h| {
                        format!("{h}; to change hubsite's own words, write the message `{id}` in locales/{lang}/ui.ftl")
                    });
                }
                out.push(d);
            }
        }
    }
    out
}

/// Where a built-in message is: its file (added to the source map the first time) and its offset.
fn builtin_place(
    lang: &str,
    message: &str,
    files: &mut Vec<(usize, FileId)>,
    sources: &mut SourceMap,
) -> Option<(FileId, usize)> {
    let (k, (_, name, text)) = BUILTIN
        .iter()
        .enumerate()
        .find(|(_, (l, _, text))| *l == lang && text.contains(message))?;
    let at = text.find(message)?;
    let file = match files.iter().find(|(i, _)| *i == k) {
        Some((_, f)) => *f,
        None => {
            let f = sources.add(SourceFile::new(
                format!("(built into hubsite) locales/{lang}/{name}"),
                (*text).to_string(),
            ));
            files.push((k, f));
            f
        }
    };
    Some((file, at))
}

/// A message's source with everything that is not words for people blanked out, byte for byte, so positions stay
/// the same: the id, variables, functions, terms and variant keys. The text of each variant is kept.
pub fn mask(source: &str) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Text,
        Expr,
        /// The text of one variant of a select expression: words, up to the end of its line.
        Variant,
    }
    let mut out = String::with_capacity(source.len());
    let blank = |out: &mut String, c: char| out.extend(std::iter::repeat_n(' ', c.len_utf8()));
    // The id, and the `=` after it, are not words.
    let body_start = source.find('=').map_or(0, |i| i + 1);
    let mut stack = vec![Mode::Text];
    let mut in_key = false;
    let mut line_start = true;
    let mut attr = false;
    for (i, c) in source.char_indices() {
        let mode = *stack.last().unwrap_or(&Mode::Text);
        if i < body_start {
            blank(&mut out, c);
            continue;
        }
        // An attribute line, `.label = text`: its name is not words either.
        if mode == Mode::Text && line_start && c == '.' {
            attr = true;
        }
        if attr {
            if c == '=' {
                attr = false;
            }
            blank(&mut out, c);
            line_start = false;
            continue;
        }
        if !c.is_whitespace() {
            line_start = false;
        }
        if c == '\n' {
            line_start = true;
        }
        match (mode, c) {
            (Mode::Text | Mode::Variant, '{') => {
                stack.push(Mode::Expr);
                blank(&mut out, c);
            }
            (Mode::Variant, '\n') => {
                stack.pop();
                out.push(c);
            }
            (Mode::Variant, '}') => {
                // The end of the select expression the variant was in.
                stack.pop();
                stack.pop();
                blank(&mut out, c);
            }
            (Mode::Text | Mode::Variant, _) => out.push(c),
            (Mode::Expr, '[') => {
                in_key = true;
                blank(&mut out, c);
            }
            (Mode::Expr, ']') if in_key => {
                in_key = false;
                stack.push(Mode::Variant);
                blank(&mut out, c);
            }
            (Mode::Expr, '}') => {
                stack.pop();
                if stack.is_empty() {
                    stack.push(Mode::Text);
                }
                blank(&mut out, c);
            }
            (Mode::Expr, '\n') => out.push(c),
            (Mode::Expr, _) => blank(&mut out, c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_words_for_people_are_left() {
        let source = "found-count = { NUMBER($count) ->\n    [one] One group with CAMHS\n   *[other] { $count } groups at the DfE\n} for { -brand }\n    .aria-label = KPI list";
        let m = mask(source);
        assert_eq!(m.len(), source.len());
        let words: Vec<&str> = m.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "One", "group", "with", "CAMHS", "groups", "at", "the", "DfE", "for", "KPI", "list"
            ]
        );
        let at = m.find("CAMHS").unwrap_or(0);
        assert_eq!(&source[at..at + 5], "CAMHS");
    }
}
