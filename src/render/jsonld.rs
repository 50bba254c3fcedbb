//! Structured data for each page (schema.org JSON-LD), escaped so no field can end the script element.

use serde_json::{Map, Value, json};
use time::{Date, Weekday};

use crate::content::model::{Cost, Offer, Place, Session, Text};
use crate::schedule::{Every, Occurrence, Slot, Terms};

/// JSON that is safe inside `<script type="application/ld+json">`: `<`, `>` and `&` become `\u` escapes, so a
/// title containing `</script>` or `<!--` stays text. The result is still the same JSON to a parser.
pub fn to_script(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn day_url(d: Weekday) -> String {
    format!("https://schema.org/{d}")
}

fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Drops null fields, so the data says only what is known.
fn object(fields: Value) -> Value {
    match fields {
        Value::Object(m) => Value::Object(m.into_iter().filter(|(_, v)| !v.is_null()).collect::<Map<_, _>>()),
        other => other,
    }
}

fn address(place: &Place) -> Value {
    json!({
        "@type": "PostalAddress",
        "streetAddress": place.address.join(", "),
        "postalCode": place.postcode,
        "addressCountry": "GB",
    })
}

fn place_value(name: &str, place: &Place) -> Value {
    object(json!({
        "@type": "Place",
        "name": name,
        "address": address(place),
        "geo": place.location.map(|l| json!({ "@type": "GeoCoordinates", "latitude": l.lat, "longitude": l.lon })),
        "telephone": place.phone,
    }))
}

/// A place, with the opening hours that schema.org can say: weekly ones and single dates.
pub fn place(base_url: &str, path: &str, text: &Text, place: &Place) -> String {
    let hours: Vec<Value> = place
        .opening
        .iter()
        .filter_map(|o| {
            let (from, to) = o.value.times();
            let (opens, closes) = (from.to_string(), to.to_string());
            match &o.value {
                Slot::Repeating {
                    days,
                    every: Every::Week,
                    ..
                } => Some(json!({
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": days.iter().map(|d| day_url(*d)).collect::<Vec<_>>(),
                    "opens": opens,
                    "closes": closes,
                })),
                Slot::Once { date, .. } => Some(json!({
                    "@type": "OpeningHoursSpecification",
                    "validFrom": iso_date(*date),
                    "validThrough": iso_date(*date),
                    "opens": opens,
                    "closes": closes,
                })),
                // "Every other week" and "first Monday" have no schema.org form; the page says them in words.
                Slot::Repeating { .. } => None,
            }
        })
        .collect();
    let mut value = place_value(&text.title, place);
    if let Value::Object(m) = &mut value {
        m.insert("@context".into(), "https://schema.org".into());
        m.insert("url".into(), format!("{base_url}{path}").into());
        m.insert("description".into(), text.summary.clone().into());
        if let Some(e) = &place.email {
            m.insert("email".into(), e.clone().into());
        }
        if !hours.is_empty() {
            m.insert("openingHoursSpecification".into(), hours.into());
        }
    }
    to_script(&value)
}

/// What an activity's structured data is made from.
pub struct Event<'a> {
    pub text: &'a Text,
    pub session: &'a Session,
    /// The place's name in the page's language, and the place.
    pub place: Option<(&'a str, &'a Place)>,
    pub join_url: Option<&'a str>,
    pub next: Option<&'a Occurrence>,
    /// The language the text is in.
    pub lang: &'a str,
    pub terms: Option<&'a Terms>,
    pub today: Date,
}

/// How far ahead closures are listed as exceptions: the same horizon as "next dates".
const CLOSURE_DAYS: i64 = 400;

/// The days a session does not run although its pattern says it would: its own exceptions, and the days the
/// site is closed from `today` on.
fn except_dates(s: &Session, terms: Option<&Terms>, today: Date) -> Vec<Date> {
    let mut days: Vec<Date> = s.except.clone();
    let end = today.checked_add(time::Duration::days(CLOSURE_DAYS)).unwrap_or(today);
    for c in terms.map(|t| t.closed.as_slice()).unwrap_or_default() {
        let mut d = c.from.max(today);
        while d <= c.to.min(end) {
            days.push(d);
            let Some(next) = d.next_day() else { break };
            d = next;
        }
    }
    days.sort();
    days.dedup();
    days
}

