//! The search page and what search knows of each entry: its words, its filters and its result card.

use std::collections::BTreeSet;
use std::sync::Arc;

use time::Weekday;

use super::views::{Choice, Group, Search, Select, View};
use super::{Ctx, Rendered};
use crate::content::ids::{HubId, Kind, LangCode, OfferId, PageId, SessionId, SpokeId};
use crate::content::model::{Ages, Common, Cost, Session};
use crate::content::values::Age;
use crate::render::{TemplateError, markdown, urls};
use crate::schedule::{Occurrence, Slot};
use crate::search::{Doc, Fields};

/// The oldest child's age, in years, the age filter offers.
const OLDEST: u16 = 17;
const WEEK: [(Weekday, &str); 7] = [
    (Weekday::Monday, "monday"),
    (Weekday::Tuesday, "tuesday"),
    (Weekday::Wednesday, "wednesday"),
    (Weekday::Thursday, "thursday"),
    (Weekday::Friday, "friday"),
    (Weekday::Saturday, "saturday"),
    (Weekday::Sunday, "sunday"),
];

fn months(a: Age) -> i32 {
    match a {
        Age::Pregnancy => -1,
        Age::Months(m) => i32::from(m),
    }
}

/// The age filters an age range passes: `age-pregnancy`, and `age-N` for each year of age it includes. No range
/// means anyone may come. The older limit for children with special needs counts: they are welcome up to it.
fn age_filters(ages: Option<&Ages>, out: &mut BTreeSet<String>) {
    let (from, to) = match ages {
        Some(a) => (
            months(a.from),
            a.send_to.or(a.to).map_or(i32::MAX, |to| months(to).max(months(a.from))),
        ),
        None => (-1, i32::MAX),
    };
    if from < 0 {
        out.insert("age-pregnancy".into());
    }
    for year in 0..=i32::from(OLDEST) {
        if from <= year * 12 + 11 && to >= year * 12 {
            out.insert(format!("age-{year}"));
        }
    }
}

