//! `hubsite check`: load and validate a site, print every problem and the translation status; with
//! `--plain-language`, also check the words of every page and say how hard each page reads.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{EXIT_CONTENT, SiteArg};
use crate::content::ids::LangCode;
use crate::diagnostics::{Diagnostic, Severity, SourceMap};
use crate::i18n::english_name;
use crate::validate::plain::report::{self, PageRow};
use crate::validate::translations::{self, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArg,
    /// List every translation that is missing, out of date, not stamped or a draft.
    #[arg(long)]
    pub translations: bool,
    /// Also check the words of every page as built (in memory: nothing is written), and list how hard each page
    /// reads, hardest first.
    #[arg(long)]
    pub plain_language: bool,
    /// With --plain-language: the day the pages are built for, as YYYY-MM-DD (as `build --today`).
    #[arg(long, value_parser = super::build::parse_day)]
    pub today: Option<time::Date>,
    /// How to print what was found: `text` for people, `json` for other tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: &Args) -> u8 {
    let mut checked = match args.site.check() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut pages = None;
    let mut skipped = false;
    if args.plain_language {
        skipped = checked.errors() > 0;
        // Pages are rendered only when the content has no errors: a page cannot be made from a broken entry.
        if checked.errors() == 0 {
            match crate::render::site(&checked, super::today(args.today), &crate::render::Quiet) {
                Ok(files) => {
                    checked.check_pages(&files);
                }
                Err(e) => {
                    eprintln!("{}", e.0.trim_end());
                    return EXIT_CONTENT;
                }
            }
        }
        let loaded = &checked.loaded;
        pages = Some(report::pages(
            &loaded.content,
            &loaded.config,
            &loaded.sources,
            &loaded.diagnostics.items,
        ));
    }
    let loaded = &checked.loaded;
    let translation_report = translations::report(&loaded.config, &loaded.content);
    let errors = loaded.diagnostics.errors();
    let out = match args.format {
        Format::Text => {
            let mut out = loaded.diagnostics.report(&loaded.sources);
            if let Some(rows) = &pages {
                if skipped {
                    out.push_str("The words on the built pages were not checked: fix the errors above first.\n");
                }
                out.push_str(&pages_text(rows));
            }
            out.push_str(&translation_summary(&translation_report, args.translations));
            let entries = loaded.content.entries().count();
            let warnings = loaded.diagnostics.warnings();
            let _ = writeln!(
                out,
                "Checked {entries} {} in {} {}: {errors} {}, {warnings} {}.",
                plural(entries, "entry", "entries"),
                loaded.sources.len(),
                plural(loaded.sources.len(), "file", "files"),
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings"),
            );
            out
        }
        Format::Json => json(
            &loaded.diagnostics.items,
            &loaded.sources,
            pages.as_deref(),
            &translation_report,
        ),
    };
    print!("{out}");
    if errors > 0 { EXIT_CONTENT } else { 0 }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The readability table: one line a page, hardest to read first.
fn pages_text(rows: &[PageRow]) -> String {
    let mut out = String::from(
        "Plain language, hardest to read first. Ease: 100 is easiest, 60 or more is plain English. \
         Age: the reading age it needs; aim for about 9.\n",
    );
    let _ = writeln!(
        out,
        "  {:>4}  {:>3}  {:>5}  {:>8}  page",
        "ease", "age", "words", "problems"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "  {:>4.0}  {:>3.0}  {:>5}  {:>8}  {}",
            r.readability.ease(),
            r.readability.reading_age(),
            r.readability.words,
            r.problems,
            match &r.page {
                Some(page) => format!("{page}  ({})", r.file),
                None => format!("{}  (no page of its own)", r.file),
            }
        );
    }
    out
}

/// Everything found, for other tools: each problem with its place, each page's readability and the translation
/// counts.
fn json(
    items: &[Diagnostic],
    sources: &SourceMap,
    pages: Option<&[PageRow]>,
    translation_report: &BTreeMap<LangCode, Vec<translations::Row>>,
) -> String {
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let diagnostics: Vec<serde_json::Value> = items
        .iter()
        .map(|d| {
            let (file, line, column) = d.position(sources);
            serde_json::json!({
                "file": file,
                "line": line,
                "column": column,
                "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "code": d.code,
                "message": d.message_shown(),
                "help": d.help_shown(),
            })
        })
        .collect();
    let mut doc = serde_json::json!({
        "errors": items.iter().filter(|d| d.severity == Severity::Error).count(),
        "warnings": items.iter().filter(|d| d.severity == Severity::Warning).count(),
        "diagnostics": diagnostics,
    });
    let translations: serde_json::Map<String, serde_json::Value> = translation_report
        .iter()
        .map(|(lang, rows)| {
            let counts: serde_json::Map<String, serde_json::Value> = STATUSES
                .iter()
                .map(|s| {
                    (
                        s.words().replace(' ', "_"),
                        rows.iter().filter(|r| r.status == *s).count().into(),
                    )
                })
                .collect();
            (lang.as_str().to_string(), counts.into())
        })
        .collect();
    doc["translations"] = translations.into();
    if let Some(rows) = pages {
        doc["pages"] = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "page": r.page,
                    "file": r.file,
                    "reading_ease": round(r.readability.ease()),
                    "reading_age": round(r.readability.reading_age()),
                    "words": r.readability.words,
                    "sentences": r.readability.sentences,
                    "problems": r.problems,
                })
            })
            .collect();
    }
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

const STATUSES: [Status; 5] = [
    Status::UpToDate,
    Status::Missing,
    Status::OutOfDate,
    Status::NotStamped,
    Status::Draft,
];

fn translation_summary(report: &BTreeMap<LangCode, Vec<translations::Row>>, list: bool) -> String {
    let mut out = String::new();
    if report.is_empty() {
        return out;
    }
    out.push_str("Translations:\n");
    for (lang, rows) in report {
        let counts: Vec<String> = STATUSES
            .iter()
            .map(|s| format!("{} {}", rows.iter().filter(|r| r.status == *s).count(), s.words()))
            .collect();
        let _ = writeln!(out, "  {lang} ({}): {}", english_name(lang.as_str()), counts.join(", "));
        if list {
            for r in rows.iter().filter(|r| r.status != Status::UpToDate) {
                let _ = writeln!(out, "    {:<11}  {}", r.status.words(), r.path);
            }
        }
    }
    if !list && report.values().flatten().any(|r| r.status != Status::UpToDate) {
        out.push_str("  Run `hubsite check --translations` to list them.\n");
    }
    out
}
