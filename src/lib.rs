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
