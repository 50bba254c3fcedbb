//! Parsing the parts of a session: where, when, cost and booking; and time slots, which places use too.

use time::Date;
use toml::de::DeValue;

use super::entry::{Parser, placeholder_common};
use super::fields::Table;
use super::ids::*;
use super::model::*;
use crate::diagnostics::Sp;
use crate::schedule::{self, Every, Slot};
use crate::suggest;

const SLOT_EXAMPLE: &str = "[{ days = [\"monday\"], from = \"10:00\", to = \"11:30\" }]";

impl Parser<'_, '_, '_, '_> {
    pub(super) fn session(&self) -> Option<Session> {
        let t = self.t;
        // A mistyped `online` still means the author meant an online session, so do not ask for a venue too.
        let online = t.bool("online").is_none_or(|b| b.value) && t.has("online");
        let join_url = t
            .str("join_url", "\"https://example.org/join\"")
            .and_then(|s| super::address::read(self.ctx(), s, super::address::Address::Web));
        let venue = if online {
            if let Some(span) = t.key_span("venue") {
                let _ = t.get("venue");
                self.ctx().error(
                    "online-venue",
                    span,
                    "an online session cannot also have a venue",
                    "remove `venue`, or remove `online = true` if it happens in a building",
                );
            }
            if !t.has("join_url") {
                t.missing("join_url", "\"https://example.org/join\"");
            }
            join_url.map(|join_url| Venue::Online { join_url })
        } else {
            if t.has("join_url") && !t.has("online") {
                self.ctx().error(
                    "online-venue",
                    t.key_span("join_url").unwrap_or(t.missing_at),
                    "`join_url` is only for online sessions",
                    "add online = true if the session happens online, or remove join_url",
                );
            }
            self.reference("venue", &[Kind::Hub, Kind::Spoke], true, "\"northfield-hub\"")
                .map(|(k, s)| match k {
                    Kind::Hub => Venue::Hub(HubId::new(s)),
                    _ => Venue::Spoke(SpokeId::new(s)),
                })
        };
        let category = t
            .req_str("category", "\"stay-and-play\"")
            .and_then(|s| self.vocab(s, |s: &str| CategoryId::new(s)));
        let offer = self
            .reference("offer", &[Kind::Offer], false, "\"feeding-your-baby\"")
            .map(|(_, s)| OfferId::new(s));
        let run_by = self
            .reference("run_by", &[Kind::Organisation], false, "\"little-steps\"")
            .map(|(_, s)| OrgId::new(s));
        let ages = self.ages();
        let audiences = self.vocab_list("for", "[\"parents\", \"carers\"]", |s: &str| AudienceId::new(s));
        let starts = t.date("starts");
        let ends = t.date("ends");
        if let (Some(s), Some(e)) = (&starts, &ends)
            && e.value < s.value
        {
            self.ctx().error(
                "bad-date",
                e.span,
                format!("the session ends on {} before it starts on {}", e.value, s.value),
                "`ends` is the last date it runs; it must be on or after `starts`",
            );
        }
        if !t.has("when") {
            t.missing("when", SLOT_EXAMPLE);
        }
        let when = self.slots("when", starts.as_ref());
        if t.has("when") && when.is_empty() && t.array("when", SLOT_EXAMPLE).is_some_and(|a| a.is_empty()) {
            self.ctx().error(
                "missing-field",
                t.key_span("when").unwrap_or(t.missing_at),
                "`when` has no time slots",
                format!("add at least one, like when = {SLOT_EXAMPLE}"),
            );
        }
        let term_time_only = t.bool("term_time_only");
        if let Some(ttt) = &term_time_only
            && ttt.value
            && !self.env.has_terms
        {
            self.ctx().error(
                "needs-terms",
                ttt.span,
                "this session runs in term time only, but the site has no school terms",
                "add content/terms.toml with the term dates, or remove term_time_only",
            );
        }
        let except = match t.array("except", "[2026-12-24]") {
            Some(items) => items
                .iter()
                .filter_map(|v| t.date_value("except", v).map(|d| d.value))
                .collect(),
            None => Vec::new(),
        };
        let cost = self.cost();
        let booking = t.req_str("booking", "\"drop-in\"").and_then(|s| {
            let choices = [("drop-in", Booking::DropIn), ("book", Booking::Book), ("referral", Booking::Referral)];
            match choices.iter().find(|(n, _)| *n == s.value) {
                Some((_, b)) => Some(*b),
                None => {
                    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
                    let help = match suggest::nearest(s.value, &names) {
                        Some(n) => format!("did you mean \"{n}\"?"),
                        None => "use \"drop-in\" (just come along), \"book\" (book a place) or \"referral\" (someone who works with the family asks for a place)".into(),
                    };
                    self.ctx().error("unknown-value", s.span, format!("\"{}\" is not a way to join a session", s.value), help);
                    None
                }
            }
        });
        let book = t.table("book", "book", "{ phone = \"020 7946 0123\" }").map(|b| {
            let c = self.contact(&b);
            b.finish(&|_| None);
            c
        });
        let languages = self.languages();
        Some(Session {
            common: placeholder_common(self.ctx().file),
            venue: venue?,
            category: category?,
            offer,
            ages,
            audiences,
            when,
            term_time_only: term_time_only.is_some_and(|b| b.value),
            starts: starts.map(|d| d.value),
            ends: ends.map(|d| d.value),
            except,
            cost: cost?,
            booking: booking?,
            book,
            languages,
            run_by,
        })
    }

