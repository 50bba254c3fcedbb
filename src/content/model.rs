//! The site's content after loading: every entry with typed fields and references.

use std::collections::BTreeMap;

use time::Date;

use super::ids::*;
use super::values::Age;
use crate::diagnostics::{FileId, Sp, Span};
use crate::schedule::{Slot, Terms};

/// The text every entry has, in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub title: String,
    pub summary: String,
    /// Markdown, as written.
    pub body: String,
    /// Where the body starts in its file, so links in it can be reported at their line.
    /// `None` when the body had escapes (`\"` in a `.toml` file), so offsets in it do not match the file.
    pub body_span: Option<Span>,
    /// Where problems in the body are reported when `body_span` is `None`: the start of the `body` value.
    pub body_at: Option<Span>,
    pub getting_there: Option<String>,
    pub cost_note: Option<String>,
    /// Where each one-line field's value is written, so the plain-language check can point at a word in it.
    pub spans: TextSpans,
}

/// Where the value of each one-line text field is written, quotes included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextSpans {
    pub title: Option<Span>,
    pub summary: Option<Span>,
    pub getting_there: Option<Span>,
    pub cost_note: Option<Span>,
}

/// A translation of an entry's text into another language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    pub file: FileId,
    pub text: Text,
    /// The fingerprint of the source text it was made from; `None` when not stamped yet.
    pub source: Option<String>,
    /// Where the `source = "…"` value is written, so stamping replaces exactly that and nothing else.
    pub source_span: Option<Span>,
    pub reviewed: bool,
}

/// What every entry has, whatever its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Common {
    pub file: FileId,
    pub text: Text,
    pub checked: Option<Date>,
    /// Translations by language code, sorted.
    pub translations: BTreeMap<LangCode, Translation>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
}

/// What hubs and spokes share: a building families can go to.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub common: Common,
    pub address: Vec<String>,
    /// Normal form, such as `E2 9LJ`.
    pub postcode: String,
    pub location: Option<LatLon>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub opening: Vec<Sp<Slot>>,
    pub facilities: Vec<Sp<FacilityId>>,
    pub languages: Vec<Sp<LangCode>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hub {
    pub place: Place,
    pub locality: Sp<LocalityId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Spoke {
    pub place: Place,
    pub hub: HubId,
    pub run_by: Option<OrgId>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Venue {
    Hub(HubId),
    Spoke(SpokeId),
    Online { join_url: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ages {
    pub from: Age,
    pub to: Option<Age>,
    /// The older limit for young people with special educational needs or disabilities.
    pub send_to: Option<Age>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CostPer {
    Session,
    Child,
    Family,
    Course,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    Free,
    /// A price in pence.
    Paid {
        pence: u32,
        per: CostPer,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Booking {
    DropIn,
    Book,
    Referral,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub common: Common,
    pub venue: Venue,
    pub category: Sp<CategoryId>,
    pub offer: Option<OfferId>,
    pub ages: Option<Ages>,
    pub audiences: Vec<Sp<AudienceId>>,
    pub when: Vec<Sp<Slot>>,
    pub term_time_only: bool,
    pub starts: Option<Date>,
    pub ends: Option<Date>,
    pub except: Vec<Date>,
    pub cost: Cost,
    pub booking: Booking,
    /// How to book; `None` means "book with the venue".
    pub book: Option<Contact>,
    pub languages: Vec<Sp<LangCode>>,
    pub run_by: Option<OrgId>,
}

/// The six Start for Life offer areas, in the order the offer lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OfferArea {
    Maternity,
    HealthVisiting,
    InfantFeeding,
    ParentInfantRelationships,
    Parenting,
    EarlyLanguage,
}

impl OfferArea {
    pub const ALL: [OfferArea; 6] = [
        OfferArea::Maternity,
        OfferArea::HealthVisiting,
        OfferArea::InfantFeeding,
        OfferArea::ParentInfantRelationships,
        OfferArea::Parenting,
        OfferArea::EarlyLanguage,
    ];

    pub fn id(self) -> &'static str {
        match self {
            OfferArea::Maternity => "maternity",
            OfferArea::HealthVisiting => "health-visiting",
            OfferArea::InfantFeeding => "infant-feeding",
            OfferArea::ParentInfantRelationships => "parent-infant-relationships",
            OfferArea::Parenting => "parenting",
            OfferArea::EarlyLanguage => "early-language",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub common: Common,
    pub area: Option<OfferArea>,
    pub contact: Contact,
    pub ages: Option<Ages>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Organisation {
    pub common: Common,
    pub website: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub common: Common,
    pub menu: bool,
    pub order: i64,
}

/// All entries of a site, each kind sorted by slug.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Content {
    pub hubs: BTreeMap<HubId, Hub>,
    pub spokes: BTreeMap<SpokeId, Spoke>,
    pub sessions: BTreeMap<SessionId, Session>,
    pub offers: BTreeMap<OfferId, Offer>,
    pub organisations: BTreeMap<OrgId, Organisation>,
    pub pages: BTreeMap<PageId, Page>,
    /// `None` when the site has no `content/terms.toml`.
    pub terms: Option<Terms>,
}

impl Content {
    /// Every entry's common part with its kind and slug, in a stable order.
    pub fn entries(&self) -> impl Iterator<Item = (Kind, &str, &Common)> {
        let hubs = self
            .hubs
            .iter()
            .map(|(id, e)| (Kind::Hub, id.as_str(), &e.place.common));
        let spokes = self
            .spokes
            .iter()
            .map(|(id, e)| (Kind::Spoke, id.as_str(), &e.place.common));
        let sessions = self
            .sessions
            .iter()
            .map(|(id, e)| (Kind::Session, id.as_str(), &e.common));
        let offers = self.offers.iter().map(|(id, e)| (Kind::Offer, id.as_str(), &e.common));
        let orgs = self
            .organisations
            .iter()
            .map(|(id, e)| (Kind::Organisation, id.as_str(), &e.common));
        let pages = self.pages.iter().map(|(id, e)| (Kind::Page, id.as_str(), &e.common));
        hubs.chain(spokes)
            .chain(sessions)
            .chain(offers)
            .chain(orgs)
            .chain(pages)
    }

    pub fn contains(&self, r: &EntryRef) -> bool {
        let s = r.slug.clone();
        match r.kind {
            Kind::Hub => self.hubs.contains_key(&HubId::new(s)),
            Kind::Spoke => self.spokes.contains_key(&SpokeId::new(s)),
            Kind::Session => self.sessions.contains_key(&SessionId::new(s)),
            Kind::Offer => self.offers.contains_key(&OfferId::new(s)),
            Kind::Organisation => self.organisations.contains_key(&OrgId::new(s)),
            Kind::Page => self.pages.contains_key(&PageId::new(s)),
        }
    }
}
