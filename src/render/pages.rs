//! The pages of the site: what each page shows, gathered into the view its template renders.

use std::collections::BTreeMap;

use minijinja::Environment;
use serde_json::{Value, json};

use super::markdown::{self, LinkResolver};
use super::words::Words;
use super::{CSS, TemplateError, render, urls};
use crate::config::SiteConfig;
use crate::content::ids::*;
use crate::content::model::*;
use crate::i18n::Strings;
use crate::validate::links::parse_internal;

/// Everything the pages of every language are made from.
pub struct Ctx<'a> {
    config: &'a SiteConfig,
    content: &'a Content,
    strings: &'a Strings,
    env: &'a Environment<'static>,
    /// Sessions by the place they happen at, and by the offer they belong to.
    at_place: BTreeMap<&'a str, Vec<&'a SessionId>>,
    for_offer: BTreeMap<&'a OfferId, Vec<&'a SessionId>>,
    /// The day "next dates" count from: fixed per build, so the same input gives the same pages.
    today: time::Date,
}

impl LinkResolver for Ctx<'_> {
    fn resolve(&self, dest: &str, lang: &LangCode) -> Option<String> {
        let r = parse_internal(dest)?.ok()?;
        if r.kind == Kind::Organisation {
            return self
                .content
                .organisations
                .get(&OrgId::new(r.slug.clone()))?
                .website
                .clone();
        }
        self.content.contains(&r).then(|| urls::entry_ref(lang, &r)).flatten()
    }
}

impl<'a> Ctx<'a> {
    pub fn new(
        checked: &'a crate::Checked,
        strings: &'a Strings,
        env: &'a Environment<'static>,
        today: time::Date,
    ) -> Self {
        let content = &checked.loaded.content;
        let mut at_place: BTreeMap<&str, Vec<&SessionId>> = BTreeMap::new();
        let mut for_offer: BTreeMap<&OfferId, Vec<&SessionId>> = BTreeMap::new();
        for (id, s) in &content.sessions {
            match &s.venue {
                Venue::Hub(h) => at_place.entry(h.as_str()).or_default().push(id),
                Venue::Spoke(sp) => at_place.entry(sp.as_str()).or_default().push(id),
                Venue::Online { .. } => {}
            }
            if let Some(o) = &s.offer {
                for_offer.entry(o).or_default().push(id);
            }
        }
        Ctx {
            config: &checked.loaded.config,
            content,
            strings,
            env,
            at_place,
            for_offer,
            today,
        }
    }

    fn words<'w>(&'w self, lang: &'w LangCode) -> Words<'w> {
        Words {
            strings: self.strings,
            lang,
        }
    }

    fn site_title(&self, lang: &LangCode) -> String {
        if self.strings.has(lang, "site-title") {
            self.strings.text(lang, "site-title")
        } else {
            self.config.title.clone()
        }
    }

