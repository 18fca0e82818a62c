//! Action items at scale: 20,000 postmortems with about 100,000 items, filtered and
//! re-aggregated natively and in headless Chromium (the page times its own recompute and
//! exposes it as `data-compute-ms`). Prints figures; asserts nothing about speed.
//!
//! Run: `cargo bench --bench action_items` (needs what scripts/test installs).

#[path = "../tests/support/mod.rs"]
mod support;

use analytics::{action_item_rows, action_item_stats, group_by, trend};
use chrono::NaiveDate;
use compile::load_and_check;
use std::time::{Duration, Instant};
use support::browser::Browser;
use support::site::{build_site, serve};

const POSTMORTEMS: &str = "20000";
const ROUNDS: usize = 30;

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    analytics::percentile(samples, p).unwrap_or(f64::NAN)
}

#[tokio::main]
async fn main() {
    let repo_dir = support::root().join("target/bench/action-items-repo");
    if !repo_dir.join("postmortems").exists() {
        support::firebreak()
            .args([
                "synth",
                "--seed",
                "1",
                "--postmortems",
                POSTMORTEMS,
                "--runbooks",
                "0",
                "--deploys",
                "3000",
                "--out",
            ])
            .arg(&repo_dir)
            .assert()
            .success();
    }
    let started = Instant::now();
    let (repo, diagnostics) = load_and_check(&repo_dir, support::AS_OF);
    assert!(!diagnostics.has_errors(), "the synthetic repo is valid");
    let site = compile::site_of(&repo);
    println!("load {} postmortems: {:.2?}", site.postmortems.len(), started.elapsed());

    let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let rows = action_item_rows(&site.postmortems, &site.config, as_of);
    println!("action items: {}", rows.len());
    let owners: Vec<String> = {
        let mut o: Vec<String> = rows.iter().map(|r| r.item.owner.clone()).collect();
        o.sort();
        o.dedup();
        o
    };

    // Native: the same filter + aggregate the page runs.
    let mut native = Vec::new();
    for round in 0..ROUNDS {
        let owner = &owners[round % owners.len()];
        let t = Instant::now();
        let shown: Vec<_> = rows.iter().filter(|r| &r.item.owner == owner).collect();
        let stats = action_item_stats(shown.iter().copied(), as_of);
        let groups = group_by(shown.iter().copied(), as_of, |r| vec![r.quarter()]);
        let points = trend(&shown, as_of);
        std::hint::black_box((stats, groups, points));
        native.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "native filter + re-aggregate: p50 {:.2} ms, p95 {:.2} ms",
        percentile(&mut native, 0.5),
        percentile(&mut native, 0.95)
    );

    // Chromium: the release app on loopback, one owner after another through the select.
    let dist = build_site(&repo_dir, &support::root().join("target/bench/action-items-dist"));
    let base = serve(&dist);
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/action-items?as_of={as_of}")).await;
    browser.wait_for_text("computed in").await;
    let mut wasm = Vec::new();
    for round in 0..ROUNDS {
        let owner = &owners[round % owners.len()];
        browser.select("owner", owner).await;
        // Wait until the page shows this owner's figures, then read its own timing.
        let expected = rows.iter().filter(|r| &r.item.owner == owner).count();
        browser.wait_for_text(&format!("{expected} of {} items", rows.len())).await;
        let ms = browser.attribute("[data-compute-ms]", "data-compute-ms").await;
        wasm.push(ms.parse::<f64>().expect("a number"));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    println!(
        "chromium (wasm) filter + re-aggregate over {} items: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        rows.len(),
        percentile(&mut wasm.clone(), 0.5),
        percentile(&mut wasm.clone(), 0.95),
        wasm.iter().cloned().fold(0.0, f64::max)
    );
    browser.close().await;
}
