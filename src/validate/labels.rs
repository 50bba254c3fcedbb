//! Every vocabulary id a site uses must have a label in every site language.

use std::collections::HashSet;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::diagnostics::{Diagnostic, Span};
use crate::i18n::{Catalog, english_name};

struct Checker<'a> {
    config: &'a SiteConfig,
    catalog: &'a Catalog,
    out: Vec<Diagnostic>,
    /// The ids already found with a label in every language: thousands of sessions share a few categories, and
    /// each would otherwise be looked up in every language again.
    labelled: HashSet<(&'static str, &'a str)>,
}

impl<'a> Checker<'a> {
    fn need(&mut self, prefix: &'static str, what: &str, id: &'a str, span: Span) {
        if self.labelled.contains(&(prefix, id)) {
            return;
        }
        let message_id = format!("{prefix}-{id}");
        let missing: Vec<&str> = self
            .config
            .languages
            .iter()
            .filter(|l| !self.catalog.has(l, &message_id))
            .map(|l| l.as_str())
            .collect();
        if missing.is_empty() {
            self.labelled.insert((prefix, id));
            return;
        }
        // A near miss of an id that is labelled is a typing mistake, not a new id.
        let source = &self.config.languages[0];
        let known: Vec<&str> = self
            .catalog
            .messages
            .get(source)
            .map(|m| {
                m.keys()
                    .filter_map(|k| k.strip_prefix(prefix)?.strip_prefix('-'))
                    .collect()
            })
            .unwrap_or_default();
        if missing.len() == self.config.languages.len()
            && let Some(near) = crate::suggest::nearest(id, &known)
        {
            self.out.push(
                Diagnostic::error("no-label", span, format!("there is no {what} \"{id}\""))
                    .help(format!("did you mean \"{near}\"?")),
            );
            return;
        }
        let names: Vec<String> = missing.iter().map(|l| format!("{} ({l})", english_name(l))).collect();
        let files: Vec<String> = missing.iter().map(|l| format!("locales/{l}/site.ftl")).collect();
        self.out.push(
            Diagnostic::error(
                "no-label",
                span,
                format!("the {what} \"{id}\" has no label in {}", names.join(", ")),
            )
            .help(format!(
                "add a line `{message_id} = …` to {}; or check the spelling of \"{id}\"",
                files.join(" and ")
            )),
        );
    }
}

pub fn check(config: &SiteConfig, content: &Content, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut c = Checker {
        config,
        catalog,
        out: Vec::new(),
        labelled: HashSet::new(),
    };
    for l in &config.localities {
        c.need("locality", "locality", l.value.as_str(), l.span);
    }
    let places = content
        .hubs
        .values()
        .map(|h| &h.place)
        .chain(content.spokes.values().map(|s| &s.place));
    for p in places {
        for f in &p.facilities {
            c.need("facility", "facility", f.value.as_str(), f.span);
        }
        for l in &p.languages {
            c.need("language", "language", l.value.as_str(), l.span);
        }
    }
    for s in content.sessions.values() {
        c.need("category", "category", s.category.value.as_str(), s.category.span);
        for a in &s.audiences {
            c.need("audience", "audience", a.value.as_str(), a.span);
        }
        for l in &s.languages {
            c.need("language", "language", l.value.as_str(), l.span);
        }
    }
    c.out
}
