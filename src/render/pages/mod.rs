//! The pages of the site: what each page shows, gathered into the typed view its template renders.

mod activities;
mod calendar;
mod embed;
mod headers;
mod home;
mod open_data;
mod places;
mod search;
mod sessions;
mod shared;
mod start_for_life;
mod timetable;
pub mod views;

pub use headers::{headers as site_headers, source_hash};
pub use open_data::Listed;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use std::hash::{Hash, Hasher};

use serde::Serialize;

use self::views::{Alternate, Base, Entry, Link, View};
use super::markdown::{self, LinkResolver};
use super::words::Words;
use super::{Progress, TemplateError, Theme, urls};
use crate::config::SiteConfig;
use crate::content::ids::*;
use crate::content::model::*;
use crate::i18n::Strings;
use crate::validate::links::parse_internal;

/// A session on a day of the week: when, which (with the session itself, so lists need not look it up), and the area it is in (worked out once, as each area's timetable
/// asks of every session).
type OnDay<'a> = (
    crate::schedule::Occurrence,
    &'a SessionId,
    &'a Session,
    Option<&'a LocalityId>,
);

/// A rendered page: its URL path and its HTML.
pub type Rendered = (String, String);

/// What one entry makes: its files by path, its open-data record and its calendar events in each language if
/// it has them, which the lists gather.
pub struct EntryFiles {
    pub files: Vec<(String, Vec<u8>)>,
    pub service: Option<Listed>,
    pub events: BTreeMap<LangCode, String>,
    /// The entry as search sees it in each language, kept for the next build; none for a build that has no next.
    pub docs: BTreeMap<LangCode, std::sync::Arc<crate::search::Doc>>,
}

/// An entry's search document in a language, if one was kept from the build of its files: by kind and name.
pub type KeptDoc<'k> = dyn Fn(Kind, &str) -> Option<std::sync::Arc<crate::search::Doc>> + Sync + 'k;

/// Everything the pages of every language are made from.
pub struct Ctx<'a> {
    config: &'a SiteConfig,
    content: &'a Content,
    strings: &'a Strings,
    theme: &'a Theme,
    /// Sessions by the place they happen at, and by the offer they belong to.
    at_place: BTreeMap<&'a str, Vec<&'a SessionId>>,
    for_offer: BTreeMap<&'a OfferId, Vec<&'a SessionId>>,
    /// Sessions by when they next happen, soonest first, then those with no date ahead: the order search numbers
    /// them in, the same in every language. Worked out when first asked for, which is after the entries are made,
    /// so a preview need not wait for it to show them.
    soonest: OnceLock<Vec<(&'a SessionId, Option<crate::schedule::Occurrence>)>>,
    /// Each session's slots as calendar series: the same for every language's calendars and for the open data,
    /// so worked out once.
    series: BTreeMap<&'a SessionId, OnceLock<Vec<crate::schedule::recur::Series>>>,
    /// The week from `today`: each day's date and what happens on it, sorted by time, then by name; the same for
    /// every language and every list, so worked out once, when first asked for.
    week: OnceLock<Vec<(time::Date, Vec<OnDay<'a>>)>>,
    /// The kinds of activity sessions use, each once: many lists show them, so they are gathered once.
    used_categories: Vec<&'a CategoryId>,
    /// The day "next dates" and the timetable count from: fixed per build, so the same input gives the same pages.
    today: time::Date,
    /// The stylesheet every page inlines.
    css: &'a str,
    /// Told of each page rendered, to move a progress bar.
    progress: &'a dyn Progress,
    /// The last build's files and the fingerprint of each page's view, to take unchanged pages from.
    before: Option<(&'a super::SiteFiles, &'a super::memo::Views)>,
    /// Whether to keep the fingerprint of each page's view for the next build (`serve` does; `build` has no next).
    remember: bool,
    /// The fingerprint of each session with its place and offer, when the site may be built again from this build.
    session_prints: Option<&'a std::collections::HashMap<&'a str, u64>>,
    /// The fingerprint of each page's view in this build.
    views: std::sync::Mutex<super::memo::Views>,
}

impl LinkResolver for Ctx<'_> {
    fn resolve(&self, dest: &str, lang: &LangCode) -> Option<String> {
        let r = parse_internal(dest)?.ok()?;
        if r.kind == Kind::Organisation {
            return self
                .content
                .organisations
                .get(&OrgId::new(r.slug.clone()))?
                .website
                .clone();
        }
        self.content.contains(&r).then(|| urls::entry_ref(lang, &r)).flatten()
    }
}