/// The schedules of one slot. A term-time session has one schedule per term still to come, so the school
/// holidays are left out; "the last Friday of the month" has no schema.org form and gets none.
fn schedules(slot: &Slot, s: &Session, terms: Option<&Terms>, today: Date) -> Vec<Value> {
    let (from, to) = slot.times();
    let mut v = json!({
        "@type": "Schedule",
        "startTime": from.to_string(),
        "endTime": to.to_string(),
        "scheduleTimezone": "Europe/London",
    });
    let Value::Object(m) = &mut v else { return Vec::new() };
    let (days, every) = match slot {
        Slot::Once { date, .. } => {
            m.insert("startDate".into(), iso_date(*date).into());
            m.insert("endDate".into(), iso_date(*date).into());
            m.insert("repeatCount".into(), 1.into());
            return vec![v];
        }
        Slot::Repeating { every: Every::Last, .. } => return Vec::new(),
        Slot::Repeating { days, every, .. } => (days, every),
    };
    m.insert(
        "byDay".into(),
        days.iter().map(|d| day_url(*d)).collect::<Vec<_>>().into(),
    );
    let freq = match every {
        Every::TwoWeeks => "P2W",
        Every::Nth(_) => "P1M",
        _ => "P1W",
    };
    m.insert("repeatFrequency".into(), freq.into());
    if let Every::Nth(n) = every {
        m.insert("byMonthWeek".into(), i64::from(*n).into());
    }
    let except = except_dates(s, terms, today);
    // The dates it runs between: its own start and end, narrowed to each term for a term-time session.
    let ranges: Vec<(Option<Date>, Option<Date>)> = match terms.filter(|_| s.term_time_only) {
        Some(t) => t
            .terms
            .iter()
            .filter(|term| term.to >= today)
            .map(|term| {
                let start = s.starts.map_or(term.from, |d| d.max(term.from));
                let end = s.ends.map_or(term.to, |d| d.min(term.to));
                (Some(start), Some(end))
            })
            .filter(|(a, b)| a <= b)
            .collect(),
        None => vec![(s.starts, s.ends)],
    };
    ranges
        .into_iter()
        .map(|(start, end)| {
            let mut one = v.clone();
            if let Value::Object(m) = &mut one {
                // Only the exceptions inside this schedule's dates.
                let inside: Vec<String> = except
                    .iter()
                    .filter(|d| start.is_none_or(|s| **d >= s) && end.is_none_or(|e| **d <= e))
                    .map(|d| iso_date(*d))
                    .collect();
                if !inside.is_empty() {
                    m.insert("exceptDate".into(), inside.into());
                }
                if let Some(d) = start {
                    m.insert("startDate".into(), iso_date(d).into());
                }
                if let Some(d) = end {
                    m.insert("endDate".into(), iso_date(d).into());
                }
            }
            one
        })
        .collect()
}

/// A session as an Event with its schedule; its start is the next date it happens, if there is one.
pub fn event(base_url: &str, path: &str, e: &Event<'_>) -> String {
    let s = e.session;
    let location = match (e.place, e.join_url) {
        (Some((name, place)), _) => place_value(name, place),
        (None, Some(url)) => json!({ "@type": "VirtualLocation", "url": url }),
        (None, None) => Value::Null,
    };
    let offers = match s.cost {
        Cost::Free => Value::Null,
        Cost::Paid { pence, .. } => json!({
            "@type": "Offer",
            "price": format!("{}.{:02}", pence / 100, pence % 100),
            "priceCurrency": "GBP",
        }),
    };
    let start = e.next.map(|o| format!("{}T{}", iso_date(o.date), o.from));
    let end = e.next.map(|o| format!("{}T{}", iso_date(o.date), o.to));
    let mode = if e.join_url.is_some() {
        "OnlineEventAttendanceMode"
    } else {
        "OfflineEventAttendanceMode"
    };
    let value = object(json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.text.title,
        "description": e.text.summary,
        "url": format!("{base_url}{path}"),
        "inLanguage": e.lang,
        "eventAttendanceMode": format!("https://schema.org/{mode}"),
        "location": location,
        "startDate": start,
        "endDate": end,
        "eventSchedule": s.when.iter().flat_map(|w| schedules(&w.value, s, e.terms, e.today)).collect::<Vec<_>>(),
        "isAccessibleForFree": s.cost == Cost::Free,
        "offers": offers,
    }));
    to_script(&value)
}

/// What an offer's structured data is made from.
pub struct Service<'a> {
    pub text: &'a Text,
    pub offer: &'a Offer,
    /// The offer's area, in the page's language.
    pub area: Option<&'a str>,
    /// Who provides it: the site's name.
    pub provider: &'a str,
}

/// A Start for Life offer as a GovernmentService.
pub fn service(base_url: &str, path: &str, s: &Service<'_>) -> String {
    let contact = &s.offer.contact;
    let channel = (contact.phone.is_some() || contact.url.is_some()).then(|| {
        object(json!({
            "@type": "ServiceChannel",
            "servicePhone": contact.phone.as_ref().map(|p| json!({ "@type": "ContactPoint", "telephone": p })),
            "serviceUrl": contact.url,
        }))
    });
    let value = object(json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": s.text.title,
        "description": s.text.summary,
        "url": format!("{base_url}{path}"),
        "serviceType": s.area,
        "provider": { "@type": "GovernmentOrganization", "name": s.provider },
        "availableChannel": channel,
    }));
    to_script(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_can_close_the_script_element() {
        let v = json!({ "name": "</script><script>alert(1)</script> <!-- & \u{2028}" });
        let out = to_script(&v);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'), "{out}");
        let back: Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(back, v, "escaping must not change the data");
    }
}
