//! The one list of every diagnostic code hubsite can report, each with what it means in a line.

/// Every code a [`super::Diagnostic`] can carry, sorted by code, with a plain description. `check --format json`
/// publishes these codes, so a new one is added here (and to docs/diagnostics.md, with a fixture under
/// tests/fixtures/), and a code is never renamed without a reason.
pub const CODES: &[(&str, &str)] = &[
    ("acronym", "an acronym families may not know, such as HV"),
    (
        "bad-age",
        "an age that is not a whole number of months or years, or a range that ends before it starts",
    ),
    (
        "bad-date",
        "a date that is not written as year-month-day, or a day that does not exist",
    ),
    (
        "bad-email",
        "an email address that is not written like name@example.org",
    ),
    (
        "bad-id",
        "an id (of a locality, a theme or an entry) that is not small letters a-z, digits and dashes",
    ),
    (
        "bad-language",
        "a language code that is not a short code in small letters, such as en, bn or so",
    ),
    ("bad-location", "a latitude or longitude that is out of range"),
    ("bad-phone", "a phone number that is not a UK number"),
    ("bad-postcode", "a postcode that is not a UK postcode"),
    ("bad-slot", "a time slot with a date that also has days or a repeat"),
    ("bad-slug", "a file name that is not plain lower-case words and dashes"),
    ("bad-time", "a time that is not written like 09:30"),
    ("bad-url", "a web address that is not a full https:// address"),
    ("bad-utf8", "a file that is not saved as UTF-8 text"),
    ("broken-link", "a link to an entry or page that does not exist"),
    ("duplicate-language", "a language listed twice in site.toml"),
    ("duplicate-slug", "two files that would make the same page"),
    ("empty-field", "a field that must say something but is empty"),
    ("empty-title", "a title that is empty"),
    ("front-matter", "a .md file whose fields are not between two +++ lines"),
    (
        "ftl-syntax",
        "a line in a strings (.ftl) file that is not written as id = text",
    ),
    (
        "ftl-unknown-function",
        "a string that uses a function, which hubsite's strings cannot use",
    ),
    (
        "ftl-unknown-message",
        "a string that uses another string that does not exist",
    ),
    (
        "ftl-unknown-term",
        "a string that uses a term (-name) that does not exist",
    ),
    (
        "ftl-unknown-variable",
        "a string that uses a value ($name) hubsite does not give it",
    ),
    (
        "glossary",
        "a glossary.toml term that is not written as a table of what to say instead",
    ),
    ("hub-is-spoke", "a spoke whose hub is itself a spoke"),
    ("institutional-word", "a word staff use that families may not know"),
    (
        "invisible-character",
        "a character no one can see inside an address, number or name",
    ),
    ("long-sentence", "a sentence longer than families follow easily"),
    ("missing-field", "a field that must be given but is not there"),
    ("needs-starts", "a repeat every few weeks with no date it starts from"),
    ("needs-terms", "a term-time-only session when no term dates are given"),
    ("no-label", "a name used in content with no words for it in a language"),
    (
        "not-translatable",
        "a field set in a translation that is the same in every language",
    ),
    (
        "online-venue",
        "an online session with a venue, or a join link on a session that is not online",
    ),
    (
        "orphan-translation",
        "a translation with no source file of the same name",
    ),
    ("raw-html", "HTML in the text, which is not shown on the page"),
    (
        "reserved-name",
        "a file name that is kept for a page hubsite makes itself",
    ),
    (
        "spoke-locality",
        "a spoke that sets its own locality instead of taking its hub's",
    ),
    ("summary-too-long", "a summary longer than 160 characters"),
    ("template", "a theme template that cannot be read or shown"),
    (
        "template-missing",
        "a theme template that includes or extends a template that does not exist",
    ),
    ("time-order", "a session that ends before it starts"),
    (
        "toml-syntax",
        "a line of fields that is not valid (quotes, brackets or = signs)",
    ),
    ("unknown-day", "a day that is not a day of the week"),
    ("unknown-field", "a field hubsite does not know"),
    ("unknown-file", "a file in content/ that hubsite does not read"),
    ("unknown-folder", "a folder in content/ that hubsite does not read"),
    ("unknown-language", "a language that site.toml does not list"),
    (
        "unknown-reference",
        "a name of an entry, term or list item that does not exist",
    ),
    ("unknown-theme", "a theme in site.toml with no folder under themes/"),
    (
        "unknown-value",
        "a value that is not one of those a field takes, such as a cost or a way to join",
    ),
    ("unsafe-link", "a link that runs code or hides data in the address"),
    (
        "wrong-type",
        "a field with the wrong kind of value, such as text where a number goes",
    ),
];

/// Whether `code` is in [`CODES`].
pub fn is_known(code: &str) -> bool {
    CODES.binary_search_by(|(c, _)| c.cmp(&code)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_once_each() {
        // `is_known` searches by halves, which needs the table sorted; sorted without repeats also keeps it tidy.
        assert!(
            CODES.windows(2).all(|w| w[0].0 < w[1].0),
            "CODES must be sorted, each code once"
        );
        assert!(is_known("bad-age") && is_known("wrong-type") && !is_known("bad-ages"));
        // The plain-language checker makes its problems without `Diagnostic::error`, so its codes are checked here.
        for code in crate::validate::plain::CODES {
            assert!(is_known(code), "{code}");
        }
    }
}
