//! hubsite: a static site generator for a council's family hub offer, in English, Bengali and Somali.

pub mod cli;
pub mod config;
pub mod content;
pub mod corpus;
pub mod diagnostics;
pub mod glossary;
pub mod i18n;
pub mod output;
pub mod render;
pub mod schedule;
pub mod search;
pub mod suggest;
pub mod validate;

use std::path::Path;

use content::{LoadError, Loaded};
use i18n::Catalog;

/// A loaded site, its messages, and every problem found in it.
#[derive(Debug)]
pub struct Checked {
    pub loaded: Loaded,
    pub catalog: Catalog,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.loaded.diagnostics.errors()
    }

    /// The plain-language check over the built pages: adds what it finds to the site's problems, and gives the
    /// new ones back so they can be shown.
    pub fn check_pages(&mut self, files: &render::SiteFiles) -> Vec<diagnostics::Diagnostic> {
        let loaded = &mut self.loaded;
        let mut found = diagnostics::Diagnostics {
            items: validate::plain::pages::check(
                files,
                &loaded.config,
                &loaded.glossary,
                &|| render::template_sources(&loaded.root, &loaded.config),
                &mut loaded.sources,
                &loaded.diagnostics.items,
            ),
        };
        found.sort(&loaded.sources);
        loaded.diagnostics.extend(found.items.iter().cloned());
        loaded.diagnostics.sort(&loaded.sources);
        found.items
    }
}

/// Loads and validates a site folder without writing anything: `hubsite check`.
pub fn check(root: &Path) -> Result<Checked, LoadError> {
    let mut loaded = content::load(root)?;
    let languages = loaded.config.languages.clone();
    let (catalog, diags) = i18n::load(root, &languages, &mut loaded.sources)?;
    loaded.diagnostics.extend(diags);
    let found = validate::check(&loaded.config, &loaded.content, &loaded.index, &catalog);
    loaded.diagnostics.extend(found);
    let plain = validate::plain::check(
        &loaded.config,
        &loaded.content,
        &loaded.glossary,
        &catalog,
        &mut loaded.sources,
    );
    loaded.diagnostics.extend(plain);
    loaded.diagnostics.sort(&loaded.sources);
    Ok(Checked { loaded, catalog })
}
