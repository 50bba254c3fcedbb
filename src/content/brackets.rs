//! Finds a bracket left open in an entry's fields: the usual cause of a run of "not valid" lines after it.

/// Where a `[` or `{` is still open when a line starts a new field (`name = …`), as byte offsets into `toml`: the
/// bracket, and the start of that line. Text in quotes and comments is skipped.
pub fn left_open(toml: &str) -> Option<(usize, usize)> {
    let bytes = toml.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        if line_start {
            line_start = false;
            let indent = toml[i..].len() - toml[i..].trim_start_matches([' ', '\t']).len();
            if let Some(&bracket) = open.last()
                && starts_field(&toml[i + indent..])
            {
                return Some((bracket, i));
            }
        }
        match bytes[i] {
            b'\n' => line_start = true,
            b'#' => i = toml[i..].find('\n').map_or(bytes.len(), |n| i + n) - 1,
            quote @ (b'"' | b'\'') => i = string_end(toml, i, quote) - 1,
            b'[' | b'{' => open.push(i),
            b']' | b'}' => drop(open.pop()),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether a line starts with a field's name and `=`.
fn starts_field(line: &str) -> bool {
    let name = line
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    name > 0 && line[name..].trim_start_matches([' ', '\t']).starts_with('=')
}

/// The offset just after the string that starts at `at` with `quote`: a triple-quoted one may span lines, and only
/// a double-quoted one has escapes. An unclosed string on one line ends at the line's end.
fn string_end(toml: &str, at: usize, quote: u8) -> usize {
    let q = quote as char;
    let triple: String = [q, q, q].iter().collect();
    if toml[at..].starts_with(&triple) {
        let body = at + 3;
        return toml[body..].find(&triple).map_or(toml.len(), |n| body + n + 3);
    }
    let bytes = toml.as_bytes();
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\n' => return i,
            b if b == quote => return i + 1,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_or_table_not_closed_before_the_next_field_is_found() {
        let toml = "title = \"A [b]\"\nwhen = [\n  { days = [\"friday\"] },\ncost = \"free\"\n";
        let (bracket, line) = left_open(toml).expect("left open");
        assert_eq!(&toml[bracket..bracket + 1], "[");
        assert_eq!(toml[..bracket].lines().count(), 2, "on the second line");
        assert!(toml[line..].starts_with("cost"));

        let toml = "ages = { from = \"birth\", to = \"6 months\"\nfor = [\"parents\"]\n";
        let (bracket, line) = left_open(toml).expect("left open");
        assert_eq!(&toml[bracket..bracket + 1], "{");
        assert!(toml[line..].starts_with("for"));
    }

    #[test]
    fn brackets_in_text_and_comments_and_lists_over_lines_are_not_mistaken() {
        for toml in [
            "title = \"Songs [and] rhymes {\"\nwhen = [\n  { days = [\"friday\"] },\n]\ncost = \"free\"\n",
            "# a comment with [\ncost = 'free ['\nbody = \"\"\"\nsee [this\nname = x\n\"\"\"\n[[term]]\nfrom = 1\n",
            "title = \"a \\\" [ quote\"\nsummary = \"x\"\n",
        ] {
            assert_eq!(left_open(toml), None, "{toml}");
        }
    }
}
