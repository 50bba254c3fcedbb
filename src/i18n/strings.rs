//! Formatting UI strings with Fluent: one bundle per language, built from the merged catalog.

use std::collections::BTreeMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Catalog;
use super::formats::{Formats, fluent_number};
use crate::content::ids::LangCode;

/// Fluent bundles for every site language, safe to share between rendering threads.
pub struct Strings {
    bundles: BTreeMap<LangCode, FluentBundle<FluentResource>>,
    formats: BTreeMap<LangCode, Formats>,
    english: Formats,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Strings {
    pub fn new(catalog: &Catalog, languages: &[LangCode]) -> Strings {
        let mut bundles = BTreeMap::new();
        for lang in languages {
            let id: unic_langid::LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Bidi isolation marks would show up as stray characters in attributes and plain text.
            bundle.set_use_isolating(false);
            // Numbers in messages ("3 groups") in the language's own digits.
            bundle.set_formatter(Some(fluent_number));
            if let Some(messages) = catalog.messages.get(lang) {
                let ftl: Vec<&str> = messages.values().map(|m| m.source.as_str()).collect();
                // Every message already parsed once when the catalog was loaded; a failure here keeps what parsed.
                let resource = FluentResource::try_new(ftl.join("\n")).unwrap_or_else(|(r, _)| r);
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(lang.clone(), bundle);
        }
        let formats = languages.iter().map(|l| (l.clone(), Formats::new(l))).collect();
        Strings {
            bundles,
            formats,
            english: Formats::new(&LangCode::new("en")),
        }
    }

    /// Dates, times and digits for a language; one the site does not have gets English forms.
    pub fn formats(&self, lang: &LangCode) -> &Formats {
        self.formats.get(lang).unwrap_or(&self.english)
    }

    pub fn has(&self, lang: &LangCode, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(id))
    }

    /// The message in a language, with arguments. A missing message gives its id, which tests catch.
    pub fn get(&self, lang: &LangCode, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(bundle) = self.bundles.get(lang) else {
            return id.to_string();
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
    }

    pub fn text(&self, lang: &LangCode, id: &str) -> String {
        self.get(lang, id, &[])
    }
}
