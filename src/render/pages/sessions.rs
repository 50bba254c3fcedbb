//! Sessions as other pages show them: where they happen, their area, the venue's phone, their dates, list items.

use super::Ctx;
use super::views::Link;
use crate::content::ids::{Kind, LangCode, LocalityId, SessionId};
use crate::content::model::{Contact, Place, Session, Venue};
use crate::render::urls;
use crate::schedule::Rules;

impl<'a> Ctx<'a> {
    /// The building a session happens in, as its kind, slug and place; `None` for an online session.
    pub(super) fn place_of(&self, s: &Session) -> Option<(Kind, &'a str, &'a Place)> {
        match &s.venue {
            Venue::Hub(h) => {
                let (id, hub) = self.content.hubs.get_key_value(h)?;
                Some((Kind::Hub, id.as_str(), &hub.place))
            }
            Venue::Spoke(sp) => {
                let (id, spoke) = self.content.spokes.get_key_value(sp)?;
                Some((Kind::Spoke, id.as_str(), &spoke.place))
            }
            Venue::Online { .. } => None,
        }
    }

    /// The area a session is in: its hub's, or the hub of its spoke. Online sessions have none.
    pub(super) fn locality_of(&self, s: &Session) -> Option<&'a LocalityId> {
        let hub = match &s.venue {
            Venue::Hub(h) => h,
            Venue::Spoke(sp) => &self.content.spokes.get(sp)?.hub,
            Venue::Online { .. } => return None,
        };
        Some(&self.content.hubs.get(hub)?.locality.value)
    }

    /// A link to the place a session happens at, or "Online" with no link and the address to join.
    pub(super) fn venue(&self, lang: &LangCode, s: &Session) -> (Link, Option<String>) {
        match (&s.venue, self.place_of(s)) {
            (Venue::Online { join_url }, _) => (
                Link {
                    title: self.strings.text(lang, "online"),
                    ..Link::default()
                },
                Some(join_url.clone()),
            ),
            (_, Some((kind, slug, place))) => (self.link_to(lang, kind, slug, &place.common), None),
            // Checking makes sure every venue exists; a page is still made if one somehow does not.
            (_, None) => (Link::default(), None),
        }
    }

    /// The phone number to book on when a session says "book with the venue": the spoke's, else its hub's.
    pub(super) fn venue_phone(&self, s: &Session) -> Option<&'a str> {
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

    /// Links to a phone number, an email address and a website, each worded by the message named for it; an email
    /// with no message shows the address itself.
    pub(super) fn contact_links(
        &self,
        lang: &LangCode,
        c: &Contact,
        (phone_id, email_id, url_id): (&str, Option<&str>, &str),
    ) -> Vec<Link> {
        let mut links = Vec::new();
        if let Some(p) = &c.phone {
            let text = self.strings.get(lang, phone_id, &[("phone", p.clone().into())]);
            links.push(Link::to(urls::tel(p), text));
        }
        if let Some(e) = &c.email {
            let text = match email_id {
                Some(id) => self.strings.get(lang, id, &[("email", e.clone().into())]),
                None => e.clone(),
            };
            links.push(Link::to(format!("mailto:{e}"), text));
        }
        if let Some(u) = &c.url {
            links.push(Link::to(u.clone(), self.strings.text(lang, url_id)));
        }
        links
    }

    /// The sessions of a place or an offer, as the list items pages show.
    pub(super) fn session_items(&self, lang: &LangCode, ids: Option<&Vec<&SessionId>>) -> Vec<Link> {
        ids.into_iter()
            .flatten()
            .filter_map(|id| {
                let s = self.content.sessions.get(id)?;
                let words = self.words(lang);
                let when: Vec<String> = s.when.iter().map(|w| words.slot(&w.value)).collect();
                Some(Link {
                    note: Some(when.join("; ")),
                    ..self.link_to(lang, Kind::Session, id.as_str(), &s.common)
                })
            })
            .collect()
    }

    pub(super) fn rules<'s>(&'s self, s: &'s Session, slots: &'s [crate::schedule::Slot]) -> Rules<'s> {
        Rules {
            slots,
            starts: s.starts,
            ends: s.ends,
            except: &s.except,
            term_time_only: s.term_time_only,
            terms: self.content.terms.as_ref(),
        }
    }
}
