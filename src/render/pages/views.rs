//! The views templates render: typed, so page code and templates agree on every field.

use serde::Serialize;

/// A link in a list: a place, an activity, an offer, a language.
#[derive(Serialize, Clone, Debug, Default)]
pub struct Link {
    pub href: String,
    pub title: String,
    /// A line under the link, such as when an activity happens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The language of `title` when it is not the page's own: the entry is not translated yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The language of `note`, when it is not the page's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_lang: Option<String>,
}

impl Link {
    pub fn to(href: String, title: String) -> Link {
        Link {
            href,
            title,
            ..Link::default()
        }
    }
}

#[derive(Serialize, Debug)]
pub struct Group {
    pub heading: String,
    pub items: Vec<Link>,
}

#[derive(Serialize, Debug)]
pub struct Alternate {
    pub lang: String,
    pub href: String,
}

/// What every page has: the head, the header and the language switcher.
#[derive(Serialize, Debug)]
pub struct Base<'a> {
    pub lang: &'a str,
    /// This page's own path, so the menu can mark where the reader is.
    pub path: String,
    pub title: String,
    pub description: String,
    pub site_title: String,
    pub base_url: &'a str,
    pub example_data: bool,
    pub alternates: Vec<Alternate>,
    pub switcher: Vec<Link>,
    /// The main sections, at the top of every page.
    pub menu: Vec<Link>,
    /// The site's own pages with `menu = true`, at the foot of every page.
    pub pages: Vec<Link>,
    pub css: &'a str,
    /// Already escaped for a script element.
    pub json_ld: Option<String>,
    /// The template the page is laid out in: `base.html`, or `embed.html` for the copy partners show in a frame.
    pub layout: &'static str,
    /// For a page partners can show on their own sites: the code to copy, and where its copy and oEmbed file are.
    pub embed: Option<Embed>,
}

/// How a page is shown on a partner's site.
#[derive(Serialize, Debug, Clone)]
pub struct Embed {
    /// The full page, which the copy links back to.
    pub page: String,
    /// The oEmbed description of the copy.
    pub oembed: String,
    /// What a partner pastes into their page: a box that `embed.js` fills, with a plain link inside it.
    pub snippet: String,
}

/// A page: the parts every page has, and the parts of its kind.
#[derive(Serialize, Debug)]
pub struct View<'a, T: Serialize> {
    #[serde(flatten)]
    pub base: Base<'a>,
    #[serde(flatten)]
    pub page: T,
}

/// What every entry page shows: its summary, its text, when it was checked, and whether it is untranslated.
#[derive(Serialize, Debug)]
pub struct Entry<T: Serialize> {
    pub summary: String,
    pub body: String,
    pub fallback: bool,
    pub content_lang: Option<String>,
    pub checked: Option<String>,
    #[serde(flatten)]
    pub facts: T,
}

#[derive(Serialize, Debug)]
pub struct PlaceFacts {
    pub kind: String,
    /// "Part of" the spoke's hub, as HTML with the link in it.
    pub part_of: Option<String>,
    pub address: Vec<String>,
    pub postcode: String,
    pub directions: Option<String>,
    pub phone: Option<Link>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub opening: Vec<String>,
    pub getting_there: Option<String>,
    pub facilities: Vec<String>,
    pub languages: Vec<String>,
    pub sessions: Vec<Link>,
    pub sessions_heading: String,
    /// The calendar file of everything on at the place.
    pub calendar: String,
}

/// A date and time as words, and as the machine-readable `datetime` of a `<time>` element.
#[derive(Serialize, Debug)]
pub struct Dated {
    pub datetime: String,
    pub text: String,
}

#[derive(Serialize, Debug)]
pub struct ActivityFacts {
    /// Every time in the next 12 weeks, or the next few if there are fewer: the page shows the first four and
    /// the rest behind "more dates".
    pub next: Vec<Dated>,
    /// The activity's calendar file.
    pub calendar: String,
    pub when: Vec<String>,
    pub when_notes: Vec<String>,
    /// The place, or "Online" with no link.
    pub venue: Link,
    pub join_url: Option<String>,
    pub ages: Option<String>,
    pub ages_send: Option<String>,
    pub audiences: Vec<String>,
    pub cost: String,
    pub cost_note: Option<String>,
    pub booking: String,
    pub book: Vec<Link>,
    pub languages: Vec<String>,
    pub run_by: Option<Link>,
}

#[derive(Serialize, Debug)]
pub struct OfferFacts {
    pub area: Option<String>,
    pub ages: Option<String>,
    pub contact: Vec<Link>,
    pub sessions: Vec<Link>,
}

/// A page of links in groups: home, Start for Life, not found.
#[derive(Serialize, Debug)]
pub struct Lists {
    pub intro: Option<String>,
    /// What is on today, on the home page.
    pub today: Option<Today>,
    pub groups: Vec<Group>,
}

#[derive(Serialize, Debug)]
pub struct Today {
    pub heading: String,
    pub items: Vec<Happening>,
    /// The link to the whole week.
    pub more: Link,
}

/// One activity on one day of the timetable.
#[derive(Serialize, Debug)]
pub struct Happening {
    pub time: String,
    pub link: Link,
    /// Where: a title and its language, without a link (`href` is empty), to keep the timetable light.
    pub place: Link,
}

#[derive(Serialize, Debug)]
pub struct Day {
    /// The day's anchor, so a link can go straight to it: `day-2026-11-23`.
    pub id: String,
    pub heading: String,
    pub items: Vec<Happening>,
}

#[derive(Serialize, Debug)]
pub struct Timetable {
    pub intro: String,
    pub count: String,
    pub days: Vec<Day>,
    /// Links to the same week for one area or one kind of activity.
    pub filters: Vec<Group>,
    /// For a filtered list: the link back to the whole week.
    pub all: Option<Link>,
    /// On a large site the week takes several pages: links to the days before and after these.
    pub previous: Option<Link>,
    pub next: Option<Link>,
}

/// One offer in the printable Start for Life publication.
#[derive(Serialize, Debug)]
pub struct PrintOffer {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub ages: Option<String>,
    pub contact: Vec<Link>,
    pub lang: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct PrintArea {
    pub heading: String,
    pub offers: Vec<PrintOffer>,
}

#[derive(Serialize, Debug)]
pub struct Print {
    pub intro: String,
    pub areas: Vec<PrintArea>,
}

/// One choice in a search filter: the value the form sends, and what it says.
#[derive(Serialize, Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A search filter: its form field, its label, the words for "any", and its choices.
#[derive(Serialize, Debug)]
pub struct Select {
    pub name: &'static str,
    pub label: String,
    pub any: String,
    pub choices: Vec<Choice>,
}

#[derive(Serialize, Debug)]
pub struct Search {
    pub intro: String,
    pub selects: Vec<Select>,
    /// The language's digits, 0 to 9, so the script writes counts as the page does.
    pub digits: String,
    /// The lists by area, kind of activity and day, for browsing without the script.
    pub lists: Vec<Group>,
}
