//! `hubsite generate`: write a made-up site of a given size, for benchmarks.

use std::path::PathBuf;

use super::EXIT_USAGE;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many sessions.
    #[arg(long, default_value_t = 10_000)]
    pub sessions: usize,
    /// The seed: the same seed writes the same site.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also write a page whose text is this many megabytes long (1 MB = 1,048,576 bytes), to time `check` on one
    /// very long file.
    #[arg(long)]
    pub body_mb: Option<f64>,
    /// The folder to write into; it must not exist yet.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: &Args) -> u8 {
    if args.out.exists() {
        eprintln!("error: {} already exists; name a new folder", args.out.display());
        return EXIT_USAGE;
    }
    let long_page = |()| match args.body_mb {
        Some(mb) => crate::corpus::long_page(&args.out, (mb * 1_048_576.0) as usize),
        None => Ok(()),
    };
    match crate::corpus::generate(&args.out, args.sessions, args.seed).and_then(long_page) {
        Ok(()) => {
            println!("Wrote a site with {} sessions to {}", args.sessions, args.out.display());
            0
        }
        Err(e) => {
            eprintln!("error: could not write {}: {e}", args.out.display());
            EXIT_USAGE
        }
    }
}
