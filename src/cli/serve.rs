//! `hubsite serve`: a preview of the site that rebuilds and reloads on every saved change.

use std::net::IpAddr;

use super::{EXIT_USAGE, SiteArg};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArg,
    /// The port to serve on; 0 picks a free one.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to serve on. The default keeps the preview to this computer.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// The day to count "next dates" from, as YYYY-MM-DD (as for `build`).
    #[arg(long, value_parser = super::build::parse_day)]
    pub today: Option<time::Date>,
}

pub fn run(args: &Args) -> u8 {
    let options = crate::serve::Options {
        site: args.site.site.clone(),
        bind: args.bind,
        port: args.port,
        today: super::today(args.today),
    };
    match crate::serve::run(&options) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_USAGE
        }
    }
}
