//! Named points in the writing of a site where a test can stop the process or make a step fail, as a kill or a
//! full disk would, to show that the output folder is whole at every one of them.
//!
//! `HUBSITE_FAULT=name` ends the process at once (no clean-up runs, as with a kill) when the build reaches the
//! point `name`; `HUBSITE_FAULT=fail:name` makes that step fail with an I/O error instead. Unset, as it always is
//! outside the tests, each point is one look at the environment per build.

/// The variable that names the point.
pub const VARIABLE: &str = "HUBSITE_FAULT";

/// Set, the swap behaves as where `RENAME_EXCHANGE` is not to be had, so the fallback is tested too.
pub const NO_EXCHANGE: &str = "HUBSITE_NO_EXCHANGE";

/// Ends the process here when the test asked for it.
pub fn point(name: &str) {
    if std::env::var(VARIABLE).is_ok_and(|v| v == name) {
        std::process::abort();
    }
}

/// An error for this step when the test asked for one.
pub fn failure(name: &str) -> std::io::Result<()> {
    match std::env::var(VARIABLE) {
        Ok(v) if v.strip_prefix("fail:") == Some(name) => Err(std::io::Error::other(format!(
            "{VARIABLE} asked this step ({name}) to fail"
        ))),
        _ => {
            point(name);
            Ok(())
        }
    }
}
