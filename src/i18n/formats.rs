//! Weekday names, dates, times and digits for each language, from the CLDR data ICU4X compiles in.

use icu_calendar::Gregorian;
use icu_datetime::fieldsets::{E, M, T};
use icu_datetime::input::{Date as IcuDate, Time};
use icu_datetime::options::Alignment;
use icu_datetime::preferences::HourCycle;
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_locale_core::Locale;

use crate::content::ids::LangCode;
use crate::schedule::TimeOfDay;

/// The CLDR locale for a site language. A council in England writes English the British way: "24 November 2026".
fn locale(lang: &str) -> Locale {
    let tag = if lang == "en" { "en-GB" } else { lang };
    Locale::try_from_str(tag).unwrap_or(Locale::UNKNOWN)
}

/// The formatters for one language.
pub struct Formats {
    weekday: Option<FixedCalendarDateTimeFormatter<Gregorian, E>>,
    month: Option<FixedCalendarDateTimeFormatter<Gregorian, M>>,
    time: Option<NoCalendarFormatter<T>>,
    decimal: Option<DecimalFormatter>,
    /// Digits without thousands separators, for days and years: 2026, not 2,026.
    digits: Option<DecimalFormatter>,
}

impl Formats {
    /// A language without data falls back to CLDR's root forms; a formatter that cannot be made at all falls back
    /// to plain ISO forms, so a page always says something.
    pub fn new(lang: &LangCode) -> Formats {
        let locale = locale(lang.as_str());
        let prefs = DateTimeFormatterPreferences::from(&locale);
        let mut time_prefs = prefs;
        // Timetables in 24-hour time for everyone, as the design asks; the hour is zero-padded: 09:30.
        time_prefs.hour_cycle = Some(HourCycle::H23);
        Formats {
            weekday: FixedCalendarDateTimeFormatter::try_new(prefs, E::long()).ok(),
            month: FixedCalendarDateTimeFormatter::try_new(prefs, M::long()).ok(),
            time: NoCalendarFormatter::try_new(time_prefs, T::hm().with_alignment(Alignment::Column)).ok(),
            decimal: DecimalFormatter::try_new(DecimalFormatterPreferences::from(&locale), Default::default()).ok(),
            digits: DecimalFormatter::try_new(DecimalFormatterPreferences::from(&locale), {
                let mut o = DecimalFormatterOptions::default();
                o.grouping_strategy = Some(GroupingStrategy::Never);
                o
            })
            .ok(),
        }
    }

    fn icu_date(d: time::Date) -> Option<IcuDate<Gregorian>> {
        IcuDate::try_new_gregorian(d.year(), u8::from(d.month()), d.day()).ok()
    }

    /// "Tuesday", "মঙ্গলবার", "Talaado".
    pub fn weekday(&self, d: time::Date) -> String {
        match (&self.weekday, Self::icu_date(d)) {
            (Some(f), Some(date)) => f.format(&date).to_string(),
            _ => d.weekday().to_string(),
        }
    }

    /// The parts of a date in the language's own digits and month name: ("24", "November", "2026"). Each
    /// language's Fluent `date-long` puts them in its own order, since CLDR's Somali order is not the one
    /// Somali readers in England expect.
    pub fn date_parts(&self, d: time::Date) -> (String, String, String) {
        let month = match (&self.month, Self::icu_date(d)) {
            (Some(f), Some(date)) => f.format(&date).to_string(),
            _ => d.month().to_string(),
        };
        (self.whole(i64::from(d.day())), month, self.whole(i64::from(d.year())))
    }

    /// A whole number in the language's digits, with no thousands separator.
    pub fn whole(&self, n: i64) -> String {
        match &self.digits {
            Some(f) => f.format(&Decimal::from(n)).to_string(),
            None => n.to_string(),
        }
    }

    /// "09:30", "০৯:৩০".
    pub fn time(&self, t: TimeOfDay) -> String {
        match (&self.time, Time::try_new(t.hour, t.minute, 0, 0)) {
            (Some(f), Ok(time)) => f.format(&time).to_string(),
            _ => t.to_string(),
        }
    }

    /// A number in the language's own digits; `ascii` is a plain decimal such as `12` or `2.50`.
    pub fn number(&self, ascii: &str) -> String {
        match (&self.decimal, Decimal::try_from_str(ascii)) {
            (Some(f), Ok(n)) => f.format(&n).to_string(),
            _ => ascii.to_string(),
        }
    }
}

/// The number formatter Fluent bundles keep, one per language, so `{ $count }` shows in the reader's digits.
pub struct FluentDecimal(DecimalFormatter);

impl intl_memoizer::Memoizable for FluentDecimal {
    /// Whether to group thousands ("1,000").
    type Args = (bool,);
    type Error = String;

    fn construct(lang: unic_langid::LanguageIdentifier, (grouping,): Self::Args) -> Result<Self, Self::Error> {
        let mut options = DecimalFormatterOptions::default();
        if !grouping {
            options.grouping_strategy = Some(GroupingStrategy::Never);
        }
        DecimalFormatter::try_new(DecimalFormatterPreferences::from(&locale(&lang.to_string())), options)
            .map(FluentDecimal)
            .map_err(|e| e.to_string())
    }
}

/// Formats the numbers Fluent places in messages; plural selection still sees the number itself.
pub fn fluent_number(
    value: &fluent_bundle::FluentValue<'_>,
    intls: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let fluent_bundle::FluentValue::Number(n) = value else {
        return None;
    };
    let decimal = Decimal::try_from_str(&n.as_string()).ok()?;
    intls
        .with_try_get::<FluentDecimal, _, _>((n.options.use_grouping,), |f| f.0.format(&decimal).to_string())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_times_and_digits_in_each_language() {
        let day = date!(2026 - 11 - 24);
        let nine = TimeOfDay { hour: 9, minute: 5 };
        let evening = TimeOfDay { hour: 17, minute: 30 };
        let parts = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        let en = Formats::new(&LangCode::new("en"));
        assert_eq!(en.weekday(day), "Tuesday");
        assert_eq!(en.date_parts(day), parts("24", "November", "2026"));
        assert_eq!((en.time(nine), en.time(evening)), ("09:05".into(), "17:30".into()));
        let bn = Formats::new(&LangCode::new("bn"));
        assert_eq!(bn.weekday(day), "মঙ্গলবার");
        assert_eq!(bn.date_parts(day), parts("২৪", "নভেম্বর", "২০২৬"));
        assert_eq!((bn.time(nine), bn.time(evening)), ("০৯:০৫".into(), "১৭:৩০".into()));
        assert_eq!((bn.number("2.50"), bn.whole(12_345)), ("২.৫০".into(), "১২৩৪৫".into()));
        let so = Formats::new(&LangCode::new("so"));
        assert_eq!(so.weekday(day), "Talaado");
        assert_eq!(so.date_parts(day), parts("24", "Noofeembar", "2026"));
        assert_eq!(so.time(evening), "17:30");
    }
}
