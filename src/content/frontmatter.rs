//! Splitting an entry file into its TOML fields and its markdown body.

/// An entry file's parts, with byte offsets into the normalised text.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    pub toml: &'a str,
    pub toml_offset: usize,
    /// The markdown after the closing `+++`, and its offset; `None` for `.toml` files.
    pub body: Option<(&'a str, usize)>,
}

/// Why a `.md` file's front matter could not be found.
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    NoOpening,
    NoClosing,
}

/// Removes a byte-order mark and turns CRLF line ends into LF. Line and column numbers stay the same.
pub fn normalise(text: String) -> String {
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

/// Splits `+++`-fenced TOML from the markdown after it.
pub fn split_markdown(text: &str) -> Result<Parts<'_>, SplitError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "+++" {
        return Err(SplitError::NoOpening);
    }
    let start = (first_end + 1).min(text.len());
    let mut pos = start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "+++" {
            let body_start = (end + 1).min(text.len());
            return Ok(Parts {
                toml: &text[start..pos],
                toml_offset: start,
                body: Some((&text[body_start..], body_start)),
            });
        }
        pos = end + 1;
    }
    Err(SplitError::NoClosing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let p = split_markdown("+++\ntitle = \"A\"\n+++\n\nHello\n").ok();
        assert_eq!(
            p,
            Some(Parts {
                toml: "title = \"A\"\n",
                toml_offset: 4,
                body: Some(("\nHello\n", 20))
            })
        );
    }

    #[test]
    fn bom_and_crlf_are_removed() {
        let t = normalise("\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nBody".to_string());
        assert_eq!(t, "+++\ntitle = \"A\"\n+++\nBody");
        assert!(split_markdown(&t).is_ok());
    }

    #[test]
    fn missing_fences() {
        assert_eq!(split_markdown("title = 1\n"), Err(SplitError::NoOpening));
        assert_eq!(split_markdown("+++\ntitle = 1\n"), Err(SplitError::NoClosing));
    }
}
