//! `content/glossary.toml`: a site's own terms, each with the plain words to say instead, in any of its languages.
//!
//! ```toml
//! [CAMHS]
//! say = "children's mental health services"
//! bn = "শিশুদের মানসিক স্বাস্থ্য সেবা"
//! means = "child and adolescent mental health services"
//!
//! ["service user"]
//! say = "you"
//! ```

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::Term;
use crate::config::SiteConfig;
use crate::content::fields::{Ctx, type_words};
use crate::diagnostics::{Diagnostic, FileId};

const EXAMPLE: &str = "[CAMHS]\nsay = \"children's mental health services\"";

/// The site's terms, in the order they are written, and every problem with them.
pub fn parse(file: FileId, text: &str, config: &SiteConfig) -> (Vec<Term>, Vec<Diagnostic>) {
    let ctx = Ctx::new(file, 0, text);
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .map(|e| crate::content::load::syntax_diagnostic(&ctx, text, e))
            .collect();
        return (Vec::new(), diags);
    }
    let source = config.source_language().as_str();
    let others: Vec<&str> = config
        .languages
        .iter()
        .map(|l| l.as_str())
        .filter(|l| *l != source)
        .collect();
    let mut known = vec!["say", "means"];
    known.extend(&others);
    let mut terms: Vec<(usize, Term)> = Vec::new();
    for (key, value) in doc.get_ref().iter() {
        let name = key.get_ref().trim();
        let key_span = ctx.span(key.span());
        let DeValue::Table(fields) = value.get_ref() else {
            ctx.error(
                "glossary",
                ctx.span(value.span()),
                format!(
                    "`{name}` is {}, not a table of what to say instead",
                    type_words(value.get_ref())
                ),
                format!("write each term as a heading, then what to say instead:\n{EXAMPLE}"),
            );
            continue;
        };
        if name.is_empty() {
            ctx.error(
                "glossary",
                key_span,
                "this glossary term is empty",
                "write the word or acronym in the brackets, like [CAMHS]",
            );
            continue;
        }
        let mut term = Term {
            term: name.to_string(),
            plain: String::new(),
            notes: String::new(),
            kind: Term::kind_of(name),
            translations: BTreeMap::new(),
        };
        let mut has_say = false;
        for (field, v) in fields.iter() {
            let field_name: &str = field.get_ref().as_ref();
            let field_span = ctx.span(field.span());
            let DeValue::String(s) = v.get_ref() else {
                ctx.error(
                    "glossary",
                    ctx.span(v.span()),
                    format!("`{field_name}` is {}, not text in quotes", type_words(v.get_ref())),
                    format!("write it in quotes, like {field_name} = \"children's mental health services\""),
                );
                continue;
            };
            let s = crate::content::fields::fold_spaces(s);
            match field_name {
                "say" => {
                    term.plain = s;
                    has_say = true;
                }
                "means" => term.notes = s,
                lang if others.contains(&lang) => {
                    term.translations.insert(lang.to_string(), s);
                }
                other => {
                    let looks_like_language =
                        (2..=3).contains(&other.len()) && other.bytes().all(|b| b.is_ascii_lowercase());
                    let help = match crate::suggest::nearest(other, &known) {
                        // Two letters are near any other two: only a field name is worth suggesting for them.
                        Some(near) if !looks_like_language || near == "say" => format!("did you mean `{near}`?"),
                        _ if looks_like_language => format!(
                            "`{other}` is not one of the site's other languages ({}); add it to `languages` in site.toml first",
                            others.join(", ")
                        ),
                        _ => format!(
                            "a glossary term has `say` (what to say instead), `means` (what it stands for) and one field for each other language: {}",
                            others.join(", ")
                        ),
                    };
                    ctx.error(
                        "unknown-field",
                        field_span,
                        format!("a glossary term has no field called `{other}`"),
                        help,
                    );
                }
            }
        }
        if !has_say || term.plain.is_empty() {
            ctx.error(
                "glossary",
                key_span,
                format!("the glossary term `{name}` does not say what to write instead"),
                format!("add a line under it, like say = \"{}\"", example_say(&term)),
            );
            continue;
        }
        terms.push((key_span.start as usize, term));
    }
    // Tables are read in key order; the order they are written is the one people expect.
    terms.sort_by_key(|(at, _)| *at);
    (terms.into_iter().map(|(_, t)| t).collect(), ctx.take())
}

fn example_say(term: &Term) -> &'static str {
    match term.kind {
        super::TermKind::Acronym => "the words in full, in plain English",
        super::TermKind::Jargon => "a plain word for it",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{SourceFile, SourceMap};

    fn run(text: &str) -> (Vec<Term>, Vec<String>) {
        let mut sources = SourceMap::default();
        let file = sources.add(SourceFile::new("content/glossary.toml".into(), text.into()));
        let config = SiteConfig::fallback();
        let (terms, diags) = parse(file, text, &config);
        (terms, diags.iter().map(|d| d.render(&sources)).collect())
    }

    #[test]
    fn reads_terms_in_the_order_written_with_their_translations() {
        let (terms, diags) = run(
            "[NCT]\nsay = \"a charity for parents\"\nbn = \"বাবা-মায়ের জন্য একটি দাতব্য সংস্থা\"\n\n[\"service user\"]\nsay = \"you\"\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].term, "NCT");
        assert_eq!(terms[0].kind, super::super::TermKind::Acronym);
        assert_eq!(terms[0].plain_in("bn", "en"), Some("বাবা-মায়ের জন্য একটি দাতব্য সংস্থা"));
        assert_eq!(terms[1].term, "service user");
        assert_eq!(terms[1].kind, super::super::TermKind::Jargon);
    }

    #[test]
    fn names_the_line_of_every_mistake() {
        let (terms, diags) = run("[NCT]\nsya = \"a charity\"\n\n[PALS]\nsay = 3\nfr = \"x\"\n");
        assert!(terms.is_empty());
        assert_eq!(diags.len(), 5, "{diags:#?}");
        let has = |start: &str, help: &str| {
            assert!(
                diags.iter().any(|d| d.starts_with(start) && d.contains(help)),
                "no {start} … {help} in {diags:#?}"
            );
        };
        has(
            "content/glossary.toml:2:1: error[unknown-field]: a glossary term has no field called `sya`",
            "help: did you mean `say`?",
        );
        has(
            "content/glossary.toml:1:2: error[glossary]: the glossary term `NCT` does not say what to write instead",
            "help: add a line under it, like say = \"the words in full, in plain English\"",
        );
        has(
            "content/glossary.toml:5:7: error[glossary]: `say` is a whole number",
            "write it in quotes",
        );
        has(
            "content/glossary.toml:6:1: error[unknown-field]: a glossary term has no field called `fr`",
            "`fr` is not one of the site's other languages (bn, so)",
        );
        has(
            "content/glossary.toml:4:2: error[glossary]: the glossary term `PALS`",
            "say =",
        );
    }
}
