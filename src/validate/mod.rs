//! Checks across the whole site once it is loaded: labels for every id, links between entries, translations,
//! plain language.

mod labels;
pub mod links;
pub mod plain;
pub mod translations;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::content::entry::Index;
use crate::diagnostics::Diagnostic;
use crate::i18n::Catalog;

/// Every cross-entry problem in a loaded site.
pub fn check(config: &SiteConfig, content: &Content, index: &Index, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = labels::check(config, content, catalog);
    out.extend(links::check(content, index));
    out
}
