//! Shared by the integration tests: paths, the built site, a static file server and a
//! headless Chromium driven over WebDriver.
#![allow(dead_code)] // Each test binary uses a different part of this module.

pub mod axe;
pub mod browser;
pub mod routes;
pub mod samples;
pub mod site;

use std::path::{Path, PathBuf};

/// The day the example repo is judged on, so results do not change with the calendar.
pub const AS_OF: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 22) {
    Some(day) => day,
    None => panic!("a valid date"),
};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The `firebreak` binary built for this test run.
pub fn firebreak() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("firebreak").expect("the firebreak binary is built for tests")
}
