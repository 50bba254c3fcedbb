//! A session's slots as recurrence rules (RFC 5545 `RRULE`), with the dates a rule gives that the session skips:
//! what calendar files and open data say, so both describe exactly the dates the pages show.

use time::{Date, Duration, PrimitiveDateTime, Time, Weekday};

use super::next::repeats_on;
use super::{Every, Rules, Slot, TimeOfDay};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freq {
    Weekly,
    Monthly,
}

impl Freq {
    pub fn as_str(self) -> &'static str {
        match self {
            Freq::Weekly => "WEEKLY",
            Freq::Monthly => "MONTHLY",
        }
    }
}

/// How a repeating slot repeats, in the terms of RFC 5545.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recur {
    pub freq: Freq,
    pub interval: u8,
    /// Days, each with its place in the month for a monthly rule: `1` first, `-1` last.
    pub byday: Vec<(Option<i8>, Weekday)>,
}

fn day_code(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

impl Recur {
    fn of(days: &[Weekday], every: Every) -> Recur {
        let (freq, interval, nth) = match every {
            Every::Week => (Freq::Weekly, 1, None),
            Every::TwoWeeks => (Freq::Weekly, 2, None),
            Every::Nth(n) => (Freq::Monthly, 1, Some(n as i8)),
            Every::Last => (Freq::Monthly, 1, Some(-1)),
        };
        let mut days = days.to_vec();
        days.sort_by_key(|d| d.number_days_from_monday());
        days.dedup();
        Recur {
            freq,
            interval,
            byday: days.into_iter().map(|d| (nth, d)).collect(),
        }
    }

    /// Every week on one day.
    pub fn weekly(d: Weekday) -> Recur {
        Recur::of(&[d], Every::Week)
    }

    /// `MO,TH`, `1SA` or `-1FR`.
    pub fn byday(&self) -> String {
        let days: Vec<String> = self
            .byday
            .iter()
            .map(|(n, d)| match n {
                Some(n) => format!("{n}{}", day_code(*d)),
                None => day_code(*d).to_string(),
            })
            .collect();
        days.join(",")
    }
}

/// One slot of a session as a calendar series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// Which of the session's `when` slots this is, counting from 0: part of its calendar id.
    pub slot: usize,
    pub from: TimeOfDay,
    pub to: TimeOfDay,
    /// The first date the rule gives (it may be one the session skips).
    pub first: Date,
    /// `None` for a one-off date.
    pub rule: Option<Recur>,
    /// The last day the rule may give a date: the session's end, or the end of the last term for a term-time one.
    pub until: Option<Date>,
    /// Dates the rule gives that the session does not run: closures, school holidays, its own exceptions.
    pub skipped: Vec<Date>,
}

/// A run of dates with nothing skipped between them, all at the same offset from UTC: one open-data schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub from: Date,
    pub to: Date,
    /// Hours ahead of UTC on every date of the block: 1 in summer time.
    pub offset: i64,
}

/// Every slot of a session as a series. Series start on the session's `starts` date, or on `anchor` (the build's
/// day) when it has none; a slot that never runs after that gives none.
pub fn series(rules: &Rules<'_>, anchor: Date) -> Vec<Series> {
    // In term time only, with no terms listed: it never runs, as its page says.
    if rules.term_time_only && rules.terms.is_some_and(|t| t.terms.is_empty()) {
        return Vec::new();
    }
    let until = last_day(rules);
    let start = rules.starts.unwrap_or(anchor);
    rules
        .slots
        .iter()
        .enumerate()
        .filter_map(|(i, slot)| {
            let (from, to) = slot.times();
            match slot {
                Slot::Once { date, .. } => rules.open_on(*date).then(|| Series {
                    slot: i,
                    from,
                    to,
                    first: *date,
                    rule: None,
                    until: Some(*date),
                    skipped: Vec::new(),
                }),
                Slot::Repeating { days, every, .. } => {
                    let matches = |d: Date| repeats_on(days, *every, rules.starts, d);
                    let first = days_from(start).take(400).find(|d| matches(*d))?;
                    if until.is_some_and(|u| first > u) {
                        return None;
                    }
                    // Beyond the last closure or exception nothing more is skipped, so the dates need only be
                    // walked up to the end of the series or that day.
                    let end = until.unwrap_or_else(|| last_exception(rules));
                    let mut given = 0;
                    let skipped: Vec<Date> = days_from(first)
                        .take_while(|d| *d <= end)
                        .filter(|d| matches(*d))
                        .inspect(|_| given += 1)
                        .filter(|d| !rules.open_on(*d))
                        .collect();
                    // A series that ends with every date skipped has nothing to show.
                    if until.is_some() && given == skipped.len() {
                        return None;
                    }
                    Some(Series {
                        slot: i,
                        from,
                        to,
                        first,
                        rule: Some(Recur::of(days, *every)),
                        until,
                        skipped,
                    })
                }
            }
        })
        .collect()
}

