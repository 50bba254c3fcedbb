//! The files shared by all languages: the language chooser, the not-found page, robots.txt and the sitemap.

use std::fmt::Write;
use std::hash::{Hash, Hasher};

use super::timetable::{Filter, PathFn, WeekPages, nth_page};
use super::views::{Group, Link, Lists, View};
use super::{Ctx, TemplateError};
use crate::content::ids::{Kind, LangCode};
use crate::content::model::Common;
use crate::render::urls;

impl Ctx<'_> {
    pub fn shared(&self) -> Result<Vec<(String, Vec<u8>)>, TemplateError> {
        let source = self.config.source_language();
        let words = self.words(source);
        let languages: Vec<Link> = self
            .config
            .languages
            .iter()
            .map(|l| Link {
                href: urls::home(l),
                title: self.strings.text(l, "language-self"),
                note: Some(self.strings.text(l, "choose-language")),
                lang: Some(l.as_str().to_string()),
                note_lang: None,
            })
            .collect();
        let mut chooser = self.base(source, (&self.site_title(source), ""), None, &|_| "/".into());
        chooser.alternates = self.home_alternates();
        chooser.switcher = languages.clone();
        let (title, text) = (words.t("not-found-title"), words.t("not-found-text"));
        let mut base = self.base(source, (&title, &text), None, &urls::home);
        base.alternates.clear();
        base.switcher.clear();
        base.path = "/404.html".into();
        let not_found = View {
            base,
            page: Lists {
                intro: Some(text.clone()),
                today: None,
                groups: vec![Group {
                    heading: words.t("nav-home"),
                    items: languages.into_iter().map(|l| Link { note: None, ..l }).collect(),
                }],
            },
        };
        let robots = format!(
            "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
            self.config.base_url
        );
        Ok(vec![
            (
                "index.html".into(),
                self.page("chooser.html", "/".into(), &chooser)?.1.into_bytes(),
            ),
            (
                "404.html".into(),
                self.page("list.html", "/404.html".into(), &not_found)?.1.into_bytes(),
            ),
            ("robots.txt".into(), robots.into_bytes()),
            ("sitemap.xml".into(), self.sitemap_or_kept()),
        ])
    }

    /// The sitemap, taken from the last build when the same entries in the same languages and the same
    /// timetable pages are listed: on a large site it is 100,000 addresses.
    fn sitemap_or_kept(&self) -> Vec<u8> {
        let mut h = std::hash::DefaultHasher::new();
        for (kind, slug, common) in self.content.entries() {
            (kind, slug).hash(&mut h);
            common.translations.keys().for_each(|l| l.as_str().hash(&mut h));
        }
        let week = self.week_pages();
        (week.all, &week.area, &week.category, &self.used_categories).hash(&mut h);
        self.kept_file("sitemap.xml".into(), h.finish())
            .unwrap_or_else(|| self.sitemap(&week).into_bytes())
    }

    /// Every page in every language it exists in, each naming its alternates in the other languages; `week` says
    /// how many pages each timetable has.
    fn sitemap(&self, week: &WeekPages<'_>) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let base = &self.config.base_url;
        let mut add = |common: Option<&Common>, path: &dyn Fn(&LangCode) -> String| {
            let alts = self.alternates(common, path);
            for a in &alts {
                let _ = write!(out, "<url><loc>{base}{}</loc>", a.href);
                for b in &alts {
                    let _ = write!(
                        out,
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>",
                        b.lang, b.href
                    );
                }
                out.push_str("</url>\n");
            }
        };
        // Every page of each timetable, the later pages of a long week too.
        let mut timetables: Vec<(Filter<'_>, PathFn<'_>)> = vec![(Filter::All, Box::new(urls::timetable))];
        for l in &self.config.localities {
            timetables.push((
                Filter::Area(&l.value),
                Box::new(|lang| urls::timetable_area(lang, &l.value)),
            ));
        }
        for (c, _) in self.categories(self.config.source_language()) {
            timetables.push((
                Filter::Category(c),
                Box::new(move |lang| urls::timetable_category(lang, c)),
            ));
        }
        add(None, &urls::home);
        for (i, (filter, first)) in timetables.iter().enumerate() {
            for k in 0..week.of(filter) {
                add(None, &|lang| nth_page(first(lang), k));
            }
            // Start for Life comes after the whole week's timetable, as it always has.
            if i == 0 {
                add(None, &urls::start_for_life);
                add(None, &urls::start_for_life_print);
            }
        }
        for (kind, slug, common) in self.content.entries().filter(|(k, _, _)| *k != Kind::Organisation) {
            add(Some(common), &|l: &LangCode| {
                urls::entry(l, kind, slug).unwrap_or_default()
            });
        }
        out.push_str("</urlset>\n");
        out
    }
}
