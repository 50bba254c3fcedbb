//! Start for Life: the overview by area, a page per offer, and the whole offer as one printable publication.

use super::views::{Group, Link, Lists, OfferFacts, Print, PrintArea, PrintOffer, View};
use super::{Ctx, Rendered};
use crate::content::ids::{Kind, LangCode, OfferId};
use crate::content::model::{Offer, OfferArea};
use crate::render::{TemplateError, jsonld, markdown, urls};

/// An offer area (or none) and its offers.
type AreaOffers<'c> = (Option<OfferArea>, Vec<(&'c OfferId, &'c Offer)>);

impl<'a> Ctx<'a> {
    fn contact(&self, lang: &LangCode, o: &Offer) -> Vec<Link> {
        self.contact_links(lang, &o.contact, ("call", None, "website"))
    }

    /// The offers in the order the national offer lists its areas, then any without an area.
    fn offers_by_area(&self) -> Vec<AreaOffers<'a>> {
        let areas = OfferArea::ALL.iter().map(|a| Some(*a)).chain([None]);
        areas
            .map(|area| {
                (
                    area,
                    self.content
                        .offers
                        .iter()
                        .filter(|(_, o)| o.area == area)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, offers)| !offers.is_empty())
            .collect()
    }

    fn area_heading(&self, lang: &LangCode, area: Option<OfferArea>) -> String {
        match area {
            Some(a) => self.strings.text(lang, &format!("offer-area-{}", a.id())),
            None => self.strings.text(lang, "start-for-life-other"),
        }
    }

    pub(super) fn offer(&self, lang: &'a LangCode, id: &OfferId, o: &Offer) -> Result<Vec<Rendered>, TemplateError> {
        let words = self.words(lang);
        let facts = OfferFacts {
            area: o.area.map(|a| words.t(&format!("offer-area-{}", a.id()))),
            ages: o.ages.as_ref().map(|a| words.ages(a).0),
            contact: self.contact(lang, o),
            sessions: self.session_items(lang, self.for_offer.get(id)),
        };
        let (text, _) = self.text_in(&o.common, lang);
        let mut view = self.entry(lang, (Kind::Offer, id.as_str()), &o.common, facts);
        let service = jsonld::Service {
            text,
            offer: o,
            area: view.page.facts.area.as_deref(),
            provider: &view.base.site_title,
        };
        view.base.json_ld = Some(jsonld::service(&self.config.base_url, &view.base.path, &service));
        self.embeddable("offer.html", view)
    }

    pub(super) fn start_for_life(&self, lang: &'a LangCode) -> Result<Vec<Rendered>, TemplateError> {
        let words = self.words(lang);
        let mut groups: Vec<Group> = self
            .offers_by_area()
            .into_iter()
            .map(|(area, offers)| Group {
                heading: self.area_heading(lang, area),
                items: offers
                    .into_iter()
                    .map(|(id, o)| {
                        let link = self.link_to(lang, Kind::Offer, id.as_str(), &o.common);
                        Link {
                            note: Some(self.text_in(&o.common, lang).0.summary.clone()),
                            note_lang: link.lang.clone(),
                            ..link
                        }
                    })
                    .collect(),
            })
            .collect();
        groups.push(Group {
            heading: words.t("print-heading"),
            items: vec![Link {
                href: urls::start_for_life_print(lang),
                title: words.t("print-link"),
                ..Link::default()
            }],
        });
        let (title, intro) = (words.t("start-for-life-title"), words.t("start-for-life-intro"));
        let view = View {
            base: self.base(lang, (&title, &intro), None, &urls::start_for_life),
            page: Lists {
                intro: Some(intro.clone()),
                today: None,
                groups,
            },
        };
        self.embeddable("list.html", view)
    }

    /// The whole offer on one page, to print or save, as the national guidance asks each area to publish.
    pub(super) fn print(&self, lang: &'a LangCode) -> Result<Rendered, TemplateError> {
        let words = self.words(lang);
        let areas = self
            .offers_by_area()
            .into_iter()
            .map(|(area, offers)| PrintArea {
                heading: self.area_heading(lang, area),
                offers: offers
                    .into_iter()
                    .map(|(_, o)| {
                        let (text, fallback) = self.text_in(&o.common, lang);
                        PrintOffer {
                            title: text.title.clone(),
                            summary: text.summary.clone(),
                            body: markdown::to_html_under(&text.body, lang, self, 4),
                            ages: o.ages.as_ref().map(|a| words.ages(a).0),
                            contact: self.contact(lang, o),
                            lang: fallback.map(|l| l.as_str().to_string()),
                        }
                    })
                    .collect(),
            })
            .collect();
        let title = words.t("print-title");
        let intro = words.t("print-intro");
        let view = View {
            base: self.base(lang, (&title, &intro), None, &urls::start_for_life_print),
            page: Print { intro, areas },
        };
        self.page("print.html", urls::start_for_life_print(lang), &view)
    }
}
