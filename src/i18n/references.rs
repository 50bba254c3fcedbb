//! Fluent references checked: every message, term, variable and function a site's or theme's message names must
//! exist, or the page shows the raw `{ $name }` in its place.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fluent_syntax::ast::{Attribute, CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{BUILTIN, Catalog, Message, Origin, english_name, offset};
use crate::content::ids::LangCode;
use crate::diagnostics::{Diagnostic, Span};
use crate::suggest::nearest;

/// Messages hubsite shows as they are, with no values: the labels of vocabulary ids, and the site's title.
const WITHOUT_VALUES: [&str; 7] = [
    "locality-",
    "category-",
    "facility-",
    "audience-",
    "language-",
    "offer-area-",
    "site-title",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Message,
    Term,
    Variable,
    Function,
}

/// One name a message uses, and where it is in the message's source: `at` is its `-` or `$`, if it has one.
struct Named<'s> {
    kind: Kind,
    name: &'s str,
    attribute: Option<&'s str>,
    at: usize,
    len: usize,
}

/// Collects the names used in one message's patterns, in order.
struct Walk<'s> {
    source: &'s str,
    out: Vec<Named<'s>>,
}

impl<'s> Walk<'s> {
    fn push(&mut self, kind: Kind, name: &'s str, attribute: Option<&'s str>) {
        let sigil = usize::from(matches!(kind, Kind::Term | Kind::Variable));
        let at = offset(self.source, name) - sigil;
        let end = attribute.map_or(at + sigil + name.len(), |a| offset(self.source, a) + a.len());
        self.out.push(Named {
            kind,
            name,
            attribute,
            at,
            len: end - at,
        });
    }

    fn pattern(&mut self, pattern: &Pattern<&'s str>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &Expression<&'s str>) {
        match expression {
            Expression::Select { selector, variants } => {
                self.inline(selector);
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
            Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &InlineExpression<&'s str>) {
        match inline {
            InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
            InlineExpression::FunctionReference { id, arguments } => {
                self.push(Kind::Function, id.name, None);
                self.arguments(arguments);
            }
            InlineExpression::MessageReference { id, attribute } => {
                self.push(Kind::Message, id.name, attribute.as_ref().map(|a| a.name));
            }
            InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                self.push(Kind::Term, id.name, attribute.as_ref().map(|a| a.name));
                if let Some(arguments) = arguments {
                    self.arguments(arguments);
                }
            }
            InlineExpression::VariableReference { id } => self.push(Kind::Variable, id.name, None),
            InlineExpression::Placeable { expression } => self.expression(expression),
        }
    }

    fn arguments(&mut self, arguments: &CallArguments<&'s str>) {
        for a in arguments
            .positional
            .iter()
            .chain(arguments.named.iter().map(|n| &n.value))
        {
            self.inline(a);
        }
    }
}

/// A message or term parsed from its own source: the names it uses, and its attributes.
struct Parsed<'s> {
    names: Vec<Named<'s>>,
    attributes: Vec<&'s str>,
}

fn walk<'s>(source: &'s str, value: Option<&Pattern<&'s str>>, attributes: &[Attribute<&'s str>]) -> Parsed<'s> {
    let mut w = Walk {
        source,
        out: Vec::new(),
    };
    value.into_iter().for_each(|p| w.pattern(p));
    attributes.iter().for_each(|a| w.pattern(&a.value));
    Parsed {
        names: w.out,
        attributes: attributes.iter().map(|a| a.id.name).collect(),
    }
}

/// Every message and term in `text`, by id (a term's with its `-`).
fn parse(text: &str) -> Vec<(String, Parsed<'_>)> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some((m.id.name.to_string(), walk(text, m.value.as_ref(), &m.attributes))),
            Entry::Term(t) => Some((format!("-{}", t.id.name), walk(text, Some(&t.value), &t.attributes))),
            _ => None,
        })
        .collect()
}

fn parse_one(message: &Message) -> Option<Parsed<'_>> {
    parse(&message.source).into_iter().next().map(|(_, p)| p)
}

/// The values hubsite's own code gives each of its messages: the variables hubsite's English message uses. The
/// code and the default templates are written against that file, so it is the one list of what they give.
fn builtin_variables() -> &'static BTreeMap<String, BTreeSet<String>> {
    static VARIABLES: OnceLock<BTreeMap<String, BTreeSet<String>>> = OnceLock::new();
    VARIABLES.get_or_init(|| {
        let mut out = BTreeMap::new();
        for (_, _, text) in BUILTIN.iter().filter(|(lang, _, _)| *lang == "en") {
            for (id, parsed) in parse(text) {
                let names = parsed.names.iter().filter(|n| n.kind == Kind::Variable);
                out.insert(id, names.map(|n| n.name.to_string()).collect());
            }
        }
        out
    })
}

