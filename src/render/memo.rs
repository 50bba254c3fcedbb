//! What each part of the built site was made from, so that a rebuild renders only the parts whose inputs changed.
//!
//! The site is cut into units: one per entry (its page in every language, the copy for partners, its calendar and
//! its open data) and one for the lists that show many entries (home, timetables, search, Start for Life, the
//! whole calendar, the open-data lists, the sitemap). Each unit has a fingerprint: a hash of the files it is made
//! from. A unit whose fingerprint has not changed since the last build keeps its files.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::content::ids::*;
use crate::content::model::{Common, Content, Venue};
use crate::diagnostics::{FileId, SourceMap};

/// The fingerprint of each page's view by file path: a page whose view is the same is not rendered again.
pub type Views = std::collections::HashMap<String, u64>;

/// A hash that views can be written into as JSON.
#[derive(Default)]
pub struct Fingerprint(DefaultHasher);

impl Hasher for Fingerprint {
    fn finish(&self) -> u64 {
        self.0.finish()
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }
}

impl std::io::Write for Fingerprint {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A part of the site rendered on its own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// An entry's own files: a hub, spoke, session, offer or page, by kind and slug.
    Entry(Kind, String),
    /// Everything that lists many entries at once.
    Lists,
}

/// The fingerprint of every unit of one build, the files each made, and what was true of the whole site.
#[derive(Debug, Default, Clone)]
pub struct Memo {
    /// Everything every page depends on: site.toml, the messages, the theme, the day the build counts from, the
    /// organisations and the plain pages (every page's menu shows them). When this changes, everything is
    /// rendered again.
    pub(crate) global: u64,
    /// What each unit made, shared between builds: a unit kept from the last build costs one count.
    pub(crate) units: BTreeMap<Unit, std::sync::Arc<Made>>,
    /// Each language's search words by entry text, so only changed entries are cut into words again.
    pub(crate) search: BTreeMap<LangCode, crate::search::Tokenised>,
    /// What each page was made from.
    pub(crate) views: Views,
}

/// What one unit made: its fingerprint, the paths of its files, and what the lists gather from it.
#[derive(Debug, Default)]
pub(crate) struct Made {
    pub(crate) print: u64,
    pub(crate) paths: Vec<String>,
    /// A session's or offer's open-data record, which the open-data lists gather.
    pub(crate) service: Option<super::pages::Listed>,
    /// A session's calendar events in each language, which the calendar of everything gathers.
    pub(crate) events: BTreeMap<LangCode, String>,
    /// The entry's search document in each language, which each language's index gathers.
    pub(crate) docs: BTreeMap<LangCode, std::sync::Arc<crate::search::Doc>>,
}

impl Memo {
    /// The files whose views are remembered for the next build.
    pub fn remembered(&self) -> impl Iterator<Item = &String> {
        self.views.keys()
    }

    /// What a unit made in this build, if it had the same fingerprint then. The caller makes sure the global
    /// fingerprint is the same too.
    pub(crate) fn kept(&self, unit: &Unit, print: u64) -> Option<&std::sync::Arc<Made>> {
        self.units.get(unit).filter(|made| made.print == print)
    }
}

/// The fingerprint of one entry: the path and text of its file and of each of its translations.
fn entry_print(common: &Common, sources: &SourceMap) -> u64 {
    let mut h = DefaultHasher::new();
    sources.get(common.file).print().hash(&mut h);
    for (lang, t) in &common.translations {
        lang.as_str().hash(&mut h);
        sources.get(t.file).print().hash(&mut h);
    }
    h.finish()
}

