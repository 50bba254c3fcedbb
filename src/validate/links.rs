//! Links in entry text: `@/<kind>/<slug>` must name an entry; unsafe links and raw HTML are reported.

use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;

use crate::content::Content;
use crate::content::address;
use crate::content::entry::Index;
use crate::content::ids::{EntryRef, Kind};
use crate::content::model::Text;
use crate::diagnostics::{Diagnostic, Span};

/// Reads an internal link `@/<kind>/<slug>` (an optional `#part` is kept aside).
pub fn parse_internal(dest: &str) -> Option<Result<EntryRef, String>> {
    let rest = dest.strip_prefix("@/")?;
    let path = rest.split('#').next().unwrap_or("").trim_end_matches('/');
    let Some((folder, slug)) = path.split_once('/') else {
        return Some(Err(format!(
            "\"{dest}\" does not say which entry: write @/<kind>/<name>, like @/sessions/baby-massage"
        )));
    };
    match Kind::from_folder(folder) {
        Some(kind) => Some(Ok(EntryRef {
            kind,
            slug: slug.to_string(),
        })),
        None => {
            let folders: Vec<&str> = Kind::ALL.iter().map(|k| k.folder()).collect();
            Some(Err(format!(
                "\"{folder}\" is not a kind of entry; use one of {}",
                folders.join(", ")
            )))
        }
    }
}

fn check_text(text: &Text, index: &Index) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(fallback) = text.body_at else { return out };
    // Without a bracket or an angle bracket, markdown has no link, picture or HTML: no need to parse it.
    if !text.body.contains(['[', '<']) {
        return out;
    }
    let at = |range: std::ops::Range<usize>| match text.body_span {
        Some(b) => Span {
            file: b.file,
            start: b.start + range.start as u32,
            end: b.start + range.end as u32,
        },
        None => fallback,
    };
    for (event, range) in Parser::new(&text.body).into_offset_iter() {
        // A picture's address is never on the page: only a link's is checked for hidden characters.
        let is_link = matches!(event, Event::Start(Tag::Link { .. }));
        match event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                let dest = dest_url.trim();
                let lower = dest.to_ascii_lowercase();
                if let Some(parsed) = parse_internal(dest) {
                    match parsed {
                        Ok(r) if index.has(r.kind, &r.slug) => {}
                        Ok(r) => out.push(
                            Diagnostic::error("broken-link", at(range), format!("this links to {dest}, but there is no {} called \"{}\"", r.kind.noun(), r.slug))
                                .help(format!("check the name against the files in content/{}/", r.kind.folder())),
                        ),
                        Err(why) => out.push(Diagnostic::error("broken-link", at(range), "this link to another entry is not complete").help(why)),
                    }
                } else if let Some(d) = hidden_in(text, &dest_url, at(range.clone())).filter(|_| is_link) {
                    out.push(d);
                } else if lower.starts_with("javascript:") || lower.starts_with("data:") || lower.starts_with("vbscript:") {
                    out.push(
                        Diagnostic::error("unsafe-link", at(range), "this link runs code or hides data in the address, so it is removed from the page")
                            .help("link to a web page starting with https://, or to another entry with @/<kind>/<name>"),
                    );
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => out.push(
                Diagnostic::warning("raw-html", at(range), "HTML in the text is not shown on the page")
                    .help("write it in markdown instead: **bold**, [a link](https://…), or a list with - at the start of each line"),
            ),
            _ => {}
        }
    }
    out
}

/// The problem of a character no one can see in a link's address, which would be carried into the page's link:
/// at the character itself when the address is written as is in the file, else at the link (`link`).
fn hidden_in(text: &Text, dest: &str, link: Span) -> Option<Diagnostic> {
    let (at, c, why) = address::find(dest)?;
    let lower = dest.trim_start().to_ascii_lowercase();
    let what = if lower.starts_with("mailto:") {
        "email address"
    } else if lower.starts_with("tel:") {
        "phone number"
    } else {
        "web address"
    };
    let p = address::problem(&why, what);
    // The address is a slice of the text unless markdown had to change it (an escape or an entity in it).
    let offset = (dest.as_ptr() as usize).checked_sub(text.body.as_ptr() as usize);
    let span = match (text.body_span, offset) {
        (Some(b), Some(off)) if off + dest.len() <= text.body.len() => {
            let start = b.start + (off + at) as u32;
            Span {
                file: b.file,
                start,
                end: start + c.len_utf8() as u32,
            }
        }
        _ => link,
    };
    Some(Diagnostic::error(address::CODE, span, p.message).help(p.help))
}

pub fn check(content: &Content, index: &Index) -> Vec<Diagnostic> {
    let texts: Vec<&Text> = content
        .entries()
        .flat_map(|(_, _, common)| std::iter::once(&common.text).chain(common.translations.values().map(|t| &t.text)))
        .collect();
    texts.par_iter().flat_map_iter(|text| check_text(text, index)).collect()
}