/// The variables the message `id` is given, or `None` when any of them may be: a message only the site or its
/// theme has is given values by the theme's own templates, which give what its English message uses.
fn given(catalog: &Catalog, lang: &LangCode, id: &str) -> Option<BTreeSet<String>> {
    if let Some(vars) = builtin_variables().get(id) {
        return Some(vars.clone());
    }
    if WITHOUT_VALUES.iter().any(|p| id.starts_with(p)) {
        return Some(BTreeSet::new());
    }
    let english = catalog.messages.get(&LangCode::new("en"))?.get(id)?;
    if lang.as_str() == "en" {
        return None;
    }
    let parsed = parse_one(english)?;
    let names = parsed.names.iter().filter(|n| n.kind == Kind::Variable);
    Some(names.map(|n| n.name.to_string()).collect())
}

/// Every reference to something that does not exist, in the messages and terms of the site and its theme, each
/// at its place in its file.
pub fn check(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (lang, messages) in &catalog.messages {
        for (id, message) in messages {
            let Origin::Site(span) = &message.origin else {
                continue;
            };
            let Some(parsed) = parse_one(message) else {
                continue;
            };
            let mut given_here = None;
            for named in &parsed.names {
                let at = Span {
                    file: span.file,
                    start: span.start + named.at as u32,
                    end: span.start + (named.at + named.len) as u32,
                };
                let problem = match named.kind {
                    Kind::Message | Kind::Term => missing(messages, lang, named),
                    // A term's variables are the values it is given where it is used, not the page's.
                    Kind::Variable if id.starts_with('-') => None,
                    Kind::Variable => {
                        let given = given_here.get_or_insert_with(|| given(catalog, lang, id));
                        given.as_ref().and_then(|g| unknown_variable(id, g, named))
                    }
                    Kind::Function => Some((
                        "ftl-unknown-function",
                        format!(
                            "hubsite's messages cannot use functions such as `{}`, so the page would show `{{{}()}}`",
                            named.name, named.name
                        ),
                        "write the value without the function around it, such as `{ $count }`: a number picks its \
                         plural form by itself"
                            .to_string(),
                    )),
                };
                if let Some((code, message, help)) = problem {
                    out.push(Diagnostic::error(code, at, message).help(help));
                }
            }
        }
    }
    out
}

type Problem = (&'static str, String, String);

/// A message or term (or its attribute) that `lang` does not have.
fn missing(messages: &BTreeMap<String, Message>, lang: &LangCode, named: &Named<'_>) -> Option<Problem> {
    let (code, what, key) = match named.kind {
        Kind::Term => ("ftl-unknown-term", "term", format!("-{}", named.name)),
        _ => ("ftl-unknown-message", "message", named.name.to_string()),
    };
    let language = english_name(lang.as_str());
    let Some(target) = messages.get(&key) else {
        let known: Vec<&str> = messages
            .keys()
            .filter(|k| k.starts_with('-') == (named.kind == Kind::Term))
            .map(String::as_str)
            .collect();
        let help = match nearest(&key, &known) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("add `{key} = …` to this file, or take `{{ {key} }}` out"),
        };
        let message = format!("there is no {what} called `{key}` in {language}, so the page would show `{{{key}}}`");
        return Some((code, message, help));
    };
    let attribute = named.attribute?;
    let attributes = parse_one(target).map(|p| p.attributes).unwrap_or_default();
    if attributes.contains(&attribute) {
        return None;
    }
    let help = match nearest(attribute, &attributes) {
        Some(near) => format!("did you mean `{key}.{near}`?"),
        None if attributes.is_empty() => format!("use `{{ {key} }}`, without `.{attribute}`"),
        None => format!("it has only: {}", list(attributes.iter().map(|a| format!(".{a}")))),
    };
    let message = format!("the {what} `{key}` in {language} has no `.{attribute}`");
    Some((code, message, help))
}

