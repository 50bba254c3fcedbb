//! Addresses (web, email, phone) refused when they hold a character no one can see, reported at that character.

use std::ops::Range;

use super::fields::Ctx;
use super::values;
use crate::diagnostics::{Sp, Span};
use crate::schedule::parse::Problem;

/// The diagnostic code of a hidden character in an address.
pub const CODE: &str = "invisible-character";

/// What is wrong with a character in an address, in plain words, or `None` when it may be there. An ordinary space
/// is left to each address's own check: a phone number may have spaces.
pub fn hidden(c: char) -> Option<String> {
    let code = format!("U+{:04X}", u32::from(c));
    let invisible = |name: &str| Some(format!("an invisible character ({name}, {code})"));
    let direction = |name: &str| {
        Some(format!(
            "an invisible character that changes the direction of text ({name}, {code})"
        ))
    };
    match c {
        ' ' => None,
        '\t' => Some(format!("a tab ({code})")),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(format!("a line break ({code})")),
        _ if c.is_control() => Some(format!("a control character ({code})")),
        '\u{00A0}' | '\u{202F}' => Some(format!(
            "a space that is not an ordinary space (no-break space, {code})"
        )),
        _ if c.is_whitespace() => Some(format!("a space that is not an ordinary space ({code})")),
        '\u{00AD}' => invisible("soft hyphen"),
        '\u{200B}' => invisible("zero width space"),
        '\u{200C}' => invisible("zero width non-joiner"),
        '\u{200D}' => invisible("zero width joiner"),
        '\u{2060}' => invisible("word joiner"),
        '\u{FEFF}' => invisible("byte order mark"),
        '\u{200E}' => direction("left-to-right mark"),
        '\u{200F}' => direction("right-to-left mark"),
        '\u{061C}' => direction("Arabic letter mark"),
        '\u{202A}' => direction("left-to-right embedding"),
        '\u{202B}' => direction("right-to-left embedding"),
        '\u{202C}' => direction("pop directional formatting"),
        '\u{202D}' => direction("left-to-right override"),
        '\u{202E}' => direction("right-to-left override"),
        '\u{2066}' => direction("left-to-right isolate"),
        '\u{2067}' => direction("right-to-left isolate"),
        '\u{2068}' => direction("first strong isolate"),
        '\u{2069}' => direction("pop directional isolate"),
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => invisible("variation selector"),
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => invisible("Hangul filler"),
        '\u{2800}' => invisible("blank braille pattern"),
        // The rest of Unicode's format characters (category Cf), and the combining grapheme joiner.
        '\u{034F}'
        | '\u{0600}'..='\u{0605}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{180E}'
        | '\u{2061}'..='\u{2064}'
        | '\u{206A}'..='\u{206F}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}' => invisible("format character"),
        _ => None,
    }
}

/// Whether `c` takes no room on screen, or turns the text around it (tabs, line breaks and spaces are seen as space).
pub fn unseen(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && hidden(c).is_some()
}

/// The first character of `s` that may not be in an address: its byte offset, the character and what it is.
pub fn find(s: &str) -> Option<(usize, char, String)> {
    s.char_indices().find_map(|(i, c)| hidden(c).map(|why| (i, c, why)))
}

/// The problem of a hidden character in an address; `what` is the kind of address, such as "web address".
pub fn problem(why: &str, what: &str) -> Problem {
    Problem {
        message: format!("there is {why} in this {what}"),
        help: format!(
            "it probably came in when the {what} was copied and pasted: delete the whole {what} and type it again"
        ),
    }
}

/// The kinds of address, each with its own check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Address {
    Web,
    Email,
    Phone,
    /// A partner site's origin in `[embed] allow_origins`.
    Origin,
}

impl Address {
    fn words(self) -> &'static str {
        match self {
            Address::Web | Address::Origin => "web address",
            Address::Email => "email address",
            Address::Phone => "phone number",
        }
    }

    fn code(self) -> &'static str {
        match self {
            Address::Web | Address::Origin => "bad-url",
            Address::Email => "bad-email",
            Address::Phone => "bad-phone",
        }
    }

    fn check(self, s: &str) -> Result<String, Problem> {
        match self {
            Address::Web => values::url(s),
            Address::Email => values::email(s),
            Address::Phone => values::phone(s),
            Address::Origin => values::origin(s),
        }
    }
}

/// Reads an address written at `s`: a hidden character is reported at its own column; otherwise the address's own
/// check decides, and its problem is reported at the value.
pub fn read(ctx: &Ctx, s: Sp<&str>, kind: Address) -> Option<String> {
    if let Some((at, c, why)) = find(s.value) {
        ctx.problem(CODE, char_span(ctx, &s, at, c), problem(&why, kind.words()));
        return None;
    }
    match kind.check(s.value) {
        Ok(v) => Some(v),
        Err(p) => {
            ctx.problem(kind.code(), s.span, p);
            None
        }
    }
}

