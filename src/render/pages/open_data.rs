//! Open Referral UK open data (HSDS 3.0 with the UK profile): a service for each activity and each Start for Life
//! offer, with where, when, ages, cost, languages, contacts and categories, in the site's source language.

use std::hash::{Hash, Hasher};

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::Ctx;
use crate::content::ids::{Kind, LangCode, OfferId, SessionId};
use crate::content::model::{Ages, Contact, Cost, CostPer, Offer, Place, Session, Venue};
use crate::content::values::Age;
use crate::render::urls;
use crate::schedule::recur;

/// How far ahead open-data schedules go.
const HORIZON_DAYS: i64 = 365;

/// Services per page of the list, as an Open Referral API would page them.
pub const PAGE_SIZE: usize = 100;

/// A UUID made from a name, the same in every build: the first 16 bytes of SHA-256 of the site's address and the
/// name, marked as a version 8 (name-based, custom hash) UUID.
pub fn uuid(base_url: &str, name: &str) -> String {
    let digest = Sha256::digest(format!("{base_url}\n{name}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Drops null fields and empty lists, so a record says only what is known.
fn object(fields: Value) -> Value {
    match fields {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
                .collect::<Map<_, _>>(),
        ),
        other => other,
    }
}

fn iso(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// An age in years, as the standard counts it; pregnancy counts as 0.
fn years(a: Age) -> f64 {
    match a {
        Age::Pregnancy => 0.0,
        Age::Months(m) => (f64::from(m) / 12.0 * 100.0).round() / 100.0,
    }
}

/// The open-data view of the site: its own names for records, over everything pages know.
struct Hsds<'c, 'a> {
    ctx: &'c Ctx<'a>,
}

impl<'a> std::ops::Deref for Hsds<'_, 'a> {
    type Target = Ctx<'a>;

    fn deref(&self) -> &Ctx<'a> {
        self.ctx
    }
}

impl Hsds<'_, '_> {
    fn id(&self, name: &str) -> String {
        uuid(&self.config.base_url, name)
    }

    fn source(&self) -> &LangCode {
        self.config.source_language()
    }

    fn page_url(&self, kind: Kind, slug: &str) -> String {
        let path = urls::entry(self.source(), kind, slug).unwrap_or_default();
        format!("{}{path}", self.config.base_url)
    }

    /// A term of one of the site's vocabularies, as an attribute of the record `owner`.
    fn attribute(&self, owner: &str, taxonomy: &str, code: &str, label: String) -> Value {
        let term = self.id(&format!("term/{taxonomy}/{code}"));
        json!({
            "id": self.id(&format!("attribute/{owner}/{taxonomy}/{code}")),
            "taxonomy_term_id": term,
            "link_type": taxonomy,
            "taxonomy_term": {
                "id": term,
                "code": code,
                "term": code,
                "name": label,
                "description": label,
                "taxonomy": format!("hubsite:{taxonomy}"),
            },
        })
    }

    fn phone(&self, owner: &str, number: &str) -> Value {
        json!({ "id": self.id(&format!("phone/{owner}/{number}")), "number": number })
    }

    fn language(&self, owner: &str, code: &str) -> Value {
        json!({
            "id": self.id(&format!("language/{owner}/{code}")),
            "code": code,
            "name": self.strings.text(self.source(), &format!("language-{code}")),
        })
    }

    fn ages_fields(&self, ages: Option<&Ages>) -> (Value, Value, Value) {
        let Some(a) = ages else {
            return (Value::Null, Value::Null, Value::Null);
        };
        let (range, send) = self.words(self.source()).ages(a);
        let text = match send {
            Some(send) => format!("{range}. {send}"),
            None => range,
        };
        let max = a.send_to.or(a.to).map(years);
        (json!(years(a.from)), json!(max), json!(text))
    }

    /// A hub or spoke as a location, marked as a family hub or a spoke.
    fn location(&self, kind: Kind, slug: &str, place: &Place) -> Value {
        let owner = format!("{}/{slug}", if kind == Kind::Hub { "hub" } else { "spoke" });
        let words = self.words(self.source());
        let (type_code, type_id) = if kind == Kind::Hub {
            ("family-hub", "place-family-hub")
        } else {
            ("family-hub-spoke", "place-spoke")
        };
        let town = place.address.last().cloned().unwrap_or_default();
        let (first, rest) = place
            .address
            .split_first()
            .map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
        let middle = rest.split_last().map(|(_, m)| m.join(", ")).unwrap_or_default();
        object(json!({
            "id": self.id(&format!("location/{owner}")),
            "location_type": "physical",
            "name": place.common.text.title,
            "description": place.common.text.summary,
            "url": self.page_url(kind, slug),
            "transportation": place.common.text.getting_there,
            "latitude": place.location.map(|l| l.lat),
            "longitude": place.location.map(|l| l.lon),
            "addresses": [object(json!({
                "id": self.id(&format!("address/{owner}")),
                "address_1": first,
                "address_2": if middle.is_empty() { Value::Null } else { json!(middle) },
                "city": town,
                "state_province": town,
                "postal_code": place.postcode,
                "country": "GB",
                "address_type": "physical",
            }))],
            "phones": place.phone.iter().map(|p| self.phone(&owner, p)).collect::<Vec<_>>(),
            "languages": place.languages.iter().map(|l| self.language(&owner, l.value.as_str())).collect::<Vec<_>>(),
            "accessibility": place.facilities.iter().map(|f| json!({
                "id": self.id(&format!("accessibility/{owner}/{}", f.value)),
                "description": words.t(&format!("facility-{}", f.value)),
            })).collect::<Vec<_>>(),
            "attributes": [self.attribute(&owner, "place-type", type_code, words.t(type_id))],
        }))
    }

    fn service_at_location(&self, service: &str, kind: Kind, slug: &str, place: &Place) -> Value {
        json!({
            "id": self.id(&format!("service-at-location/{service}/{slug}")),
            "service_id": self.id(service),
            "location_id": self.id(&format!("location/{}/{slug}", if kind == Kind::Hub { "hub" } else { "spoke" })),
            "location": self.location(kind, slug, place),
        })
    }

    fn contact(&self, owner: &str, name: &str, c: &Contact) -> Value {
        object(json!({
            "id": self.id(&format!("contact/{owner}")),
            "name": name,
            "email": c.email,
            "phones": c.phone.iter().map(|p| self.phone(owner, p)).collect::<Vec<_>>(),
        }))
    }

    /// The schedules of a session: one per run of dates with nothing skipped in between, because the standard
    /// cannot say "except holidays": a term-time session has one per term block.
    fn schedules(&self, owner: &str, (id, s): (&SessionId, &Session), at: Option<&str>) -> Vec<Value> {
        let slots: Vec<crate::schedule::Slot> = s.when.iter().map(|w| w.value.clone()).collect();
        let rules = self.rules(s, &slots);
        let words = self.words(self.source());
        // The standard has no summer time, so dates are given a year ahead, in blocks that each keep one offset
        // from UTC; each build moves the year on.
        let horizon = self.today.saturating_add(time::Duration::days(HORIZON_DAYS));
        let mut out = Vec::new();
        for series in self.series_of(id, s) {
            let description = s.when.get(series.slot).map(|w| words.slot(&w.value));
            let blocks = series.blocks(&rules, horizon);
            for block in &blocks {
                if block.to < self.today {
                    continue;
                }
                // An id that stays while the block does: named by its start, which a later build does not move,
                // except for the block that starts at the build's day (a session with no `starts`), whose end is
                // fixed instead: a skipped date or a change of clocks, always within the year ahead.
                let key = if s.starts.is_none() && block.from == series.first {
                    format!("to-{}", iso(block.to))
                } else {
                    iso(block.from)
                };
                let (freq, interval, byday, count) = match &series.rule {
                    Some(r) => (r.freq.as_str(), r.interval, r.byday(), None),
                    // A one-off date: a weekly rule that gives that one day.
                    None => ("WEEKLY", 1, recur::Recur::weekly(block.from.weekday()).byday(), Some(1)),
                };
                out.push(object(json!({
                    "id": self.id(&format!("schedule/{owner}/{}/{key}", series.slot)),
                    "service_id": self.id(owner),
                    "service_at_location_id": at,
                    "dtstart": iso(block.from),
                    "valid_from": iso(block.from),
                    "valid_to": iso(block.to),
                    // The standard's `count` is instead of `until`, as in RFC 5545.
                    "until": if count.is_some() { None } else { Some(iso(block.to)) },
                    "count": count,
                    "wkst": "MO",
                    "freq": freq,
                    "interval": interval,
                    "byday": byday,
                    // Times carry the offset from UTC, as the standard asks; a block never spans a change of clocks.
                    "opens_at": format!("{}:00+0{}:00", series.from, block.offset),
                    "closes_at": format!("{}:00+0{}:00", series.to, block.offset),
                    "timezone": block.offset,
                    "description": description,
                    "attending_type": if matches!(s.venue, Venue::Online { .. }) { "online" } else { "in_person" },
                    "notes": "Times are local time in London (Europe/London), with its offset from UTC.",
                })));
            }
        }
        out
    }

    fn organization(&self, s: &Session) -> Value {
        let Some((id, org)) = s
            .run_by
            .as_ref()
            .and_then(|o| self.content.organisations.get_key_value(o))
        else {
            return Value::Null;
        };
        object(json!({
            "id": self.id(&format!("organisation/{}", id.as_str())),
            "name": org.common.text.title,
            "description": org.common.text.summary,
            "website": org.website,
            "email": org.email,
        }))
    }

    fn session_service(&self, id: &SessionId, s: &Session) -> Value {
        let owner = format!("service/session/{}", id.as_str());
        let words = self.words(self.source());
        let text = &s.common.text;
        let (min, max, eligibility) = self.ages_fields(s.ages.as_ref());
        let place = self.place_of(s);
        let sal_id = place.map(|(_, slug, _)| self.id(&format!("service-at-location/{owner}/{slug}")));
        let service_at_locations: Vec<Value> = match (&s.venue, place) {
            (Venue::Online { join_url }, _) => vec![json!({
                "id": self.id(&format!("service-at-location/{owner}/online")),
                "service_id": self.id(&owner),
                "location": {
                    "id": self.id(&format!("location/online/{}", id.as_str())),
                    "location_type": "virtual",
                    "name": self.strings.text(self.source(), "online"),
                    "url": join_url,
                },
            })],
            (_, Some((kind, slug, p))) => vec![self.service_at_location(&owner, kind, slug, p)],
            (_, None) => Vec::new(),
        };
        let (amount, per) = match s.cost {
            Cost::Free => (0.0, None),
            Cost::Paid { pence, per } => (f64::from(pence) / 100.0, Some(per)),
        };
        let cost = words.cost(&s.cost);
        let per = per.map(|p| match p {
            CostPer::Session => "per session",
            CostPer::Child => "per child",
            CostPer::Family => "per family",
            CostPer::Course => "for the whole course",
        });
        let mut attributes = vec![self.attribute(
            &owner,
            "category",
            s.category.value.as_str(),
            words.t(&format!("category-{}", s.category.value)),
        )];
        for a in &s.audiences {
            let code = a.value.as_str();
            attributes.push(self.attribute(&owner, "audience", code, words.t(&format!("audience-{code}"))));
        }
        let booking = match s.booking {
            crate::content::model::Booking::DropIn => ("drop-in", "booking-drop-in"),
            crate::content::model::Booking::Book => ("book", "booking-book"),
            crate::content::model::Booking::Referral => ("referral", "booking-referral"),
        };
        attributes.push(self.attribute(&owner, "booking", booking.0, words.t(booking.1)));
        let schedules = self.schedules(&owner, (id, s), sal_id.as_deref());
        // A session with no dates to come is kept, marked as no longer running.
        let status = if schedules.is_empty() { "inactive" } else { "active" };
        let contact = s.book.as_ref().map(|c| self.contact(&owner, "Booking", c));
        let phone = s
            .book
            .as_ref()
            .and_then(|c| c.phone.as_deref())
            .or_else(|| self.venue_phone(s));
        object(json!({
            "id": self.id(&owner),
            "organization_id": s.run_by.as_ref().map(|o| self.id(&format!("organisation/{}", o.as_str()))),
            "name": text.title,
            "description": text.summary,
            "url": self.page_url(Kind::Session, id.as_str()),
            "email": s.book.as_ref().and_then(|c| c.email.clone()),
            "status": status,
            "fees": cost,
            "fees_description": cost,
            "eligibility_description": eligibility,
            "minimum_age": min,
            "maximum_age": max,
            "assured_date": s.common.checked.map(iso),
            "application_process": words.t(booking.1),
            "organization": self.organization(s),
            "phones": phone.iter().map(|p| self.phone(&owner, p)).collect::<Vec<_>>(),
            "contacts": contact.into_iter().collect::<Vec<_>>(),
            "schedules": schedules,
            "service_at_locations": service_at_locations,
            "languages": s.languages.iter().map(|l| self.language(&owner, l.value.as_str())).collect::<Vec<_>>(),
            "cost_options": [object(json!({
                "id": self.id(&format!("cost/{owner}")),
                "option": cost,
                "amount": amount,
                "currency": "GBP",
                "amount_description": per,
            }))],
            "attributes": attributes,
        }))
    }

    fn offer_service(&self, id: &OfferId, o: &Offer) -> Value {
        let owner = format!("service/offer/{}", id.as_str());
        let words = self.words(self.source());
        let text = &o.common.text;
        let (min, max, eligibility) = self.ages_fields(o.ages.as_ref());
        // Where its activities happen, each place once.
        let mut places: Vec<(Kind, &str, &Place)> = self
            .for_offer
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|sid| self.place_of(self.content.sessions.get(*sid)?))
            .collect();
        places.sort_by_key(|(k, slug, _)| (*k, *slug));
        places.dedup_by_key(|(k, slug, _)| (*k, *slug));
        let mut attributes = vec![self.attribute(&owner, "start-for-life", "start-for-life", "Start for Life".into())];
        if let Some(area) = o.area {
            attributes.push(self.attribute(
                &owner,
                "offer-area",
                area.id(),
                words.t(&format!("offer-area-{}", area.id())),
            ));
        }
        object(json!({
            "id": self.id(&owner),
            "name": text.title,
            "description": text.summary,
            "url": self.page_url(Kind::Offer, id.as_str()),
            "email": o.contact.email,
            "status": "active",
            "eligibility_description": eligibility,
            "minimum_age": min,
            "maximum_age": max,
            "assured_date": o.common.checked.map(iso),
            "phones": o.contact.phone.iter().map(|p| self.phone(&owner, p)).collect::<Vec<_>>(),
            "contacts": [self.contact(&owner, &text.title, &o.contact)],
            "service_at_locations": places.iter().map(|(k, slug, p)| self.service_at_location(&owner, *k, slug, p)).collect::<Vec<_>>(),
            "attributes": attributes,
        }))
    }

    fn lists(&self, services: &[&Listed], sink: Option<&dyn super::super::Sink>) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        // Every record on a line of its own: tens of megabytes on a large site, so a sink gets it in parts.
        let ndjson = "open-data/services.ndjson".to_string();
        match sink {
            Some(sink) => {
                let parts: Vec<&[u8]> = services.iter().flat_map(|s| [s.line.as_bytes(), b"\n"]).collect();
                sink.file_in_parts(&ndjson, &parts);
                out.push((ndjson, Vec::new()));
            }
            None => {
                let mut all = Vec::with_capacity(services.iter().map(|s| s.line.len() + 1).sum());
                for s in services {
                    all.extend_from_slice(s.line.as_bytes());
                    all.push(b'\n');
                }
                out.push((ndjson, all));
            }
        }
        let total = services.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        for n in 0..pages {
            let path = format!("open-data/services/page-{}.json", n + 1);
            let on_page = || services.iter().skip(n * PAGE_SIZE).take(PAGE_SIZE);
            // A page whose services are all as they were is taken from the last build, unparsed.
            if sink.is_none() {
                let mut h = std::hash::DefaultHasher::new();
                (total, pages).hash(&mut h);
                on_page().for_each(|s| s.summary.hash(&mut h));
                if let Some(body) = self.ctx.kept_file(path.clone(), h.finish()) {
                    out.push((path, body));
                    continue;
                }
            }
            let contents: Vec<Value> = on_page()
                .map(|s| serde_json::from_str(&s.summary).unwrap_or_default())
                .collect();
            let page = json!({
                "total_items": total,
                "total_pages": pages,
                "page_number": n + 1,
                "size": contents.len(),
                "first_page": n == 0,
                "last_page": n + 1 == pages,
                "empty": contents.is_empty(),
                "contents": contents,
            });
            let body = serde_json::to_string_pretty(&page).unwrap_or_default();
            // A page at a time, so the lists of a large site are never all in memory.
            match sink {
                Some(sink) => {
                    sink.file(&path, body.as_bytes());
                    out.push((path, Vec::new()));
                }
                None => out.push((path, body.into_bytes())),
            }
        }
        out
    }
}

