//! Parsing one entry file (any kind, or a translation) into the typed model.

use std::collections::{BTreeMap, BTreeSet};

use toml::de::DeTable;

use super::address::Address;
use super::fields::{Ctx, Table};
use super::frontmatter::{self, SplitError};
use super::ids::*;
use super::model::*;
use super::schema;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, FileId, Sp, Span};
use crate::suggest;

/// The slugs of every entry, known from file names before any file is parsed, so references resolve in one pass.
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub slugs: BTreeMap<Kind, BTreeSet<String>>,
}

impl Index {
    pub fn has(&self, kind: Kind, slug: &str) -> bool {
        self.slugs.get(&kind).is_some_and(|s| s.contains(slug))
    }

    fn slugs_of(&self, kinds: &[Kind]) -> Vec<&str> {
        kinds
            .iter()
            .filter_map(|k| self.slugs.get(k))
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// What every entry parse needs to know about the rest of the site.
pub struct Env<'a> {
    pub index: &'a Index,
    pub config: &'a SiteConfig,
    pub has_terms: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Hub(Hub),
    Spoke(Spoke),
    Session(Box<Session>),
    Offer(Offer),
    Organisation(Organisation),
    Page(Page),
}

fn what(kind: Kind) -> &'static str {
    match kind {
        Kind::Hub => "a hub",
        Kind::Spoke => "a spoke",
        Kind::Session => "a session",
        Kind::Offer => "an offer",
        Kind::Organisation => "an organisation",
        Kind::Page => "a page",
    }
}