impl<'a> Ctx<'a> {
    /// The area filters of something for families in every area: online sessions, Start for Life.
    fn every_area(&self) -> impl Iterator<Item = String> + '_ {
        self.config.localities.iter().map(|l| format!("area-{}", l.value))
    }

    /// The words an entry is found by in `lang`, and its result card but for the place and next time.
    fn search_doc(&self, lang: &LangCode, (kind, slug): (Kind, &str), common: &Common, about: Vec<String>) -> Doc {
        let (text, fallback) = self.text_in(common, lang);
        let source = self.config.source_language();
        // A family may type the English name they have heard: the source title is found in every language.
        let mut about = about;
        if lang != source && fallback.is_none() {
            about.push(common.text.title.clone());
        }
        Doc {
            href: urls::entry(lang, kind, slug).unwrap_or_default(),
            title: text.title.clone(),
            title_lang: fallback.map(|l| l.as_str().to_string()),
            fields: Fields {
                title: text.title.clone(),
                summary: text.summary.clone(),
                body: markdown::to_text(&text.body),
                about: about.join(" "),
                ..Fields::default()
            },
            ..Doc::default()
        }
    }

    fn session_doc(&self, lang: &LangCode, (id, s): (&str, &Session), next: Option<&Occurrence>) -> Doc {
        let words = self.words(lang);
        let venue = self.venue(lang, s).0;
        let area = self.locality_of(s).map(|l| words.t(&format!("locality-{l}")));
        let category = words.t(&format!("category-{}", s.category.value));
        let about = [Some(venue.title.clone()), area, Some(category)]
            .into_iter()
            .flatten()
            .collect();
        let mut doc = self.search_doc(lang, (Kind::Session, id), &s.common, about);
        if let Some(o) = next {
            doc.next = self
                .strings
                .get(lang, "search-next", &[("when", words.occurrence(o).into())]);
        }
        doc.place = venue.title;
        doc.place_lang = venue.lang;
        let f = &mut doc.filters;
        f.insert(format!("kind-{}", s.category.value));
        match self.locality_of(s) {
            Some(l) => {
                f.insert(format!("area-{l}"));
            }
            // Online, it is as near to one area as to another.
            None => f.extend(self.every_area()),
        }
        for slot in s.when.iter().map(|w| &w.value) {
            let days = match slot {
                Slot::Repeating { days, .. } => days.clone(),
                Slot::Once { date, .. } => vec![date.weekday()],
            };
            for d in days {
                if let Some((_, name)) = WEEK.iter().find(|(w, _)| *w == d) {
                    f.insert(format!("day-{name}"));
                }
            }
        }
        age_filters(s.ages.as_ref(), f);
        if s.cost == Cost::Free {
            f.insert("free".into());
        }
        if s.offer.is_some() {
            f.insert("start-for-life".into());
        }
        doc
    }

    /// One entry as search sees it in `lang`; nothing for an entry that does not exist or is not searched.
    pub(super) fn entry_doc(&self, lang: &LangCode, kind: Kind, slug: &str) -> Option<Doc> {
        let c = self.content;
        let words = self.words(lang);
        let area = |l: &crate::content::ids::LocalityId| words.t(&format!("locality-{l}"));
        match kind {
            Kind::Session => {
                let (id, s) = c.sessions.get_key_value(&SessionId::new(slug))?;
                Some(self.session_doc(lang, (id.as_str(), s), self.next_time(s).as_ref()))
            }
            Kind::Hub => {
                let (id, h) = c.hubs.get_key_value(&HubId::new(slug))?;
                let p = &h.place;
                let about = vec![area(&h.locality.value), p.address.join(" "), p.postcode.clone()];
                let mut doc = self.search_doc(lang, (Kind::Hub, id.as_str()), &p.common, about);
                doc.place = area(&h.locality.value);
                doc.filters.insert(format!("area-{}", h.locality.value));
                Some(doc)
            }
            Kind::Spoke => {
                let (id, s) = c.spokes.get_key_value(&SpokeId::new(slug))?;
                let p = &s.place;
                let locality = c.hubs.get(&s.hub).map(|h| &h.locality.value);
                let mut about = vec![p.address.join(" "), p.postcode.clone()];
                about.extend(locality.map(area));
                let mut doc = self.search_doc(lang, (Kind::Spoke, id.as_str()), &p.common, about);
                doc.place = locality.map(area).unwrap_or_default();
                if let Some(l) = locality {
                    doc.filters.insert(format!("area-{l}"));
                }
                Some(doc)
            }
            Kind::Offer => {
                let (id, o) = c.offers.get_key_value(&OfferId::new(slug))?;
                let about = vec![words.t("nav-start-for-life")];
                let mut doc = self.search_doc(lang, (Kind::Offer, id.as_str()), &o.common, about);
                doc.place = words.t("nav-start-for-life");
                // Start for Life is free, and for families in every area.
                doc.filters.insert("start-for-life".into());
                doc.filters.insert("free".into());
                doc.filters.extend(self.every_area());
                age_filters(o.ages.as_ref(), &mut doc.filters);
                Some(doc)
            }
            Kind::Page => {
                let (id, p) = c.pages.get_key_value(&PageId::new(slug))?;
                Some(self.search_doc(lang, (Kind::Page, id.as_str()), &p.common, Vec::new()))
            }
            Kind::Organisation => None,
        }
    }

    /// Every entry with a page, as search sees it in `lang`, each taken from `kept` when it has it. The order is
    /// the same in every language (an entry's number is its place in it): sessions soonest first, so a filter
    /// with no words lists what is on next, then places, Start for Life and the other pages.
    pub fn search_docs(&self, lang: &LangCode, kept: &super::KeptDoc<'_>) -> Vec<Arc<Doc>> {
        let c = self.content;
        let sessions = self.soonest().iter().map(|(id, _)| (Kind::Session, id.as_str()));
        let hubs = c.hubs.keys().map(|id| (Kind::Hub, id.as_str()));
        let spokes = c.spokes.keys().map(|id| (Kind::Spoke, id.as_str()));
        let offers = c.offers.keys().map(|id| (Kind::Offer, id.as_str()));
        let pages = c.pages.keys().map(|id| (Kind::Page, id.as_str()));
        sessions
            .chain(hubs)
            .chain(spokes)
            .chain(offers)
            .chain(pages)
            .filter_map(|(kind, slug)| kept(kind, slug).or_else(|| Some(Arc::new(self.entry_doc(lang, kind, slug)?))))
            .collect()
    }

    /// The search page: the form the script brings to life, and lists to browse by for anyone without it.
    pub(super) fn search(&self, lang: &'a LangCode, days: Vec<super::views::Link>) -> Result<Rendered, TemplateError> {
        let words = self.words(lang);
        let choice = |value: String, label: String| Choice { value, label };
        let kinds: Vec<Choice> = self
            .categories(lang)
            .into_iter()
            .map(|(c, label)| choice(c.to_string(), label))
            .collect();
        let areas: Vec<Choice> = self
            .config
            .localities
            .iter()
            .map(|l| choice(l.value.to_string(), words.t(&format!("locality-{}", l.value))))
            .collect();
        let week: Vec<Choice> = WEEK.iter().map(|(d, n)| choice(n.to_string(), words.day(*d))).collect();
        let mut ages = vec![
            choice("pregnancy".into(), words.t("search-age-pregnancy")),
            choice("0".into(), words.t("search-age-baby")),
        ];
        ages.extend((1..=OLDEST).map(|y| {
            let label = self.strings.get(lang, "search-age-years", &[("years", y.into())]);
            choice(y.to_string(), label)
        }));
        let select = |name, label: &str, any: &str, choices| Select {
            name,
            label: words.t(label),
            any: words.t(any),
            choices,
        };
        let selects = vec![
            select("kind", "search-kind", "search-any-kind", kinds),
            select("age", "search-age", "search-any-age", ages),
            select("day", "search-day", "search-any-day", week),
            select("area", "search-area", "search-anywhere", areas),
        ];
        let mut lists = self.filters(lang);
        lists.push(Group {
            heading: words.t("search-by-day"),
            items: days,
        });
        let digits = (0..10).map(|d| self.strings.formats(lang).whole(d)).collect();
        let title = words.t("search-title");
        let intro = words.t("search-intro");
        let view = View {
            base: self.base(lang, (&title, &intro), None, &urls::search),
            page: Search {
                intro,
                selects,
                digits,
                lists,
            },
        };
        self.page("search.html", urls::search(lang), &view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters(ages: Option<Ages>) -> Vec<String> {
        let mut out = BTreeSet::new();
        age_filters(ages.as_ref(), &mut out);
        out.into_iter().collect()
    }

    #[test]
    fn an_age_range_passes_each_year_it_touches() {
        let baby = Ages {
            from: Age::Months(0),
            to: Some(Age::Months(18)),
            send_to: None,
        };
        assert_eq!(filters(Some(baby)), ["age-0", "age-1"]);
        let bump = Ages {
            from: Age::Pregnancy,
            to: Some(Age::Months(0)),
            send_to: None,
        };
        assert_eq!(filters(Some(bump)), ["age-0", "age-pregnancy"]);
        let send = Ages {
            from: Age::Months(60),
            to: Some(Age::Months(72)),
            send_to: Some(Age::Months(96)),
        };
        assert_eq!(filters(Some(send)), ["age-5", "age-6", "age-7", "age-8"]);
        assert_eq!(filters(None).len(), usize::from(OLDEST) + 2);
    }
}
