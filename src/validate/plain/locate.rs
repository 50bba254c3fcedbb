//! Where a word found in a text value is written in its file, in one pass over the value however many words are
//! found in it.

use crate::diagnostics::Span;

/// How far past the expected place a word is looked for when it is not exactly there (an escape inside it, or a
/// markdown piece that does not read as it is written). Bounded, so a long text is never searched once per word.
const NEAR: usize = 256;

/// Walks a value and the text it was written as forward together. The value is what the TOML parser gave (escapes
/// such as `\"` undone, quotes gone); the written text is the value's span in the file. Positions asked for in
/// order cost one walk over the value in all: an earlier version counted the word's occurrences from the start for
/// every word found, so a 4 MB body with one long sentence a paragraph took a minute.
pub struct Locator<'a> {
    value: &'a str,
    written: &'a str,
    span: Span,
    /// The value is the written text itself (a markdown body below the `+++` line): positions are the same in both.
    same: bool,
    /// `\` starts an escape in the written text (a TOML string in double quotes).
    escapes: bool,
    start: usize,
    /// How far the walk has gone: a place in the value and the same place in the written text.
    at: (usize, usize),
}

impl<'a> Locator<'a> {
    /// A value whose span in `file_text` has its quotes around it.
    pub fn quoted(value: &'a str, file_text: &'a str, span: Span) -> Self {
        let written = file_text.get(span.start as usize..span.end as usize).unwrap_or("");
        let start = ["\"\"\"", "'''", "\"", "'"]
            .iter()
            .find(|q| written.starts_with(**q))
            .map_or(0, |q| q.len());
        // A line end straight after the opening quotes of a multi-line string is not part of the value.
        let start = match written.get(start..) {
            Some(rest) if start == 3 && rest.starts_with("\r\n") => start + 2,
            Some(rest) if start == 3 && rest.starts_with('\n') => start + 1,
            _ => start,
        };
        Locator {
            value,
            written,
            span,
            same: false,
            escapes: written.starts_with('"'),
            start,
            at: (0, start),
        }
    }

    /// A value that is a slice of its file, at `span`.
    pub fn exact(value: &'a str, file_text: &'a str, span: Span) -> Self {
        Locator {
            same: true,
            ..Locator::quoted(value, file_text, span)
        }
    }

    /// The span of `word`, which starts at `at` in the value. Falls back to the place the walk reached when the
    /// word is not written there as it reads.
    pub fn find(&mut self, at: usize, word: &str) -> Span {
        let pos = if self.same { at } else { self.walk_to(at) };
        let near = self.written.get(pos..).map_or("", |rest| {
            let mut end = NEAR.min(rest.len());
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            &rest[..end]
        });
        let (start, len) = match near.find(word) {
            Some(i) if !word.is_empty() => (pos + i, word.len()),
            _ => (pos, 0),
        };
        let start = self.span.start + start.min(self.written.len()) as u32;
        Span {
            file: self.span.file,
            start,
            end: start + len as u32,
        }
    }

    /// The place in the written text of a place in the value, walking on from the last one asked for (or from the
    /// start, if this one is before it).
    fn walk_to(&mut self, target: usize) -> usize {
        if target < self.at.0 {
            self.at = (0, self.start);
        }
        let (mut v, mut w) = self.at;
        while v < target {
            let (Some(c), Some(rest)) = (
                self.value.get(v..).and_then(|s| s.chars().next()),
                self.written.get(w..),
            ) else {
                break;
            };
            if self.escapes && rest.starts_with('\\') {
                let after = &rest[1..];
                match after.chars().next() {
                    // A `\` at the end of a line joins it to the next: the line end and the spaces after it are
                    // not in the value.
                    Some(n) if n.is_whitespace() => {
                        let gap = after.len() - after.trim_start().len();
                        w += 1 + gap;
                        continue;
                    }
                    Some('u') => w += 6,
                    Some('U') => w += 10,
                    Some('x') => w += 4,
                    Some(n) => w += 1 + n.len_utf8(),
                    None => w += 1,
                }
                v += c.len_utf8();
            } else if rest.starts_with(c) {
                v += c.len_utf8();
                w += c.len_utf8();
            } else if let Some(extra) = rest.chars().next() {
                // Written but not in the value (a `\r` before a line end): step over it.
                w += extra.len_utf8();
            } else {
                break;
            }
        }
        while w < self.written.len() && !self.written.is_char_boundary(w) {
            w += 1;
        }
        self.at = (v, w.min(self.written.len()));
        self.at.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::FileId;

    fn span_of(file: &str, value_start: &str) -> Span {
        let start = file.find(value_start).unwrap_or_default();
        let end = file[start..].find('\n').map_or(file.len(), |i| start + i);
        Span {
            file: FileId(0),
            start: start as u32,
            end: end as u32,
        }
    }

    fn written(file: &str, s: Span) -> &str {
        &file[s.start as usize..s.end as usize]
    }

    #[test]
    fn words_after_escapes_are_found_where_they_are_written() {
        let file = "title = \"Say \\\"hi\\\" to the \\u00e9 HV and \\\\ the HV\"\n";
        let value = "Say \"hi\" to the é HV and \\ the HV";
        let span = span_of(file, "\"Say");
        let mut l = Locator::quoted(value, file, span);
        let first = value.find("HV").unwrap_or_default();
        let last = value.rfind("HV").unwrap_or_default();
        let a = l.find(first, "HV");
        let b = l.find(last, "HV");
        assert_eq!(written(file, a), "HV");
        assert_eq!(written(file, b), "HV");
        assert!(a.start < b.start, "{a:?} {b:?}");
        // Asked again out of order, the walk starts again from the beginning.
        assert_eq!(l.find(first, "HV"), a);
    }

    #[test]
    fn a_literal_string_has_no_escapes_and_a_multi_line_string_drops_its_first_line_end() {
        let file = "a = 'C:\\path GP'\nb = \"\"\"\nline one \\\n    GP\"\"\"\n";
        let value = "C:\\path GP";
        let mut l = Locator::quoted(value, file, span_of(file, "'C:"));
        assert_eq!(written(file, l.find(8, "GP")), "GP");
        let span = Span {
            file: FileId(0),
            start: file.find("\"\"\"").unwrap_or_default() as u32,
            end: file.len() as u32 - 1,
        };
        let value = "line one GP";
        let s = Locator::quoted(value, file, span).find(9, "GP");
        assert_eq!(written(file, s), "GP");
        assert_eq!(s.start as usize, file.rfind("GP").unwrap_or_default());
    }
}
