//! Problems found in a site's files: where they are, what is wrong and how to fix it.

mod codes;
mod shown;

pub use codes::{CODES, is_known};

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one loaded file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The start of a file: where problems about the file as a whole are reported.
    pub fn file_start(file: FileId) -> Span {
        Span { file, start: 0, end: 0 }
    }
}

/// A value with the place it was written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Self {
        Sp { value, span }
    }
}

/// One file's text, as the parser saw it (no byte-order mark, `\n` line ends), with its line starts.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the site folder, with `/` separators, as shown to people.
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// How many characters come before every [`CHARS_STEP`]th byte, made when first needed: a column far along a
    /// long line is then found without counting the whole line again for every problem on it.
    chars_before: OnceLock<Vec<u32>>,
    /// A hash of the path and text, worked out when first asked for: a file kept between builds is not hashed again.
    print: OnceLock<u64>,
}

/// Up to this many bytes of a line are counted character by character to find a column; past it, the file's
/// character index is used.
const CHARS_STEP: usize = 4096;

/// The number of characters in some UTF-8 bytes: every byte that does not continue a character starts one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            line_starts,
            chars_before: OnceLock::new(),
            print: OnceLock::new(),
        }
    }

    /// A hash of the file's path and text, which a rebuild compares to see what changed.
    pub fn print(&self) -> u64 {
        *self.print.get_or_init(|| {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            (&self.path, &self.text).hash(&mut h);
            h.finish()
        })
    }

    /// 1-based line and 1-based column in characters of a byte offset; an offset inside a character is that
    /// character's column. Takes the same short time however long the line and the file are.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        (line + 1, self.chars_between(start, offset) + 1)
    }

    /// The byte offset, moved back to the start of the character it is in.
    fn floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The number of characters from one byte offset to a later one.
    fn chars_between(&self, from: usize, to: usize) -> usize {
        let bytes = self.text.as_bytes();
        if to.saturating_sub(from) <= CHARS_STEP {
            return bytes.get(from..to).map_or(0, chars_in);
        }
        let index = self.chars_before.get_or_init(|| {
            let mut before = 0u32;
            let mut index: Vec<u32> = bytes
                .chunks(CHARS_STEP)
                .map(|chunk| {
                    let at = before;
                    before += chars_in(chunk) as u32;
                    at
                })
                .collect();
            index.push(before);
            index
        });
        let chars_before = |at: usize| {
            let k = at / CHARS_STEP;
            index.get(k).map_or(0, |&n| n as usize) + bytes.get(k * CHARS_STEP..at).map_or(0, chars_in)
        };
        chars_before(to) - chars_before(from)
    }

    /// The byte offsets where a 1-based line starts and ends, without its line end.
    fn line_bounds(&self, line: usize) -> (usize, usize) {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return (self.text.len(), self.text.len());
        };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e - 1);
        (start, end.max(start))
    }

    /// The text of a 1-based line, without its line end.
    pub fn line_text(&self, line: usize) -> &str {
        let (start, end) = self.line_bounds(line);
        self.text.get(start..end).unwrap_or("")
    }
}

/// All files read in one run, so a diagnostic can show the line it points at.
#[derive(Debug, Default)]
pub struct SourceMap {
    /// Shared, so a file that did not change since the last run is not read or copied again.
    files: Vec<Arc<SourceFile>>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.add_shared(Arc::new(file))
    }

    pub fn add_shared(&mut self, file: Arc<SourceFile>) -> FileId {
        self.files.push(file);
        FileId((self.files.len() - 1) as u32)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The file, to keep beside what was found in it.
    pub fn get_shared(&self, id: FileId) -> &Arc<SourceFile> {
        &self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is: a span in a loaded file, or a whole file that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    Span(Span),
    File(PathBuf),
}

/// One problem with a site's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short, stable name for the kind of problem, such as `bad-time`.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub location: Location,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        listed(code);
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            help: None,
            location: Location::Span(span),
        }
    }

    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        // `error`, which this calls, checks the code is in the list.
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn file_error(code: &'static str, path: &Path, message: impl Into<String>) -> Self {
        listed(code);
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            help: None,
            location: Location::File(path.to_path_buf()),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `path:line:col` of the problem.
    pub fn position(&self, sources: &SourceMap) -> (String, usize, usize) {
        match &self.location {
            Location::Span(span) => {
                let file = sources.get(span.file);
                let (line, col) = file.line_col(span.start as usize);
                (file.path.clone(), line, col)
            }
            Location::File(path) => (display_path(path), 1, 1),
        }
    }

    /// The diagnostic as people read it: a heading line, the source line with a caret, and the help. However long
    /// the line or the value quoted, it prints a few hundred characters at most.
    pub fn render(&self, sources: &SourceMap) -> String {
        let (path, line, col) = self.position(sources);
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = shown::bounded(&self.message);
        let mut out = format!("{path}:{line}:{col}: {label}[{}]: {message}\n", self.code);
        let help = self.help.as_deref().map(shown::bounded);
        if let Location::Span(span) = self.location {
            let file = sources.get(span.file);
            let (text, indent, carets) = shown::snippet(file, line, span.start as usize, span.end as usize);
            // A character no one can see is shown as U+FFFD under the caret, so the caret is under something; and any
            // that turns text around is shown so anywhere in the line, or it would turn the rest of the line.
            let text: String = text
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    let turns = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
                    match turns || (i == indent && crate::content::address::unseen(c)) {
                        true => '\u{FFFD}',
                        false => c,
                    }
                })
                .collect();
            let width = line.to_string().len();
            let _ = writeln!(out, "{:width$} |", "");
            let _ = writeln!(out, "{line:width$} | {text}");
            let _ = writeln!(out, "{:width$} | {}{}", "", " ".repeat(indent), "^".repeat(carets));
            if let Some(help) = help {
                let _ = writeln!(out, "{:width$} = help: {help}", "");
            }
        } else if let Some(help) = help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }

    /// The message as printed: a long quote of the user's text in it is cut to its start.
    pub fn message_shown(&self) -> std::borrow::Cow<'_, str> {
        shown::bounded(&self.message)
    }

    /// The help as printed, cut as the message is.
    pub fn help_shown(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.help.as_deref().map(shown::bounded)
    }
}