/// Splits and parses a file's TOML; on failure, the diagnostics say why.
fn with_table<R>(
    file: FileId,
    text: &str,
    is_toml: bool,
    f: impl FnOnce(&Ctx, &DeTable<'_>, Option<(&str, usize)>) -> Option<R>,
) -> (Option<R>, Vec<Diagnostic>) {
    let parts = if is_toml {
        frontmatter::Parts {
            toml: text,
            toml_offset: 0,
            body: None,
        }
    } else {
        match frontmatter::split_markdown(text) {
            Ok(p) => p,
            Err(e) => {
                let (message, help) = match e {
                    SplitError::NoOpening => (
                        "this file does not start with a line of +++",
                        "start the file with a line that is just +++, then the fields, then another +++ line, then the text",
                    ),
                    SplitError::NoClosing => (
                        "the fields at the top are not closed with a line of +++",
                        "add a line that is just +++ after the last field, before the text",
                    ),
                };
                return (
                    None,
                    vec![Diagnostic::error("front-matter", Span::file_start(file), message).help(help)],
                );
            }
        }
    };
    let ctx = Ctx::new(file, parts.toml_offset, parts.toml);
    let (doc, errors) = DeTable::parse_recoverable(parts.toml);
    let mut diags: Vec<Diagnostic> = errors
        .iter()
        .map(|e| super::load::syntax_diagnostic(&ctx, parts.toml, e))
        .collect();
    let result = f(&ctx, doc.get_ref(), parts.body);
    if diags.is_empty() {
        return (result, ctx.take());
    }
    let line = |d: &Diagnostic| match &d.location {
        crate::diagnostics::Location::Span(span) => text.get(..span.start as usize).map(|t| t.matches('\n').count()),
        crate::diagnostics::Location::File(_) => None,
    };
    // One mistake, such as a bracket not closed, can make the parser stumble several times on each line after
    // it: the first on each line says enough.
    diags.sort_by_key(|d| match &d.location {
        crate::diagnostics::Location::Span(span) => span.start,
        crate::diagnostics::Location::File(_) => 0,
    });
    diags.dedup_by(|later, first| line(later).is_some() && line(later) == line(first));
    // The rest of a file with a line that is not valid is still read, so all its problems are found in one run;
    // but a field on a bad line may have been lost, so nothing is said of it there or of it missing.
    let bad: Vec<usize> = diags.iter().filter_map(line).collect();
    // A bracket left open makes every field after it read wrong, from the first: it is the one mistake to show.
    if let Some((bracket, field)) = super::brackets::left_open(parts.toml) {
        let field_line = text[..parts.toml_offset + field].matches('\n').count();
        if diags.first().and_then(line) == Some(field_line) {
            diags.retain(|d| line(d).is_some_and(|l| l < field_line));
            diags.push(bracket_diagnostic(&ctx, parts.toml, bracket, field_line + 1));
        }
    }
    diags.extend(
        ctx.take()
            .into_iter()
            .filter(|d| d.code != "missing-field" && line(d).is_none_or(|l| !bad.contains(&l))),
    );
    (result, diags)
}

/// The problem of a `[` or `{` at `at` not closed before the field on line `line`.
fn bracket_diagnostic(ctx: &Ctx, toml: &str, at: usize, line: usize) -> Diagnostic {
    let (opens, close, help) = match toml.as_bytes().get(at) {
        Some(b'{') => (
            "a group of fields",
            '}',
            "after the last field of the group, on the same line",
        ),
        _ => ("a list", ']', "after the last thing in the list"),
    };
    Diagnostic::error(
        "toml-syntax",
        ctx.span(at..at + 1),
        format!("this opens {opens} that is not closed before the next field, on line {line}"),
    )
    .help(format!("add {close} {help}"))
}

fn text_fields(t: &Table<'_, '_, '_>, kind: Kind, body: Option<(&str, usize)>, required: bool) -> Option<Text> {
    let title = if required {
        t.req_str("title", "\"Baby massage\"")
    } else {
        t.str("title", "\"Baby massage\"")
    };
    let title = title.map(|s| Sp::new(super::fields::fold_spaces(s.value), s.span));
    if let Some(title) = &title
        && title.value.is_empty()
    {
        t.ctx.error(
            "empty-title",
            title.span,
            "the title is empty",
            "write a short name that families will recognise, like title = \"Baby massage\"",
        );
    }
    let summary = if required {
        t.req_str("summary", "\"A calm hour to massage your baby.\"")
    } else {
        t.str("summary", "\"A calm hour to massage your baby.\"")
    };
    let summary = summary.map(|s| Sp::new(super::fields::fold_spaces(s.value), s.span));
    if let Some(s) = &summary {
        let n = s.value.chars().count();
        if s.value.is_empty() {
            t.ctx.error(
                "empty-field",
                s.span,
                "the summary is empty",
                "write one plain sentence that says what this is and who it is for",
            );
        } else if n > 160 {
            t.ctx.error(
                "summary-too-long",
                s.span,
                format!("the summary is {n} characters long; the most is 160"),
                format!(
                    "cut it by {} characters: one plain sentence, and put the rest in the text below the +++ line",
                    n - 160
                ),
            );
        }
    }
    let (body, body_span, body_at) = match body {
        Some((b, offset)) => {
            let span = Span {
                file: t.ctx.file,
                start: offset as u32,
                end: (offset + b.len()) as u32,
            };
            (b.to_string(), Some(span), Some(span))
        }
        None => match t.str("body", "\"\"\"Some text.\"\"\"") {
            // A body with no escapes is a slice of the file, so links in it can be placed exactly; otherwise
            // problems in it are reported at the start of the `body` value.
            Some(b) => match t.ctx.offset_of(b.value) {
                Some(at) => {
                    let span = Span {
                        file: t.ctx.file,
                        start: at as u32,
                        end: (at + b.value.len()) as u32,
                    };
                    (b.value.to_string(), Some(span), Some(span))
                }
                None => (b.value.to_string(), None, Some(b.span)),
            },
            None => (String::new(), None, None),
        },
    };
    let getting_there = if matches!(kind, Kind::Hub | Kind::Spoke) {
        t.line("getting_there", "\"Bus 25 stops outside.\"")
    } else {
        None
    };
    let cost_note = if kind == Kind::Session {
        t.line("cost_note", "\"Bring a towel.\"")
    } else {
        None
    };
    let spans = TextSpans {
        title: title.as_ref().map(|s| s.span),
        summary: summary.as_ref().map(|s| s.span),
        getting_there: getting_there.as_ref().map(|s| s.span),
        cost_note: cost_note.as_ref().map(|s| s.span),
    };
    Some(Text {
        title: title?.value,
        summary: summary?.value,
        body,
        body_span,
        body_at,
        getting_there: getting_there.map(|s| s.value),
        cost_note: cost_note.map(|s| s.value),
        spans,
    })
}

/// Parses a source-language entry.
pub fn parse_source(
    kind: Kind,
    file: FileId,
    text: &str,
    is_toml: bool,
    env: &Env<'_>,
) -> (Option<Entry>, Vec<Diagnostic>) {
    with_table(file, text, is_toml, |ctx, doc, body| {
        let t = Table::new(ctx, doc, Span::file_start(file), what(kind));
        let text = text_fields(&t, kind, body, true);
        let checked = t.date("checked").map(|d| d.value);
        let p = Parser { t: &t, env };
        let entry = match kind {
            Kind::Hub => p.hub().map(Entry::Hub),
            Kind::Spoke => p.spoke().map(Entry::Spoke),
            Kind::Session => p.session().map(|s| Entry::Session(Box::new(s))),
            Kind::Offer => p.offer().map(Entry::Offer),
            Kind::Organisation => Some(Entry::Organisation(p.organisation())),
            Kind::Page => Some(Entry::Page(p.page())),
        };
        t.finish(&|name| match name {
            "body" if !is_toml => Some(body_in_markdown()),
            "send_to" if kind == Kind::Session => Some((
                "unknown-field",
                "`send_to` goes inside `ages`".to_string(),
                "write it with the other ages, like ages = { from = \"birth\", to = \"5 years\", send_to = \"25 years\" }".to_string(),
            )),
            _ => None,
        });
        let common = Common {
            file,
            text: text?,
            checked,
            translations: BTreeMap::new(),
        };
        entry.map(|e| set_common(e, common))
    })
}

fn set_common(entry: Entry, common: Common) -> Entry {
    match entry {
        Entry::Hub(mut h) => {
            h.place.common = common;
            Entry::Hub(h)
        }
        Entry::Spoke(mut s) => {
            s.place.common = common;
            Entry::Spoke(s)
        }
        Entry::Session(mut s) => {
            s.common = common;
            Entry::Session(s)
        }
        Entry::Offer(mut o) => {
            o.common = common;
            Entry::Offer(o)
        }
        Entry::Organisation(mut o) => {
            o.common = common;
            Entry::Organisation(o)
        }
        Entry::Page(mut p) => {
            p.common = common;
            Entry::Page(p)
        }
    }
}

/// Parses a translation file: only translatable text, plus `source` and `reviewed`.
pub fn parse_translation(
    kind: Kind,
    file: FileId,
    text: &str,
    is_toml: bool,
) -> (Option<Translation>, Vec<Diagnostic>) {
    with_table(file, text, is_toml, |ctx, doc, body| {
        let t = Table::new(ctx, doc, Span::file_start(file), "a translation");
        let text = text_fields(&t, kind, body, true);
        let source = t.str("source", "\"3f2a9c41d07be815\"");
        let (source, source_span) = (source.as_ref().map(|s| s.value.to_string()), source.map(|s| s.span));
        let reviewed = t.bool("reviewed").is_none_or(|b| b.value);
        let own_fields = fields_for(kind);
        t.finish(&|name| {
            if name == "body" && !is_toml {
                return Some(body_in_markdown());
            }
            if own_fields.contains(&name) {
                return Some((
                    "not-translatable",
                    format!("`{name}` cannot be set in a translation"),
                    format!(
                        "`{name}` is the same in every language: set it in the source file, and keep only {} here",
                        translatable_list(kind)
                    ),
                ));
            }
            schema::TRANSLATABLE.contains(&name).then(|| {
                (
                    "unknown-field",
                    format!("{}s have no `{name}`", kind.noun()),
                    format!(
                        "remove it: a translation of a {} has {}",
                        kind.noun(),
                        translatable_list(kind)
                    ),
                )
            })
        });
        Some(Translation {
            file,
            text: text?,
            source,
            source_span,
            reviewed,
        })
    })
}

/// The problem with `body = …` in a `.md` file, whose text comes after the fields.
fn body_in_markdown() -> (&'static str, String, String) {
    (
        "unknown-field",
        "in a .md file the text is not a field".to_string(),
        "write the text after the second +++ line, and remove `body = …`".to_string(),
    )
}

pub fn fields_for(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Hub => schema::HUB,
        Kind::Spoke => schema::SPOKE,
        Kind::Session => schema::SESSION,
        Kind::Offer => schema::OFFER,
        Kind::Organisation => schema::ORGANISATION,
        Kind::Page => schema::PAGE,
    }
}