/// A variable the message `id` is never given.
fn unknown_variable(id: &str, given: &BTreeSet<String>, named: &Named<'_>) -> Option<Problem> {
    if given.contains(named.name) {
        return None;
    }
    let name = named.name;
    let message = format!("`{id}` is never given a value called `${name}`, so the page would show `{{${name}}}`");
    let names: Vec<&str> = given.iter().map(String::as_str).collect();
    let help = match nearest(name, &names) {
        _ if names.is_empty() => format!("`{id}` is shown as it is, with no values: take `{{ ${name} }}` out"),
        Some(near) => format!("did you mean `${near}`?"),
        None => format!("`{id}` is given only {}", list(names.iter().map(|n| format!("`${n}`")))),
    };
    Some(("ftl-unknown-variable", message, help))
}

fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{SourceFile, SourceMap};

    fn problems(lang: &str, text: &str) -> Vec<String> {
        let mut catalog = Catalog::default();
        for (l, _, builtin) in BUILTIN {
            catalog.add(l, builtin, None, &mut Vec::new());
        }
        let mut sources = SourceMap::default();
        let file = sources.add(SourceFile::new(format!("locales/{lang}/site.ftl"), text.to_string()));
        catalog.add(lang, text, Some(file), &mut Vec::new());
        check(&catalog)
            .iter()
            .map(|d| {
                let (_, line, col) = d.position(&sources);
                format!("{line}:{col} {}: {}", d.code, d.help.clone().unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn hubsites_own_messages_name_only_what_exists() {
        let mut catalog = Catalog::default();
        for (lang, _, text) in BUILTIN {
            let mut sources = SourceMap::default();
            let file = sources.add(SourceFile::new(format!("{lang}.ftl"), text.to_string()));
            catalog.add(lang, text, Some(file), &mut Vec::new());
        }
        assert!(check(&catalog).is_empty());
        assert!(builtin_variables()["checked-on"].contains("date"));
    }

    #[test]
    fn unknown_messages_terms_and_variables_are_found_where_they_are() {
        let text =
            "-brand = Eastbrook\nlocality-northfield = North{ -nosuch-term }field { $nosuchvar } { nosuch-message }\n";
        assert_eq!(
            problems("en", text),
            [
                "2:30 ftl-unknown-term: add `-nosuch-term = …` to this file, or take `{ -nosuch-term }` out",
                "2:52 ftl-unknown-variable: `locality-northfield` is shown as it is, with no values: take `{ $nosuchvar }` out",
                "2:67 ftl-unknown-message: add `nosuch-message = …` to this file, or take `{ nosuch-message }` out",
            ]
        );
        assert!(problems("en", "-brand = Eastbrook\nsite-title = { -brand } hubs\n").is_empty());
        assert_eq!(
            problems("en", "-brand = Eastbrook\nsite-title = { -brnad } { nav-hom }\n"),
            [
                "2:16 ftl-unknown-term: did you mean `-brand`?",
                "2:27 ftl-unknown-message: did you mean `nav-home`?"
            ]
        );
    }

    #[test]
    fn variables_are_those_hubsites_english_message_uses() {
        assert!(problems("bn", "checked-on = { $date }\n").is_empty());
        assert_eq!(
            problems("bn", "checked-on = { $dat }\n"),
            ["1:16 ftl-unknown-variable: did you mean `$date`?"]
        );
        assert_eq!(
            problems("so", "slot-once = { $when }\n"),
            ["1:15 ftl-unknown-variable: `slot-once` is given only `$date`, `$from`, `$to`"]
        );
        // A term's variables are its own parameters; functions are not registered.
        assert!(problems("en", "-x = { $case -> \n   *[a] A\n}\n").is_empty());
        assert_eq!(problems("en", "home-today-more = { NUMBER($count) }\n").len(), 1);
    }

    #[test]
    fn a_message_only_the_site_has_is_given_what_its_english_uses() {
        let mut catalog = Catalog::default();
        let mut sources = SourceMap::default();
        let en = "promo = Come on { $day }\n";
        let file = sources.add(SourceFile::new("en.ftl".into(), en.into()));
        catalog.add("en", en, Some(file), &mut Vec::new());
        let bn = "promo = { $day } { $time }\n";
        let file = sources.add(SourceFile::new("bn.ftl".into(), bn.into()));
        catalog.add("bn", bn, Some(file), &mut Vec::new());
        let found = check(&catalog);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].position(&sources), ("bn.ftl".to_string(), 1, 20));
    }

    #[test]
    fn an_attribute_must_exist() {
        assert_eq!(
            problems(
                "en",
                "thing = One\n    .title = T\nother = { thing.titel } { thing.title }\n"
            ),
            ["3:11 ftl-unknown-message: did you mean `thing.title`?"]
        );
    }
}
