//! Translation status: fingerprints of source text, and which translations are missing, out of date or draft.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::config::SiteConfig;
use crate::content::Content;
use crate::content::ids::{Kind, LangCode};
use crate::content::model::{Common, Text};

/// A short, stable fingerprint of the text a translator works from.
pub fn fingerprint(text: &Text) -> String {
    let mut h = Sha256::new();
    let body: Vec<&str> = text.body.trim().lines().map(str::trim_end).collect();
    for part in [
        text.title.as_str(),
        text.summary.as_str(),
        text.getting_there.as_deref().unwrap_or(""),
        text.cost_note.as_deref().unwrap_or(""),
        &body.join("\n"),
    ] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    UpToDate,
    Missing,
    OutOfDate,
    NotStamped,
    Draft,
}

impl Status {
    pub fn words(self) -> &'static str {
        match self {
            Status::UpToDate => "up to date",
            Status::Missing => "missing",
            Status::OutOfDate => "out of date",
            Status::NotStamped => "not stamped",
            Status::Draft => "draft",
        }
    }
}

/// A translation's status, given the fingerprint of its source text (worked out once per entry, not per language).
pub fn status_of(common: &Common, lang: &LangCode, source_fp: &str) -> Status {
    match common.translations.get(lang) {
        None => Status::Missing,
        // A draft needs a person, so it shows before "not stamped", which a command fixes.
        Some(t) => match &t.source {
            Some(fp) if fp != source_fp => Status::OutOfDate,
            _ if !t.reviewed => Status::Draft,
            None => Status::NotStamped,
            Some(_) => Status::UpToDate,
        },
    }
}

/// One entry's status in one language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    pub status: Status,
    pub kind: Kind,
    pub slug: String,
    /// The file to write or update.
    pub path: String,
}

/// Each non-source language's rows, sorted by status, then kind and slug.
pub fn report(config: &SiteConfig, content: &Content) -> BTreeMap<LangCode, Vec<Row>> {
    let entries: Vec<(Kind, &str, &Common, String)> = content
        .entries()
        .map(|(kind, slug, common)| (kind, slug, common, fingerprint(&common.text)))
        .collect();
    let mut out = BTreeMap::new();
    for lang in config.languages.iter().skip(1) {
        let mut rows: Vec<Row> = entries
            .iter()
            .map(|(kind, slug, common, fp)| Row {
                status: status_of(common, lang, fp),
                kind: *kind,
                slug: slug.to_string(),
                path: format!("content/{}/{slug}.{lang}.md", kind.folder()),
            })
            .collect();
        rows.sort();
        out.insert(lang.clone(), rows);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_line_end_spaces_but_not_words() {
        let a = Text {
            title: "Baby massage".into(),
            summary: "A calm hour.".into(),
            body: "Come along.\n".into(),
            ..Text::default()
        };
        let b = Text {
            body: "Come along.   \n\n".into(),
            ..a.clone()
        };
        let c = Text {
            body: "Come along soon.".into(),
            ..a.clone()
        };
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&c));
        assert_eq!(fingerprint(&a).len(), 16);
    }
}
