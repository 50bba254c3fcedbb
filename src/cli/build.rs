//! `hubsite build`: check the site, render every page in every language, and swap the new site in at once.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use super::{EXIT_CONTENT, EXIT_USAGE, SiteArg};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArg,
    /// Where to write the site. The folder is replaced whole, and only once the build has succeeded.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The day to count "next dates" from, as YYYY-MM-DD. Without it: SOURCE_DATE_EPOCH if set, else today.
    #[arg(long, value_parser = parse_day)]
    pub today: Option<time::Date>,
}

/// The years a build date may be in: far enough either way for any real site, and clear of the calendar's ends.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2200;

pub fn parse_day(s: &str) -> Result<time::Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = time::Date::parse(s, format)
        .map_err(|_| format!("\"{s}\" is not a date written as YYYY-MM-DD, like 2026-11-23"))?;
    if YEARS.contains(&day.year()) {
        Ok(day)
    } else {
        Err(format!("{s} is not between the years 2000 and 2200"))
    }
}

/// A progress bar on the terminal while pages render; nothing when output goes to a file or a pipe.
struct Bar(indicatif::ProgressBar);

impl crate::render::Progress for Bar {
    fn start(&self, pages: usize) {
        self.0.set_length(pages as u64);
    }

    fn grow(&self, pages: usize) {
        self.0.inc_length(pages as u64);
    }

    fn tick(&self) {
        self.0.inc(1);
    }
}

pub fn run(args: &Args) -> u8 {
    let start = Instant::now();
    let bar = indicatif::ProgressBar::hidden();
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    }
    let out = args.out.clone().unwrap_or_else(|| args.site.site.join("public"));
    let built = crate::build_into(&args.site.site, super::today(args.today), &Bar(bar.clone()), &out);
    bar.finish_and_clear();
    let built = match built {
        Ok(built) => built,
        Err(not) => {
            eprint!("{}", not.report);
            return match not.why {
                Some(why) => {
                    eprintln!("Not built: {why}. Nothing was written.");
                    EXIT_CONTENT
                }
                None => EXIT_USAGE,
            };
        }
    };
    eprint!("{}", built.report);
    let ms = start.elapsed().as_millis();
    println!(
        "Built {} pages in {} languages in {ms} ms, into {}.",
        built.pages,
        built.languages,
        out.display()
    );
    0
}
