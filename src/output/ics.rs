//! iCalendar (RFC 5545) text: escaped values, lines folded at 75 octets, CRLF endings, and the London time zone.

use time::Date;

use crate::schedule::TimeOfDay;
use crate::schedule::recur::{Series, london_to_utc};

/// A calendar file being written, one content line at a time.
#[derive(Default)]
pub struct Ics {
    out: String,
}

/// Europe/London with its summer-time rules, so every time in the file is the local time families see.
const LONDON: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// `20261124T100000`: a local date and time.
pub fn local(d: Date, t: TimeOfDay) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}00",
        d.year(),
        u8::from(d.month()),
        d.day(),
        t.hour,
        t.minute
    )
}

/// `20261123T000000Z`: midnight UTC on a day, for `DTSTAMP`.
pub fn utc_midnight(d: Date) -> String {
    format!("{:04}{:02}{:02}T000000Z", d.year(), u8::from(d.month()), d.day())
}

impl Ics {
    /// Starts a calendar with its name and the London time zone.
    pub fn new(name: &str) -> Ics {
        let mut ics = Ics::default();
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//hubsite//hubsite//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ] {
            ics.line(line);
        }
        ics.line(&format!("X-WR-CALNAME:{}", text(name)));
        ics.line("X-WR-TIMEZONE:Europe/London");
        for line in LONDON {
            ics.line(line);
        }
        ics
    }

    /// Adds one content line, folded so no line is longer than 75 octets: a fold never splits a character.
    pub fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.out.push_str("\r\n ");
                // The space that starts a continuation line counts towards its 75.
                width = 1;
            }
            self.out.push(c);
            width += len;
        }
        self.out.push_str("\r\n");
    }

    /// Adds one event: a series of a session, with what families see of it.
    pub fn event(&mut self, uid: &str, stamp: Date, series: &Series, about: &[(String, String)]) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{uid}"));
        self.line(&format!("DTSTAMP:{}", utc_midnight(stamp)));
        self.line(&format!(
            "DTSTART;TZID=Europe/London:{}",
            local(series.first, series.from)
        ));
        self.line(&format!("DTEND;TZID=Europe/London:{}", local(series.first, series.to)));
        if let Some(rule) = &series.rule {
            let mut rrule = format!("RRULE:FREQ={}", rule.freq.as_str());
            if rule.interval > 1 {
                rrule.push_str(&format!(";INTERVAL={}", rule.interval));
            }
            if let Some(until) = series.until {
                // With a zoned start, UNTIL must be in UTC: the start time on the last day.
                let u = london_to_utc(until, series.from);
                rrule.push_str(&format!(
                    ";UNTIL={:04}{:02}{:02}T{:02}{:02}00Z",
                    u.year(),
                    u8::from(u.month()),
                    u.day(),
                    u.hour(),
                    u.minute()
                ));
            }
            rrule.push_str(&format!(";BYDAY={}", rule.byday()));
            self.line(&rrule);
            if !series.skipped.is_empty() {
                let dates: Vec<String> = series.skipped.iter().map(|d| local(*d, series.from)).collect();
                self.line(&format!("EXDATE;TZID=Europe/London:{}", dates.join(",")));
            }
        }
        for (name, value) in about {
            self.line(&format!("{name}:{value}"));
        }
        self.line("END:VEVENT");
    }

    /// Adds lines that are already folded, such as the events of another `Ics`.
    pub fn raw(&mut self, lines: &str) {
        self.out.push_str(lines);
    }

    /// The lines written so far, without the calendar around them: one session's events.
    pub fn fragment(self) -> String {
        self.out
    }

    pub fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut ics = Ics::default();
        let title = format!("SUMMARY:{}", "শিশুর ম্যাসাজ ".repeat(10));
        ics.line(&title);
        for line in ics.out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.out.replace("\r\n ", "");
        assert_eq!(unfolded.strip_suffix("\r\n"), Some(title.as_str()));
    }

    #[test]
    fn text_values_escape_separators() {
        assert_eq!(text("Tea, cake; and\\more\nnext"), "Tea\\, cake\\; and\\\\more\\nnext");
    }
}
