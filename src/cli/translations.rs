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
    let checked = match args.site.check() {
        Ok(c) => c,
        Err(code) => return code,
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
            let status = status_of(common, lang, &fp);
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
            let text = &loaded.sources.get(t.file).text;
            let result = std::fs::read_to_string(&full).and_then(|raw| {
                let stamped = with_source(
                    text,
                    t.source_span.map(|s| s.start as usize..s.end as usize),
                    &fp,
                    path.ends_with(".toml"),
                );
                crate::output::write_atomic(&full, restore_line_ends(&raw, &stamped).as_bytes())
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

/// Sets `source = "…"` in a translation's (normalised) text: replaces the value the parser found, or adds the
/// line at the top of the fields. Never matches lines by their text, so a body line that happens to start with
/// `source =`, even inside a multi-line string, is left alone.
pub fn with_source(text: &str, value: Option<std::ops::Range<usize>>, fp: &str, is_toml: bool) -> String {
    match value {
        Some(r) if text.get(r.clone()).is_some() => format!("{}\"{fp}\"{}", &text[..r.start], &text[r.end..]),
        _ => {
            let at = if is_toml {
                0
            } else {
                text.find('\n').map_or(text.len(), |i| i + 1)
            };
            format!("{}source = \"{fp}\"\n{}", &text[..at], &text[at..])
        }
    }
}

/// Puts back the byte-order mark and Windows line ends that loading took out, if the file had them.
fn restore_line_ends(raw: &str, text: &str) -> String {
    let bom = if raw.starts_with('\u{feff}') { "\u{feff}" } else { "" };
    let body = if raw.contains("\r\n") {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    };
    format!("{bom}{body}")
}

#[cfg(test)]
mod tests {
    use super::{restore_line_ends, with_source};

    #[test]
    fn replaces_only_the_parsed_value() {
        let text = "+++\nsource = \"old\"\ntitle = \"A\"\n+++\nBody\n";
        let at = text.find("\"old\"").unwrap_or(0);
        assert_eq!(
            with_source(text, Some(at..at + 5), "new", false),
            "+++\nsource = \"new\"\ntitle = \"A\"\n+++\nBody\n"
        );
        assert_eq!(
            with_source("+++\ntitle = \"A\"\n+++\n", None, "f", false),
            "+++\nsource = \"f\"\ntitle = \"A\"\n+++\n"
        );
        // A line inside a multi-line string that looks like a field is text, and stays as it was.
        let toml = "title = \"x\"\nbody = \"\"\"\nsource = the leaflet\n\"\"\"\n";
        assert_eq!(with_source(toml, None, "f", true), format!("source = \"f\"\n{toml}"));
        assert_eq!(restore_line_ends("\u{feff}a\r\n", "a\nb\n"), "\u{feff}a\r\nb\r\n");
    }
}
