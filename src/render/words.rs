//! Schedules, ages, costs and dates in plain words, in the reader's language.

use fluent_bundle::FluentValue;
use time::{Date, Weekday};

use crate::content::ids::LangCode;
use crate::content::model::{Ages, Cost, CostPer};
use crate::content::values::Age;
use crate::i18n::Strings;
use crate::schedule::{Every, Slot, TimeOfDay};

pub struct Words<'a> {
    pub strings: &'a Strings,
    pub lang: &'a LangCode,
}

fn s(v: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(v.into())
}

impl Words<'_> {
    pub fn t(&self, id: &str) -> String {
        self.strings.text(self.lang, id)
    }

    /// A weekday's name. Any date on that weekday will do, since ICU4X names the weekdays of dates.
    pub fn day(&self, d: Weekday) -> String {
        let monday = Date::from_iso_week_date(2026, 1, Weekday::Monday).unwrap_or(Date::MIN);
        let date = monday + time::Duration::days(i64::from(d.number_days_from_monday()));
        self.strings.formats(self.lang).weekday(date)
    }

    /// "Monday", "Monday and Thursday", "Monday, Tuesday and Friday".
    pub fn days(&self, days: &[Weekday]) -> String {
        let names: Vec<String> = days.iter().map(|d| self.day(*d)).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => self.strings.get(
                self.lang,
                "days-and",
                &[("first", s(rest.join(", "))), ("second", s(last.clone()))],
            ),
        }
    }

    pub fn date(&self, d: Date) -> String {
        let (day, month, year) = self.strings.formats(self.lang).date_parts(d);
        self.strings.get(
            self.lang,
            "date-long",
            &[("day", s(day)), ("month", s(month)), ("year", s(year))],
        )
    }

    /// "Monday 23 November 2026", as the timetable heads each day.
    pub fn day_and_date(&self, d: Date) -> String {
        self.strings.get(
            self.lang,
            "day-and-date",
            &[("weekday", s(self.day(d.weekday()))), ("date", s(self.date(d)))],
        )
    }

    pub fn time(&self, t: TimeOfDay) -> String {
        self.strings.formats(self.lang).time(t)
    }

    /// "10:00 to 11:30".
    pub fn time_range(&self, from: TimeOfDay, to: TimeOfDay) -> String {
        self.strings.get(
            self.lang,
            "time-range",
            &[("from", s(self.time(from))), ("to", s(self.time(to)))],
        )
    }

    /// One date a session runs: "Tuesday 24 November 2026, 10:00 to 11:00".
    pub fn occurrence(&self, o: &crate::schedule::Occurrence) -> String {
        self.strings.get(
            self.lang,
            "occurrence",
            &[
                ("weekday", s(self.day(o.date.weekday()))),
                ("date", s(self.date(o.date))),
                ("from", s(self.time(o.from))),
                ("to", s(self.time(o.to))),
            ],
        )
    }

    pub fn slot(&self, slot: &Slot) -> String {
        let (from, to) = slot.times();
        let times = [("from", s(self.time(from))), ("to", s(self.time(to)))];
        match slot {
            Slot::Once { date, .. } => {
                let mut args = vec![("date", s(self.date(*date)))];
                args.extend(times);
                self.strings.get(self.lang, "slot-once", &args)
            }
            Slot::Repeating { days, every, .. } => {
                let mut args = vec![("days", s(self.days(days)))];
                args.extend(times);
                let id = match every {
                    Every::Week => "slot-every-week",
                    Every::TwoWeeks => "slot-every-2-weeks",
                    Every::Nth(n) => {
                        args.push(("nth", FluentValue::from(*n)));
                        "slot-nth"
                    }
                    Every::Last => "slot-last",
                };
                self.strings.get(self.lang, id, &args)
            }
        }
    }

    pub fn age(&self, a: Age) -> String {
        match a {
            Age::Pregnancy => self.t("age-pregnancy"),
            Age::Months(0) => self.t("age-birth"),
            Age::Months(m) if m >= 24 && m % 12 == 0 => {
                self.strings
                    .get(self.lang, "age-years", &[("n", FluentValue::from(m / 12))])
            }
            Age::Months(m) => self
                .strings
                .get(self.lang, "age-months", &[("n", FluentValue::from(m))]),
        }
    }

    /// The age range, and the older limit for young people with special educational needs, if any.
    pub fn ages(&self, a: &Ages) -> (String, Option<String>) {
        let range = match a.to {
            Some(to) => self.strings.get(
                self.lang,
                "ages-range",
                &[("from", s(self.age(a.from))), ("to", s(self.age(to)))],
            ),
            None => self
                .strings
                .get(self.lang, "ages-from", &[("from", s(self.age(a.from)))]),
        };
        let send = a
            .send_to
            .map(|age| self.strings.get(self.lang, "ages-send", &[("age", s(self.age(age)))]));
        (range, send)
    }

    pub fn cost(&self, c: &Cost) -> String {
        match c {
            Cost::Free => self.t("cost-free"),
            Cost::Paid { pence, per } => {
                let amount = if pence % 100 == 0 {
                    (pence / 100).to_string()
                } else {
                    format!("{}.{:02}", pence / 100, pence % 100)
                };
                let per = match per {
                    CostPer::Session => "session",
                    CostPer::Child => "child",
                    CostPer::Family => "family",
                    CostPer::Course => "course",
                };
                let amount = self.strings.formats(self.lang).number(&amount);
                self.strings
                    .get(self.lang, "cost-paid", &[("amount", s(amount)), ("per", s(per))])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{BUILTIN, Catalog};

    fn strings() -> Strings {
        let mut c = Catalog::default();
        for (lang, _, text) in BUILTIN {
            c.add_for_test(lang, text);
        }
        Strings::new(&c, &[LangCode::new("en"), LangCode::new("bn"), LangCode::new("so")])
    }

    fn slot(days: Vec<Weekday>, every: Every) -> Slot {
        Slot::Repeating {
            days,
            every,
            from: TimeOfDay { hour: 10, minute: 0 },
            to: TimeOfDay { hour: 11, minute: 30 },
        }
    }

    #[test]
    fn schedules_in_plain_words() {
        let st = strings();
        let en = LangCode::new("en");
        let w = Words {
            strings: &st,
            lang: &en,
        };
        assert_eq!(
            w.slot(&slot(vec![Weekday::Monday], Every::Week)),
            "Every Monday, 10:00 to 11:30"
        );
        assert_eq!(
            w.slot(&slot(vec![Weekday::Tuesday], Every::TwoWeeks)),
            "Every other Tuesday, 10:00 to 11:30"
        );
        assert_eq!(
            w.slot(&slot(vec![Weekday::Wednesday], Every::Nth(1))),
            "First Wednesday of the month, 10:00 to 11:30"
        );
        assert_eq!(
            w.slot(&slot(vec![Weekday::Friday], Every::Last)),
            "Last Friday of the month, 10:00 to 11:30"
        );
        assert_eq!(
            w.days(&[Weekday::Monday, Weekday::Tuesday, Weekday::Friday]),
            "Monday, Tuesday and Friday"
        );
        let bn = LangCode::new("bn");
        let w = Words {
            strings: &st,
            lang: &bn,
        };
        assert_eq!(
            w.slot(&slot(vec![Weekday::Monday], Every::Week)),
            "প্রতি সোমবার, ১০:০০ থেকে ১১:৩০"
        );
        assert_eq!(
            w.slot(&slot(vec![Weekday::Monday], Every::Nth(1))),
            "মাসের প্রথম সোমবার, ১০:০০ থেকে ১১:৩০"
        );
    }

    #[test]
    fn ages_and_costs_use_plurals() {
        let st = strings();
        let en = LangCode::new("en");
        let w = Words {
            strings: &st,
            lang: &en,
        };
        let ages = Ages {
            from: Age::BIRTH,
            to: Some(Age::Months(12)),
            send_to: Some(Age::Months(300)),
        };
        assert_eq!(
            w.ages(&ages),
            (
                "From birth to 12 months".into(),
                Some("Up to 25 years for young people with special educational needs or disabilities".into())
            )
        );
        assert_eq!(w.age(Age::Months(1)), "1 month");
        assert_eq!(
            w.cost(&Cost::Paid {
                pence: 250,
                per: CostPer::Child
            }),
            "£2.50 for each child"
        );
        assert_eq!(w.cost(&Cost::Free), "Free");
        let so = LangCode::new("so");
        let w = Words {
            strings: &st,
            lang: &so,
        };
        assert_eq!(w.age(Age::Months(6)), "6 bilood");
        // Bengali numbers placed in messages, and amounts, are in Bengali digits.
        let bn = LangCode::new("bn");
        let b = Words {
            strings: &st,
            lang: &bn,
        };
        assert_eq!(b.age(Age::Months(12)), "১২ মাস");
        assert_eq!(
            b.cost(&Cost::Paid {
                pence: 250,
                per: CostPer::Child
            }),
            "£২.৫০ প্রতি শিশু"
        );
        assert_eq!(w.age(Age::Months(1)), "1 bil");
        assert_eq!(
            w.date(Date::from_calendar_date(2026, time::Month::October, 14).unwrap_or(Date::MIN)),
            "14 Oktoobar 2026"
        );
    }
}
