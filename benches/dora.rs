//! DORA at scale: 1,000,000 deployments and about 3,000,000 changes. Prints the load and
//! compute times natively and in headless Chromium, and the size of the data the app loads.
//! Figures for docs/benchmarks.md; nothing here passes or fails on speed.
//!
//! Run: `cargo bench --bench dora` (needs what scripts/test installs).

#[path = "../tests/support/mod.rs"]
mod support;

use analytics::{Filter, Prepared, Report};
use compile::{load_and_check, write_bundle};
use model::bundle::Site;
use std::process::Command;
use std::time::Instant;
use support::browser::Browser;
use support::site::{build_site, serve};

const ROUNDS: usize = 10;
const FIRST_VISITS: usize = 5;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[tokio::main]
#[allow(
    clippy::too_many_lines,
    reason = "one benchmark's script, read top to bottom like the docs/benchmarks.md section it fills"
)]
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
    let site = compile::site_of(&repo);
    println!("build the columnar log: {:.2?}", started.elapsed());

    // Natively: every DORA figure over the whole history, then a filter change.
    let whole = Filter { window: analytics::Window::new(repo_dir_start(&site), as_of), ..Filter::default_for(as_of) };
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
    write_bundle(&repo, &out, &Default::default()).expect("bundle written");
    let (json, columns) =
        (std::fs::read(out.join("site.json")).unwrap(), std::fs::read(out.join("deploys.bin")).unwrap());
    let (mut parse, mut decode) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let mut loaded: Site = serde_json::from_slice(&json).unwrap();
        parse.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        model::bundle::read_deploy_columns(&mut loaded.deploys, &columns).unwrap();
        decode.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("native: parse site.json p50 {:.1} ms; decode deploys.bin p50 {:.1} ms", median(parse), median(decode));
    for file in ["site.json", "deploys.bin"] {
        let path = out.join(file);
        let raw = std::fs::metadata(&path).unwrap().len();
        let gzip = Command::new("sh").arg("-c").arg(format!("gzip -c {} | wc -c", path.display())).output().unwrap();
        let gzip: u64 = String::from_utf8_lossy(&gzip.stdout).trim().parse().unwrap();
        println!("{file}: {:.1} MB, {:.1} MB gzip", raw as f64 / 1e6, gzip as f64 / 1e6);
    }

    // Chromium: the release app on loopback.
    let dist = build_site(&repo_dir, &support::root().join("target/bench/dora-dist"));
    let base = serve(&dist);
    let url = format!("{base}/dora?since={}&until={as_of}", repo_dir_start(&site));
    // First visits, each in a new browser profile (nothing compiled or cached yet): they vary
    // by tens of milliseconds from one to the next, so there are several. The last browser
    // stays open for four reloads, as a returning visitor's, and the filter changes.
    let mut first_visits = Vec::new();
    let mut browser: Option<Browser> = None;
    for _ in 0..FIRST_VISITS {
        if let Some(previous) = browser.take() {
            previous.close().await;
        }
        let fresh = Browser::start().await;
        first_visits.push(page_load(&fresh, &url).await);
        browser = Some(fresh);
    }
    let browser = browser.expect("at least one first visit");
    let mut reloads = Vec::new();
    for _ in 0..4 {
        reloads.push(page_load(&browser, &url).await);
    }
    for (visit, load) in first_visits.iter().enumerate() {
        println!("chromium, first visit {}: {}", visit + 1, load.describe());
    }
    let sums: Vec<f64> = first_visits.iter().map(PageLoad::sum).collect();
    println!(
        "chromium, first visits: each figure's median: {}; the sums' median {:.0} ms, from {:.0} to {:.0} ms",
        PageLoad::median(&first_visits).describe(),
        median(sums.clone()),
        sums.iter().copied().fold(f64::INFINITY, f64::min),
        sums.iter().copied().fold(0.0, f64::max)
    );
    println!("chromium, reloads (median of 4): {}", PageLoad::median(&reloads).describe());
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

/// What the DORA page reports of one load of it, in milliseconds.
struct PageLoad {
    /// Fetch, parse, decode, prepare, compute: one after the other.
    parts: [f64; 5],
    /// Figures on screen since the navigation began.
    ready: f64,
}

const PARTS: [&str; 5] = ["data-fetch-ms", "data-parse-ms", "data-decode-ms", "data-prepare-ms", "data-compute-ms"];

async fn page_load(browser: &Browser, url: &str) -> PageLoad {
    browser.goto(url).await;
    browser.wait_for_text("Deployments / week").await;
    let mut parts = [0.0; 5];
    for (part, name) in parts.iter_mut().zip(PARTS) {
        *part = browser.attribute(&format!("[{name}]"), name).await.parse().unwrap();
    }
    let ready = browser.attribute("[data-ready-ms]", "data-ready-ms").await.parse().unwrap();
    PageLoad { parts, ready }
}

impl PageLoad {
    fn sum(&self) -> f64 {
        self.parts.iter().sum()
    }

    /// Each figure's median over `loads` (so the parts need not add up to the median sum).
    fn median(loads: &[PageLoad]) -> PageLoad {
        PageLoad {
            parts: std::array::from_fn(|i| median(loads.iter().map(|l| l.parts[i]).collect())),
            ready: median(loads.iter().map(|l| l.ready).collect()),
        }
    }

    fn describe(&self) -> String {
        let [fetch, parse, decode, prepare, compute] = self.parts;
        format!(
            "fetch {fetch:.0} ms + parse site.json {parse:.0} ms + decode deploys.bin {decode:.0} ms + prepare \
             {prepare:.0} ms + every DORA figure {compute:.0} ms = {:.0} ms; figures on screen {:.0} ms after \
             navigation",
            self.sum(),
            self.ready
        )
    }
}

/// The first day of the generated history.
fn repo_dir_start(site: &Site) -> chrono::NaiveDate {
    site.deploys.finished(0).date_naive()
}
