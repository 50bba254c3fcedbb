//! Activity pages: one session, with when it happens next, where, for whom, the cost and how to join.

use super::views::{ActivityFacts, Dated, Link};
use super::{Ctx, Rendered};
use crate::content::ids::{Kind, LangCode, SessionId};
use crate::content::model::{Booking, Session};
use crate::render::{TemplateError, jsonld, urls};

/// How far ahead an activity page lists every date.
const WEEKS_OF_DATES: i64 = 12;

impl<'a> Ctx<'a> {
    fn how_to_book(&self, lang: &LangCode, s: &Session) -> Vec<Link> {
        match (&s.book, s.booking) {
            (Some(c), _) => self.contact_links(lang, c, ("book-by-phone", Some("book-by-email"), "book-online")),
            (None, Booking::Book) => self
                .venue_phone(s)
                .map(|p| {
                    let text = self
                        .strings
                        .get(lang, "book-with-venue", &[("phone", p.to_string().into())]);
                    Link::to(urls::tel(p), text)
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    fn when_notes(&self, lang: &LangCode, s: &Session) -> Vec<String> {
        let words = self.words(lang);
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
        notes
    }

    pub(super) fn activity(
        &self,
        lang: &'a LangCode,
        id: &SessionId,
        s: &Session,
    ) -> Result<Vec<Rendered>, TemplateError> {
        let words = self.words(lang);
        let (text, fallback) = self.text_in(&s.common, lang);
        let (venue, join_url) = self.venue(lang, s);
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
            .map(|org| Link {
                href: org.website.clone().unwrap_or_default(),
                ..self.link_to(lang, Kind::Organisation, "", &org.common)
            });
        let slots: Vec<crate::schedule::Slot> = s.when.iter().map(|w| w.value.clone()).collect();
        let rules = self.rules(s, &slots);
        let next = rules.next(self.today, 4);
        let last = self.today.saturating_add(time::Duration::days(7 * WEEKS_OF_DATES - 1));
        let weeks = rules.between(self.today, last);
        let dates = if weeks.len() > next.len() { &weeks } else { &next };
        let facts = ActivityFacts {
            next: dates
                .iter()
                .map(|o| Dated {
                    datetime: format!("{}T{}", o.date, o.from),
                    text: words.occurrence(o),
                })
                .collect(),
            calendar: urls::calendar_session(lang, id.as_str()),
            when: s.when.iter().map(|w| words.slot(&w.value)).collect(),
            when_notes: self.when_notes(lang, s),
            venue: venue.clone(),
            join_url: join_url.clone(),
            ages,
            ages_send: ages_send.flatten(),
            audiences: s
                .audiences
                .iter()
                .map(|a| words.t(&format!("audience-{}", a.value)))
                .collect(),
            cost: words.cost(&s.cost),
            cost_note: text.cost_note.clone(),
            booking,
            book: self.how_to_book(lang, s),
            languages: s
                .languages
                .iter()
                .map(|l| words.t(&format!("language-{}", l.value)))
                .collect(),
            run_by,
        };
        let mut view = self.entry(lang, (Kind::Session, id.as_str()), &s.common, facts);
        let place = self.place_of(s).map(|(_, _, p)| p);
        let event = jsonld::Event {
            text,
            session: s,
            place: place.map(|p| (venue.title.as_str(), p)),
            join_url: join_url.as_deref(),
            next: next.first(),
            lang: fallback.unwrap_or(lang).as_str(),
            terms: self.content.terms.as_ref(),
            today: self.today,
        };
        view.base.json_ld = Some(jsonld::event(&self.config.base_url, &view.base.path, &event));
        self.embeddable("activity.html", view)
    }
}
