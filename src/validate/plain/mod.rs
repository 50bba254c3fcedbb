//! Plain language: acronyms, institutional words and long sentences in everything a family reads, with the
//! plain words to use instead.

mod fluent;
mod html;
mod locate;
mod markdown;
pub mod pages;
pub mod readability;
pub mod report;
pub mod scan;
mod source;

pub use locate::Locator;
pub use scan::{Finding, Rule, Scanner};
pub use source::{TextFindings, check};

use crate::config::{AcronymLevel, SiteConfig};
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::glossary::Term;

/// The codes plain-language problems are reported under.
pub const CODES: [&str; 3] = ["acronym", "institutional-word", "long-sentence"];

/// A finding as a problem to report: what is wrong with the words, and what to write instead.
/// `written` is the text as it stands; `lang` the language it is in.
pub fn diagnostic(
    finding: &Finding,
    written: &str,
    lang: &str,
    scanner: &Scanner<'_>,
    config: &SiteConfig,
    location: Location,
) -> Diagnostic {
    let source = config.source_language().as_str();
    let (code, severity, message, help) = match finding.rule {
        Rule::Acronym => {
            let severity = match config.acronyms {
                AcronymLevel::Error => Severity::Error,
                AcronymLevel::Warn => Severity::Warning,
            };
            let message = format!("\"{written}\" is an acronym: many families will not know what it stands for");
            let help = acronym_help(written, scanner.glossary.acronym(&finding.key), lang, source);
            ("acronym", severity, message, help)
        }
        Rule::Jargon => {
            let term = scanner.glossary.jargon().find(|t| t.term == finding.key);
            let message = format!("\"{written}\" is staff language: families may not know what it means");
            let help = match term {
                Some(t) if t.staff_only() => advice(t),
                Some(t) => format!("say {} instead", alternatives(&t.plain)),
                None => "say it in everyday words".to_string(),
            };
            ("institutional-word", Severity::Warning, message, help)
        }
        Rule::LongSentence => (
            "long-sentence",
            Severity::Warning,
            format!(
                "this sentence has {} words; families follow a sentence of {} words or fewer more easily",
                finding.key,
                scan::LONGEST_SENTENCE
            ),
            "split it into shorter sentences, one idea in each; short sentences are easier to translate too"
                .to_string(),
        ),
    };
    Diagnostic {
        severity,
        code,
        message,
        help: Some(help),
        location,
    }
}

fn acronym_help(written: &str, term: Option<&Term>, lang: &str, source: &str) -> String {
    let allow = format!(
        "if families know it well, add it to site.toml: [plain_language] allow = [\"{}\"]",
        written.trim_end_matches('s')
    );
    match term {
        Some(t) if t.staff_only() => advice(t),
        Some(t) => match t.plain_in(lang, source) {
            Some(plain) => format!("write {} instead", alternatives(plain)),
            None => format!(
                "write it out in words: in English it means \"{}\"; to suggest words in this language, add `{lang} = \"…\"` under [{}] in content/glossary.toml",
                t.plain, t.term
            ),
        },
        None => format!(
            "write out what it stands for, in plain words (or in small letters, if it is not an acronym); {allow}"
        ),
    }
}

/// A term only staff use has advice in brackets: "(staff term - say 'targets')" → "KPI is a word for staff: say
/// 'targets'".
fn advice(t: &Term) -> String {
    let inner = t.plain.trim_start_matches('(').trim_end_matches(')');
    let inner = inner.strip_prefix("staff term - ").unwrap_or(inner);
    format!("\"{}\" is a word for staff: {inner}", t.term)
}

/// "tell you about / put you in touch with" → "\"tell you about\" or \"put you in touch with\"".
fn alternatives(plain: &str) -> String {
    plain
        .split(" / ")
        .map(|p| format!("\"{}\"", p.trim()))
        .collect::<Vec<_>>()
        .join(" or ")
}
