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
pub mod serve;
pub mod suggest;
pub mod validate;

use std::path::Path;

use content::{LoadError, Loaded};
use i18n::Catalog;
use validate::plain::pages::PageFindings;

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
        let findings = self.scan_pages(files, &mut files.keys());
        self.report_pages(&findings)
    }

    /// What the plain-language check finds on the pages at `paths`.
    pub fn scan_pages(&self, files: &render::SiteFiles, paths: &mut dyn Iterator<Item = &String>) -> PageFindings {
        let loaded = &self.loaded;
        validate::plain::pages::scan(files, paths, &loaded.config, &loaded.glossary)
    }

    /// Adds what was found on the pages to the site's problems, and gives the new ones back so they can be shown.
    pub fn report_pages(&mut self, findings: &PageFindings) -> Vec<diagnostics::Diagnostic> {
        let loaded = &mut self.loaded;
        let mut found = diagnostics::Diagnostics {
            items: validate::plain::pages::check(
                findings,
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

/// A site built in memory, with the warnings found on the way, rendered for people.
#[derive(Debug)]
pub struct Built {
    pub files: render::SiteFiles,
    pub report: String,
    pub languages: usize,
    /// What each part of the site was made from, so the next build renders only what changed.
    pub memo: render::Memo,
    /// What the plain-language check found on each page, so the next build reads only the pages it rendered.
    pub findings: PageFindings,
    /// The files that differ from the build before, or are new: all of them on a first build.
    pub remade: std::collections::BTreeSet<String>,
}

impl Built {
    pub fn pages(&self) -> usize {
        self.files.keys().filter(|p| p.ends_with(".html")).count()
    }

    pub fn before(&self) -> Before<'_> {
        Before {
            files: &self.files,
            memo: &self.memo,
            findings: &self.findings,
        }
    }
}

/// What a rebuild needs of the last build that worked.
#[derive(Clone, Copy)]
pub struct Before<'a> {
    pub files: &'a render::SiteFiles,
    pub memo: &'a render::Memo,
    pub findings: &'a PageFindings,
}

/// Why a site could not be built: every problem rendered for people, and in a few words what stopped it (none
/// when the site folder could not be read at all).
#[derive(Debug)]
pub struct NotBuilt {
    pub report: String,
    pub why: Option<String>,
}

/// Checks a site and renders every page in every language, in memory: `hubsite build` writes the result,
/// `hubsite serve` serves it. Nothing is written.
pub fn build(root: &Path, today: time::Date, progress: &dyn render::Progress) -> Result<Built, NotBuilt> {
    rebuild(root, today, progress, None)
}

/// Builds the site again after a change: everything is loaded and checked, but only the parts of the site made
/// from files that changed since `previous` are rendered, and only the pages rendered are read by the
/// plain-language check. The result is the same as `build`'s.
pub fn rebuild(
    root: &Path,
    today: time::Date,
    progress: &dyn render::Progress,
    previous: Option<Before<'_>>,
) -> Result<Built, NotBuilt> {
    let mut checked = check(root).map_err(|e| NotBuilt {
        report: format!("error: {e}\n"),
        why: None,
    })?;
    let mut report = checked.loaded.diagnostics.report(&checked.loaded.sources);
    let errors = checked.errors();
    if errors > 0 {
        let why = format!("{errors} {} to fix first", problems(errors));
        return Err(NotBuilt { report, why: Some(why) });
    }
    let rendering =
        render::site_since(&checked, today, progress, previous.map(|p| (p.files, p.memo))).map_err(|e| NotBuilt {
            report: format!("{}\n\n", e.0.trim_end()),
            why: Some("the theme has a problem to fix first".to_string()),
        })?;
    let render::Rendering { files, memo, remade } = rendering;
    // What reaches a family from templates, messages and data is checked on the pages themselves; a page kept
    // from the last build has the findings it had then.
    let mut findings = match previous {
        Some(previous) if remade.len() < files.len() => previous.findings.clone(),
        _ => PageFindings::new(),
    };
    findings.retain(|path, _| files.contains_key(path) && !remade.contains(path));
    findings.extend(checked.scan_pages(&files, &mut remade.iter()));
    let found = diagnostics::Diagnostics {
        items: checked.report_pages(&findings),
    };
    report.push_str(&found.report(&checked.loaded.sources));
    let errors = found.errors();
    if errors > 0 {
        let why = format!("{errors} {} on the built pages to fix first", problems(errors));
        return Err(NotBuilt { report, why: Some(why) });
    }
    Ok(Built {
        remade,
        files,
        report,
        languages: checked.loaded.config.languages.len(),
        memo,
        findings,
    })
}

fn problems(n: usize) -> &'static str {
    if n == 1 { "problem" } else { "problems" }
}
