//! A made-up but valid site of any size, the same for the same seed: for benchmarks and load tests.

use std::fmt::Write as _;
use std::path::Path;

use crate::content::model::Text;
use crate::validate::translations::fingerprint;

/// A small, fast, seeded random number generator (SplitMix64), so corpora are the same on every machine; the
/// mutation test (tests/fuzz.rs) uses it too.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 up to, not including, `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const LOCALITIES: [&str; 4] = ["northfield", "canal-side", "old-town", "parkview"];
const CATEGORIES: [&str; 8] = [
    "stay-and-play",
    "baby-group",
    "music-and-rhymes",
    "story-time",
    "feeding-support",
    "health-clinic",
    "dads-group",
    "active-play",
];
const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const EVERY: [&str; 4] = ["week", "first", "last", "third"];
const WORDS: [&str; 12] = [
    "Messy", "Baby", "Toddler", "Rhyme", "Story", "Music", "Play", "Bumps", "Dads", "Splash", "Chatter", "Sunny",
];
const BN: [&str; 6] = [
    "শিশুদের খেলা",
    "গান ও ছড়া",
    "গল্পের সময়",
    "মা ও শিশু",
    "বাবাদের দল",
    "খাওয়ানোয় সাহায্য",
];
const SO: [&str; 6] = [
    "Ciyaarta carruurta",
    "Heesaha ilmaha",
    "Waqtiga sheekada",
    "Hooyada iyo ilmaha",
    "Kooxda aabayaasha",
    "Caawimaad quudinta",
];

fn entry(fields: &str, body: &str) -> String {
    format!("+++\n{fields}+++\n{body}")
}

fn text(title: &str, summary: &str, body: &str) -> Text {
    Text {
        title: title.into(),
        summary: summary.into(),
        body: body.into(),
        ..Text::default()
    }
}

fn write(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, contents)
}

