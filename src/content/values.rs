//! Checks and normal forms for single values: postcodes, phone numbers, emails, web addresses, ages.

use crate::schedule::parse::Problem;

fn problem(message: String, help: impl Into<String>) -> Problem {
    Problem {
        message,
        help: help.into(),
    }
}

/// A UK postcode in its normal form, such as `E2 9LJ`.
pub fn postcode(s: &str) -> Result<String, Problem> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let bytes = compact.as_bytes();
    let ok = (5..=7).contains(&bytes.len()) && {
        let (outward, inward) = bytes.split_at(bytes.len() - 3);
        let letters = outward.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let rest = &outward[letters..];
        (1..=2).contains(&letters)
            && !rest.is_empty()
            && rest[0].is_ascii_digit()
            && rest[1..].iter().all(|b| b.is_ascii_alphanumeric())
            && rest.len() <= 2
            && inward[0].is_ascii_digit()
            && inward[1..]
                .iter()
                .all(|b| b.is_ascii_uppercase() && !b"CIKMOV".contains(b))
    };
    if !ok {
        return Err(problem(
            format!("\"{s}\" is not a UK postcode"),
            "write the full postcode, like \"E2 9LJ\" or \"SW1A 1AA\"",
        ));
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    Ok(format!("{outward} {inward}"))
}

/// A UK phone number: 10 or 11 digits starting with 0, or `+44` and the number without its 0.
pub fn phone(s: &str) -> Result<String, Problem> {
    let trimmed = s.trim();
    let spaced_ok = trimmed.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '+');
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let ok = spaced_ok
        && if let Some(rest) = trimmed.strip_prefix("+44") {
            !rest.contains('+')
                && (9..=10).contains(&digits.len().saturating_sub(2))
                && !rest.trim_start().starts_with('0')
        } else {
            !trimmed.contains('+') && digits.starts_with('0') && (10..=11).contains(&digits.len())
        };
    if ok {
        Ok(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Err(problem(
            format!("\"{s}\" is not a UK phone number"),
            "write 10 or 11 digits starting with 0, with spaces if you like, such as \"020 7946 0123\", or \"+44 20 7946 0123\"",
        ))
    }
}

pub fn email(s: &str) -> Result<String, Problem> {
    let t = s.trim();
    let ok = match t.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !t.chars().any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        }
        None => false,
    };
    if ok {
        Ok(t.to_string())
    } else {
        Err(problem(
            format!("\"{s}\" is not an email address"),
            "write it like \"name@example.org\": one @, and a dot in the part after it",
        ))
    }
}

/// A site's origin for `[embed] allow_origins`: the scheme and host (and port), nothing after; a trailing `/` is
/// dropped. A path, query or anything a browser's frame rules cannot take would make partners' frames fail.
pub fn origin(s: &str) -> Result<String, Problem> {
    let u = url(s)?;
    let trimmed = u.trim_end_matches('/');
    let host = trimmed.split_once("://").map_or("", |(_, h)| h);
    let ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':');
    if ok {
        Ok(trimmed.to_string())
    } else {
        let example = trimmed
            .split_once("://")
            .map(|(scheme, rest)| {
                format!(
                    "{scheme}://{}",
                    rest.split(['/', '?', '#', ';', ',']).next().unwrap_or("")
                )
            })
            .unwrap_or_default();
        Err(problem(
            format!("\"{s}\" is not a site's origin: only the start of the address, up to the host, can be allowed"),
            format!("write only the scheme and host, like \"{example}\""),
        ))
    }
}

pub fn url(s: &str) -> Result<String, Problem> {
    let t = s.trim();
    let rest = t.strip_prefix("https://").or_else(|| t.strip_prefix("http://"));
    let ok = rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
    });
    if ok {
        Ok(t.to_string())
    } else {
        Err(problem(
            format!("\"{s}\" is not a web address that starts with https:// or http://"),
            "write the whole address, like \"https://example.org/page\"",
        ))
    }
}