/// The fields of a service the paged list holds, as the standard's list does; the full record is one file away.
const LIST_FIELDS: &[&str] = &[
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "fees_description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "organization",
];

/// What the open-data lists need of one service: its line of the NDJSON file and its entry in the paged list,
/// both as compact JSON. Kept between the entry that makes it and the lists in place of the whole record, which
/// as a tree of values takes several times the memory.
#[derive(Debug)]
pub struct Listed {
    pub line: String,
    pub summary: String,
}

impl Listed {
    pub fn new(service: &Value) -> Self {
        let summary: Map<String, Value> = LIST_FIELDS
            .iter()
            .filter_map(|f| Some((f.to_string(), service.get(*f)?.clone())))
            .collect();
        let mut line = service.to_string();
        line.shrink_to_fit();
        let mut summary = Value::Object(summary).to_string();
        summary.shrink_to_fit();
        Listed { line, summary }
    }
}

/// A service's own file, by path.
fn service_file(service: &Value) -> (String, Vec<u8>) {
    let id = service["id"].as_str().unwrap_or_default();
    let pretty = serde_json::to_string_pretty(service).unwrap_or_default();
    (format!("open-data/services/{id}.json"), pretty.into_bytes())
}

impl Ctx<'_> {
    /// The open-data lists, by path: the paged list of `services` (every session's, then every offer's), and all
    /// of them as NDJSON.
    /// With a sink, each list page goes to it as soon as it is made.
    pub fn open_data_lists(
        &self,
        services: &[&Listed],
        sink: Option<&dyn super::super::Sink>,
    ) -> Vec<(String, Vec<u8>)> {
        Hsds { ctx: self }.lists(services, sink)
    }

    /// A session's open-data record, and its own file by path.
    pub(super) fn session_open_data(&self, id: &SessionId, s: &Session) -> (Value, (String, Vec<u8>)) {
        let service = Hsds { ctx: self }.session_service(id, s);
        let file = service_file(&service);
        (service, file)
    }

    /// An offer's open-data record, and its own file by path.
    pub(super) fn offer_open_data(&self, id: &OfferId, o: &Offer) -> (Value, (String, Vec<u8>)) {
        let service = Hsds { ctx: self }.offer_service(id, o);
        let file = service_file(&service);
        (service, file)
    }
}