/// In debug builds (every test run), stops at a code missing from [`CODES`], so no code is added without a line
/// there, in docs/diagnostics.md and a fixture.
fn listed(code: &str) {
    debug_assert!(
        codes::is_known(code),
        "diagnostic code `{code}` is not in src/diagnostics/codes.rs"
    );
}

pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The problems found in one run, in the order people should read them.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Every problem rendered for people, each followed by a blank line. Of the warnings of one kind in one file,
    /// the first [`shown::SIMILAR_SHOWN`] are shown and the rest counted in one line after them; every error is
    /// shown.
    pub fn report(&self, sources: &SourceMap) -> String {
        let file_of = |d: &Diagnostic| match &d.location {
            Location::Span(span) => sources.get(span.file).path.clone(),
            Location::File(path) => display_path(path),
        };
        let mut totals: HashMap<(String, &str), usize> = HashMap::new();
        for d in self.items.iter().filter(|d| d.severity == Severity::Warning) {
            *totals.entry((file_of(d), d.code)).or_default() += 1;
        }
        let mut shown_so_far: HashMap<(String, &str), usize> = HashMap::new();
        let mut out = String::new();
        for d in &self.items {
            if d.severity == Severity::Error {
                out.push_str(&d.render(sources));
                out.push('\n');
                continue;
            }
            let key = (file_of(d), d.code);
            let n = shown_so_far.entry(key.clone()).or_default();
            *n += 1;
            if *n > shown::SIMILAR_SHOWN {
                continue;
            }
            out.push_str(&d.render(sources));
            out.push('\n');
            let total = totals.get(&key).copied().unwrap_or(0);
            if *n == shown::SIMILAR_SHOWN && total > *n {
                out.push_str(&shown::more(&key.0, d.code, total - *n));
                out.push('\n');
            }
        }
        out
    }

    /// Sort by file path, then position, so output is the same on every run.
    pub fn sort(&mut self, sources: &SourceMap) {
        self.items.sort_by_cached_key(|d| {
            let (path, line, col) = d.position(sources);
            (path, line, col, d.code, d.message.clone())
        });
        self.items.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a.md".into(), "title = \"শিশু\" x\nnext".into());
        let x = file.text.find(" x").map(|i| i + 1).unwrap_or_default();
        assert_eq!(file.line_col(x), (1, 16));
        assert_eq!(file.line_col(file.text.len()), (2, 5));
        assert_eq!(file.line_text(2), "next");
    }

    #[test]
    fn positions_far_along_a_long_line_and_inside_a_character() {
        // Bengali and Latin mixed, so bytes and characters differ, on a line far longer than the part of it that
        // is counted character by character.
        let line = "শিশু x ".repeat(5_000);
        let file = SourceFile::new("a.md".into(), format!("+++\n{line}\nend"));
        let first = 4;
        for at in (first..first + line.len())
            .step_by(997)
            .filter(|&at| file.text.is_char_boundary(at))
        {
            let col = file.text[first..at].chars().count() + 1;
            assert_eq!(file.line_col(at), (2, col), "at byte {at}");
        }
        assert_eq!(file.line_col(file.text.len()), (3, 4));
        // An offset inside a character is that character's column (not the first column).
        let far = first + line.len() - "শিশু x ".len();
        let (_, col) = file.line_col(far);
        assert_eq!(file.line_col(far + 1), (2, col));
        assert_eq!(file.line_col(far + 2), (2, col));
        assert_eq!(file.line_col(5), (2, 1));
    }

    #[test]
    fn renders_a_code_frame_with_a_caret() {
        let mut sources = SourceMap::default();
        let id = sources.add(SourceFile::new("content/x.md".into(), "+++\nfrom = \"9:30\"\n".into()));
        let d = Diagnostic::error(
            "bad-time",
            Span {
                file: id,
                start: 11,
                end: 17,
            },
            "\"9:30\" is not a time like 09:30",
        )
        .help("write \"09:30\"");
        assert_eq!(
            d.render(&sources),
            "content/x.md:2:8: error[bad-time]: \"9:30\" is not a time like 09:30\n  |\n2 | from = \"9:30\"\n  |        ^^^^^^\n  = help: write \"09:30\"\n"
        );
    }
}
