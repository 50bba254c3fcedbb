//! Calendar files for each language: one per activity, one per place with everything that happens there, and
//! one with everything.

use super::Ctx;
use crate::content::ids::{LangCode, SessionId};
use crate::content::model::{Place, Session, Venue};
use crate::output::ics::{self, Ics};
use crate::render::urls;

/// The host part of the site's address, for ids that must be unique across the world: `familyhubs.example`.
pub(super) fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

impl Ctx<'_> {
    /// The events of one session in `lang`, ready to go inside any calendar.
    fn session_events(&self, lang: &LangCode, id: &SessionId, s: &Session) -> String {
        let (text, fallback) = self.text_in(&s.common, lang);
        let base = &self.config.base_url;
        let page = format!(
            "{base}{}",
            urls::entry(lang, crate::content::ids::Kind::Session, id.as_str()).unwrap_or_default()
        );
        // An untranslated title says which language it is in, as the page does.
        let lang_param = fallback.map(|l| format!(";LANGUAGE={l}")).unwrap_or_default();
        let mut about = vec![
            (format!("SUMMARY{lang_param}"), ics::text(&text.title)),
            (
                format!("DESCRIPTION{lang_param}"),
                ics::text(&format!("{}\n{page}", text.summary)),
            ),
            ("URL".to_string(), page.clone()),
        ];
        match (&s.venue, self.place_of(s)) {
            (Venue::Online { join_url }, _) => about.push((
                "LOCATION".into(),
                ics::text(&format!("{}: {join_url}", self.strings.text(lang, "online"))),
            )),
            (_, Some((_, _, place))) => {
                let (ptext, pfallback) = self.text_in(&place.common, lang);
                let mut lines = vec![ptext.title.clone()];
                lines.extend(place.address.iter().cloned());
                lines.push(place.postcode.clone());
                let param = pfallback.map(|l| format!(";LANGUAGE={l}")).unwrap_or_default();
                about.push((format!("LOCATION{param}"), ics::text(&lines.join(", "))));
                if let Some(l) = place.location {
                    about.push(("GEO".into(), format!("{:.6};{:.6}", l.lat, l.lon)));
                }
            }
            (_, None) => {}
        }
        let mut out = Ics::default();
        for series in self.series_of(id, s) {
            let uid = format!("session-{}-{}@{}", id.as_str(), series.slot, host(base));
            out.event(&uid, self.today, series, &about);
        }
        // Kept until the calendar of everything is made, so no larger than it needs to be.
        let mut events = out.fragment();
        events.shrink_to_fit();
        events
    }

    /// A calendar of some sessions' events in `lang`, named `name`.
    fn calendar<'s>(&self, lang: &LangCode, name: &str, ids: impl Iterator<Item = &'s SessionId>) -> Vec<u8> {
        let mut cal = Ics::new(name);
        for id in ids {
            if let Some(s) = self.content.sessions.get(id) {
                cal.raw(&self.session_events(lang, id, s));
            }
        }
        cal.finish().into_bytes()
    }

    /// One session's calendar in `lang` by path, and its events for the calendar of everything.
    pub(super) fn session_calendar(&self, lang: &LangCode, id: &SessionId, s: &Session) -> ((String, Vec<u8>), String) {
        let (text, _) = self.text_in(&s.common, lang);
        let name = format!("{} – {}", text.title, self.site_title(lang));
        let path = urls::calendar_session(lang, id.as_str());
        let events = self.session_events(lang, id, s);
        let mut cal = Ics::new(&name);
        cal.raw(&events);
        let file = (path.trim_start_matches('/').to_string(), cal.finish().into_bytes());
        (file, events)
    }

    /// The calendar of everything at one place in `lang`, by path.
    pub(super) fn place_calendar(&self, lang: &LangCode, slug: &str, place: &Place) -> (String, Vec<u8>) {
        let (text, _) = self.text_in(&place.common, lang);
        let name = format!("{} – {}", text.title, self.site_title(lang));
        let ids = self.at_place.get(slug).map(Vec::as_slice).unwrap_or_default();
        let path = urls::calendar_place(lang, slug);
        (
            path.trim_start_matches('/').to_string(),
            self.calendar(lang, &name, ids.iter().copied()),
        )
    }

    /// The calendar of every session in `lang` by path, from each session's `events` in order.
    pub fn all_calendar<'e>(&self, lang: &LangCode, events: impl Iterator<Item = &'e str>) -> (String, Vec<u8>) {
        let mut cal = Ics::new(&self.site_title(lang));
        for e in events {
            cal.raw(e);
        }
        let path = urls::calendar_all(lang);
        (path.trim_start_matches('/').to_string(), cal.finish().into_bytes())
    }
}