fn days_from(d: Date) -> impl Iterator<Item = Date> {
    std::iter::successors(Some(d), |d| d.next_day())
}

/// The last day a session can run: its `ends`, or the end of the last term if it runs in term time only.
fn last_day(rules: &Rules<'_>) -> Option<Date> {
    let term_end = rules
        .terms
        .filter(|_| rules.term_time_only)
        .and_then(|t| t.terms.iter().map(|t| t.to).max());
    match (rules.ends, term_end) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The last day anything stops a session: a closure or one of its own exceptions.
fn last_exception(rules: &Rules<'_>) -> Date {
    let closures = rules.terms.into_iter().flat_map(|t| t.closed.iter().map(|c| c.to));
    closures.chain(rules.except.iter().copied()).max().unwrap_or(Date::MIN)
}

impl Series {
    /// The dates the rule gives, from the first, in order; one date for a one-off.
    fn rule_dates<'r>(&'r self, rules: &'r Rules<'_>) -> Box<dyn Iterator<Item = Date> + 'r> {
        match (&self.rule, rules.slots.get(self.slot)) {
            (Some(_), Some(Slot::Repeating { days, every, .. })) => Box::new(
                days_from(self.first)
                    .take_while(|d| self.until.is_none_or(|u| *d <= u))
                    .filter(move |d| repeats_on(days, *every, rules.starts, *d)),
            ),
            _ => Box::new(std::iter::once(self.first)),
        }
    }

    /// The runs of dates up to `horizon` with none skipped between them and the clocks not changing within
    /// them, for data formats that can list neither skipped dates nor a time zone with summer time.
    pub fn blocks(&self, rules: &Rules<'_>, horizon: Date) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut current: Option<Block> = None;
        for d in self.rule_dates(rules).take_while(|d| *d <= horizon) {
            let offset = london_offset_hours(d, self.from);
            let skipped = self.skipped.binary_search(&d).is_ok();
            match current.as_mut() {
                Some(b) if !skipped && b.offset == offset => b.to = d,
                _ => {
                    blocks.extend(current.take());
                    if !skipped {
                        current = Some(Block { from: d, to: d, offset });
                    }
                }
            }
        }
        blocks.extend(current);
        blocks
    }
}

/// How many hours London is ahead of UTC on `d` at `t`: 1 in summer time (from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October), else 0.
pub fn london_offset_hours(d: Date, t: TimeOfDay) -> i64 {
    let last_sunday = |month| {
        let first_of_next = Date::from_calendar_date(d.year(), month, 1)
            .ok()
            .and_then(|f| f.checked_add(Duration::days(31)))
            .and_then(|f| f.replace_day(1).ok());
        first_of_next.map(|f| f.prev_occurrence(Weekday::Sunday))
    };
    let (Some(spring), Some(autumn)) = (last_sunday(time::Month::March), last_sunday(time::Month::October)) else {
        return 0;
    };
    let minutes = i64::from(t.minutes());
    // Local time on the change days: spring forward at 01:00 GMT, fall back at 02:00 summer time.
    let after_spring = d > spring || (d == spring && minutes >= 60);
    let before_autumn = d < autumn || (d == autumn && minutes < 120);
    i64::from(after_spring && before_autumn)
}

