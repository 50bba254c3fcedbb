//! The home page of each language: what is on today, help by need, places by area, and Start for Life.

use super::views::{Group, Link, Lists, Today, View};
use super::{Ctx, Rendered};
use crate::content::ids::{Kind, LangCode};
use crate::render::{TemplateError, urls};

/// How many of today's activities the home page lists before pointing to the timetable, to keep it light.
const TODAY_SHOWN: usize = 6;

impl<'a> Ctx<'a> {
    fn today(&self, lang: &LangCode) -> Today {
        let words = self.words(lang);
        let (days, count) = self.days(lang, &|_| true, 1);
        let mut items = days.into_iter().next().map(|d| d.items).unwrap_or_default();
        items.truncate(TODAY_SHOWN);
        let more = if count > TODAY_SHOWN {
            self.strings.get(lang, "home-today-more", &[("count", count.into())])
        } else {
            words.t("home-week")
        };
        Today {
            heading: self
                .strings
                .get(lang, "home-today", &[("date", words.date(self.today).into())]),
            items,
            more: Link {
                href: urls::timetable(lang),
                title: more,
                ..Link::default()
            },
        }
    }

    pub(super) fn home(&self, lang: &'a LangCode) -> Result<Rendered, TemplateError> {
        let words = self.words(lang);
        let mut groups = vec![Group {
            heading: words.t("home-by-need"),
            items: self.category_links(lang),
        }];
        for loc in &self.config.localities {
            let mut items = Vec::new();
            for (hid, hub) in self.content.hubs.iter().filter(|(_, h)| h.locality.value == loc.value) {
                items.push(Link {
                    note: Some(words.t("place-family-hub")),
                    ..self.link_to(lang, Kind::Hub, hid.as_str(), &hub.place.common)
                });
                for (sid, spoke) in self.content.spokes.iter().filter(|(_, s)| &s.hub == hid) {
                    items.push(self.link_to(lang, Kind::Spoke, sid.as_str(), &spoke.place.common));
                }
            }
            if !items.is_empty() {
                groups.push(Group {
                    heading: words.t(&format!("locality-{}", loc.value)),
                    items,
                });
            }
        }
        groups.push(Group {
            heading: words.t("home-start-for-life"),
            items: vec![Link {
                href: urls::start_for_life(lang),
                title: words.t("start-for-life-title"),
                ..Link::default()
            }],
        });
        let (title, intro) = (words.t("home-title"), words.t("home-intro"));
        let mut base = self.base(lang, (&title, &intro), None, &urls::home);
        base.alternates = self.home_alternates();
        let view = View {
            base,
            page: Lists {
                intro: Some(intro.clone()),
                today: Some(self.today(lang)),
                groups,
            },
        };
        self.page("list.html", urls::home(lang), &view)
    }
}
