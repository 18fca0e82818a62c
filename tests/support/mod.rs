//! Shared by the integration tests and benchmarks: paths, the built site, a static file
//! server, a headless Chromium driven over WebDriver, and what a child process cost.
#![allow(dead_code)] // Each test binary uses a different part of this module.

pub mod axe;
pub mod browser;
pub mod measure;
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

/// What `firebreak report --json --as-of DAY FLAGS… --source REPO` prints, read as `T`
/// (a `serde_json::Value`, or one of the report's own types); the command must succeed.
pub fn report_json<T: serde::de::DeserializeOwned>(repo: &Path, day: &str, flags: &[&str]) -> T {
    let out =
        firebreak().args(["report", "--json", "--as-of", day]).args(flags).arg("--source").arg(repo).assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("report --json prints JSON")
}

/// Runs git in `dir` as a test user who signs nothing; panics if it fails.
pub fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}
