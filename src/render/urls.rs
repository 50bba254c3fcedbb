//! Where each page lives: one function per kind, so links and files always agree.

use crate::content::ids::{CategoryId, EntryRef, Kind, LangCode, LocalityId};

/// The URL path of an entry's page in a language, or `None` for kinds that have no page (organisations).
pub fn entry(lang: &LangCode, kind: Kind, slug: &str) -> Option<String> {
    let section = match kind {
        Kind::Hub | Kind::Spoke => "places",
        Kind::Session => "activities",
        Kind::Offer => "start-for-life",
        Kind::Page => return Some(format!("/{lang}/{slug}/")),
        Kind::Organisation => return None,
    };
    Some(format!("/{lang}/{section}/{slug}/"))
}

pub fn entry_ref(lang: &LangCode, r: &EntryRef) -> Option<String> {
    entry(lang, r.kind, &r.slug)
}

pub fn home(lang: &LangCode) -> String {
    format!("/{lang}/")
}

pub fn start_for_life(lang: &LangCode) -> String {
    format!("/{lang}/start-for-life/")
}

pub fn start_for_life_print(lang: &LangCode) -> String {
    format!("/{lang}/start-for-life/print/")
}

pub fn timetable(lang: &LangCode) -> String {
    format!("/{lang}/timetable/")
}

pub fn search(lang: &LangCode) -> String {
    format!("/{lang}/search/")
}

/// The week's timetable for one area. Ids are slugs, so they are safe in a path as they are.
pub fn timetable_area(lang: &LangCode, locality: &LocalityId) -> String {
    format!("/{lang}/timetable/area/{locality}/")
}

pub fn timetable_category(lang: &LangCode, category: &CategoryId) -> String {
    format!("/{lang}/timetable/kind/{category}/")
}

/// The calendar file of one activity, of everything at one place, and of everything.
pub fn calendar_session(lang: &LangCode, slug: &str) -> String {
    format!("/calendar/{lang}/activities/{slug}.ics")
}

pub fn calendar_place(lang: &LangCode, slug: &str) -> String {
    format!("/calendar/{lang}/places/{slug}.ics")
}

pub fn calendar_all(lang: &LangCode) -> String {
    format!("/calendar/{lang}/all.ics")
}

/// The file a URL path is written to: `/bn/places/x/` → `bn/places/x/index.html`.
pub fn file_for(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// A `tel:` link for a UK number: `020 7946 0123` → `tel:+442079460123`.
pub fn tel(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('0') {
        Some(rest) if !phone.trim_start().starts_with('+') => format!("tel:+44{rest}"),
        _ => format!("tel:+{digits}"),
    }
}

/// A link that opens directions to a place in the family's own map app or website; a link only, never a request.
pub fn directions(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/directions?to={lat:.5}%2C{lon:.5}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_links() {
        let bn = LangCode::new("bn");
        assert_eq!(entry(&bn, Kind::Spoke, "x").as_deref(), Some("/bn/places/x/"));
        assert_eq!(entry(&bn, Kind::Organisation, "x"), None);
        assert_eq!(file_for("/bn/places/x/"), "bn/places/x/index.html");
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/sitemap.xml"), "sitemap.xml");
        assert_eq!(tel("020 7946 0123"), "tel:+442079460123");
        assert_eq!(tel("+44 20 7946 0123"), "tel:+442079460123");
    }
}