impl<'a> Ctx<'a> {
    pub fn new(
        checked: &'a crate::Checked,
        strings: &'a Strings,
        theme: &'a Theme,
        today: time::Date,
        css: &'a str,
        progress: &'a dyn Progress,
        before: Option<(&'a super::SiteFiles, &'a super::memo::Views)>,
    ) -> Self {
        let content = &checked.loaded.content;
        let mut at_place: BTreeMap<&str, Vec<&SessionId>> = BTreeMap::new();
        let mut for_offer: BTreeMap<&OfferId, Vec<&SessionId>> = BTreeMap::new();
        for (id, s) in &content.sessions {
            match &s.venue {
                Venue::Hub(h) => at_place.entry(h.as_str()).or_default().push(id),
                Venue::Spoke(sp) => at_place.entry(sp.as_str()).or_default().push(id),
                Venue::Online { .. } => {}
            }
            if let Some(o) = &s.offer {
                for_offer.entry(o).or_default().push(id);
            }
        }
        let mut ctx = Ctx {
            soonest: OnceLock::new(),
            week: OnceLock::new(),
            series: BTreeMap::new(),
            config: &checked.loaded.config,
            content,
            strings,
            theme,
            at_place,
            for_offer,
            used_categories: content
                .sessions
                .values()
                .map(|s| &s.category.value)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
            today,
            css,
            progress,
            before,
            remember: true,
            session_prints: None,
            views: Default::default(),
        };
        ctx.series = content.sessions.keys().map(|id| (id, OnceLock::new())).collect();
        ctx
    }

    /// A session's slots as calendar series, worked out the first time they are asked for: a rebuild asks only for
    /// the sessions it renders again.
    fn series_of(&self, id: &SessionId, s: &Session) -> &[crate::schedule::recur::Series] {
        let Some(cell) = self.series.get(id) else {
            return &[];
        };
        cell.get_or_init(|| {
            let slots: Vec<crate::schedule::Slot> = s.when.iter().map(|w| w.value.clone()).collect();
            crate::schedule::recur::series(&self.rules(s, &slots), self.today)
        })
    }

