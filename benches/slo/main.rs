//! SLOs at scale: 50 SLOs × 90 days of five-minute steps (1.3 million points, good and
//! total each). Prints the size of `sli.bin`, the time to assess every SLO natively, and in
//! headless Chromium the time `/slos` takes to assess them once the data is in, a filter
//! change, and `/slos/<name>`. Figures for docs/benchmarks.md; nothing here passes or fails
//! on speed.
//!
//! Run: `cargo bench --bench slo` (needs what scripts/test installs).

mod browser;
#[path = "../../tests/support/mod.rs"]
mod support;

use analytics::Prepared;
use chrono::{Days, NaiveDate};
use compile::load_and_check;
use model::bundle::{read_sli_columns, write_sli_columns};
use std::path::Path;
use std::time::Instant;
use support::samples::{gzip_len, median};

const SLOS: usize = 50;
const ROUNDS: usize = 10;

/// The synthetic repo, its history ending on `as_of` (the app judges SLOs as of today).
fn write_repo(dir: &Path, as_of: NaiveDate) {
    let days = 120;
    let from = as_of - Days::new(days);
    let stamp = dir.join(format!(".generated-{from}"));
    if stamp.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    support::firebreak()
        .args(["synth", "--seed", "1", "--postmortems", "40", "--runbooks", "5", "--deploys", "20000"])
        .args(["--slos", &SLOS.to_string(), "--from", &from.to_string(), "--days", &days.to_string(), "--out"])
        .arg(dir)
        .assert()
        .success();
    std::fs::write(stamp, "").unwrap();
}

#[tokio::main]
async fn main() {
    let as_of = chrono::Utc::now().date_naive();
    let repo_dir = support::root().join("target/bench/slo-repo");
    write_repo(&repo_dir, as_of);
    let started = Instant::now();
    let (repo, diagnostics) = load_and_check(&repo_dir, as_of);
    assert!(!diagnostics.blocks_build(), "the synthetic repo is valid");
    let sli = compile::sli_of(&repo);
    let points: usize = sli.iter().map(model::SliEvents::len).sum();
    println!("read {} SLOs, {points} points: {:.2?}", repo.slos.len(), started.elapsed());

    let bytes = write_sli_columns(&sli);
    println!("sli.bin: {:.2} MB, {:.2} MB gzip", bytes.len() as f64 / 1e6, gzip_len(&bytes) as f64 / 1e6);
    let decode: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(read_sli_columns(&bytes).unwrap());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    println!("native: decode sli.bin p50 {:.1} ms", median(decode));

    let site = compile::site_of(&repo);
    let prepared = Prepared::new(&site);
    let assess: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(analytics::slo::assess_site(&site, &sli, &prepared, as_of));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    println!("native: assess all {} SLOs p50 {:.1} ms", site.slos.len(), median(assess));

    if std::env::args().any(|a| a == "--native") {
        return;
    }
    browser::measure(&repo_dir, &site).await;
}