/// Writes a site of `sessions` sessions (with Bengali and Somali translations) into `out`.
pub fn generate(out: &Path, sessions: usize, seed: u64) -> std::io::Result<()> {
    let mut rng = Rng(seed);
    let hubs = (sessions / 250).clamp(4, 60);
    let spokes = hubs * 3;
    write(
        &out.join("site.toml"),
        "title = \"Generated family hubs\"\nbase_url = \"https://generated.example\"\nlanguages = [\"en\", \"bn\", \"so\"]\nlocalities = [\"northfield\", \"canal-side\", \"old-town\", \"parkview\"]\nexample_data = true\n",
    )?;
    for (lang, names) in [
        ("en", ["Northfield", "Canal Side", "Old Town", "Parkview"]),
        ("bn", ["নর্থফিল্ড", "ক্যানাল সাইড", "ওল্ড টাউন", "পার্কভিউ"]),
        ("so", ["Northfield", "Canal Side", "Old Town", "Parkview"]),
    ] {
        let mut ftl = String::new();
        for (id, name) in LOCALITIES.iter().zip(names) {
            let _ = writeln!(ftl, "locality-{id} = {name}");
        }
        write(&out.join(format!("locales/{lang}/site.ftl")), &ftl)?;
    }
    write(
        &out.join("content/terms.toml"),
        "[[term]]\nfrom = 2026-09-03\nto = 2026-10-23\n\n[[term]]\nfrom = 2026-11-02\nto = 2026-12-18\n\n[[closed]]\ndate = 2026-12-25\nreason = \"Christmas Day\"\n",
    )?;
    let translate = |path: &Path, slug: &str, source: &Text, n: usize| -> std::io::Result<()> {
        let fp = fingerprint(source);
        for (lang, words) in [("bn", BN), ("so", SO)] {
            let title = format!("{} {n}", words[n % words.len()]);
            let fields = format!(
                "source = \"{fp}\"\ntitle = \"{title}\"\nsummary = \"{title}: {}\"\n",
                words[(n + 1) % words.len()]
            );
            write(
                &path.join(format!("{slug}.{lang}.md")),
                &entry(&fields, &format!("\n{}।\n", words[(n + 2) % words.len()])),
            )?;
        }
        Ok(())
    };
    for h in 0..hubs {
        let slug = format!("hub-{h}");
        let (title, summary, body) = (
            format!("Family hub {h}"),
            "A friendly place for families with young children.".to_string(),
            "\nCome and meet us. We can help with lots of things.\n".to_string(),
        );
        let fields = format!(
            "title = \"{title}\"\nsummary = \"{summary}\"\nlocality = \"{}\"\naddress = [\"{h} High Street\", \"Eastbrook\"]\npostcode = \"EB{} {}AB\"\nlocation = {{ lat = 51.5{h}, lon = -0.0{h} }}\nphone = \"020 7946 0{:03}\"\nopening = [{{ days = [\"monday\", \"tuesday\", \"wednesday\", \"thursday\", \"friday\"], from = \"09:00\", to = \"17:00\" }}]\nfacilities = [\"step-free\", \"baby-changing\"]\n",
            LOCALITIES[h % 4],
            1 + h % 4,
            h % 10,
            h % 1000
        );
        write(&out.join(format!("content/hubs/{slug}.md")), &entry(&fields, &body))?;
        translate(&out.join("content/hubs"), &slug, &text(&title, &summary, &body), h)?;
    }
    for s in 0..spokes {
        let slug = format!("spoke-{s}");
        let (title, summary, body) = (
            format!("Community room {s}"),
            "A room where some groups meet.".to_string(),
            "\nAsk at the front desk.\n".to_string(),
        );
        let fields = format!(
            "title = \"{title}\"\nsummary = \"{summary}\"\nhub = \"hub-{}\"\naddress = [\"{s} Park Road\", \"Eastbrook\"]\npostcode = \"EB{} {}BD\"\n",
            s % hubs,
            1 + s % 4,
            s % 10
        );
        write(&out.join(format!("content/spokes/{slug}.md")), &entry(&fields, &body))?;
        translate(&out.join("content/spokes"), &slug, &text(&title, &summary, &body), s)?;
    }
    for n in 0..sessions {
        let slug = format!("session-{n}");
        let venue = if rng.below(3) == 0 {
            format!("hub-{}", rng.below(hubs))
        } else {
            format!("spoke-{}", rng.below(spokes))
        };
        let title = format!("{} {} {n}", rng.pick(&WORDS), rng.pick(&WORDS).to_lowercase());
        let summary = "Songs, toys and a chat for you and your little one.".to_string();
        let body = format!(
            "\nCome along with your child. We sing, play and read together.\n\nIt is {} and you do not need to book.\n",
            if n % 3 == 0 { "free" } else { "cheap" }
        );
        let hour = 9 + rng.below(8);
        let every = rng.pick(&EVERY);
        let fields = format!(
            "title = \"{title}\"\nsummary = \"{summary}\"\nvenue = \"{venue}\"\ncategory = \"{}\"\nages = {{ from = \"birth\", to = \"{} years\" }}\nfor = [\"parents\", \"carers\"]\nwhen = [{{ days = [\"{}\"], from = \"{hour:02}:00\", to = \"{hour:02}:45\", every = \"{every}\" }}]\n{}cost = {}\nbooking = \"drop-in\"\n",
            rng.pick(&CATEGORIES),
            1 + rng.below(5),
            rng.pick(&DAYS),
            if n % 4 == 0 { "term_time_only = true\n" } else { "" },
            if n % 3 == 0 {
                "\"free\"".to_string()
            } else {
                format!("{{ pounds = {}.5, per = \"child\" }}", rng.below(4))
            },
        );
        write(&out.join(format!("content/sessions/{slug}.md")), &entry(&fields, &body))?;
        translate(&out.join("content/sessions"), &slug, &text(&title, &summary, &body), n)?;
    }
    Ok(())
}

/// Sentences for a long page, as families' pages are written; the second is longer than the plain-language check
/// likes, so a long page has one long-sentence warning a paragraph.
const PARAGRAPH: [&str; 4] = [
    "Our family hub is open to every family with children and young people up to the age of 19.",
    "You can come along to our friendly groups where parents and carers meet other families, share stories, sing songs and play with toys while the children learn new words and make friends in a warm room.",
    "Bring a drink for your child.",
    "We have snacks, a quiet corner for feeding and a place to leave your buggy.",
];

/// Writes a page whose text is about `bytes` long, one paragraph a line with a blank line between: to time `check`
/// on one very long file.
pub fn long_page(out: &Path, bytes: usize) -> std::io::Result<()> {
    let mut body = String::with_capacity(bytes + 512);
    let mut n = 0;
    while body.len() < bytes {
        n += 1;
        let _ = write!(body, "\n## Part {n}\n\n{}\n", PARAGRAPH.join(" "));
    }
    let fields = "title = \"All about the family hubs\"\nsummary = \"Everything we do, in one long page.\"\n";
    write(&out.join("content/pages/long-read.md"), &entry(fields, &body))
}