fn translatable_list(kind: Kind) -> &'static str {
    match kind {
        Kind::Hub | Kind::Spoke => "title, summary, getting_there and the text",
        Kind::Session => "title, summary, cost_note and the text",
        _ => "title, summary and the text",
    }
}

pub(super) struct Parser<'p, 'c, 't, 'i> {
    pub(super) t: &'p Table<'c, 't, 'i>,
    pub(super) env: &'p Env<'p>,
}

impl Parser<'_, '_, '_, '_> {
    pub(super) fn ctx(&self) -> &Ctx<'_> {
        self.t.ctx
    }

    /// A reference to another entry, checked against the index. `kinds` are the kinds it may name.
    pub(super) fn reference(
        &self,
        key: &'static str,
        kinds: &[Kind],
        required: bool,
        example: &str,
    ) -> Option<(Kind, String)> {
        let s = if required {
            self.t.req_str(key, example)?
        } else {
            self.t.str(key, example)?
        };
        if let Some(k) = kinds.iter().find(|k| self.env.index.has(**k, s.value)) {
            return Some((*k, s.value.to_string()));
        }
        let names: Vec<&str> = kinds.iter().map(|k| k.noun()).collect();
        let folders: Vec<String> = kinds.iter().map(|k| format!("content/{}/", k.folder())).collect();
        let known = self.env.index.slugs_of(kinds);
        let help = match suggest::nearest(s.value, &known) {
            Some(near) => format!("did you mean \"{near}\"?"),
            None => format!("use the name of a file in {} without its ending", folders.join(" or ")),
        };
        self.ctx().error(
            "unknown-reference",
            s.span,
            format!("there is no {} called \"{}\"", names.join(" or "), s.value),
            help,
        );
        None
    }

    pub(super) fn vocab<T>(&self, s: Sp<&str>, make: impl Fn(&str) -> T) -> Option<Sp<T>> {
        if is_valid_slug(s.value) {
            Some(Sp::new(make(s.value), s.span))
        } else {
            self.ctx().error(
                "bad-id",
                s.span,
                format!("\"{}\" is not a valid id", s.value),
                format!(
                    "ids use small letters a-z, digits and dashes: try \"{}\"",
                    slug_like(s.value)
                ),
            );
            None
        }
    }

    pub(super) fn vocab_list<T>(&self, key: &'static str, example: &str, make: impl Fn(&str) -> T) -> Vec<Sp<T>> {
        self.t
            .str_list(key, example)
            .into_iter()
            .filter_map(|s| self.vocab(s, &make))
            .collect()
    }

    pub(super) fn languages(&self) -> Vec<Sp<LangCode>> {
        let mut out = Vec::new();
        for s in self.t.str_list("languages", "[\"en\", \"bn\"]") {
            if (2..=3).contains(&s.value.len()) && s.value.bytes().all(|b| b.is_ascii_lowercase()) {
                out.push(Sp::new(LangCode::new(s.value), s.span));
            } else {
                self.ctx().error(
                    "bad-language",
                    s.span,
                    format!("\"{}\" is not a language code", s.value),
                    "use the short code in small letters, like \"bn\" for Bengali or \"so\" for Somali",
                );
            }
        }
        out
    }

    /// An address field, if it is there and right; its problems are reported.
    fn address(&self, key: &'static str, example: &str, kind: Address, t: &Table<'_, '_, '_>) -> Option<String> {
        super::address::read(self.ctx(), t.str(key, example)?, kind)
    }

    pub(super) fn contact(&self, t: &Table<'_, '_, '_>) -> Contact {
        Contact {
            phone: self.address("phone", "\"020 7946 0123\"", Address::Phone, t),
            email: self.address("email", "\"hello@example.org\"", Address::Email, t),
            url: self.address("url", "\"https://example.org\"", Address::Web, t),
        }
    }

    fn place(&self) -> Option<Place> {
        let t = self.t;
        if !t.has("address") {
            t.missing("address", "[\"12 Mill Road\", \"Northfield\"]");
        }
        let address: Vec<String> = t
            .str_list("address", "[\"12 Mill Road\", \"Northfield\"]")
            .iter()
            .map(|s| super::fields::fold_spaces(s.value))
            .collect();
        if let (Some(v), true) = (t.get("address"), address.is_empty() && t.has("address")) {
            self.ctx().error(
                "empty-field",
                t.span_of(v),
                "the address is empty",
                "write the lines of the address, like [\"12 Mill Road\", \"Northfield\"]",
            );
        }
        let postcode = match t.req_str("postcode", "\"E2 9LJ\"") {
            Some(s) => match super::values::postcode(s.value) {
                Ok(p) => Some(p),
                Err(p) => {
                    self.ctx().problem("bad-postcode", s.span, p);
                    None
                }
            },
            None => None,
        };
        let location = t
            .table("location", "location", "{ lat = 51.53, lon = -0.05 }")
            .and_then(|l| {
                let lat = l.number("lat", "51.53");
                let lon = l.number("lon", "-0.05");
                if !l.has("lat") {
                    l.missing("lat", "51.53");
                }
                if !l.has("lon") {
                    l.missing("lon", "-0.05");
                }
                l.finish(&|_| None);
                let mut ok = true;
                if let Some(lat) = &lat
                    && !(-90.0..=90.0).contains(&lat.value)
                {
                    ok = false;
                    self.ctx().error(
                        "bad-location",
                        lat.span,
                        format!("latitude {} is out of range", lat.value),
                        "latitude goes from -90 to 90; places in England are near 51 to 55",
                    );
                }
                if let Some(lon) = &lon
                    && !(-180.0..=180.0).contains(&lon.value)
                {
                    ok = false;
                    self.ctx().error(
                        "bad-location",
                        lon.span,
                        format!("longitude {} is out of range", lon.value),
                        "longitude goes from -180 to 180; places in England are near -6 to 2",
                    );
                }
                match (lat, lon, ok) {
                    (Some(lat), Some(lon), true) => Some(LatLon {
                        lat: lat.value,
                        lon: lon.value,
                    }),
                    _ => None,
                }
            });
        let phone = self.address("phone", "\"020 7946 0123\"", Address::Phone, t);
        let email = self.address("email", "\"hello@example.org\"", Address::Email, t);
        let website = self.address("website", "\"https://example.org\"", Address::Web, t);
        let opening = self.slots("opening", None);
        let facilities = self.vocab_list("facilities", "[\"step-free\", \"baby-changing\"]", |s: &str| {
            FacilityId::new(s)
        });
        let languages = self.languages();
        Some(Place {
            common: placeholder_common(self.ctx().file),
            address,
            postcode: postcode?,
            location,
            phone,
            email,
            website,
            opening,
            facilities,
            languages,
        })
    }

    fn hub(&self) -> Option<Hub> {
        let locality = self.t.req_str("locality", "\"northfield\"").and_then(|s| {
            if self.env.config.has_locality(s.value) {
                return Some(Sp::new(LocalityId::new(s.value), s.span));
            }
            let known: Vec<&str> = self.env.config.localities.iter().map(|l| l.value.as_str()).collect();
            let help = match suggest::nearest(s.value, &known) {
                Some(n) => format!("did you mean \"{n}\"?"),
                None => format!(
                    "use one of the localities in site.toml ({}), or add it there",
                    known.join(", ")
                ),
            };
            self.ctx().error(
                "unknown-reference",
                s.span,
                format!("there is no locality called \"{}\" in site.toml", s.value),
                help,
            );
            None
        });
        let place = self.place();
        Some(Hub {
            place: place?,
            locality: locality?,
        })
    }

    fn spoke(&self) -> Option<Spoke> {
        if let Some(span) = self.t.key_span("locality") {
            let _ = self.t.get("locality");
            self.ctx().error(
                "spoke-locality",
                span,
                "a spoke cannot set its own locality",
                "remove this line: a spoke takes the locality of its hub",
            );
        }
        let hub = match self.t.req_str("hub", "\"northfield-hub\"") {
            Some(s) if self.env.index.has(Kind::Hub, s.value) => Some(HubId::new(s.value)),
            Some(s) if self.env.index.has(Kind::Spoke, s.value) => {
                self.ctx().error(
                    "hub-is-spoke",
                    s.span,
                    format!("\"{}\" is a spoke, not a hub", s.value),
                    "a spoke belongs to a family hub: name a file in content/hubs/",
                );
                None
            }
            Some(_) => {
                // Reports the unknown name with a suggestion.
                self.reference("hub", &[Kind::Hub], true, "\"northfield-hub\"");
                None
            }
            None => None,
        };
        let run_by = self
            .reference("run_by", &[Kind::Organisation], false, "\"little-steps\"")
            .map(|(_, s)| OrgId::new(s));
        let place = self.place();
        Some(Spoke {
            place: place?,
            hub: hub?,
            run_by,
        })
    }

    fn offer(&self) -> Option<Offer> {
        let t = self.t;
        let area = t.str("area", "\"infant-feeding\"").and_then(|s| {
            let ids: Vec<&str> = OfferArea::ALL.iter().map(|a| a.id()).collect();
            match OfferArea::ALL.into_iter().find(|a| a.id() == s.value) {
                Some(a) => Some(a),
                None => {
                    let help = match suggest::nearest(s.value, &ids) {
                        Some(n) => format!("did you mean \"{n}\"?"),
                        None => format!("use one of: {}", ids.join(", ")),
                    };
                    self.ctx().error(
                        "unknown-value",
                        s.span,
                        format!("\"{}\" is not a Start for Life area", s.value),
                        help,
                    );
                    None
                }
            }
        });
        let contact = match t.table("contact", "contact", "{ phone = \"020 7946 0123\" }") {
            Some(c) => {
                let contact = self.contact(&c);
                c.finish(&|_| None);
                contact
            }
            None => Contact::default(),
        };
        let ages = self.ages();
        Some(Offer {
            common: placeholder_common(self.ctx().file),
            area,
            contact,
            ages,
        })
    }

    fn organisation(&self) -> Organisation {
        let t = self.t;
        Organisation {
            common: placeholder_common(self.ctx().file),
            website: self.address("website", "\"https://example.org\"", Address::Web, t),
            phone: self.address("phone", "\"020 7946 0123\"", Address::Phone, t),
            email: self.address("email", "\"hello@example.org\"", Address::Email, t),
        }
    }

    fn page(&self) -> Page {
        Page {
            common: placeholder_common(self.ctx().file),
            menu: self.t.bool("menu").is_some_and(|b| b.value),
            order: self.t.int("order", "1").map_or(0, |n| n.value),
        }
    }

    pub(super) fn ages(&self) -> Option<Ages> {
        let a = self.t.table("ages", "ages", "{ from = \"birth\", to = \"5 years\" }")?;
        let read = |key: &'static str| {
            let s = a.str(key, "\"2 years\"")?;
            match super::values::age(s.value) {
                Ok(age) => Some(Sp::new(age, s.span)),
                Err(p) => {
                    self.ctx().problem("bad-age", s.span, p);
                    None
                }
            }
        };
        if !a.has("from") {
            a.missing("from", "\"birth\"");
        }
        let from = read("from");
        let to = read("to");
        let send_to = read("send_to");
        a.finish(&|_| None);
        let order = |lo: &Sp<super::values::Age>, hi: &Sp<super::values::Age>, what: &str| {
            if hi.value < lo.value {
                self.ctx().error(
                    "bad-age",
                    hi.span,
                    format!("{what} is younger than the age before it"),
                    "ages go from the youngest to the oldest: from, then to, then send_to",
                );
            }
        };
        if let (Some(f), Some(t)) = (&from, &to) {
            order(f, t, "`to`");
        }
        if let (Some(t), Some(s)) = (to.as_ref().or(from.as_ref()), &send_to) {
            order(t, s, "`send_to`");
        }
        Some(Ages {
            from: from?.value,
            to: to.map(|t| t.value),
            send_to: send_to.map(|s| s.value),
        })
    }
}

/// A stand-in replaced by the real common part once the whole file is read.
pub(super) fn placeholder_common(file: FileId) -> Common {
    Common {
        file,
        text: Text::default(),
        checked: None,
        translations: BTreeMap::new(),
    }
}
