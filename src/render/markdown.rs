//! Markdown to HTML with nothing unsafe let through: no raw HTML, no script links, no images from elsewhere.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::content::ids::LangCode;
use crate::validate::links::parse_internal;

/// How a link's address is rewritten: internal `@/` links become pages in the reader's language.
pub trait LinkResolver {
    fn resolve(&self, dest: &str, lang: &LangCode) -> Option<String>;
}

/// Whether a link may appear on a page as written.
fn is_safe_external(dest: &str) -> bool {
    let lower = dest.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with('#')
}

/// The words of an entry's markdown without its markup, for the search index: text and code, never raw HTML or
/// link addresses.
pub fn to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for event in Parser::new_ext(md, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Renders an entry's markdown for a page in `lang`. The page title is the h1, so the entry's own top headings
/// become h2, whether the writer marked them `#` or `##`.
pub fn to_html(md: &str, lang: &LangCode, links: &dyn LinkResolver) -> String {
    to_html_under(md, lang, links, 2)
}

/// As [`to_html`], with the entry's top headings at level `top`: the printed Start for Life has the offer's title as
/// h3, so its headings start at h4. Levels below the top keep their distance from it, so no level is skipped that
/// the writer did not skip.
pub fn to_html_under(md: &str, lang: &LangCode, links: &dyn LinkResolver, top: usize) -> String {
    let highest = Parser::new_ext(md, Options::ENABLE_STRIKETHROUGH)
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut dropped_links = Vec::new();
    let mut depth = 0usize;
    let events = Parser::new_ext(md, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => None,
        // A picture becomes its description: its alt text arrives as ordinary text events.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            depth += 1;
            let dest = if parse_internal(&dest_url).is_some() {
                links.resolve(&dest_url, lang)
            } else if is_safe_external(&dest_url) {
                Some(dest_url.to_string())
            } else {
                None
            };
            match dest {
                Some(d) => Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(d),
                    title,
                    id,
                })),
                None => {
                    dropped_links.push(depth);
                    None
                }
            }
        }
        Event::End(TagEnd::Link) => {
            let dropped = dropped_links.last() == Some(&depth);
            if dropped {
                dropped_links.pop();
            }
            depth = depth.saturating_sub(1);
            (!dropped).then_some(Event::End(TagEnd::Link))
        }
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: place(level, highest, top),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(place(level, highest, top)))),
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Moves a heading so the entry's highest level lands on `top`.
fn place(level: HeadingLevel, highest: usize, top: usize) -> HeadingLevel {
    HeadingLevel::try_from((level as usize + top).saturating_sub(highest).clamp(1, 6)).unwrap_or(HeadingLevel::H6)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;
    impl LinkResolver for Fixed {
        fn resolve(&self, dest: &str, lang: &LangCode) -> Option<String> {
            dest.strip_prefix("@/").map(|p| format!("/{lang}/{p}/"))
        }
    }

    fn html(md: &str) -> String {
        to_html(md, &LangCode::new("bn"), &Fixed)
    }

    #[test]
    fn raw_html_and_script_links_never_reach_the_page() {
        let out = html(
            "Hi <script>alert(1)</script> <b onclick=x>there</b>\n\n<div>block</div>\n\n[click](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.org)",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("<div"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("data:"), "{out}");
        assert!(out.contains("click"), "link text stays: {out}");
        assert!(out.contains("<a href=\"https://example.org\">ok</a>"), "{out}");
    }

    #[test]
    fn internal_links_point_at_the_readers_language() {
        assert_eq!(
            html("[শিশুর মালিশ](@/sessions/baby-massage)"),
            "<p><a href=\"/bn/sessions/baby-massage/\">শিশুর মালিশ</a></p>\n"
        );
    }

    #[test]
    fn images_become_their_description() {
        assert_eq!(html("![a map](https://elsewhere.example/map.png)"), "<p>a map</p>\n");
    }

    #[test]
    fn the_top_headings_become_h2_under_the_page_title() {
        assert_eq!(html("# Title\n## Part"), "<h2>Title</h2>\n<h3>Part</h3>\n");
        assert_eq!(
            html("## What happens here\n### Late opening"),
            "<h2>What happens here</h2>\n<h3>Late opening</h3>\n"
        );
        assert_eq!(html("### Only a small heading"), "<h2>Only a small heading</h2>\n");
    }

    #[test]
    fn printed_headings_start_under_the_offer_title() {
        let printed = to_html_under("## Before the birth\n### Classes", &LangCode::new("en"), &Fixed, 4);
        assert_eq!(printed, "<h4>Before the birth</h4>\n<h5>Classes</h5>\n");
    }
}
