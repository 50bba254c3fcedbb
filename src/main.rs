//! The `hubsite` command: a thin wrapper over the library.

fn main() -> std::process::ExitCode {
    hubsite::cli::main()
}
