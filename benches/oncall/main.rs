//! On-call at scale: a year of 200,000 pages and 15,000 shifts. Prints the size of
//! `oncall.bin` (raw and gzip), its decoding and the on-call and alert figures natively,
//! and in headless Chromium how long `/oncall` takes once the data is in and how long a
//! filter change takes to show. Figures for docs/benchmarks.md; nothing here passes or
//! fails on speed.
//!
//! Run: `cargo bench --bench oncall` (`-- --native` skips Chromium; needs what
//! scripts/test installs).

mod browser;
#[path = "../../tests/support/mod.rs"]
mod support;

use analytics::Window;
use analytics::oncall::{OncallData, alert_quality, oncall_health};
use chrono::{Days, NaiveDate};
use compile::load_and_check;
use model::bundle::{read_oncall_columns, write_oncall_columns};
use std::path::Path;
use std::time::Instant;
use support::samples::{gzip_len, median};

const PAGES: usize = 200_000;
const SHIFTS: usize = 15_000;
const DAYS: u32 = 365;
const ROUNDS: usize = 10;

/// The synthetic repo, its year ending on `as_of` (the app judges on-call as of today).
fn write_repo(dir: &Path, as_of: NaiveDate) {
    let from = as_of - Days::new(DAYS.into());
    let stamp = dir.join(format!(".generated-{from}"));
    if stamp.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    support::firebreak()
        .args(["synth", "--seed", "1", "--postmortems", "20", "--runbooks", "5", "--deploys", "5000"])
        .args(["--pages", &PAGES.to_string(), "--shifts", &SHIFTS.to_string()])
        .args(["--from", &from.to_string(), "--days", &DAYS.to_string(), "--out"])
        .arg(dir)
        .assert()
        .success();
    std::fs::write(stamp, "").unwrap();
}

fn p50_ms<T>(mut run: impl FnMut() -> T) -> f64 {
    let samples = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(run());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    median(samples)
}

#[tokio::main]
async fn main() {
    let as_of = chrono::Utc::now().date_naive();
    let repo_dir = support::root().join("target/bench/oncall-repo");
    write_repo(&repo_dir, as_of);
    let started = Instant::now();
    let (repo, diagnostics) = load_and_check(&repo_dir, as_of);
    assert!(!diagnostics.blocks_build(), "the synthetic repo is valid");
    let (pages, shifts) = (&repo.metrics.pages, &repo.metrics.shifts);
    println!("read {} pages and {} shifts, checked: {:.2?}", pages.len(), shifts.len(), started.elapsed());

    let bytes = write_oncall_columns(pages, shifts);
    println!("oncall.bin: {:.2} MB, {:.2} MB gzip", bytes.len() as f64 / 1e6, gzip_len(&bytes) as f64 / 1e6);
    println!("native: decode oncall.bin p50 {:.1} ms", p50_ms(|| read_oncall_columns(&bytes).unwrap()));
    let site = compile::site_of(&repo);
    let data = OncallData::new(pages, shifts, &site.config);
    let year = Window::ending(as_of, DAYS.into());
    let quarter = Window::ending(as_of, analytics::DEFAULT_WINDOW_DAYS);
    for (name, window) in [("90 days", quarter), ("the year", year)] {
        let health = p50_ms(|| oncall_health(&data, &window, &site.config.oncall));
        let alerts = p50_ms(|| alert_quality(&data, &window, &site.alerts, &site.runbooks));
        println!("native: over {name}, on-call health p50 {health:.1} ms, alert quality p50 {alerts:.1} ms");
    }
    if std::env::args().any(|a| a == "--native") {
        return;
    }
    browser::measure(&repo_dir).await;
}
