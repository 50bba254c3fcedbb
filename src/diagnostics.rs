//! Problems found in a site's files: where they are, what is wrong and how to fix it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// A hash of the path and text, worked out when first asked for: a file kept between builds is not hashed again.
    print: std::sync::OnceLock<u64>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            line_starts,
            print: std::sync::OnceLock::new(),
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

    /// 1-based line and 1-based column in characters of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.line_starts[line];
        let col = self.text.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The text of a 1-based line, without its line end.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e - 1);
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
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            help: None,
            location: Location::Span(span),
        }
    }

    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn file_error(code: &'static str, path: &Path, message: impl Into<String>) -> Self {
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

    /// The diagnostic as people read it: a heading line, the source line with a caret, and the help.
    pub fn render(&self, sources: &SourceMap) -> String {
        let (path, line, col) = self.position(sources);
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{path}:{line}:{col}: {label}[{}]: {}\n", self.code, self.message);
        if let Location::Span(span) = self.location {
            let file = sources.get(span.file);
            // A character no one can see is shown as � under the caret, so the caret is under something; and any
            // that turns text around is shown so anywhere in the line, or it would turn the rest of the line.
            let text: String = file
                .line_text(line)
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    let turns = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
                    match turns || (i + 1 == col && crate::content::address::unseen(c)) {
                        true => '\u{FFFD}',
                        false => c,
                    }
                })
                .collect();
            let width = line.to_string().len();
            let start = span.start as usize;
            let end = (span.end as usize).max(start);
            // The caret covers the span, but never past the end of the first line it starts on.
            let line_end = file
                .text
                .get(start..)
                .and_then(|rest| rest.find('\n'))
                .map_or(file.text.len(), |i| start + i);
            let carets = file
                .text
                .get(start..end.min(line_end))
                .map_or(0, |s| s.chars().count())
                .max(1);
            let _ = writeln!(out, "{:width$} |", "");
            let _ = writeln!(out, "{line:width$} | {text}");
            let _ = writeln!(out, "{:width$} | {}{}", "", " ".repeat(col - 1), "^".repeat(carets));
            if let Some(help) = &self.help {
                let _ = writeln!(out, "{:width$} = help: {help}", "");
            }
        } else if let Some(help) = &self.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }
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

    /// Every problem rendered for people, each followed by a blank line.
    pub fn report(&self, sources: &SourceMap) -> String {
        self.items.iter().map(|d| d.render(sources) + "\n").collect()
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
