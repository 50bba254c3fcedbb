//! `hubsite translations stamp`: record which source text each translation was made from.

use std::path::{Path, PathBuf};

use super::{EXIT_CONTENT, EXIT_USAGE, SiteArg};
use crate::validate::translations::{Status, fingerprint, status_of};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write `source = "<fingerprint>"` into translation files. With no FILES, stamps only translations
    /// that have never been stamped; name a file to stamp it after you have updated it.
    Stamp(StampArgs),
}

#[derive(Debug, clap::Args)]
pub struct StampArgs {
    #[command(flatten)]
    pub site: SiteArg,
    /// Only this language.
    #[arg(long)]
    pub lang: Option<String>,
    /// Translation files to stamp, such as content/sessions/baby-massage.bn.md.
    pub files: Vec<PathBuf>,
}

pub fn run(cmd: &Command) -> u8 {
    match cmd {
        Command::Stamp(args) => stamp(args),
    }
}

/// The path of a file relative to the site folder, with `/`, for comparing with loaded paths.
fn relative(site: &Path, file: &Path) -> String {
    let abs = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let root = std::fs::canonicalize(site).unwrap_or_else(|_| site.to_path_buf());
    crate::diagnostics::display_path(abs.strip_prefix(&root).unwrap_or(file))
}

fn stamp(args: &StampArgs) -> u8 {
    let checked = match crate::check(&args.site.site) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let loaded = &checked.loaded;
    let wanted: Vec<String> = args.files.iter().map(|f| relative(&args.site.site, f)).collect();
    let mut found = vec![false; wanted.len()];
    let (mut stamped, mut left_out_of_date) = (0, Vec::new());
    for (_, _, common) in loaded.content.entries() {
        let fp = fingerprint(&common.text);
        for (lang, t) in &common.translations {
            if args.lang.as_deref().is_some_and(|l| l != lang.as_str()) {
                continue;
            }
            let path = &loaded.sources.get(t.file).path;
            let status = status_of(common, lang);
            let named = wanted.iter().position(|w| w == path);
            if let Some(i) = named {
                found[i] = true;
            }
            let should = if wanted.is_empty() {
                t.source.is_none()
            } else {
                named.is_some()
            };
            if !should {
                if status == Status::OutOfDate {
                    left_out_of_date.push(path.clone());
                }
                continue;
            }
            if t.source.as_deref() == Some(fp.as_str()) {
                continue;
            }
            let full = loaded.root.join(path);
            let result = std::fs::read_to_string(&full).and_then(|text| {
                crate::output::write_atomic(&full, set_source(&text, &fp, path.ends_with(".toml")).as_bytes())
            });
            if let Err(e) = result {
                eprintln!("error: could not write {path}: {e}");
                return EXIT_USAGE;
            }
            println!("stamped {path}");
            stamped += 1;
        }
    }
    let mut code = 0;
    for (w, f) in wanted.iter().zip(found) {
        if !f {
            eprintln!("error: {w} is not a translation that hubsite could read; run `hubsite check` to see why");
            code = EXIT_CONTENT;
        }
    }
    println!(
        "Stamped {stamped} {}.",
        if stamped == 1 { "translation" } else { "translations" }
    );
    if !left_out_of_date.is_empty() && wanted.is_empty() {
        println!(
            "{} out of date translations were left alone; update each one, then stamp it by name:",
            left_out_of_date.len()
        );
        for p in left_out_of_date {
            println!("  hubsite translations stamp {p}");
        }
    }
    code
}

/// Sets `source = "…"` in a translation's fields, keeping its line ends and every other line as it was.
pub fn set_source(text: &str, fp: &str, is_toml: bool) -> String {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let line = format!("source = \"{fp}\"");
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (start, end) = if is_toml {
        (0, lines.len())
    } else {
        let close = lines
            .iter()
            .skip(1)
            .position(|l| l.trim_end() == "+++")
            .map_or(lines.len(), |p| p + 1);
        (1, close)
    };
    let existing = (start..end).find(|&i| {
        let l = lines[i].trim_start_matches('\u{feff}');
        l.strip_prefix("source")
            .is_some_and(|r| r.trim_start().starts_with('='))
    });
    let with_nl = format!("{line}{nl}");
    match existing {
        Some(i) => lines[i] = &with_nl,
        None => lines.insert(start, &with_nl),
    }
    lines.concat()
}

#[cfg(test)]
mod tests {
    use super::set_source;

    #[test]
    fn inserts_or_replaces_the_source_line() {
        assert_eq!(
            set_source("+++\ntitle = \"A\"\n+++\nBody\n", "abc", false),
            "+++\nsource = \"abc\"\ntitle = \"A\"\n+++\nBody\n"
        );
        assert_eq!(
            set_source("+++\r\nsource = \"old\"\r\n+++\r\n", "new", false),
            "+++\r\nsource = \"new\"\r\n+++\r\n"
        );
        assert_eq!(
            set_source("title = \"A\"\n", "abc", true),
            "source = \"abc\"\ntitle = \"A\"\n"
        );
        // A body line that starts with "source =" is left alone.
        assert_eq!(
            set_source("+++\n+++\nsource = x\n", "f", false),
            "+++\nsource = \"f\"\n+++\nsource = x\n"
        );
    }
}