/// An age limit: before birth, or an age in whole months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Age {
    Pregnancy,
    Months(u16),
}

impl Age {
    pub const BIRTH: Age = Age::Months(0);
}

/// Parses `"pregnancy"`, `"birth"`, `"N months"` or `"N years"`.
pub fn age(s: &str) -> Result<Age, Problem> {
    let t = s.trim().to_lowercase();
    match t.as_str() {
        "pregnancy" => return Ok(Age::Pregnancy),
        "birth" | "0 months" => return Ok(Age::BIRTH),
        _ => {}
    }
    let bad = || {
        problem(
            format!("\"{s}\" is not an age"),
            "write \"pregnancy\", \"birth\", a number of months like \"6 months\", or of years like \"5 years\"",
        )
    };
    let (n, unit) = t.split_once(' ').ok_or_else(bad)?;
    let n: u16 = n.parse().map_err(|_| bad())?;
    let months = match unit.trim() {
        "month" | "months" => n,
        "year" | "years" if n <= 100 => n * 12,
        _ => return Err(bad()),
    };
    Ok(Age::Months(months))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_only_a_scheme_and_host() {
        assert_eq!(
            origin("https://partner.example/").ok().as_deref(),
            Some("https://partner.example")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080").ok().as_deref(),
            Some("http://127.0.0.1:8080")
        );
        let p = origin("https://partner.example/hubs/").err().map(|p| p.help);
        assert_eq!(
            p.as_deref(),
            Some("write only the scheme and host, like \"https://partner.example\"")
        );
        assert!(origin("https://p.example;sandbox").is_err());
        assert!(origin("https://p.example?x=1").is_err());
        assert!(origin("partner.example").is_err());
    }

    #[test]
    fn postcodes() {
        assert_eq!(postcode("e29lj").ok().as_deref(), Some("E2 9LJ"));
        assert_eq!(postcode(" sw1a  1aa ").ok().as_deref(), Some("SW1A 1AA"));
        assert_eq!(postcode("EB1 4AA").ok().as_deref(), Some("EB1 4AA"));
        assert_eq!(postcode("M1 1AE").ok().as_deref(), Some("M1 1AE"));
        assert!(postcode("E2 9LI").is_err());
        assert!(postcode("12345").is_err());
        assert!(postcode("E2").is_err());
        assert!(postcode("ABC1 1AA").is_err());
    }

    #[test]
    fn phones() {
        assert_eq!(phone("020 7946 0123").ok().as_deref(), Some("020 7946 0123"));
        assert!(phone("+44 20 7946 0123").is_ok());
        assert!(phone("0800 123 456").is_ok());
        assert!(phone("7946 0123").is_err());
        assert!(phone("020-7946-0123").is_err());
        assert!(phone("+44 020 7946 0123").is_err());
        assert!(phone("call us").is_err());
    }

    #[test]
    fn emails_and_urls() {
        assert!(email("hub@eastbrook.example").is_ok());
        assert!(email("hub@localhost").is_err());
        assert!(email("a@b@c.org").is_err());
        assert!(email("hub eastbrook.example").is_err());
        assert!(url("https://eastbrook.example/x").is_ok());
        assert!(url("http://eastbrook.example").is_ok());
        assert!(url("javascript:alert(1)").is_err());
        assert!(url("www.eastbrook.example").is_err());
        assert!(url("https://").is_err());
    }

    #[test]
    fn ages() {
        assert_eq!(age("pregnancy").ok(), Some(Age::Pregnancy));
        assert_eq!(age("Birth").ok(), Some(Age::BIRTH));
        assert_eq!(age("1 month").ok(), Some(Age::Months(1)));
        assert_eq!(age("5 years").ok(), Some(Age::Months(60)));
        assert!(Age::Pregnancy < Age::BIRTH);
        assert!(age("five years").is_err());
        assert!(age("6 weeks").is_err());
    }
}
