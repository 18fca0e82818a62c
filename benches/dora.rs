//! DORA at scale: 1,000,000 deployments and about 3,000,000 changes. Prints the load and
//! compute times natively and in headless Chromium, and the size of the data the app loads.
//! Figures for docs/benchmarks.md; nothing here passes or fails on speed.
//!
//! Run: `cargo bench --bench dora` (needs what scripts/test installs).

#[path = "../tests/support/mod.rs"]
mod support;

use firebreak::analytics::{Filter, Prepared, Report};
use firebreak::bundle::Site;
use firebreak::compile::{load_and_check, write_bundle};
use std::process::Command;
use std::time::Instant;
use support::browser::Browser;
use support::site::{build_site, serve};

const ROUNDS: usize = 10;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[tokio::main]
async fn main() {
    let repo_dir = support::root().join("target/bench/dora-repo");
    if !repo_dir.join("content/metrics/changes.csv").exists() {
        support::firebreak()
            .args([
                "synth",
                "--seed",
                "1",
                "--postmortems",
                "20",
                "--runbooks",
                "5",
                "--deploys",
                "1000000",
                "--max-changes",
                "5",
                "--out",
            ])
            .arg(&repo_dir)
            .assert()
            .success();
    }
    let as_of = support::AS_OF;
    let started = Instant::now();
    let (repo, diagnostics) = load_and_check(&repo_dir, as_of);
    assert!(!diagnostics.blocks_build(), "the synthetic repo is valid");
    println!(
        "read {} deployments and {} changes: {:.2?}",
        repo.metrics.deployments.len(),
        repo.metrics.changes.len(),
        started.elapsed()
    );

    let started = Instant::now();
    let site = Site::from_repo(&repo);
    println!("build the columnar log: {:.2?}", started.elapsed());

    // Natively: every DORA figure over the whole history, then a filter change.
    let whole = Filter {
        window: firebreak::analytics::Window::new(repo_dir_start(&site), as_of),
        ..Filter::default_for(as_of)
    };
    let mut all = Vec::new();
    let mut filtered = Vec::new();
    let prepared = Prepared::new(&site);
    for round in 0..ROUNDS {
        // The first view: the per-site preparation and every figure.
        let t = Instant::now();
        std::hint::black_box(Report::filtered(&site, as_of, &whole));
        all.push(t.elapsed().as_secs_f64() * 1000.0);
        // A filter change: the preparation is kept, as the page keeps it.
        let service = &site.deploys.services[round % site.deploys.services.len()];
        let one = Filter { services: vec![service.clone()], ..whole.clone() };
        let t = Instant::now();
        std::hint::black_box(Report::prepared(&site, &prepared, as_of, &one));
        filtered.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "native: first view, every figure over {} deployments p50 {:.1} ms; a service filter p50 {:.1} ms",
        site.deploys.len(),
        median(all),
        median(filtered)
    );

    // What the browser downloads.
    let out = support::root().join("target/bench/dora-bundle");
    write_bundle(&repo, &out).expect("bundle written");
    let raw = std::fs::metadata(out.join("site.json")).unwrap().len();
    let gzip = Command::new("sh")
        .arg("-c")
        .arg(format!("gzip -c {} | wc -c", out.join("site.json").display()))
        .output()
        .unwrap();
    let gzip: u64 = String::from_utf8_lossy(&gzip.stdout).trim().parse().unwrap();
    println!("site.json: {:.1} MB, {:.1} MB gzip", raw as f64 / 1e6, gzip as f64 / 1e6);

    // Chromium: the release app on loopback.
    let dist = build_site(&repo_dir, &support::root().join("target/bench/dora-dist"));
    let base = serve(&dist);
    let browser = Browser::start().await;
    let until = as_of.to_string();
    let since = repo_dir_start(&site).to_string();
    browser.goto(&format!("{base}/dora?since={since}&until={until}")).await;
    browser.wait_for_text("Deployments / week").await;
    let load: f64 = browser.attribute("[data-load-ms]", "data-load-ms").await.parse().unwrap();
    let compute: f64 = browser.attribute("[data-compute-ms]", "data-compute-ms").await.parse().unwrap();
    println!("chromium: fetch + decode site.json {load:.0} ms; every DORA figure {compute:.0} ms");
    let mut changes = Vec::new();
    for round in 0..ROUNDS {
        let service = &site.deploys.services[round % site.deploys.services.len()];
        browser.select("service", service).await;
        while !browser.current_url().await.contains(&format!("service={service}")) {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let ms: f64 = browser.attribute("[data-compute-ms]", "data-compute-ms").await.parse().unwrap();
        changes.push(ms);
    }
    println!(
        "chromium: a filter change recomputes in p50 {:.0} ms (max {:.0} ms)",
        median(changes.clone()),
        changes.iter().cloned().fold(0.0, f64::max)
    );
    browser.close().await;
}

/// The first day of the generated history.
fn repo_dir_start(site: &Site) -> chrono::NaiveDate {
    site.deploys.finished(0).date_naive()
}
