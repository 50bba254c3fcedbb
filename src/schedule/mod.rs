//! Time slots, school terms and closures: when sessions and places are open.

mod next;
pub mod parse;
pub mod recur;

pub use next::{Occurrence, Rules};

pub use parse::{parse_day, parse_every, parse_time};

use time::{Date, Weekday};

/// A time of day, 00:00 to 23:59, in Europe/London local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
}

impl TimeOfDay {
    pub fn minutes(self) -> u16 {
        u16::from(self.hour) * 60 + u16::from(self.minute)
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// How often a weekly-style slot repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Every {
    Week,
    /// Every other week, counted from the session's `starts` date.
    TwoWeeks,
    /// The nth (1 to 4) of the month: "first Monday".
    Nth(u8),
    /// The last of the month: "last Friday".
    Last,
}

/// When something happens: on some days of the week, or once on a date.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Repeating {
        days: Vec<Weekday>,
        every: Every,
        from: TimeOfDay,
        to: TimeOfDay,
    },
    Once {
        date: Date,
        from: TimeOfDay,
        to: TimeOfDay,
    },
}

impl Slot {
    pub fn times(&self) -> (TimeOfDay, TimeOfDay) {
        match self {
            Slot::Repeating { from, to, .. } | Slot::Once { from, to, .. } => (*from, *to),
        }
    }
}

/// A teaching block: school is open from `from` to `to`, both days included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Term {
    pub from: Date,
    pub to: Date,
}

/// Days every session is closed, such as bank holidays.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Closure {
    pub from: Date,
    pub to: Date,
    pub reason: Option<String>,
}

/// `content/terms.toml`: school terms and closures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Terms {
    pub terms: Vec<Term>,
    pub closed: Vec<Closure>,
}

impl Terms {
    pub fn in_term(&self, date: Date) -> bool {
        self.terms.iter().any(|t| t.from <= date && date <= t.to)
    }

    pub fn is_closed(&self, date: Date) -> bool {
        self.closed.iter().any(|c| c.from <= date && date <= c.to)
    }
}