    /// The text to show in `lang`: its translation, or the source text and the source language it is in.
    fn text_in<'c>(&self, common: &'c Common, lang: &LangCode) -> (&'c Text, Option<&LangCode>) {
        let source = self.config.source_language();
        if lang == source {
            return (&common.text, None);
        }
        match common.translations.get(lang) {
            Some(t) => (&t.text, None),
            None => (&common.text, Some(source)),
        }
    }

    /// The languages a page really exists in: the source, and each language it is translated into.
    fn alternates(&self, common: Option<&Common>, path: &dyn Fn(&LangCode) -> String) -> Vec<Value> {
        self.config
            .languages
            .iter()
            .filter(|l| common.is_none_or(|c| *l == self.config.source_language() || c.translations.contains_key(*l)))
            .map(|l| json!({ "lang": l.as_str(), "href": path(l) }))
            .collect()
    }

    fn base(
        &self,
        lang: &LangCode,
        title: &str,
        description: &str,
        common: Option<&Common>,
        path: &dyn Fn(&LangCode) -> String,
    ) -> Value {
        let menu: Vec<Value> = self
            .menu()
            .into_iter()
            .map(|(id, p)| json!({ "href": format!("/{lang}/{id}/"), "title": self.text_in(&p.common, lang).0.title }))
            .collect();
        let switcher: Vec<Value> = self
            .config
            .languages
            .iter()
            .filter(|l| *l != lang)
            .map(|l| json!({ "lang": l.as_str(), "href": path(l), "name": self.strings.text(l, "language-self") }))
            .collect();
        json!({
            "lang": lang.as_str(),
            "title": title,
            "description": description,
            "site_title": self.site_title(lang),
            "base_url": self.config.base_url,
            "example_data": self.config.example_data,
            "alternates": self.alternates(common, path),
            "switcher": switcher,
            "menu": menu,
            "css": CSS,
        })
    }

    fn menu(&self) -> Vec<(&PageId, &Page)> {
        let mut pages: Vec<(&PageId, &Page)> = self.content.pages.iter().filter(|(_, p)| p.menu).collect();
        pages.sort_by_key(|(id, p)| (p.order, *id));
        pages
    }

    fn merge(mut base: Value, extra: Value) -> Value {
        if let (Value::Object(b), Value::Object(e)) = (&mut base, extra) {
            b.extend(e);
        }
        base
    }

    /// The parts every entry page shows: title, summary, text, when it was checked, and the fallback notice.
    fn entry_view(&self, lang: &LangCode, kind: Kind, slug: &str, common: &Common) -> Value {
        let (text, fallback) = self.text_in(common, lang);
        let path = |l: &LangCode| urls::entry(l, kind, slug).unwrap_or_default();
        let base = self.base(lang, &text.title, &text.summary, Some(common), &path);
        let words = self.words(lang);
        let checked = common
            .checked
            .map(|d| self.strings.get(lang, "checked-on", &[("date", words.date(d).into())]));
        Self::merge(
            base,
            json!({
                "summary": text.summary,
                "body": markdown::to_html(&text.body, lang, self),
                "fallback": fallback.is_some(),
                "content_lang": fallback.map(|l| l.as_str()),
                "checked": checked,
            }),
        )
    }

    /// The sessions of a place or an offer, as the list items pages show.
    fn session_items(&self, lang: &LangCode, ids: Option<&Vec<&SessionId>>) -> Vec<Value> {
        ids.into_iter()
            .flatten()
            .filter_map(|id| self.session_item(lang, id))
            .collect()
    }

    fn session_item(&self, lang: &LangCode, id: &SessionId) -> Option<Value> {
        let s = self.content.sessions.get(id)?;
        let words = self.words(lang);
        let when: Vec<String> = s.when.iter().map(|w| words.slot(&w.value)).collect();
        Some(json!({
            "href": urls::entry(lang, Kind::Session, id.as_str()),
            "title": self.text_in(&s.common, lang).0.title,
            "when": when.join("; "),
        }))
    }

    fn place(
        &self,
        lang: &LangCode,
        kind: Kind,
        slug: &str,
        place: &Place,
        hub: Option<&HubId>,
    ) -> Result<(String, String), TemplateError> {
        let view = self.entry_view(lang, kind, slug, &place.common);
        let words = self.words(lang);
        let (text, _) = self.text_in(&place.common, lang);
        let part_of = hub.and_then(|h| {
            let hub = self.content.hubs.get(h)?;
            let title = self.text_in(&hub.place.common, lang).0.title.clone();
            Some(json!({ "href": urls::entry(lang, Kind::Hub, h.as_str()), "title": self.strings.get(lang, "place-part-of", &[("hub", title.into())]) }))
        });
        let sessions = self.session_items(lang, self.at_place.get(slug));
        let extra = json!({
            "kind": words.t(if kind == Kind::Hub { "place-family-hub" } else { "place-spoke" }),
            "part_of": part_of,
            "address": place.address,
            "postcode": place.postcode,
            "directions": place.location.map(|l| urls::directions(l.lat, l.lon)),
            "phone": place.phone.as_ref().map(|p| json!({ "href": urls::tel(p), "text": p })),
            "email": place.email,
            "website": place.website,
            "opening": place.opening.iter().map(|o| words.slot(&o.value)).collect::<Vec<_>>(),
            "getting_there": text.getting_there,
            "facilities": place.facilities.iter().map(|f| words.t(&format!("facility-{}", f.value))).collect::<Vec<_>>(),
            "languages": place.languages.iter().map(|l| words.t(&format!("language-{}", l.value))).collect::<Vec<_>>(),
            "sessions": sessions,
            "sessions_heading": self.strings.get(lang, "sessions-here", &[("count", sessions.len().into())]),
        });
        let path = urls::entry(lang, kind, slug).unwrap_or_default();
        Ok((path, render(self.env, "place.html", &Self::merge(view, extra))?))
    }

    fn venue_view(&self, lang: &LangCode, s: &Session) -> (Value, Option<String>) {
        let place = |kind: Kind, slug: &str, common: Option<&Common>| json!({ "href": urls::entry(lang, kind, slug), "title": common.map(|c| self.text_in(c, lang).0.title.clone()) });
        match &s.venue {
            Venue::Hub(h) => (
                place(Kind::Hub, h.as_str(), self.content.hubs.get(h).map(|x| &x.place.common)),
                None,
            ),
            Venue::Spoke(sp) => (
                place(
                    Kind::Spoke,
                    sp.as_str(),
                    self.content.spokes.get(sp).map(|x| &x.place.common),
                ),
                None,
            ),
            Venue::Online { join_url } => (
                json!({ "href": null, "title": self.strings.text(lang, "online") }),
                Some(join_url.clone()),
            ),
        }
    }

    fn venue_phone(&self, s: &Session) -> Option<&str> {
        match &s.venue {
            Venue::Hub(h) => self.content.hubs.get(h)?.place.phone.as_deref(),
            Venue::Spoke(sp) => {
                let spoke = self.content.spokes.get(sp)?;
                spoke
                    .place
                    .phone
                    .as_deref()
                    .or_else(|| self.content.hubs.get(&spoke.hub)?.place.phone.as_deref())
            }
            Venue::Online { .. } => None,
        }
    }

    fn activity(&self, lang: &LangCode, id: &SessionId, s: &Session) -> Result<(String, String), TemplateError> {
        let view = self.entry_view(lang, Kind::Session, id.as_str(), &s.common);
        let words = self.words(lang);
        let (text, _) = self.text_in(&s.common, lang);
        let (venue, join_url) = self.venue_view(lang, s);
        let mut notes = Vec::new();
        if s.term_time_only {
            notes.push(words.t("term-time-only"));
        }
        if let Some(d) = s.starts {
            notes.push(self.strings.get(lang, "starts-on", &[("date", words.date(d).into())]));
        }
        if let Some(d) = s.ends {
            notes.push(self.strings.get(lang, "ends-on", &[("date", words.date(d).into())]));
        }
        if !s.except.is_empty() {
            let dates: Vec<String> = s.except.iter().map(|d| words.date(*d)).collect();
            notes.push(self.strings.get(lang, "not-on", &[("dates", dates.join(", ").into())]));
        }
        let mut book = Vec::new();
        let phone_arg = |p: &str| -> [(&str, fluent_bundle::FluentValue<'_>); 1] { [("phone", p.to_string().into())] };
        match (&s.book, s.booking) {
            (Some(c), _) => {
                if let Some(p) = &c.phone {
                    book.push(
                        json!({ "href": urls::tel(p), "text": self.strings.get(lang, "book-by-phone", &phone_arg(p)) }),
                    );
                }
                if let Some(e) = &c.email {
                    book.push(json!({ "href": format!("mailto:{e}"), "text": self.strings.get(lang, "book-by-email", &[("email", e.clone().into())]) }));
                }
                if let Some(u) = &c.url {
                    book.push(json!({ "href": u, "text": words.t("book-online") }));
                }
            }
            (None, Booking::Book) => {
                if let Some(p) = self.venue_phone(s) {
                    book.push(json!({ "href": urls::tel(p), "text": self.strings.get(lang, "book-with-venue", &phone_arg(p)) }));
                }
            }
            _ => {}
        }
        let booking = words.t(match s.booking {
            Booking::DropIn => "booking-drop-in",
            Booking::Book => "booking-book",
            Booking::Referral => "booking-referral",
        });
        let (ages, ages_send) = s.ages.as_ref().map(|a| words.ages(a)).unzip();
        let run_by = s
            .run_by
            .as_ref()
            .and_then(|o| self.content.organisations.get(o))
            .map(|org| {
                let title = self.text_in(&org.common, lang).0.title.clone();
                json!({ "label": words.t("run-by"), "title": title, "href": org.website })
            });
        let slots: Vec<crate::schedule::Slot> = s.when.iter().map(|w| w.value.clone()).collect();
        let rules = crate::schedule::Rules {
            slots: &slots,
            starts: s.starts,
            ends: s.ends,
            except: &s.except,
            term_time_only: s.term_time_only,
            terms: self.content.terms.as_ref(),
        };
        let next: Vec<String> = rules.next(self.today, 4).iter().map(|o| words.occurrence(o)).collect();
        let extra = json!({
            "next": next,
            "when": s.when.iter().map(|w| words.slot(&w.value)).collect::<Vec<_>>(),
            "when_notes": notes,
            "venue": venue,
            "join_url": join_url,
            "ages": ages,
            "ages_send": ages_send.flatten(),
            "audiences": s.audiences.iter().map(|a| words.t(&format!("audience-{}", a.value))).collect::<Vec<_>>(),
            "cost": words.cost(&s.cost),
            "cost_note": text.cost_note,
            "booking": booking,
            "book": book,
            "languages": s.languages.iter().map(|l| words.t(&format!("language-{}", l.value))).collect::<Vec<_>>(),
            "run_by": run_by,
        });
        let path = urls::entry(lang, Kind::Session, id.as_str()).unwrap_or_default();
        Ok((path, render(self.env, "activity.html", &Self::merge(view, extra))?))
    }

    fn offer(&self, lang: &LangCode, id: &OfferId, o: &Offer) -> Result<(String, String), TemplateError> {
        let view = self.entry_view(lang, Kind::Offer, id.as_str(), &o.common);
        let words = self.words(lang);
        let mut contact = Vec::new();
        if let Some(p) = &o.contact.phone {
            contact.push(
                json!({ "href": urls::tel(p), "text": self.strings.get(lang, "call", &[("phone", p.clone().into())]) }),
            );
        }
        if let Some(e) = &o.contact.email {
            contact.push(json!({ "href": format!("mailto:{e}"), "text": e }));
        }
        if let Some(u) = &o.contact.url {
            contact.push(json!({ "href": u, "text": words.t("website") }));
        }
        let sessions = self.session_items(lang, self.for_offer.get(id));
        let extra = json!({
            "area": o.area.map(|a| words.t(&format!("offer-area-{}", a.id()))),
            "ages": o.ages.as_ref().map(|a| words.ages(a).0),
            "contact": contact,
            "sessions": sessions,
        });
        let path = urls::entry(lang, Kind::Offer, id.as_str()).unwrap_or_default();
        Ok((path, render(self.env, "offer.html", &Self::merge(view, extra))?))
    }

    fn home(&self, lang: &LangCode) -> Result<(String, String), TemplateError> {
        let words = self.words(lang);
        let mut groups = Vec::new();
        for loc in &self.config.localities {
            let mut items = Vec::new();
            for (hid, hub) in self.content.hubs.iter().filter(|(_, h)| h.locality.value == loc.value) {
                items.push(json!({ "href": urls::entry(lang, Kind::Hub, hid.as_str()), "title": self.text_in(&hub.place.common, lang).0.title, "note": words.t("place-family-hub") }));
                for (sid, spoke) in self.content.spokes.iter().filter(|(_, s)| &s.hub == hid) {
                    items.push(json!({ "href": urls::entry(lang, Kind::Spoke, sid.as_str()), "title": self.text_in(&spoke.place.common, lang).0.title }));
                }
            }
            if !items.is_empty() {
                groups.push(json!({ "heading": words.t(&format!("locality-{}", loc.value)), "items": items }));
            }
        }
        groups.push(json!({ "heading": words.t("home-start-for-life"), "items": [{ "href": urls::start_for_life(lang), "title": words.t("start-for-life-title") }] }));
        let title = words.t("home-title");
        let base = self.base(lang, &title, &words.t("home-intro"), None, &urls::home);
        let view = Self::merge(base, json!({ "intro": words.t("home-intro"), "groups": groups }));
        Ok((urls::home(lang), render(self.env, "list.html", &view)?))
    }

    fn start_for_life(&self, lang: &LangCode) -> Result<(String, String), TemplateError> {
        let words = self.words(lang);
        let item = |id: &OfferId, o: &Offer| {
            let t = self.text_in(&o.common, lang).0;
            json!({ "href": urls::entry(lang, Kind::Offer, id.as_str()), "title": t.title, "note": t.summary })
        };
        let mut groups: Vec<Value> = OfferArea::ALL
            .iter()
            .filter_map(|area| {
                let items: Vec<Value> = self
                    .content
                    .offers
                    .iter()
                    .filter(|(_, o)| o.area == Some(*area))
                    .map(|(id, o)| item(id, o))
                    .collect();
                (!items.is_empty())
                    .then(|| json!({ "heading": words.t(&format!("offer-area-{}", area.id())), "items": items }))
            })
            .collect();
        let other: Vec<Value> = self
            .content
            .offers
            .iter()
            .filter(|(_, o)| o.area.is_none())
            .map(|(id, o)| item(id, o))
            .collect();
        if !other.is_empty() {
            groups.push(json!({ "heading": words.t("start-for-life-other"), "items": other }));
        }
        let title = words.t("start-for-life-title");
        let base = self.base(
            lang,
            &title,
            &words.t("start-for-life-intro"),
            None,
            &urls::start_for_life,
        );
        let view = Self::merge(
            base,
            json!({ "intro": words.t("start-for-life-intro"), "groups": groups }),
        );
        Ok((urls::start_for_life(lang), render(self.env, "list.html", &view)?))
    }

    /// Every page in one language.
    pub fn language(&self, lang: &LangCode) -> Result<Vec<(String, String)>, TemplateError> {
        let mut out = vec![self.home(lang)?, self.start_for_life(lang)?];
        for (id, h) in &self.content.hubs {
            out.push(self.place(lang, Kind::Hub, id.as_str(), &h.place, None)?);
        }
        for (id, s) in &self.content.spokes {
            out.push(self.place(lang, Kind::Spoke, id.as_str(), &s.place, Some(&s.hub))?);
        }
        for (id, s) in &self.content.sessions {
            out.push(self.activity(lang, id, s)?);
        }
        for (id, o) in &self.content.offers {
            out.push(self.offer(lang, id, o)?);
        }
        for (id, p) in &self.content.pages {
            let view = self.entry_view(lang, Kind::Page, id.as_str(), &p.common);
            out.push((
                urls::entry(lang, Kind::Page, id.as_str()).unwrap_or_default(),
                render(self.env, "page.html", &view)?,
            ));
        }
        Ok(out)
    }

    /// The files shared by all languages: the language chooser, the not-found page, robots.txt and the sitemap.
    pub fn shared(&self) -> Result<Vec<(String, Vec<u8>)>, TemplateError> {
        let source = self.config.source_language();
        let switcher: Vec<Value> = self
            .config
            .languages
            .iter()
            .map(|l| json!({ "lang": l.as_str(), "href": urls::home(l), "name": self.strings.text(l, "language-self"), "prompt": self.strings.text(l, "choose-language") }))
            .collect();
        let chooser = json!({
            "lang": source.as_str(),
            "site_title": self.site_title(source),
            "base_url": self.config.base_url,
            "alternates": self.alternates(None, &urls::home),
            "switcher": switcher,
            "css": CSS,
        });
        let words = self.words(source);
        let groups: Vec<Value> = vec![json!({
            "heading": words.t("nav-home"),
            "items": self.config.languages.iter().map(|l| json!({ "href": urls::home(l), "title": self.strings.text(l, "language-self"), "lang": l.as_str() })).collect::<Vec<_>>(),
        })];
        let base = self.base(
            source,
            &words.t("not-found-title"),
            &words.t("not-found-text"),
            None,
            &|l: &LangCode| urls::home(l),
        );
        let not_found = Self::merge(
            base,
            json!({ "intro": words.t("not-found-text"), "groups": groups, "alternates": [] }),
        );
        Ok(vec![
            (
                "index.html".into(),
                render(self.env, "chooser.html", &chooser)?.into_bytes(),
            ),
            (
                "404.html".into(),
                render(self.env, "list.html", &not_found)?.into_bytes(),
            ),
            (
                "robots.txt".into(),
                format!(
                    "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
                    self.config.base_url
                )
                .into_bytes(),
            ),
            ("sitemap.xml".into(), self.sitemap().into_bytes()),
        ])
    }

    fn sitemap(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let base = &self.config.base_url;
        let mut add = |common: Option<&Common>, path: &dyn Fn(&LangCode) -> String| {
            let alts = self.alternates(common, path);
            for a in &alts {
                out.push_str(&format!("<url><loc>{base}{}</loc>", a["href"].as_str().unwrap_or("")));
                for b in &alts {
                    out.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>",
                        b["lang"].as_str().unwrap_or(""),
                        b["href"].as_str().unwrap_or("")
                    ));
                }
                out.push_str("</url>\n");
            }
        };
        add(None, &urls::home);
        add(None, &urls::start_for_life);
        for (kind, slug, common) in self.content.entries().filter(|(k, _, _)| *k != Kind::Organisation) {
            add(Some(common), &|l: &LangCode| {
                urls::entry(l, kind, slug).unwrap_or_default()
            });
        }
        out.push_str("</urlset>\n");
        out
    }
}