/// A London date and time as UTC.
pub fn london_to_utc(d: Date, t: TimeOfDay) -> PrimitiveDateTime {
    let time = Time::from_hms(t.hour, t.minute, 0).unwrap_or(Time::MIDNIGHT);
    PrimitiveDateTime::new(d, time) - Duration::hours(london_offset_hours(d, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Closure, Term, Terms};
    use time::macros::date;

    const TEN: TimeOfDay = TimeOfDay { hour: 10, minute: 0 };
    const ELEVEN: TimeOfDay = TimeOfDay { hour: 11, minute: 0 };

    fn slot(days: Vec<Weekday>, every: Every) -> Slot {
        Slot::Repeating {
            days,
            every,
            from: TEN,
            to: ELEVEN,
        }
    }

    fn terms() -> Terms {
        Terms {
            terms: vec![
                Term {
                    from: date!(2026 - 11 - 02),
                    to: date!(2026 - 12 - 18),
                },
                Term {
                    from: date!(2027 - 01 - 05),
                    to: date!(2027 - 02 - 12),
                },
            ],
            closed: vec![Closure {
                from: date!(2026 - 12 - 01),
                to: date!(2026 - 12 - 01),
                reason: None,
            }],
        }
    }

    #[test]
    fn rules_say_monthly_days_with_their_place_in_the_month() {
        assert_eq!(
            Recur::of(&[Weekday::Thursday, Weekday::Monday], Every::Week).byday(),
            "MO,TH"
        );
        assert_eq!(Recur::of(&[Weekday::Monday], Every::Nth(1)).byday(), "1MO");
        let last = Recur::of(&[Weekday::Friday], Every::Last);
        assert_eq!((last.freq, last.byday().as_str()), (Freq::Monthly, "-1FR"));
        assert_eq!(Recur::of(&[Weekday::Monday], Every::TwoWeeks).interval, 2);
    }

    #[test]
    fn term_time_series_end_with_the_last_term_and_skip_holidays_and_closures() {
        let terms = terms();
        let slots = [slot(vec![Weekday::Tuesday], Every::Week)];
        let rules = Rules {
            slots: &slots,
            starts: None,
            ends: None,
            except: &[],
            term_time_only: true,
            terms: Some(&terms),
        };
        let s = &series(&rules, date!(2026 - 11 - 23))[0];
        assert_eq!((s.first, s.until), (date!(2026 - 11 - 24), Some(date!(2027 - 02 - 12))));
        assert_eq!(
            s.skipped,
            [date!(2026 - 12 - 01), date!(2026 - 12 - 22), date!(2026 - 12 - 29)]
        );
        let block = |from, to| Block { from, to, offset: 0 };
        assert_eq!(
            s.blocks(&rules, date!(2027 - 12 - 31)),
            [
                block(date!(2026 - 11 - 24), date!(2026 - 11 - 24)),
                block(date!(2026 - 12 - 08), date!(2026 - 12 - 15)),
                block(date!(2027 - 01 - 05), date!(2027 - 02 - 09)),
            ]
        );
    }

    #[test]
    fn a_series_with_no_end_is_cut_into_blocks_up_to_the_horizon() {
        let terms = terms();
        let slots = [slot(vec![Weekday::Tuesday], Every::Week)];
        let except = [date!(2026 - 12 - 15)];
        let rules = Rules {
            slots: &slots,
            starts: None,
            ends: None,
            except: &except,
            term_time_only: false,
            terms: Some(&terms),
        };
        let s = &series(&rules, date!(2026 - 11 - 23))[0];
        assert_eq!(s.until, None);
        assert_eq!(s.skipped, [date!(2026 - 12 - 01), date!(2026 - 12 - 15)]);
        // Up to the horizon, split where the clocks change on 28 March 2027.
        let blocks = s.blocks(&rules, date!(2027 - 06 - 30));
        assert_eq!(blocks.len(), 4, "{blocks:?}");
        assert_eq!(
            blocks[2],
            Block {
                from: date!(2026 - 12 - 22),
                to: date!(2027 - 03 - 23),
                offset: 0
            }
        );
        assert_eq!(
            blocks[3],
            Block {
                from: date!(2027 - 03 - 30),
                to: date!(2027 - 06 - 29),
                offset: 1
            }
        );
    }

    #[test]
    fn term_time_with_no_terms_and_series_with_every_date_skipped_give_nothing() {
        let empty = Terms::default();
        let slots = [slot(vec![Weekday::Tuesday], Every::Week)];
        let rules = Rules {
            slots: &slots,
            starts: None,
            ends: None,
            except: &[],
            term_time_only: true,
            terms: Some(&empty),
        };
        assert!(series(&rules, date!(2026 - 11 - 23)).is_empty());
        let terms = terms();
        let rules = Rules {
            starts: Some(date!(2026 - 12 - 19)),
            ends: Some(date!(2027 - 01 - 04)),
            terms: Some(&terms),
            ..rules
        };
        assert!(series(&rules, date!(2026 - 11 - 23)).is_empty());
    }

    #[test]
    fn one_off_dates_that_are_closed_give_no_series() {
        let terms = terms();
        let slots = [
            Slot::Once {
                date: date!(2026 - 12 - 01),
                from: TEN,
                to: ELEVEN,
            },
            Slot::Once {
                date: date!(2026 - 12 - 02),
                from: TEN,
                to: ELEVEN,
            },
        ];
        let rules = Rules {
            slots: &slots,
            starts: None,
            ends: None,
            except: &[],
            term_time_only: false,
            terms: Some(&terms),
        };
        let all = series(&rules, date!(2026 - 11 - 23));
        assert_eq!(all.len(), 1);
        assert_eq!(
            (all[0].slot, all[0].first, all[0].rule.is_none()),
            (1, date!(2026 - 12 - 02), true)
        );
    }

    #[test]
    fn london_is_an_hour_ahead_in_summer_time() {
        assert_eq!(london_offset_hours(date!(2027 - 03 - 27), TEN), 0);
        assert_eq!(london_offset_hours(date!(2027 - 03 - 28), TEN), 1);
        assert_eq!(london_offset_hours(date!(2027 - 10 - 30), TEN), 1);
        assert_eq!(london_offset_hours(date!(2027 - 10 - 31), TEN), 0);
        assert_eq!(london_to_utc(date!(2027 - 06 - 01), TEN).hour(), 9);
    }
}
