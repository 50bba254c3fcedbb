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

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use content::{LoadError, Loaded};
use i18n::Catalog;
use validate::plain::pages::PageFindings;

/// A loaded site, its messages, and every problem found in it.
#[derive(Debug)]
pub struct Checked {
    pub loaded: Loaded,
    pub catalog: Catalog,
    /// What the plain-language check found in each entry's text, when asked to keep it for the next check.
    pub texts: validate::plain::TextFindings,
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
    check_since(root, None, None, false)
}

/// Loads and validates as `check` does, reading and parsing again only the content files that changed since
/// `before` and scanning again for plain language only the texts that changed since `texts`; with `keep`, the
/// result keeps what the next check needs.
fn check_since(
    root: &Path,
    before: Option<content::Since<'_>>,
    texts: Option<&validate::plain::TextFindings>,
    keep: bool,
) -> Result<Checked, LoadError> {
    let mut loaded = content::load_since(root, before, keep)?;
    let languages = loaded.config.languages.clone();
    let theme = render::theme_dir(root, &loaded.config);
    let (catalog, diags) = i18n::load(root, &theme, &languages, &mut loaded.sources)?;
    loaded.diagnostics.extend(diags);
    loaded.diagnostics.extend(i18n::references::check(&catalog));
    let found = render::theme_check::check(root, &theme, &mut loaded.sources)?;
    loaded.diagnostics.extend(found);
    let found = validate::check(&loaded.config, &loaded.content, &loaded.index, &catalog);
    loaded.diagnostics.extend(found);
    let (plain, texts) = validate::plain::check(
        &loaded.config,
        &loaded.content,
        &loaded.glossary,
        &catalog,
        &mut loaded.sources,
        (texts, keep),
    );
    loaded.diagnostics.extend(plain);
    loaded.diagnostics.sort(&loaded.sources);
    Ok(Checked { loaded, catalog, texts })
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
    /// What the content was read and parsed from, so the next build reads and parses only the files that changed.
    pub kept: content::Kept,
    /// What the plain-language check found in each entry's text, so the next build scans only the texts that
    /// changed.
    pub texts: validate::plain::TextFindings,
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
            kept: &self.kept,
            texts: &self.texts,
            changed: None,
        }
    }
}

/// What a rebuild needs of the last build that worked.
#[derive(Clone, Copy)]
pub struct Before<'a> {
    pub files: &'a render::SiteFiles,
    pub memo: &'a render::Memo,
    pub findings: &'a PageFindings,
    pub kept: &'a content::Kept,
    pub texts: &'a validate::plain::TextFindings,
    /// The files changed since that build, from the site folder, as `serve`'s watcher names them; `None` when not
    /// known, so every content file is read again. See [`content::Since::changed`].
    pub changed: Option<&'a [PathBuf]>,
}

impl<'a> Before<'a> {
    /// The same build, with the files that changed since it was made.
    pub fn with_changed(self, changed: &'a [PathBuf]) -> Before<'a> {
        Before {
            changed: Some(changed),
            ..self
        }
    }
}

/// Why a site could not be built: every problem rendered for people, and in a few words what stopped it (none
/// when the site folder could not be read at all, or the built site could not be written).
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

/// Builds the site again after a change: everything is checked, but only the content files that changed since
/// `previous` are read (all of them when `previous.changed` is not known), only the parts of the site made from
/// files that changed are rendered, and only the pages rendered are read by the plain-language check. The result
/// is the same as `build`'s.
pub fn rebuild(
    root: &Path,
    today: time::Date,
    progress: &dyn render::Progress,
    previous: Option<Before<'_>>,
) -> Result<Built, NotBuilt> {
    let since = previous.map(|p| content::Since {
        kept: p.kept,
        changed: p.changed,
    });
    let (mut checked, mut report) = checked_for_build(root, since, previous.map(|p| p.texts), true)?;
    let rendering = render::site_since(&checked, today, progress, previous.map(|p| (p.files, p.memo)), None)
        .map_err(theme_problem)?;
    let render::Rendering { files, memo, remade } = rendering;
    // What reaches a family from templates, messages and data is checked on the pages themselves; a page kept
    // from the last build has the findings it had then.
    let mut findings = match previous {
        Some(previous) if remade.len() < files.len() => previous.findings.clone(),
        _ => PageFindings::new(),
    };
    findings.retain(|path, _| files.contains_key(path) && !remade.contains(path));
    findings.extend(checked.scan_pages(&files, &mut remade.iter()));
    pages_checked(&mut checked, &findings, &mut report)?;
    Ok(Built {
        remade,
        files,
        report,
        languages: checked.loaded.config.languages.len(),
        memo,
        findings,
        kept: std::mem::take(&mut checked.loaded.kept),
        texts: std::mem::take(&mut checked.texts),
    })
}

/// A site written to disk by `build_into`: the warnings found on the way, and what it holds.
#[derive(Debug)]
pub struct Written {
    pub report: String,
    pub languages: usize,
    pub pages: usize,
}

/// Checks a site and writes every page in every language into `out`: `hubsite build`. Each file is written into a
/// new folder beside `out` as soon as it is made, so the site is never all in memory; the new folder takes the
/// place of `out` only when everything was made and checked. On any problem `out` is as it was.
pub fn build_into(
    root: &Path,
    today: time::Date,
    progress: &dyn render::Progress,
    out: &Path,
) -> Result<Written, NotBuilt> {
    let target = output::target(root, out).map_err(|refusal| NotBuilt {
        report: format!("error: {refusal}\nNothing was written.\n"),
        why: None,
    })?;
    let (mut checked, mut report) = checked_for_build(root, None, None, false)?;
    // Every failure before the swap leaves the output folder as it was; one in the swap says what is there now.
    let not_written = |report: &str, doing: &str, e: std::io::Error| NotBuilt {
        report: format!(
            "{report}error: could not {doing} {}: {e}\n{}\n",
            out.display(),
            as_it_was(&target)
        ),
        why: None,
    };
    let cannot_write = |report: &str, e| not_written(report, "write the new site for", e);
    let (staging, leftovers) = output::Staging::new(&target).map_err(|e| cannot_write(&report, e))?;
    for warning in leftovers {
        report.push_str(&format!("warning: {warning}\n"));
    }
    let sink = ToDisk {
        staging: &staging,
        scanner: validate::plain::pages::PageScanner::new(&checked.loaded.config, &checked.loaded.glossary),
        findings: Mutex::new(PageFindings::new()),
        pages: AtomicUsize::new(0),
        failed: Mutex::new(None),
    };
    render::site_since(&checked, today, progress, None, Some(&sink)).map_err(theme_problem)?;
    let ToDisk {
        findings,
        pages,
        failed,
        ..
    } = sink;
    if let Some(e) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(cannot_write(&report, e));
    }
    let findings = findings.into_inner().unwrap_or_else(|e| e.into_inner());
    pages_checked(&mut checked, &findings, &mut report)?;
    let committed = staging
        .commit()
        .map_err(|output::NotSwapped(e)| not_written(&report, "put the new site in place at", e))?;
    if let Some((old, e)) = committed.left {
        report.push_str(&format!(
            "warning: the new site is in place at {}, but the previous one could not be removed ({e}). It is left \
             in {}: delete it when you can (the next build tries again).\n",
            out.display(),
            old.display()
        ));
    }
    Ok(Written {
        report,
        languages: checked.loaded.config.languages.len(),
        pages: pages.into_inner(),
    })
}

