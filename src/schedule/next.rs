//! The next dates a session runs: its slots, within its start and end, skipping exceptions, closures and,
//! for term-time sessions, the school holidays.

use time::{Date, Duration, Weekday};

use super::{Every, Slot, Terms, TimeOfDay};

/// When a session runs, as far as its dates are concerned.
#[derive(Clone, Copy, Debug)]
pub struct Rules<'a> {
    pub slots: &'a [Slot],
    pub starts: Option<Date>,
    pub ends: Option<Date>,
    pub except: &'a [Date],
    pub term_time_only: bool,
    pub terms: Option<&'a Terms>,
}

/// One time a session happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    pub date: Date,
    pub from: TimeOfDay,
    pub to: TimeOfDay,
}

/// How far ahead to look: a little over a year, so a session that runs once a year is still found.
const HORIZON_DAYS: i64 = 400;

fn monday_of(d: Date) -> Date {
    d.checked_sub(Duration::days(i64::from(d.weekday().number_days_from_monday())))
        .unwrap_or(d)
}

/// Whether a repeating slot falls on `d`. `starts` anchors "every 2 weeks".
pub fn repeats_on(days: &[Weekday], every: Every, starts: Option<Date>, d: Date) -> bool {
    if !days.contains(&d.weekday()) {
        return false;
    }
    match every {
        Every::Week => true,
        Every::TwoWeeks => starts.is_some_and(|s| ((monday_of(d) - monday_of(s)).whole_weeks()).rem_euclid(2) == 0),
        Every::Nth(n) => (d.day() - 1) / 7 + 1 == n,
        Every::Last => d
            .checked_add(Duration::days(7))
            .is_none_or(|next| next.month() != d.month()),
    }
}

impl Rules<'_> {
    /// Whether the session can run on `d` at all: within its dates, not an exception, not closed, in term if it must be.
    pub fn open_on(&self, d: Date) -> bool {
        if self.starts.is_some_and(|s| d < s) || self.ends.is_some_and(|e| d > e) || self.except.contains(&d) {
            return false;
        }
        match self.terms {
            Some(t) => !t.is_closed(d) && (!self.term_time_only || t.in_term(d)),
            None => true,
        }
    }

    /// Every time the session happens on `d`, earliest first.
    pub fn on(&self, d: Date) -> Vec<Occurrence> {
        if !self.open_on(d) {
            return Vec::new();
        }
        let mut times: Vec<Occurrence> = self
            .slots
            .iter()
            .filter(|slot| match slot {
                Slot::Once { date, .. } => *date == d,
                Slot::Repeating { days, every, .. } => repeats_on(days, *every, self.starts, d),
            })
            .map(|slot| {
                let (from, to) = slot.times();
                Occurrence { date: d, from, to }
            })
            .collect();
        times.sort();
        times
    }

    /// Every time from `from` to `to`, both days included, in order.
    pub fn between(&self, from: Date, to: Date) -> Vec<Occurrence> {
        std::iter::successors(Some(from), |d| d.next_day())
            .take_while(|d| *d <= to)
            .flat_map(|d| self.on(d))
            .collect()
    }

    /// The next `n` times on or after `today`, in order.
    pub fn next(&self, today: Date, n: usize) -> Vec<Occurrence> {
        let mut out = Vec::new();
        let mut d = today;
        for _ in 0..HORIZON_DAYS {
            if out.len() >= n {
                break;
            }
            out.extend(self.on(d));
            match d.next_day() {
                Some(next) => d = next,
                None => break,
            }
        }
        out.truncate(n);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Closure, Term};
    use time::macros::date;

    const TEN: TimeOfDay = TimeOfDay { hour: 10, minute: 0 };
    const ELEVEN: TimeOfDay = TimeOfDay { hour: 11, minute: 0 };

    fn weekly(days: Vec<Weekday>, every: Every) -> Slot {
        Slot::Repeating {
            days,
            every,
            from: TEN,
            to: ELEVEN,
        }
    }

    fn dates(rules: Rules<'_>, today: Date, n: usize) -> Vec<Date> {
        rules.next(today, n).into_iter().map(|o| o.date).collect()
    }

    fn rules(slots: &[Slot]) -> Rules<'_> {
        Rules {
            slots,
            starts: None,
            ends: None,
            except: &[],
            term_time_only: false,
            terms: None,
        }
    }

    #[test]
    fn weekly_and_every_other_week() {
        let slots = [weekly(vec![Weekday::Tuesday], Every::Week)];
        assert_eq!(
            dates(rules(&slots), date!(2026 - 11 - 23), 3),
            [date!(2026 - 11 - 24), date!(2026 - 12 - 01), date!(2026 - 12 - 08)]
        );
        let slots = [weekly(vec![Weekday::Monday], Every::TwoWeeks)];
        let r = Rules {
            starts: Some(date!(2026 - 09 - 07)),
            ..rules(&slots)
        };
        assert_eq!(
            dates(r, date!(2026 - 11 - 23), 3),
            [date!(2026 - 11 - 30), date!(2026 - 12 - 14), date!(2026 - 12 - 28)]
        );
    }

    #[test]
    fn nth_and_last_of_the_month() {
        let slots = [weekly(vec![Weekday::Monday], Every::Nth(1))];
        assert_eq!(
            dates(rules(&slots), date!(2026 - 11 - 23), 2),
            [date!(2026 - 12 - 07), date!(2027 - 01 - 04)]
        );
        let slots = [weekly(vec![Weekday::Friday], Every::Last)];
        assert_eq!(
            dates(rules(&slots), date!(2026 - 11 - 23), 2),
            [date!(2026 - 11 - 27), date!(2026 - 12 - 25)]
        );
    }

    #[test]
    fn closures_term_breaks_exceptions_and_end_dates_are_skipped() {
        let terms = Terms {
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
        };
        let slots = [weekly(vec![Weekday::Tuesday], Every::Week)];
        let except = [date!(2026 - 12 - 08)];
        let r = Rules {
            term_time_only: true,
            terms: Some(&terms),
            except: &except,
            ..rules(&slots)
        };
        // 1 December is closed, 8 December is an exception, 22 and 29 December are the Christmas holiday.
        assert_eq!(
            dates(r, date!(2026 - 11 - 23), 4),
            [
                date!(2026 - 11 - 24),
                date!(2026 - 12 - 15),
                date!(2027 - 01 - 05),
                date!(2027 - 01 - 12)
            ]
        );
        let r = Rules {
            ends: Some(date!(2026 - 12 - 16)),
            ..r
        };
        assert_eq!(
            dates(r, date!(2026 - 11 - 23), 4),
            [date!(2026 - 11 - 24), date!(2026 - 12 - 15)]
        );
    }

    #[test]
    fn one_off_dates_and_several_slots_in_order() {
        let slots = [
            Slot::Once {
                date: date!(2026 - 12 - 19),
                from: TEN,
                to: ELEVEN,
            },
            weekly(vec![Weekday::Saturday, Weekday::Friday], Every::Week),
        ];
        assert_eq!(
            dates(rules(&slots), date!(2026 - 12 - 17), 4),
            [
                date!(2026 - 12 - 18),
                date!(2026 - 12 - 19),
                date!(2026 - 12 - 19),
                date!(2026 - 12 - 25)
            ]
        );
        let past = [Slot::Once {
            date: date!(2026 - 01 - 01),
            from: TEN,
            to: ELEVEN,
        }];
        assert!(dates(rules(&past), date!(2026 - 11 - 23), 4).is_empty());
    }
}
