//! What a problem prints, kept short whatever the file: the source line cut to a window around the column, long
//! quotes of the user's text cut to their start, and one line for the warnings of a kind left out of a file.

use std::borrow::Cow;

use super::SourceFile;

/// The most characters of a source line shown under a problem, not counting the `...` marks.
const WINDOW: usize = 120;
/// How many of those come before the column, when the line is cut.
const BEFORE: usize = 40;
/// A message or help longer than this has its long quotes cut.
const LONG_MESSAGE: usize = 300;
/// A quote of the user's text longer than this many characters is cut to [`QUOTE_KEPT`] of them.
const LONG_QUOTE: usize = 60;
const QUOTE_KEPT: usize = 50;
/// After cutting quotes, a message is kept to about this many characters.
const MOST_MESSAGE: usize = 400;

/// Warnings of one kind shown for one file before the rest are counted instead of shown. Errors are all shown.
pub const SIMILAR_SHOWN: usize = 20;

/// The part of a source line shown under a problem: the text, how many characters the caret is in from the start
/// of it, and how many carets. `line` is 1-based; `start..end` the span in bytes. A line longer than [`WINDOW`]
/// characters is cut around the span, with `...` where it was cut; only the part shown is ever read.
pub(super) fn snippet(file: &SourceFile, line: usize, start: usize, end: usize) -> (String, usize, usize) {
    let (line_start, line_end) = file.line_bounds(line);
    let text = &file.text;
    let start = file.floor(start).clamp(line_start, line_end);
    // The caret covers the span, but never past the end of the line it starts on.
    let end = file.floor(end).clamp(start, line_end);
    let back = |from: usize, n: usize| -> (usize, usize) {
        let before = text.get(line_start..from).unwrap_or("");
        before
            .char_indices()
            .rev()
            .take(n)
            .fold((from, 0), |(_, k), (i, _)| (line_start + i, k + 1))
    };
    let (mut from, mut before) = back(start, BEFORE);
    let ahead = text.get(start..line_end).unwrap_or("");
    let (to, after) = ahead
        .char_indices()
        .take(WINDOW - before)
        .fold((start, 0), |(_, k), (i, c)| (start + i + c.len_utf8(), k + 1));
    // Near the end of the line, the window shows more of what comes before.
    if to == line_end && before + after < WINDOW && from > line_start {
        let (further, more) = back(from, WINDOW - before - after);
        from = further;
        before += more;
    }
    let mut shown = String::new();
    let mut indent = before;
    if from > line_start {
        shown.push_str("...");
        indent += 3;
    }
    shown.push_str(text.get(from..to).unwrap_or(""));
    if to < line_end {
        shown.push_str("...");
    }
    let carets = text.get(start..end.min(to)).map_or(0, |s| s.chars().count()).max(1);
    (shown, indent, carets)
}

/// A message or help as printed: when it is long, each quote in it of more than [`LONG_QUOTE`] characters is cut to
/// its start, and what is still too long is cut in the middle, so a value pasted by mistake (a whole page in a
/// postcode field) does not fill the screen.
pub fn bounded(text: &str) -> Cow<'_, str> {
    if text.len() <= LONG_MESSAGE {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    for (k, part) in text.split('"').enumerate() {
        if k > 0 {
            out.push('"');
        }
        // Every other part is between quotes.
        if k % 2 == 1 && part.chars().count() > LONG_QUOTE {
            out.extend(part.chars().take(QUOTE_KEPT));
            out.push_str("...");
        } else {
            out.push_str(part);
        }
    }
    let n = out.chars().count();
    if n > MOST_MESSAGE {
        let head: String = out.chars().take(MOST_MESSAGE - 100).collect();
        let tail: String = out.chars().skip(n - 100).collect();
        out = format!("{head} ... {tail}");
    }
    Cow::Owned(out)
}

/// The line that stands for the warnings of one kind left out of a file.
pub(super) fn more(path: &str, code: &str, left_out: usize) -> String {
    let one = left_out == 1;
    let what = match code {
        "long-sentence" => {
            let n = crate::validate::plain::scan::LONGEST_SENTENCE;
            format!("{} longer than {n} words", if one { "sentence" } else { "sentences" })
        }
        "acronym" => (if one { "acronym" } else { "acronyms" }).to_string(),
        "institutional-word" => (if one { "word for staff" } else { "words for staff" }).to_string(),
        "raw-html" => (if one { "piece of HTML" } else { "pieces of HTML" }).to_string(),
        _ => format!("{} like these ({code})", if one { "warning" } else { "warnings" }),
    };
    format!(
        "{path}: ... and {} more {what} in this file\n  = help: only the first {SIMILAR_SHOWN} are shown; \
         fix those and check again, or run `hubsite check --format json` to list them all\n",
        thousands(left_out)
    )
}

/// A count with commas between thousands: 1,234.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_the_column_on_character_boundaries() {
        let word = "শিশু ";
        let line = format!("{}HV{}", word.repeat(100), word.repeat(100));
        let file = SourceFile::new("a.md".into(), format!("+++\n{line}\n"));
        let at = file.text.find("HV").unwrap_or_default();
        let (shown, indent, carets) = snippet(&file, 2, at, at + 2);
        assert!(shown.starts_with("...") && shown.ends_with("..."), "{shown}");
        assert_eq!(shown.chars().count(), WINDOW + 6);
        let under: String = shown.chars().skip(indent).take(carets).collect();
        assert_eq!(under, "HV");
        // Near the end of the line, the window keeps its width by showing more before.
        let end = file.text.len() - 1;
        let (shown, indent, _) = snippet(&file, 2, end - 1, end);
        assert!(shown.starts_with("...") && !shown.ends_with("..."), "{shown}");
        assert_eq!(shown.chars().count(), WINDOW + 3);
        assert_eq!(shown.chars().nth(indent), Some(' '));
        // A short line is shown whole.
        let file = SourceFile::new("b.md".into(), "from = \"9:30\"".into());
        assert_eq!(snippet(&file, 1, 7, 13), ("from = \"9:30\"".to_string(), 7, 6));
    }

    #[test]
    fn long_quotes_in_a_message_are_cut_to_their_start() {
        let value = "E".repeat(10_000);
        let message = format!("\"{value}\" is not a UK postcode");
        let shown = bounded(&message);
        assert_eq!(shown, format!("\"{}...\" is not a UK postcode", "E".repeat(QUOTE_KEPT)));
        let unquoted = format!("this links to {value}, but there is no page called it");
        let shown = bounded(&unquoted);
        assert!(shown.chars().count() <= MOST_MESSAGE + 5, "{shown}");
        assert!(shown.ends_with("but there is no page called it"), "{shown}");
        assert_eq!(bounded("short"), "short");
    }

    #[test]
    fn counts_have_commas_between_thousands() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1234), "1,234");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