/// What is at the output folder after a build failed: said by looking, not assumed.
fn as_it_was(target: &output::Target) -> &'static str {
    if std::fs::symlink_metadata(&target.path).is_ok() {
        "The previous site, if any, is as it was."
    } else {
        "There is no site there now."
    }
}

/// Writes each file into the new folder and reads each page for the plain-language check, then lets it go.
struct ToDisk<'a> {
    staging: &'a output::Staging,
    scanner: validate::plain::pages::PageScanner<'a>,
    findings: Mutex<PageFindings>,
    pages: AtomicUsize,
    /// The first file that could not be written; after it, nothing more is written.
    failed: Mutex<Option<std::io::Error>>,
}

impl ToDisk<'_> {
    /// Writes a file unless one has failed already; false if it was not written.
    fn write(&self, path: &str, parts: &[&[u8]]) -> bool {
        if self.failed.lock().unwrap_or_else(|e| e.into_inner()).is_some() {
            return false;
        }
        match self.staging.write_parts(path, parts) {
            Ok(()) => true,
            Err(e) => {
                self.failed.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(e);
                false
            }
        }
    }
}

impl render::Sink for ToDisk<'_> {
    fn file_in_parts(&self, path: &str, parts: &[&[u8]]) {
        // Only pages are read by the plain-language check, and none comes in parts.
        debug_assert!(!path.ends_with(".html"));
        self.write(path, parts);
    }

    fn file(&self, path: &str, bytes: &[u8]) {
        if !self.write(path, &[bytes]) {
            return;
        }
        if path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        if let Some(found) = self.scanner.page(path, bytes) {
            let mut findings = self.findings.lock().unwrap_or_else(|e| e.into_inner());
            findings.insert(path.to_string(), found);
        }
    }
}

/// Loads and checks a site to build it, with its problems rendered for people; stops on any error.
fn checked_for_build(
    root: &Path,
    before: Option<content::Since<'_>>,
    texts: Option<&validate::plain::TextFindings>,
    keep: bool,
) -> Result<(Checked, String), NotBuilt> {
    let checked = check_since(root, before, texts, keep).map_err(|e| NotBuilt {
        report: format!("error: {e}\n"),
        why: None,
    })?;
    let report = checked.loaded.diagnostics.report(&checked.loaded.sources);
    let errors = checked.errors();
    if errors > 0 {
        let why = format!("{errors} {} to fix first", problems(errors));
        return Err(NotBuilt { report, why: Some(why) });
    }
    Ok((checked, report))
}

fn theme_problem(e: render::TemplateError) -> NotBuilt {
    NotBuilt {
        report: format!("{}\n\n", e.0.trim_end()),
        why: Some("the theme has a problem to fix first".to_string()),
    }
}

/// Adds what the plain-language check found on the pages to the report; stops on any error.
fn pages_checked(checked: &mut Checked, findings: &PageFindings, report: &mut String) -> Result<(), NotBuilt> {
    let found = diagnostics::Diagnostics {
        items: checked.report_pages(findings),
    };
    report.push_str(&found.report(&checked.loaded.sources));
    let errors = found.errors();
    if errors > 0 {
        let why = format!("{errors} {} on the built pages to fix first", problems(errors));
        return Err(NotBuilt {
            report: std::mem::take(report),
            why: Some(why),
        });
    }
    Ok(())
}

fn problems(n: usize) -> &'static str {
    if n == 1 { "problem" } else { "problems" }
}

/// glibc's allocator spent a fifth of a rebuild's time in its own bookkeeping (consolidating and unlinking chunks)
/// on a large site. jemalloc does the same work in far less, and keeps a clean build's peak memory where glibc's
/// was; mimalloc was as fast but held 15 % more.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