    fn cost(&self) -> Option<Cost> {
        let t = self.t;
        let Some(v) = t.get("cost") else {
            t.missing("cost", "\"free\"");
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) if s.trim().eq_ignore_ascii_case("free") => Some(Cost::Free),
            DeValue::String(s) => {
                self.ctx().error(
                    "unknown-value",
                    t.span_of(v),
                    format!("\"{s}\" is not a cost"),
                    "write cost = \"free\", or a price like cost = { pounds = 2.5, per = \"session\" }",
                );
                None
            }
            DeValue::Table(table) => {
                let c = Table::new(t.ctx, table, t.span_of(v), "cost");
                if !c.has("pounds") {
                    c.missing("pounds", "2.5");
                }
                if !c.has("per") {
                    c.missing("per", "\"session\"");
                }
                let pounds = c.number("pounds", "2.5");
                let per = c.str("per", "\"session\"").and_then(|s| {
                    let choices = [
                        ("session", CostPer::Session),
                        ("child", CostPer::Child),
                        ("family", CostPer::Family),
                        ("course", CostPer::Course),
                    ];
                    let found = choices.iter().find(|(n, _)| *n == s.value).map(|(_, p)| *p);
                    if found.is_none() {
                        self.ctx().error(
                            "unknown-value",
                            s.span,
                            format!("\"{}\" is not something a price can be for", s.value),
                            "use \"session\", \"child\", \"family\" or \"course\"",
                        );
                    }
                    found
                });
                c.finish(&|_| None);
                let pounds = pounds?;
                if !(0.0..=10_000.0).contains(&pounds.value) {
                    self.ctx().error(
                        "unknown-value",
                        pounds.span,
                        format!("£{} is not a price", pounds.value),
                        "write the price in pounds, like 2.5 for £2.50; for no charge write cost = \"free\"",
                    );
                    return None;
                }
                let pence = (pounds.value * 100.0).round() as u32;
                if pence == 0 {
                    return Some(Cost::Free);
                }
                Some(Cost::Paid { pence, per: per? })
            }
            _ => {
                t.wrong_type(
                    "cost",
                    v,
                    "\"free\" or a price in { }",
                    "{ pounds = 2.5, per = \"session\" }",
                );
                None
            }
        }
    }

    /// Reads a list of time slots. `starts` is the session's first date, which `every = "2 weeks"` counts from.
    pub(super) fn slots(&self, key: &'static str, starts: Option<&Sp<Date>>) -> Vec<Sp<Slot>> {
        let t = self.t;
        let Some(items) = t.array(key, SLOT_EXAMPLE) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let DeValue::Table(table) = item.get_ref() else {
                t.wrong_type(key, item, "a list of time slots in { }", SLOT_EXAMPLE);
                continue;
            };
            let s = Table::new(t.ctx, table, t.span_of(item), "a time slot");
            if let Some(slot) = self.slot(&s, starts) {
                out.push(Sp::new(slot, t.span_of(item)));
            }
            s.finish(&|_| None);
        }
        out
    }

    fn slot(&self, s: &Table<'_, '_, '_>, starts: Option<&Sp<Date>>) -> Option<Slot> {
        let time = |key: &'static str| {
            if !s.has(key) {
                s.missing(key, "\"10:00\"");
                return None;
            }
            let v = s.get(key)?;
            let span = s.span_of(v);
            match v.get_ref() {
                DeValue::String(text) => match schedule::parse_time(text) {
                    Ok(t) => Some(Sp::new(t, span)),
                    Err(p) => {
                        self.ctx().problem("bad-time", span, p);
                        None
                    }
                },
                // TOML's own time, written without quotes: 10:00 or 10:00:00.
                DeValue::Datetime(dt) if dt.date.is_none() && dt.time.is_some() => {
                    let tm = dt.time?;
                    Some(Sp::new(
                        schedule::TimeOfDay {
                            hour: tm.hour,
                            minute: tm.minute,
                        },
                        span,
                    ))
                }
                _ => {
                    s.wrong_type(key, v, "a time in quotes", "\"10:00\"");
                    None
                }
            }
        };
        let from = time("from");
        let mut to = time("to");
        if let (Some(f), Some(t)) = (&from, &to)
            && t.value <= f.value
        {
            self.ctx().error(
                "time-order",
                t.span,
                format!("this ends at {} but starts at {}", t.value, f.value),
                "`to` is when it finishes, and must be after `from`; use the 24-hour clock, so 2pm is \"14:00\"",
            );
            // Keep reading the slot so its other fields are checked too.
            to = None;
        }
        if s.has("date") {
            let date = s.date("date")?;
            if let Some(span) = s.key_span("days").or(s.key_span("every")) {
                let _ = (s.get("days"), s.get("every"));
                self.ctx().error(
                    "bad-slot",
                    span,
                    "a slot with a `date` happens once, so it cannot also have `days` or `every`",
                    "make two slots: one for the date, one for the days",
                );
            }
            return Some(Slot::Once {
                date: date.value,
                from: from?.value,
                to: to?.value,
            });
        }
        if !s.has("days") {
            s.missing("days", "[\"monday\"]");
        }
        let written = s.str_list("days", "[\"monday\", \"thursday\"]");
        let mut days = Vec::new();
        for d in &written {
            match schedule::parse_day(d.value) {
                Ok(day) if !days.contains(&day) => days.push(day),
                Ok(_) => {}
                Err(p) => self.ctx().problem("unknown-day", d.span, p),
            }
        }
        if s.has("days")
            && written.is_empty()
            && s.get("days")
                .is_some_and(|v| matches!(v.get_ref(), DeValue::Array(a) if a.is_empty()))
        {
            self.ctx().error(
                "missing-field",
                s.key_span("days").unwrap_or(s.missing_at),
                "`days` is empty",
                "name at least one day, like days = [\"monday\"]",
            );
        }
        let every = match s.str("every", "\"week\"") {
            Some(e) => match schedule::parse_every(e.value) {
                Ok(Every::TwoWeeks) => {
                    match starts {
                        // `starts` is written but could not be read: that problem is already reported.
                        None if self.t.has("starts") => {}
                        None if self.t.what != "a session" => self.ctx().error(
                            "unknown-value",
                            e.span,
                            "opening times cannot repeat every 2 weeks",
                            "use \"week\", or a day of the month such as \"first\" or \"last\"",
                        ),
                        None => self.ctx().error(
                            "needs-starts",
                            e.span,
                            "a session every 2 weeks needs to know the first date it runs",
                            "add starts = 2026-09-07 (the first date) to the session",
                        ),
                        Some(st) if !days.is_empty() && !days.contains(&st.value.weekday()) => self.ctx().error(
                            "bad-date",
                            st.span,
                            format!(
                                "the first date, {}, is a {}, but the session runs on {}",
                                st.value,
                                st.value.weekday(),
                                written.iter().map(|d| d.value).collect::<Vec<_>>().join(" and ")
                            ),
                            "set `starts` to the first date the session really runs",
                        ),
                        Some(_) => {}
                    }
                    Some(Every::TwoWeeks)
                }
                Ok(ev) => Some(ev),
                Err(p) => {
                    self.ctx().problem("unknown-value", e.span, p);
                    None
                }
            },
            None => Some(Every::Week),
        };
        if days.is_empty() {
            return None;
        }
        days.sort_by_key(|d| d.number_days_from_monday());
        Some(Slot::Repeating {
            days,
            every: every?,
            from: from?.value,
            to: to?.value,
        })
    }
}
