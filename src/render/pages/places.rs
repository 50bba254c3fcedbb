//! Place pages: a family hub or a spoke, with its address, opening times and what happens there.

use super::views::{Link, PlaceFacts};
use super::{Ctx, Rendered};
use crate::content::ids::{HubId, Kind, LangCode};
use crate::content::model::Place;
use crate::render::{TemplateError, escape_html, jsonld, urls};

impl<'a> Ctx<'a> {
    /// A UI sentence with a link in it, as HTML: "Part of <a>Northfield Family Hub</a>". Only the link carries the
    /// language of an untranslated name, not the words around it.
    fn sentence_with_link(&self, lang: &LangCode, id: &str, arg: &str, link: &Link) -> String {
        const HOLE: &str = "\u{E000}";
        let sentence = escape_html(&self.strings.get(lang, id, &[(arg, HOLE.into())]));
        let lang_attr = link.lang.as_ref().map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
        let a = format!(
            "<a href=\"{}\"{lang_attr}>{}</a>",
            escape_html(&link.href),
            escape_html(&link.title)
        );
        sentence.replacen(HOLE, &a, 1)
    }

    pub(super) fn place(
        &self,
        lang: &'a LangCode,
        (kind, slug): (Kind, &str),
        place: &Place,
        hub: Option<&HubId>,
    ) -> Result<Vec<Rendered>, TemplateError> {
        let words = self.words(lang);
        let (text, _) = self.text_in(&place.common, lang);
        let part_of = hub.and_then(|h| {
            let hub = self.content.hubs.get(h)?;
            let link = self.link_to(lang, Kind::Hub, h.as_str(), &hub.place.common);
            Some(self.sentence_with_link(lang, "place-part-of", "hub", &link))
        });
        let sessions = self.session_items(lang, self.at_place.get(slug));
        let facts = PlaceFacts {
            kind: words.t(if kind == Kind::Hub {
                "place-family-hub"
            } else {
                "place-spoke"
            }),
            part_of,
            address: place.address.clone(),
            postcode: place.postcode.clone(),
            directions: place.location.map(|l| urls::directions(l.lat, l.lon)),
            phone: place.phone.as_ref().map(|p| Link {
                href: urls::tel(p),
                title: p.clone(),
                ..Link::default()
            }),
            email: place.email.clone(),
            website: place.website.clone(),
            opening: place.opening.iter().map(|o| words.slot(&o.value)).collect(),
            getting_there: text.getting_there.clone(),
            facilities: place
                .facilities
                .iter()
                .map(|f| words.t(&format!("facility-{}", f.value)))
                .collect(),
            languages: place
                .languages
                .iter()
                .map(|l| words.t(&format!("language-{}", l.value)))
                .collect(),
            sessions_heading: self
                .strings
                .get(lang, "sessions-here", &[("count", sessions.len().into())]),
            sessions,
            calendar: urls::calendar_place(lang, slug),
        };
        let mut view = self.entry(lang, (kind, slug), &place.common, facts);
        view.base.json_ld = Some(jsonld::place(&self.config.base_url, &view.base.path, text, place));
        self.embeddable("place.html", view)
    }
}
