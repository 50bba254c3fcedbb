//! The timetable: this week's activities day by day, for everyone, for each area and for each kind of activity.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use super::views::{Day, Group, Happening, Link, Timetable, View};
use super::{Ctx, OnDay, Rendered};
use crate::content::ids::{CategoryId, Kind, LangCode, LocalityId, SessionId};
use crate::content::model::Session;
use crate::render::{TemplateError, urls};

/// How many activities one timetable page lists before the rest of the week moves to a next page, so that a
/// page stays within one round trip (14,600 bytes gzipped) on a large site.
const PER_PAGE: usize = 150;

/// How many days go on each page of a week whose days have `per_day` activities: pages of about `PER_PAGE`
/// activities, a day never split, and always one page.
fn days_per_page(per_day: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut pages = Vec::new();
    let (mut days, mut listed) = (0, 0);
    for n in per_day {
        if days > 0 && listed + n > PER_PAGE {
            pages.push(days);
            (days, listed) = (0, 0);
        }
        listed += n;
        days += 1;
    }
    if days > 0 || pages.is_empty() {
        pages.push(days);
    }
    pages
}

/// The anchor of a day on a timetable page, so a link can go straight to it.
fn day_id(date: time::Date) -> String {
    format!("day-{date}")
}

/// Whether a timetable lists a session on a day.
fn keeps(filter: &Filter<'_>, (_, _, s, locality): &OnDay<'_>) -> bool {
    match filter {
        Filter::All => true,
        Filter::Area(l) => *locality == Some(*l),
        Filter::Category(c) => &s.category.value == *c,
    }
}

/// One day of a timetable before it is put into words: its place in the week (0 is today), its date and the
/// sessions on it with when they happen.
pub(super) struct Picked<'c, 'a> {
    n: usize,
    date: time::Date,
    on_day: Vec<(&'c crate::schedule::Occurrence, &'a SessionId, &'a Session)>,
}

/// Where page `k` (from 0) of a timetable is, given where its first page is: `…/2/`, `…/3/` after the first.
pub(super) fn nth_page(first: String, k: usize) -> String {
    if k == 0 { first } else { format!("{first}{}/", k + 1) }
}

/// How many pages each timetable has.
pub(super) struct WeekPages<'a> {
    pub(super) all: usize,
    pub(super) area: BTreeMap<&'a LocalityId, usize>,
    pub(super) category: BTreeMap<&'a CategoryId, usize>,
}

impl WeekPages<'_> {
    /// A timetable with nothing on it still has its one page.
    pub(super) fn of(&self, filter: &Filter<'_>) -> usize {
        match filter {
            Filter::All => self.all,
            Filter::Area(l) => self.area.get(l).copied().unwrap_or(1),
            Filter::Category(c) => self.category.get(c).copied().unwrap_or(1),
        }
    }
}

/// Where a page is in each language.
pub(super) type PathFn<'f> = Box<dyn Fn(&LangCode) -> String + 'f>;