/// Where the character at byte `at` of the value `s` is in the file. A value with no escapes is a slice of the
/// file; otherwise the value is read again as written, so an escape such as `\u200B` is pointed at too.
fn char_span(ctx: &Ctx, s: &Sp<&str>, at: usize, c: char) -> Span {
    let here = |r: Range<usize>| Span {
        file: s.span.file,
        start: r.start as u32,
        end: r.end as u32,
    };
    if let Some(start) = ctx.offset_of(s.value) {
        return here(start + at..start + at + c.len_utf8());
    }
    let Some(written) = ctx.raw(s.span).and_then(as_written) else {
        return s.span;
    };
    if written.iter().map(|(c, _)| *c).ne(s.value.chars()) {
        return s.span;
    }
    let nth = s.value[..at].chars().count();
    let start = s.span.start as usize;
    written
        .get(nth)
        .map_or(s.span, |(_, r)| here(start + r.start..start + r.end))
}

/// Each character of a TOML string written as `raw` (quotes included), with the bytes of `raw` it was written in:
/// an escape such as `\u200B` is one character. `None` if it is not a string as TOML writes one.
fn as_written(raw: &str) -> Option<Vec<(char, Range<usize>)>> {
    let (quote, literal) = [("\"\"\"", false), ("'''", true), ("\"", false), ("'", true)]
        .into_iter()
        .find(|(q, _)| raw.starts_with(q) && raw.len() >= 2 * q.len() && raw.ends_with(q))?;
    let mut from = quote.len();
    let end = raw.len() - quote.len();
    // A line break straight after the opening quotes of a multi-line string is not part of it.
    if quote.len() == 3 {
        from += [("\r\n", 2), ("\n", 1)]
            .into_iter()
            .find(|(nl, _)| raw[from..].starts_with(nl))
            .map_or(0, |(_, n)| n);
    }
    let body = raw.get(from..end)?;
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' || literal {
            out.push((c, from + i..from + i + c.len_utf8()));
            continue;
        }
        let (_, e) = chars.next()?;
        let simple = match e {
            'b' => Some('\u{8}'),
            't' => Some('\t'),
            'n' => Some('\n'),
            'f' => Some('\u{c}'),
            'r' => Some('\r'),
            'e' => Some('\u{1b}'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            _ => None,
        };
        let decoded = match (simple, e) {
            (Some(d), _) => d,
            (None, 'x' | 'u' | 'U') => {
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex = body.get(i + 2..i + 2 + digits)?;
                for _ in 0..digits {
                    chars.next();
                }
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            // A backslash at the end of a line in a multi-line string joins it to the next, without the spaces.
            (None, w) if w.is_whitespace() => {
                while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                continue;
            }
            _ => return None,
        };
        let stop = chars.peek().map_or(body.len(), |(j, _)| *j);
        out.push((decoded, from + i..from + stop));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_named() {
        assert_eq!(
            hidden('\u{200B}').as_deref(),
            Some("an invisible character (zero width space, U+200B)")
        );
        assert_eq!(
            hidden('\u{202E}').as_deref(),
            Some("an invisible character that changes the direction of text (right-to-left override, U+202E)")
        );
        assert_eq!(hidden('\t').as_deref(), Some("a tab (U+0009)"));
        assert!(hidden('\u{00AD}').is_some() && hidden('\u{E0041}').is_some() && hidden('\u{3000}').is_some());
        for fine in [' ', 'a', '@', '/', '+', 'শ', '১'] {
            assert_eq!(hidden(fine), None, "{fine}");
        }
    }

    #[test]
    fn escapes_are_one_character_where_they_are_written() {
        let written = as_written(r#""a\u200Bb\"c""#).unwrap_or_default();
        let got: Vec<(char, Range<usize>)> = written;
        assert_eq!(
            got,
            vec![
                ('a', 1..2),
                ('\u{200B}', 2..8),
                ('b', 8..9),
                ('"', 9..11),
                ('c', 11..12)
            ]
        );
        let multi = as_written("\"\"\"\nx\\\n   y\"\"\"").unwrap_or_default();
        assert_eq!(multi, vec![('x', 4..5), ('y', 10..11)]);
        let literal = as_written(r"'a\u'").unwrap_or_default();
        assert_eq!(literal.len(), 3);
        assert_eq!(as_written("\"a\\q\""), None);
        assert_eq!(as_written("\"a\\u20\""), None);
    }
}
