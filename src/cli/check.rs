//! `hubsite check`: load and validate a site, print every problem and the translation status.

use std::fmt::Write as _;

use super::{EXIT_CONTENT, SiteArg};
use crate::i18n::english_name;
use crate::validate::translations::{self, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArg,
    /// List every translation that is missing, out of date, not stamped or a draft.
    #[arg(long)]
    pub translations: bool,
}

pub fn run(args: &Args) -> u8 {
    let checked = match args.site.check() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let loaded = &checked.loaded;
    let mut out = String::new();
    for d in &loaded.diagnostics.items {
        out.push_str(&d.render(&loaded.sources));
        out.push('\n');
    }
    let report = translations::report(&loaded.config, &loaded.content);
    out.push_str(&translation_summary(&report, args.translations));
    let entries = loaded.content.entries().count();
    let (errors, warnings) = (loaded.diagnostics.errors(), loaded.diagnostics.warnings());
    let _ = writeln!(
        out,
        "Checked {entries} {} in {} {}: {errors} {}, {warnings} {}.",
        plural(entries, "entry", "entries"),
        loaded.sources.len(),
        plural(loaded.sources.len(), "file", "files"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    );
    print!("{out}");
    if errors > 0 { EXIT_CONTENT } else { 0 }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn translation_summary(
    report: &std::collections::BTreeMap<crate::content::ids::LangCode, Vec<translations::Row>>,
    list: bool,
) -> String {
    let mut out = String::new();
    if report.is_empty() {
        return out;
    }
    out.push_str("Translations:\n");
    let order = [
        Status::UpToDate,
        Status::Missing,
        Status::OutOfDate,
        Status::NotStamped,
        Status::Draft,
    ];
    for (lang, rows) in report {
        let counts: Vec<String> = order
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