/// One filtered list: which sessions it holds, and where it lives.
pub(super) enum Filter<'f> {
    All,
    Area(&'f LocalityId),
    Category(&'f CategoryId),
}

impl<'a> Ctx<'a> {
    /// The categories sessions use, sorted by their label in `lang` so the list reads in order.
    pub(super) fn categories(&self, lang: &LangCode) -> Vec<(&'a CategoryId, String)> {
        let mut out: Vec<(&CategoryId, String)> = self
            .used_categories
            .iter()
            .map(|c| (*c, self.strings.text(lang, &format!("category-{c}"))))
            .collect();
        out.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        out
    }

    /// A link to each kind of activity's week.
    pub(super) fn category_links(&self, lang: &LangCode) -> Vec<Link> {
        self.categories(lang)
            .into_iter()
            .map(|(c, title)| Link {
                href: urls::timetable_category(lang, c),
                title,
                ..Link::default()
            })
            .collect()
    }

    /// `n` days from today (at most a week), each with what happens on it, earliest first; and how many things
    /// happen in all.
    pub(super) fn days(&self, lang: &LangCode, keep: &dyn Fn(&OnDay<'a>) -> bool, n: usize) -> (Vec<Day>, usize) {
        let picked = self.picked(keep, n);
        let count = picked.iter().map(|d| d.on_day.len()).sum();
        let headings = self.day_headings(lang, n);
        (picked.iter().map(|d| self.day(lang, d, &headings)).collect(), count)
    }

    /// `n` days from today (at most a week), each with the sessions `keep` keeps on it.
    fn picked(&self, keep: &dyn Fn(&OnDay<'a>) -> bool, n: usize) -> Vec<Picked<'_, 'a>> {
        self.week()
            .iter()
            .take(n)
            .enumerate()
            .map(|(n, (date, all))| Picked {
                n,
                date: *date,
                on_day: all
                    .iter()
                    .filter(|on| keep(on))
                    .map(|(o, id, s, _)| (o, *id, *s))
                    .collect(),
            })
            .collect()
    }

    /// A day of a timetable as its page shows it.
    fn day(&self, lang: &LangCode, picked: &Picked<'_, 'a>, headings: &[String]) -> Day {
        let words = self.words(lang);
        let date = picked.date;
        Day {
            id: day_id(date),
            heading: headings.get(picked.n).cloned().unwrap_or_default(),
            items: picked
                .on_day
                .iter()
                .map(|(o, id, s)| Happening {
                    time: words.time_range(o.from, o.to),
                    link: self.link_to(lang, Kind::Session, id.as_str(), &s.common),
                    place: Link {
                        href: String::new(),
                        ..self.venue(lang, s).0
                    },
                })
                .collect(),
        }
    }

    /// The heading of each of the first `n` days of the week, worked out once for every timetable: putting a date
    /// into words is a message to format, and the same seven days head every page.
    fn day_headings(&self, lang: &LangCode, n: usize) -> Vec<String> {
        let words = self.words(lang);
        self.week()
            .iter()
            .take(n)
            .enumerate()
            .map(|(n, (date, _))| match n {
                0 => self
                    .strings
                    .get(lang, "timetable-today", &[("date", words.day_and_date(*date).into())]),
                _ => words.day_and_date(*date),
            })
            .collect()
    }

    pub(super) fn filters(&self, lang: &LangCode) -> Vec<Group> {
        let words = self.words(lang);
        let areas = self
            .config
            .localities
            .iter()
            .map(|l| Link {
                href: urls::timetable_area(lang, &l.value),
                title: words.t(&format!("locality-{}", l.value)),
                ..Link::default()
            })
            .collect();
        let kinds = self.category_links(lang);
        vec![
            Group {
                heading: words.t("timetable-by-area"),
                items: areas,
            },
            Group {
                heading: words.t("timetable-by-kind"),
                items: kinds,
            },
        ]
    }

    /// The pages of one timetable, and a link to each day on them.
    fn timetable(
        &self,
        lang: &'a LangCode,
        filter: &Filter<'_>,
        headings: &[String],
    ) -> Result<(Vec<Rendered>, Vec<Link>), TemplateError> {
        let words = self.words(lang);
        let (path, title): (PathFn<'_>, String) = match filter {
            Filter::All => (Box::new(urls::timetable), words.t("timetable-title")),
            Filter::Area(l) => (
                Box::new(|lang: &LangCode| urls::timetable_area(lang, l)),
                self.strings.get(
                    lang,
                    "timetable-in",
                    &[("name", words.t(&format!("locality-{l}")).into())],
                ),
            ),
            Filter::Category(c) => (
                Box::new(|lang: &LangCode| urls::timetable_category(lang, c)),
                self.strings.get(
                    lang,
                    "timetable-for",
                    &[("name", words.t(&format!("category-{c}")).into())],
                ),
            ),
        };
        let picked = self.picked(&|on| keeps(filter, on), 7);
        let count: usize = picked.iter().map(|d| d.on_day.len()).sum();
        let sizes = days_per_page(picked.iter().map(|d| d.on_day.len()));
        let mut rest = picked.iter();
        let parts: Vec<Vec<&Picked<'_, 'a>>> = sizes.iter().map(|n| rest.by_ref().take(*n).collect()).collect();
        let intro = words.t("timetable-intro");
        let all = match filter {
            Filter::All => None,
            _ => Some(Link {
                href: urls::timetable(lang),
                title: words.t("timetable-all"),
                ..Link::default()
            }),
        };
        // Pages after the first live at `…/2/`, `…/3/`; every language splits the same way, as each has the same
        // activities on the same days.
        let first: &dyn Fn(&LangCode) -> String = &*path;
        let nth =
            |k: usize| -> Box<dyn Fn(&LangCode) -> String + '_> { Box::new(move |l: &LangCode| nth_page(first(l), k)) };
        let last = parts.len() - 1;
        self.progress.grow(last);
        let mut out = Vec::new();
        let mut day_links = Vec::new();
        for (k, days) in parts.into_iter().enumerate() {
            if let Filter::All = filter {
                day_links.extend(days.iter().map(|d| Link {
                    href: format!("{}#{}", nth(k)(lang), day_id(d.date)),
                    title: headings.get(d.n).cloned().unwrap_or_default(),
                    ..Link::default()
                }));
            }
            let link = |k: usize, id: &str| Link {
                href: nth(k)(lang),
                title: words.t(id),
                ..Link::default()
            };
            // What the page shows of the site beyond the templates and messages: which page of which timetable it
            // is, and each session on it with when and the fingerprint of the session and its place. A page whose
            // inputs are the same is taken from the last build without its view being built.
            let inputs = self.session_prints.map(|prints| {
                let mut h = std::hash::DefaultHasher::new();
                (lang.as_str(), k, last, count, &self.used_categories).hash(&mut h);
                for d in &days {
                    (d.n, d.date).hash(&mut h);
                    for (o, id, _) in &d.on_day {
                        (o.from, o.to, id.as_str(), prints.get(id.as_str())).hash(&mut h);
                    }
                }
                h.finish()
            });
            let view = || View {
                base: self.base(lang, (&title, &intro), None, &*nth(k)),
                page: Timetable {
                    count: self.strings.get(lang, "timetable-count", &[("count", count.into())]),
                    intro: intro.clone(),
                    days: days.iter().map(|d| self.day(lang, d, headings)).collect(),
                    previous: (k > 0).then(|| link(k - 1, "timetable-earlier")),
                    next: (k < last).then(|| link(k + 1, "timetable-later")),
                    filters: self.filters(lang),
                    all: all.clone(),
                },
            };
            out.push(match inputs {
                Some(inputs) => self.page_from("timetable.html", nth(k)(lang), inputs, view)?,
                None => self.page("timetable.html", nth(k)(lang), &view())?,
            });
        }
        Ok((out, day_links))
    }

    /// How many pages each timetable has (the same in every language), from one pass over the week.
    pub(super) fn week_pages(&self) -> WeekPages<'a> {
        let days = self.week().len().min(7);
        let mut all = vec![0; days];
        let mut area: BTreeMap<&LocalityId, Vec<usize>> = BTreeMap::new();
        let mut category: BTreeMap<&CategoryId, Vec<usize>> = BTreeMap::new();
        for (d, (_, on_day)) in self.week().iter().take(days).enumerate() {
            for (_, _, s, locality) in on_day {
                all[d] += 1;
                if let Some(l) = *locality {
                    area.entry(l).or_insert_with(|| vec![0; days])[d] += 1;
                }
                category.entry(&s.category.value).or_insert_with(|| vec![0; days])[d] += 1;
            }
        }
        let pages = |per_day: Vec<usize>| days_per_page(per_day).len();
        WeekPages {
            all: pages(all),
            area: area.into_iter().map(|(l, n)| (l, pages(n))).collect(),
            category: category.into_iter().map(|(c, n)| (c, pages(n))).collect(),
        }
    }

    /// The whole week, then the week in each area, then the week for each kind of activity; and a link to each
    /// day of the whole week, wherever its page is.
    pub(super) fn timetables(&self, lang: &'a LangCode) -> Result<(Vec<Rendered>, Vec<Link>), TemplateError> {
        let headings = self.day_headings(lang, 7);
        let (mut out, days) = self.timetable(lang, &Filter::All, &headings)?;
        for l in &self.config.localities {
            out.extend(self.timetable(lang, &Filter::Area(&l.value), &headings)?.0);
        }
        for (c, _) in self.categories(lang) {
            out.extend(self.timetable(lang, &Filter::Category(c), &headings)?.0);
        }
        Ok((out, days))
    }
}
