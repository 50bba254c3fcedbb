//! What the names of the entry files say before any is read: every entry's slug, the files to read, and which
//! translations go with which entry.

use std::collections::hash_map::Entry as Seen;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::entry::Index;
use super::ids::{Kind, LangCode};
use super::walk::{FileRole, Item, What};
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;

/// What the names of the entry files give. It follows from the walk and the site's languages alone, so a load
/// keeps it for the next while no file comes or goes.
#[derive(Debug)]
pub(super) struct Names {
    /// The site's languages it was worked out for, the source language first.
    languages: Vec<LangCode>,
    pub index: Index,
    /// The entry files to read, by their place in the walk. A file's id in the list of files follows its place here.
    pub read: Vec<usize>,
    /// Each entry, by kind then slug: its file and its translations' files, by their place in `read`.
    pub entries: Vec<Group>,
    /// What is wrong with the names: duplicates, translations into a language the site does not have, or of an
    /// entry that does not exist.
    pub diagnostics: Vec<Diagnostic>,
}

/// An entry's file and its translations' files.
#[derive(Debug)]
pub(super) struct Group {
    pub source: usize,
    pub translations: Vec<usize>,
}

/// An entry file found in the walk, by its place in it.
struct Role<'a> {
    at: usize,
    rel: &'a str,
    role: &'a FileRole,
}

impl Names {
    /// Whether these names hold for a site with `config`, when the walk is the same.
    pub fn hold_for(&self, config: &SiteConfig) -> bool {
        self.languages == config.languages
    }

    pub fn new(items: &[Item], config: &SiteConfig) -> Names {
        let roles = items
            .iter()
            .enumerate()
            .filter_map(|(at, item)| match &item.found.what {
                What::Entry(role) => Some(Role {
                    at,
                    rel: &item.found.rel,
                    role,
                }),
                _ => None,
            });
        let mut diagnostics = Vec::new();
        let (index, keep) = index(roles, config, &mut diagnostics);
        let read: Vec<usize> = keep.iter().map(|r| r.at).collect();
        let mut of: HashMap<(Kind, &str), usize> = HashMap::new();
        let mut entries = Vec::new();
        for (i, r) in keep.iter().enumerate().filter(|(_, r)| r.role.lang.is_none()) {
            of.insert((r.role.kind, &r.role.slug), entries.len());
            entries.push(Group {
                source: i,
                translations: Vec::new(),
            });
        }
        for (i, r) in keep.iter().enumerate().filter(|(_, r)| r.role.lang.is_some()) {
            match of.get(&(r.role.kind, r.role.slug.as_str())) {
                Some(&group) => entries[group].translations.push(i),
                // Cannot be, as a translation of nothing was left out above; were it to be, the file would still
                // be read on its own, as every file's id follows its place in `read`.
                None => entries.push(Group {
                    source: i,
                    translations: Vec::new(),
                }),
            }
        }
        entries.sort_by(|a, b| {
            let (a, b) = (keep[a.source].role, keep[b.source].role);
            (a.kind, &a.slug).cmp(&(b.kind, &b.slug))
        });
        Names {
            languages: config.languages.clone(),
            index,
            read,
            entries,
            diagnostics,
        }
    }
}

/// Every entry's slug, from the names of the entry files; and the files to read, without those whose names make
/// them duplicates, translations into a language the site does not have, or translations of nothing.
fn index<'a>(
    roles: impl Iterator<Item = Role<'a>>,
    config: &SiteConfig,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Index, Vec<Role<'a>>) {
    let mut seen: HashMap<(Kind, &str, Option<&str>), &str> = HashMap::new();
    let mut slugs: BTreeMap<Kind, Vec<&str>> = BTreeMap::new();
    let mut keep = Vec::new();
    let source_language = config.source_language().as_str();
    for r in roles {
        let role = r.role;
        match seen.entry((role.kind, &role.slug, role.lang.as_deref())) {
            Seen::Occupied(first) => {
                diagnostics.push(
                    Diagnostic::file_error(
                        "duplicate-slug",
                        Path::new(r.rel),
                        format!("{} and {} are the same entry", r.rel, first.get()),
                    )
                    .help("keep one of them: an entry is either a .md or a .toml file"),
                );
                continue;
            }
            Seen::Vacant(first) => drop(first.insert(r.rel)),
        }
        if let Some(lang) = &role.lang {
            if lang == source_language {
                let plain = r.rel.replace(&format!(".{lang}."), ".");
                diagnostics.push(
                    Diagnostic::file_error(
                        "unknown-language",
                        Path::new(r.rel),
                        format!("\"{lang}\" is the source language, so it needs no translation file"),
                    )
                    .help(format!("put this text in {plain}")),
                );
                continue;
            }
            if !config.has_language(lang) {
                let langs: Vec<&str> = config.languages.iter().map(|l| l.as_str()).collect();
                diagnostics.push(
                    Diagnostic::file_error(
                        "unknown-language",
                        Path::new(r.rel),
                        format!("this is a translation into \"{lang}\", which is not one of the site's languages"),
                    )
                    .help(format!(
                        "the site's languages are {}; add \"{lang}\" to `languages` in site.toml, or rename the file",
                        langs.join(", ")
                    )),
                );
                continue;
            }
        } else {
            slugs.entry(role.kind).or_default().push(&role.slug);
        }
        keep.push(r);
    }
    let index = Index {
        slugs: slugs
            .into_iter()
            .map(|(kind, slugs)| (kind, slugs.into_iter().map(str::to_string).collect()))
            .collect(),
    };
    // A translation whose source does not exist is reported as that, whatever else is wrong inside it.
    keep.retain(|r| {
        let role = r.role;
        if role.lang.is_none() || index.has(role.kind, &role.slug) {
            return true;
        }
        let ext = if role.is_toml { "toml" } else { "md" };
        diagnostics.push(
            Diagnostic::file_error(
                "orphan-translation",
                Path::new(r.rel),
                format!(
                    "this translates \"{}\", but there is no content/{}/{}.{ext}",
                    role.slug,
                    role.kind.folder(),
                    role.slug
                ),
            )
            .help("rename the translation to match its source file, or add the source file"),
        );
        false
    });
    let mut clashing = BTreeSet::new();
    if let Some(hubs) = index.slugs.get(&Kind::Hub) {
        for r in keep
            .iter()
            .filter(|r| r.role.kind == Kind::Spoke && r.role.lang.is_none() && hubs.contains(&r.role.slug))
        {
            diagnostics.push(
                Diagnostic::file_error(
                    "duplicate-slug",
                    Path::new(r.rel),
                    format!("a hub and a spoke are both called \"{}\"", r.role.slug),
                )
                .help(format!(
                    "places share one list of web addresses: rename content/spokes/{}.* to a different name",
                    r.role.slug
                )),
            );
            clashing.insert(r.role.slug.as_str());
        }
    }
    keep.retain(|r| !(r.role.kind == Kind::Spoke && clashing.contains(r.role.slug.as_str())));
    (index, keep)
}