/// The fingerprints of every entry, and what each unit depends on.
pub(crate) struct Prints<'c> {
    /// In the order of the content: kind, then slug.
    entries: Vec<((Kind, &'c str), u64)>,
    by_entry: std::collections::HashMap<(Kind, &'c str), u64>,
    at_place: std::collections::HashMap<(Kind, &'c str), Vec<&'c SessionId>>,
    for_offer: std::collections::HashMap<&'c str, Vec<&'c SessionId>>,
}

impl<'c> Prints<'c> {
    pub(crate) fn new(content: &'c Content, sources: &SourceMap) -> Prints<'c> {
        let entries: Vec<_> = content
            .entries()
            .map(|(kind, slug, common)| ((kind, slug), entry_print(common, sources)))
            .collect();
        let by_entry = entries.iter().copied().collect();
        let mut at_place: std::collections::HashMap<(Kind, &str), Vec<&SessionId>> = Default::default();
        let mut for_offer: std::collections::HashMap<&str, Vec<&SessionId>> = Default::default();
        for (id, s) in &content.sessions {
            match &s.venue {
                Venue::Hub(h) => at_place.entry((Kind::Hub, h.as_str())).or_default().push(id),
                Venue::Spoke(p) => at_place.entry((Kind::Spoke, p.as_str())).or_default().push(id),
                Venue::Online { .. } => {}
            }
            if let Some(o) = &s.offer {
                for_offer.entry(o.as_str()).or_default().push(id);
            }
        }
        Prints {
            entries,
            by_entry,
            at_place,
            for_offer,
        }
    }

    fn add(&self, h: &mut DefaultHasher, kind: Kind, slug: &str) {
        (kind, slug).hash(h);
        self.by_entry.get(&(kind, slug)).hash(h);
    }

    /// What is the same for every page: every file read that is not an entry (site.toml, terms, glossary,
    /// messages), the theme's templates and static files, the day, the organisations and the plain pages.
    pub(crate) fn global(
        &self,
        content: &Content,
        sources: &SourceMap,
        theme: &[(String, String)],
        statics: &BTreeMap<String, Vec<u8>>,
        today: time::Date,
    ) -> u64 {
        let mut of_entry = vec![false; sources.len()];
        for (_, _, c) in content.entries() {
            for file in std::iter::once(c.file).chain(c.translations.values().map(|t| t.file)) {
                if let Some(e) = of_entry.get_mut(file.0 as usize) {
                    *e = true;
                }
            }
        }
        let mut h = DefaultHasher::new();
        for (i, _) in of_entry.iter().enumerate().filter(|(_, e)| !**e) {
            sources.get(FileId(i as u32)).print().hash(&mut h);
        }
        theme.hash(&mut h);
        statics.hash(&mut h);
        today.hash(&mut h);
        for (kind, slug, _) in content.entries() {
            if matches!(kind, Kind::Organisation | Kind::Page) {
                self.add(&mut h, kind, slug);
            }
        }
        h.finish()
    }

    /// A unit's fingerprint: the entries it shows, by name and fingerprint. A session moving to another place
    /// changes the list of sessions at both places, and so both places' fingerprints.
    pub(crate) fn unit(&self, content: &Content, unit: &Unit) -> u64 {
        let mut h = DefaultHasher::new();
        let Unit::Entry(kind, slug) = unit else {
            self.entries.hash(&mut h);
            return h.finish();
        };
        let slug = slug.as_str();
        self.add(&mut h, *kind, slug);
        let venue = |h: &mut DefaultHasher, v: &Venue| match v {
            Venue::Hub(id) => self.add(h, Kind::Hub, id.as_str()),
            Venue::Spoke(id) => {
                self.add(h, Kind::Spoke, id.as_str());
                if let Some(s) = content.spokes.get(id) {
                    self.add(h, Kind::Hub, s.hub.as_str());
                }
            }
            Venue::Online { .. } => {}
        };
        match kind {
            Kind::Session => {
                if let Some(s) = content.sessions.get(&SessionId::new(slug)) {
                    venue(&mut h, &s.venue);
                    if let Some(o) = &s.offer {
                        self.add(&mut h, Kind::Offer, o.as_str());
                    }
                }
            }
            Kind::Hub | Kind::Spoke => {
                let spoke = (*kind == Kind::Spoke).then(|| content.spokes.get(&SpokeId::new(slug)));
                if let Some(s) = spoke.flatten() {
                    self.add(&mut h, Kind::Hub, s.hub.as_str());
                }
                for id in self.at_place.get(&(*kind, slug)).into_iter().flatten() {
                    self.add(&mut h, Kind::Session, id.as_str());
                }
            }
            Kind::Offer => {
                for id in self.for_offer.get(slug).into_iter().flatten() {
                    self.add(&mut h, Kind::Session, id.as_str());
                    if let Some(s) = content.sessions.get(*id) {
                        venue(&mut h, &s.venue);
                    }
                }
            }
            Kind::Page | Kind::Organisation => {}
        }
        h.finish()
    }
}
