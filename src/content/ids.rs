//! Typed ids: entry slugs per kind and vocabulary ids, so a hub can never be passed where an offer is meant.

use std::fmt;

/// Whether a slug is made only of `a-z`, `0-9` and `-`, and does not start or end with `-`.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Suggests a valid slug for a name that is not one: small letters, and dashes for everything else.
pub fn slug_like(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Wraps a string that the loader has already checked.
            pub fn new(s: impl Into<String>) -> Self {
                $name(s.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(/// The slug of a family hub.
    HubId);
id_type!(/// The slug of a spoke (a satellite venue).
    SpokeId);
id_type!(/// The slug of a session.
    SessionId);
id_type!(/// The slug of a Start for Life offer.
    OfferId);
id_type!(/// The slug of an organisation.
    OrgId);
id_type!(/// The slug of a plain page.
    PageId);
id_type!(/// A locality id from `site.toml`.
    LocalityId);
id_type!(/// A session category id.
    CategoryId);
id_type!(/// A facility id, such as `step-free`.
    FacilityId);
id_type!(/// An audience id, such as `dads`.
    AudienceId);
id_type!(/// A language code, such as `bn`.
    LangCode);

/// The kinds of entry in `content/`, in the order they are loaded and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Hub,
    Spoke,
    Session,
    Offer,
    Organisation,
    Page,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Hub,
        Kind::Spoke,
        Kind::Session,
        Kind::Offer,
        Kind::Organisation,
        Kind::Page,
    ];

    /// The folder under `content/`, which is also the kind's name in `@/<kind>/<slug>` links.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Hub => "hubs",
            Kind::Spoke => "spokes",
            Kind::Session => "sessions",
            Kind::Offer => "offers",
            Kind::Organisation => "organisations",
            Kind::Page => "pages",
        }
    }

    pub fn from_folder(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.folder() == s)
    }

    /// The kind's name in a sentence: "a hub", "a session".
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Hub => "hub",
            Kind::Spoke => "spoke",
            Kind::Session => "session",
            Kind::Offer => "offer",
            Kind::Organisation => "organisation",
            Kind::Page => "page",
        }
    }
}

/// A reference to any entry, as `@/<kind>/<slug>` links make.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryRef {
    pub kind: Kind,
    pub slug: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_valid_slug("baby-massage-2"));
        assert!(!is_valid_slug("Baby-massage"));
        assert!(!is_valid_slug("baby_massage"));
        assert!(!is_valid_slug("-baby"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("শিশু"));
    }
}
