//! The command line: one thin module per subcommand.

mod build;
mod check;
mod generate;
mod serve;
mod translations;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Build a family hub website in English, Bengali and Somali from plain text files.
#[derive(Debug, Parser)]
#[command(name = "hubsite", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read every file and report every problem, without writing anything.
    Check(check::Args),
    /// Check the site, then build it into a folder (public/ unless told otherwise).
    Build(build::Args),
    /// Build the site, show it at http://127.0.0.1:1111/, and rebuild and reload it on every saved change.
    Serve(serve::Args),
    /// Translation tools.
    #[command(subcommand)]
    Translations(translations::Command),
    /// Write a made-up site of any size, for benchmarks.
    #[command(hide = true)]
    Generate(generate::Args),
}

/// Exit codes: 0 all well, 1 problems in the content, 2 the command could not run.
pub const EXIT_CONTENT: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Translations(cmd) => translations::run(&cmd),
        Command::Generate(args) => generate::run(&args),
    };
    ExitCode::from(code)
}

/// The build date: `--today`, else SOURCE_DATE_EPOCH (for reproducible builds), else the clock, in UTC.
pub fn today(arg: Option<time::Date>) -> time::Date {
    arg.or_else(|| {
        let secs: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()?;
        Some(time::OffsetDateTime::from_unix_timestamp(secs).ok()?.date()).filter(|d| build::YEARS.contains(&d.year()))
    })
    .unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
}

/// The `--site` option shared by subcommands.
#[derive(Debug, clap::Args)]
pub struct SiteArg {
    /// The site folder: the one with site.toml in it.
    #[arg(long, default_value = ".")]
    pub site: PathBuf,
}

impl SiteArg {
    /// Loads and checks the site; when it cannot be read at all, says why and gives the exit code.
    pub fn check(&self) -> Result<crate::Checked, u8> {
        crate::check(&self.site).map_err(|e| {
            eprintln!("error: {e}");
            EXIT_USAGE
        })
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
