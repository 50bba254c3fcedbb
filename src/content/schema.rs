//! The fields each kind of entry and table may have, for "unknown field" help and translation rules.

pub const COMMON: &[&str] = &["title", "summary", "checked", "body"];
pub const HUB: &[&str] = &[
    "title",
    "summary",
    "checked",
    "body",
    "locality",
    "address",
    "postcode",
    "location",
    "phone",
    "email",
    "website",
    "opening",
    "facilities",
    "languages",
    "getting_there",
];
pub const SPOKE: &[&str] = &[
    "title",
    "summary",
    "checked",
    "body",
    "hub",
    "run_by",
    "address",
    "postcode",
    "location",
    "phone",
    "email",
    "website",
    "opening",
    "facilities",
    "languages",
    "getting_there",
];
pub const SESSION: &[&str] = &[
    "title",
    "summary",
    "checked",
    "body",
    "venue",
    "online",
    "join_url",
    "category",
    "offer",
    "ages",
    "for",
    "when",
    "term_time_only",
    "starts",
    "ends",
    "except",
    "cost",
    "cost_note",
    "booking",
    "book",
    "languages",
    "run_by",
];
pub const OFFER: &[&str] = &["title", "summary", "checked", "body", "area", "contact", "ages"];
pub const ORGANISATION: &[&str] = &["title", "summary", "checked", "body", "website", "phone", "email"];
pub const PAGE: &[&str] = &["title", "summary", "checked", "body", "menu", "order"];
pub const SLOT: &[&str] = &["days", "from", "to", "every", "date"];
pub const AGES: &[&str] = &["from", "to", "send_to"];
pub const COST: &[&str] = &["pounds", "per"];
pub const CONTACT: &[&str] = &["phone", "email", "url"];
pub const LOCATION: &[&str] = &["lat", "lon"];
pub const TRANSLATION: &[&str] = &[
    "title",
    "summary",
    "body",
    "getting_there",
    "cost_note",
    "source",
    "reviewed",
];
pub const SITE: &[&str] = &[
    "title",
    "base_url",
    "languages",
    "localities",
    "example_data",
    "theme",
    "plain_language",
    "embed",
];
pub const PLAIN_LANGUAGE: &[&str] = &["acronyms", "allow"];
pub const EMBED: &[&str] = &["allow_origins"];
pub const TERMS: &[&str] = &["term", "closed"];
pub const TERM: &[&str] = &["from", "to"];
pub const CLOSED: &[&str] = &["date", "from", "to", "reason"];

/// Fields a translation may set, besides `source` and `reviewed`.
pub const TRANSLATABLE: &[&str] = &["title", "summary", "body", "getting_there", "cost_note"];

/// The known fields of a table, by the words used for it in messages.
pub fn fields_of(what: &str) -> &'static [&'static str] {
    match what {
        "a hub" => HUB,
        "a spoke" => SPOKE,
        "a session" => SESSION,
        "an offer" => OFFER,
        "an organisation" => ORGANISATION,
        "a page" => PAGE,
        "a translation" => TRANSLATION,
        "a time slot" => SLOT,
        "ages" => AGES,
        "cost" => COST,
        "book" | "contact" => CONTACT,
        "location" => LOCATION,
        "site.toml" => SITE,
        "[plain_language]" => PLAIN_LANGUAGE,
        "[embed]" => EMBED,
        "terms.toml" => TERMS,
        "a [[term]]" => TERM,
        "a [[closed]]" => CLOSED,
        _ => COMMON,
    }
}