    /// Seven days from today with what happens on each.
    fn week(&self) -> &[(time::Date, Vec<OnDay<'a>>)] {
        self.week.get_or_init(|| self.make_week())
    }

    /// Works out what every language's lists share, on both cores, before the languages' lists start: worked out by
    /// whichever language asks first, the others would wait for it.
    pub fn prepare_lists(&self) {
        rayon::join(|| self.week(), || self.soonest());
    }

    /// Sessions by when they next happen: see `soonest`.
    fn soonest(&self) -> &[(&'a SessionId, Option<crate::schedule::Occurrence>)] {
        self.soonest.get_or_init(|| self.by_next_date())
    }

    /// Seven days from today with what happens on each. A date past the end of the calendar (only from a mistyped
    /// --today) ends the week early.
    fn make_week(&self) -> Vec<(time::Date, Vec<OnDay<'a>>)> {
        type Slots = Vec<crate::schedule::Slot>;
        let sessions: Vec<(&SessionId, &Session, Slots, Option<&LocalityId>)> = self
            .content
            .sessions
            .iter()
            .map(|(id, s)| {
                (
                    id,
                    s,
                    s.when.iter().map(|w| w.value.clone()).collect(),
                    self.locality_of(s),
                )
            })
            .collect();
        (0..7)
            .map_while(|n| self.today.checked_add(time::Duration::days(n)))
            .map(|date| {
                let mut on_day: Vec<OnDay<'a>> = sessions
                    .iter()
                    .flat_map(|(id, s, slots, l)| {
                        self.rules(s, slots).on(date).into_iter().map(move |o| (o, *id, *s, *l))
                    })
                    .collect();
                on_day.sort_by_key(|(o, id, _, _)| (o.from, o.to, *id));
                (date, on_day)
            })
            .collect()
    }

    /// When a session next happens from today, if it does.
    fn next_time(&self, s: &Session) -> Option<crate::schedule::Occurrence> {
        let slots: Vec<crate::schedule::Slot> = s.when.iter().map(|w| w.value.clone()).collect();
        self.rules(s, &slots).next(self.today, 1).into_iter().next()
    }

    /// Every session with when it next happens, soonest first, then those with no date ahead.
    fn by_next_date(&self) -> Vec<(&'a SessionId, Option<crate::schedule::Occurrence>)> {
        let mut next: Vec<(&SessionId, Option<crate::schedule::Occurrence>)> = self
            .content
            .sessions
            .iter()
            .map(|(id, s)| (id, self.next_time(s)))
            .collect();
        next.sort_by_key(|(id, o)| (o.is_none(), o.map(|o| (o.date, o.from, o.to)), *id));
        next
    }

    fn words<'w>(&'w self, lang: &'w LangCode) -> Words<'w> {
        Words {
            strings: self.strings,
            lang,
        }
    }

    fn site_title(&self, lang: &LangCode) -> String {
        if self.strings.has(lang, "site-title") {
            self.strings.text(lang, "site-title")
        } else {
            self.config.title.clone()
        }
    }

    /// The text to show in `lang`: its translation, or the source text and the source language it is in.
    fn text_in<'c>(&self, common: &'c Common, lang: &LangCode) -> (&'c Text, Option<&LangCode>) {
        let source = self.config.source_language();
        if lang == source {
            return (&common.text, None);
        }
        match common.translations.get(lang) {
            Some(t) => (&t.text, None),
            None => (&common.text, Some(source)),
        }
    }

    /// A link to an entry's page, marked with the source language when the entry is not translated.
    fn link_to(&self, lang: &LangCode, kind: Kind, slug: &str, common: &Common) -> Link {
        let (text, fallback) = self.text_in(common, lang);
        Link {
            href: urls::entry(lang, kind, slug).unwrap_or_default(),
            title: text.title.clone(),
            lang: fallback.map(|l| l.as_str().to_string()),
            ..Link::default()
        }
    }

    /// The languages a page really exists in: the source, and each language it is translated into.
    fn alternates(&self, common: Option<&Common>, path: &dyn Fn(&LangCode) -> String) -> Vec<Alternate> {
        self.config
            .languages
            .iter()
            .filter(|l| common.is_none_or(|c| *l == self.config.source_language() || c.translations.contains_key(*l)))
            .map(|l| Alternate {
                lang: l.as_str().to_string(),
                href: path(l),
            })
            .collect()
    }

    /// The home pages in each language, and the language chooser as the page for anyone else (`x-default`).
    fn home_alternates(&self) -> Vec<Alternate> {
        let mut alternates = self.alternates(None, &urls::home);
        alternates.push(Alternate {
            lang: "x-default".into(),
            href: "/".into(),
        });
        alternates
    }

    fn base(
        &self,
        lang: &'a LangCode,
        (title, description): (&str, &str),
        common: Option<&Common>,
        path: &dyn Fn(&LangCode) -> String,
    ) -> Base<'a> {
        let words = self.words(lang);
        let menu = vec![
            Link {
                href: urls::home(lang),
                title: words.t("nav-home"),
                ..Link::default()
            },
            Link {
                href: urls::timetable(lang),
                title: words.t("nav-timetable"),
                ..Link::default()
            },
            Link {
                href: urls::start_for_life(lang),
                title: words.t("nav-start-for-life"),
                ..Link::default()
            },
            Link {
                href: urls::search(lang),
                title: words.t("nav-search"),
                ..Link::default()
            },
        ];
        let pages = self
            .menu()
            .into_iter()
            .map(|(id, p)| self.link_to(lang, Kind::Page, id.as_str(), &p.common))
            .collect();
        let switcher = self
            .config
            .languages
            .iter()
            .filter(|l| *l != lang)
            .map(|l| Link {
                href: path(l),
                title: self.strings.text(l, "language-self"),
                lang: Some(l.as_str().to_string()),
                ..Link::default()
            })
            .collect();
        Base {
            lang: lang.as_str(),
            path: path(lang),
            title: title.to_string(),
            description: description.to_string(),
            site_title: self.site_title(lang),
            base_url: &self.config.base_url,
            example_data: self.config.example_data,
            alternates: self.alternates(common, path),
            switcher,
            menu,
            pages,
            css: self.css,
            json_ld: None,
            layout: "base.html",
            embed: None,
        }
    }

    fn menu(&self) -> Vec<(&PageId, &Page)> {
        let mut pages: Vec<(&PageId, &Page)> = self.content.pages.iter().filter(|(_, p)| p.menu).collect();
        pages.sort_by_key(|(id, p)| (p.order, *id));
        pages
    }

