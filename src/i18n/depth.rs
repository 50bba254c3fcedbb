//! A guard for Fluent files: brackets nested so deep that the Fluent parser, which calls itself for each, would run
//! out of stack and stop the program.

use std::borrow::Cow;

/// How deep `{` and `(` may nest in a message: real messages use two or three.
pub const MOST: usize = 20;

/// Whether the line starting at `at` begins an entry: a message, a term or a comment.
fn starts_entry(text: &str, at: usize) -> bool {
    text[at..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#')
}

/// The offset of the first bracket nested more than [`MOST`] deep, at or after `from`.
fn first_too_deep(text: &str, from: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut line_start) = (0usize, false, true);
    let mut chars = text[from..].char_indices().map(|(i, c)| (from + i, c));
    while let Some((i, c)) = chars.next() {
        let at_line_start = std::mem::replace(&mut line_start, c == '\n');
        match c {
            // A comment line, or a new entry once the brackets before it were left open: start again.
            _ if at_line_start && starts_entry(text, i) => {
                (depth, in_string) = (0, false);
                if c == '#' {
                    chars.find(|(_, c)| *c == '\n');
                    line_start = true;
                    continue;
                }
            }
            '\n' => in_string = false,
            '"' if depth > 0 => in_string = !in_string,
            '\\' if in_string => {
                chars.next();
            }
            _ if in_string => {}
            '{' => depth += 1,
            '(' if depth > 0 => depth += 1,
            '}' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MOST {
            return Some(i);
        }
    }
    None
}

/// Finds brackets nested too deep. Gives the offset of the first, and the text with each entry that has them
/// turned into spaces (of the same length in bytes, so every other offset stays), ready for the parser.
pub fn too_deep(text: &str) -> (Option<usize>, Cow<'_, str>) {
    let Some(first) = first_too_deep(text, 0) else {
        return (None, Cow::Borrowed(text));
    };
    let mut out = text.to_string();
    let mut at = Some(first);
    while let Some(i) = at {
        let mut start = text[..i].rfind('\n').map_or(0, |n| n + 1);
        while start > 0 && !starts_entry(text, start) {
            start = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        }
        let mut end = text[i..].find('\n').map_or(text.len(), |n| i + n + 1);
        while end < text.len() && !starts_entry(text, end) {
            end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
        }
        let blank: String = text[start..end]
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_string()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        out.replace_range(start..end, &blank);
        at = (end < text.len()).then(|| first_too_deep(text, end)).flatten();
    }
    (Some(first), Cow::Owned(out))
}

/// The start of the character at byte `at` of `text` (the end of the text if `at` is past it).
pub fn char_start(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// The end of the character that byte `at` of `text` is inside (`at` itself if it is between two).
pub fn char_end(text: &str, at: usize) -> usize {
    (at.min(text.len())..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_entry_nested_too_deep_is_blanked() {
        let deep = "{ ".repeat(MOST + 1);
        let text = format!("a = One\nb = {deep}\n  more\nc = {{ $n }} (fine)\n# {deep}\n");
        let (at, clean) = too_deep(&text);
        assert_eq!(at, text.find('{').map(|i| i + 2 * MOST));
        assert_eq!(clean.len(), text.len());
        assert!(clean.starts_with("a = One\n   "), "{clean}");
        assert!(clean.contains("\nc = { $n } (fine)\n# {"), "{clean}");
        let nested = format!("x = {{ {}", "F(".repeat(MOST + 1));
        assert!(too_deep(&nested).0.is_some());
        assert_eq!(
            too_deep("x = { \"((((((((((((((((((((((((\" }\ny = ((((((((((((((((((((((((\n").0,
            None
        );
    }

    #[test]
    fn places_snap_to_whole_characters() {
        let text = "\u{202E}ab";
        assert_eq!((char_start(text, 1), char_end(text, 1)), (0, 3));
        assert_eq!((char_start(text, 4), char_end(text, 4)), (4, 4));
        assert_eq!((char_start(text, 9), char_end(text, 9)), (5, 5));
    }
}
