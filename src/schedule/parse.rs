//! Reading the written forms of times, days and repeats, with help for the usual mistakes.

use super::{Every, TimeOfDay};
use time::Weekday;

/// A problem with a written value: what is wrong, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub help: String,
}

fn problem(message: String, help: impl Into<String>) -> Problem {
    Problem {
        message,
        help: help.into(),
    }
}

/// Parses `HH:MM`, 24-hour, 00:00 to 23:59.
pub fn parse_time(s: &str) -> Result<TimeOfDay, Problem> {
    let bad = |help: String| problem(format!("\"{s}\" is not a time written as HH:MM"), help);
    let Some((h, m)) = s.trim().split_once(':') else {
        return Err(bad(
            "write the time with a colon, 24-hour, like \"09:30\" or \"14:00\"".into()
        ));
    };
    let digits = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || m.len() != 2 || !digits(m) {
        return Err(bad(
            "write the time as two digits, a colon and two digits, like \"09:30\"".into(),
        ));
    }
    let (hour, minute): (u8, u8) = match (h.parse(), m.parse()) {
        (Ok(h), Ok(m)) => (h, m),
        _ => return Err(bad("write the time like \"09:30\"".into())),
    };
    if hour > 23 || minute > 59 {
        return Err(problem(
            format!("\"{s}\" is not a time of day"),
            "times go from \"00:00\" to \"23:59\"; use the 24-hour clock, so 2pm is \"14:00\"",
        ));
    }
    if h.len() == 1 {
        return Err(bad(format!(
            "write the hour with two digits: \"{hour:02}:{minute:02}\""
        )));
    }
    Ok(TimeOfDay { hour, minute })
}

const DAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Parses an English day name in any case.
pub fn parse_day(s: &str) -> Result<Weekday, Problem> {
    let lower = s.trim().to_lowercase();
    if let Some((_, d)) = DAYS.iter().find(|(n, _)| *n == lower) {
        return Ok(*d);
    }
    let names: Vec<&str> = DAYS.iter().map(|(n, _)| *n).collect();
    let help = match crate::suggest::nearest(&lower, &names) {
        Some(n) => {
            format!("did you mean \"{n}\"? Days are written in full in English, like \"monday\"")
        }
        None => "days are written in full in English, like \"monday\" or \"saturday\"".into(),
    };
    Err(problem(format!("\"{s}\" is not a day of the week"), help))
}

/// Parses the `every` of a slot.
pub fn parse_every(s: &str) -> Result<Every, Problem> {
    Ok(match s.trim().to_lowercase().as_str() {
        "week" | "1 week" => Every::Week,
        "2 weeks" | "two weeks" | "fortnight" => Every::TwoWeeks,
        "first" => Every::Nth(1),
        "second" => Every::Nth(2),
        "third" => Every::Nth(3),
        "fourth" => Every::Nth(4),
        "last" => Every::Last,
        _ => {
            return Err(problem(
                format!("\"{s}\" is not a way a session can repeat"),
                "use \"week\", \"2 weeks\", or \"first\", \"second\", \"third\", \"fourth\" or \"last\" (of the month)",
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("09:30"), Ok(TimeOfDay { hour: 9, minute: 30 }));
        assert_eq!(parse_time("23:59").map(|t| t.minutes()), Ok(23 * 60 + 59));
        let e = parse_time("9:30").err().map(|p| p.help).unwrap_or_default();
        assert!(e.contains("\"09:30\""), "{e}");
        assert!(parse_time("24:00").is_err());
        assert!(parse_time("10.30").is_err());
        assert!(parse_time("10:3").is_err());
        assert!(parse_time("ten").is_err());
    }

    #[test]
    fn days_any_case_and_suggestions() {
        assert_eq!(parse_day("Monday"), Ok(Weekday::Monday));
        assert_eq!(parse_day("SATURDAY"), Ok(Weekday::Saturday));
        let e = parse_day("tusday").err().map(|p| p.help).unwrap_or_default();
        assert!(e.contains("\"tuesday\""), "{e}");
    }

    #[test]
    fn repeats() {
        assert_eq!(parse_every("2 weeks"), Ok(Every::TwoWeeks));
        assert_eq!(parse_every("Last"), Ok(Every::Last));
        assert!(parse_every("monthly").is_err());
    }
}