    /// The head and the parts every entry page shows: title, summary, text, when it was checked, the notice.
    fn entry<T: Serialize>(
        &self,
        lang: &'a LangCode,
        (kind, slug): (Kind, &str),
        common: &Common,
        facts: T,
    ) -> View<'a, Entry<T>> {
        let (text, fallback) = self.text_in(common, lang);
        let path = |l: &LangCode| urls::entry(l, kind, slug).unwrap_or_default();
        let base = self.base(lang, (&text.title, &text.summary), Some(common), &path);
        let words = self.words(lang);
        let checked = common
            .checked
            .map(|d| self.strings.get(lang, "checked-on", &[("date", words.date(d).into())]));
        View {
            base,
            page: Entry {
                summary: text.summary.clone(),
                body: markdown::to_html(&text.body, lang, self),
                fallback: fallback.is_some(),
                content_lang: fallback.map(|l| l.as_str().to_string()),
                checked,
                facts,
            },
        }
    }

    /// A page partners can show on their own sites: the page with the code to copy, its chrome-free copy under
    /// `/embed/`, and the copy's oEmbed file.
    fn embeddable<T: Serialize>(&self, template: &str, mut view: View<'a, T>) -> Result<Vec<Rendered>, TemplateError> {
        let path = view.base.path.clone();
        let embed = self.embed_for(&path, &view.base.title, &view.base.site_title);
        let oembed = embed::oembed(
            &self.config.base_url,
            &view.base.site_title,
            &view.base.title,
            &embed.snippet,
        );
        view.base.embed = Some(embed.clone());
        let page = self.page(template, path.clone(), &view)?;
        view.base.layout = "embed.html";
        view.base.json_ld = None;
        let copy = self.page(template, embed::path(&path), &view)?;
        Ok(vec![page, copy, (embed.oembed, oembed)])
    }

    /// Renders a page, or takes it from the last build when its template and everything it shows are the same:
    /// a change to one session leaves most timetable pages as they were.
    fn page<T: Serialize>(&self, template: &str, path: String, view: &T) -> Result<Rendered, TemplateError> {
        if !self.remember && self.before.is_none() {
            let html = self.theme.render(template, view)?;
            self.progress.tick();
            return Ok((path, html));
        }
        let mut hash = super::memo::Fingerprint::default();
        template.hash(&mut hash);
        // Writing into a hash cannot fail, and the views are plain data.
        let _ = serde_json::to_writer(&mut hash, view);
        self.kept_or(path, hash.finish(), || self.theme.render(template, view))
    }

    /// The page at `path` from the last build if it had the fingerprint `print` then, else `render`'s; either way
    /// `print` is noted for the next build.
    fn kept_or(
        &self,
        path: String,
        print: u64,
        render: impl FnOnce() -> Result<String, TemplateError>,
    ) -> Result<Rendered, TemplateError> {
        let file = urls::file_for(&path);
        let html = match self.kept_file(file, print).and_then(|b| String::from_utf8(b).ok()) {
            Some(html) => html,
            None => render()?,
        };
        self.progress.tick();
        Ok((path, html))
    }

    /// The file at `file` from the last build if it had the fingerprint `print` then; either way `print` is noted
    /// for the next build.
    fn kept_file(&self, file: String, print: u64) -> Option<Vec<u8>> {
        let before = self.before.and_then(|(files, views)| {
            let bytes = files.get(&file).filter(|_| views.get(&file) == Some(&print))?;
            Some(bytes.to_vec())
        });
        if self.remember {
            self.views
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(file, print);
        }
        before
    }

    /// Renders a page, or takes it from the last build when its template and `inputs` are the same. For pages
    /// whose view costs more to build than a fingerprint of what they show: `inputs` must cover everything the
    /// view is made from that is not the same for the whole site.
    fn page_from<T: Serialize>(
        &self,
        template: &str,
        path: String,
        inputs: u64,
        view: impl FnOnce() -> T,
    ) -> Result<Rendered, TemplateError> {
        let mut hash = super::memo::Fingerprint::default();
        (template, inputs).hash(&mut hash);
        self.kept_or(path, hash.finish(), || self.theme.render(template, &view()))
    }

    /// The fingerprint of each session with its place and offer, which the lists that show sessions are keyed by.
    pub fn with_session_prints(mut self, prints: &'a std::collections::HashMap<&'a str, u64>) -> Self {
        self.session_prints = Some(prints);
        self
    }

    /// No fingerprint of any page is kept, and none is worked out: for a build that will not be built again from.
    pub fn forgetful(mut self) -> Self {
        self.remember = false;
        self
    }

    /// What each page rendered in this build was made from, for the next.
    pub fn views(self) -> super::memo::Views {
        self.views.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Every page of one language that lists many entries.
    pub fn lists(&self, lang: &'a LangCode) -> Result<Vec<Rendered>, TemplateError> {
        let mut out = vec![self.home(lang)?, self.print(lang)?];
        out.extend(self.start_for_life(lang)?);
        let (timetables, days) = self.timetables(lang)?;
        out.extend(timetables);
        out.push(self.search(lang, days)?);
        Ok(out)
    }

    /// The files of one entry in every language, by path: its page, the copy for partners' sites with its oEmbed
    /// file, its calendar and its open data; and its open-data record for the lists, if it has one. Nothing for an
    /// entry that does not exist or has no page of its own.
    pub fn entry_files(&self, kind: Kind, slug: &str) -> Result<EntryFiles, TemplateError> {
        let c = self.content;
        let mut pages = Vec::new();
        let mut files = Vec::new();
        let mut events = BTreeMap::new();
        let mut docs = BTreeMap::new();
        for lang in &self.config.languages {
            // Only a build that will be built again from keeps them: a whole site's would be held until the end.
            if self.remember
                && let Some(doc) = self.entry_doc(lang, kind, slug)
            {
                docs.insert(lang.clone(), std::sync::Arc::new(doc));
            }
            match kind {
                Kind::Hub => {
                    if let Some((id, h)) = c.hubs.get_key_value(&HubId::new(slug)) {
                        pages.extend(self.place(lang, (kind, id.as_str()), &h.place, None)?);
                        files.push(self.place_calendar(lang, id.as_str(), &h.place));
                    }
                }
                Kind::Spoke => {
                    if let Some((id, s)) = c.spokes.get_key_value(&SpokeId::new(slug)) {
                        pages.extend(self.place(lang, (kind, id.as_str()), &s.place, Some(&s.hub))?);
                        files.push(self.place_calendar(lang, id.as_str(), &s.place));
                    }
                }
                Kind::Session => {
                    if let Some((id, s)) = c.sessions.get_key_value(&SessionId::new(slug)) {
                        pages.extend(self.activity(lang, id, s)?);
                        let (file, lang_events) = self.session_calendar(lang, id, s);
                        files.push(file);
                        events.insert(lang.clone(), lang_events);
                    }
                }
                Kind::Offer => {
                    if let Some((id, o)) = c.offers.get_key_value(&OfferId::new(slug)) {
                        pages.extend(self.offer(lang, id, o)?);
                    }
                }
                Kind::Page => {
                    if let Some((id, p)) = c.pages.get_key_value(&PageId::new(slug)) {
                        let view = self.entry(lang, (Kind::Page, id.as_str()), &p.common, ());
                        pages.push(self.page("page.html", view.base.path.clone(), &view)?);
                    }
                }
                Kind::Organisation => {}
            }
        }
        let open_data = match kind {
            Kind::Session => {
                (c.sessions.get_key_value(&SessionId::new(slug))).map(|(id, s)| self.session_open_data(id, s))
            }
            Kind::Offer => (c.offers.get_key_value(&OfferId::new(slug))).map(|(id, o)| self.offer_open_data(id, o)),
            _ => None,
        };
        let service = open_data.map(|(record, file)| {
            files.push(file);
            Listed::new(&record)
        });
        let mut out: Vec<(String, Vec<u8>)> = pages
            .into_iter()
            .map(|(path, html)| (urls::file_for(&path), html.into_bytes()))
            .collect();
        out.extend(files);
        Ok(EntryFiles {
            files: out,
            service,
            events,
            docs,
        })
    }

    /// How many pages one entry makes in each language.
    pub fn pages_of(kind: Kind) -> usize {
        match kind {
            Kind::Page => 1,
            Kind::Organisation => 0,
            _ => 2,
        }
    }

    /// How many list pages each language has at least; a timetable long enough to take more than one page adds
    /// the rest as it renders.
    pub fn list_pages_per_language(&self) -> usize {
        // Home, Start for Life and its copy, its print page, the whole week's timetable and search.
        6 + self.config.localities.len() + self.categories(self.config.source_language()).len()
    }
}
