//! firebreak's own search: `firebreak build` over the repo (the index is part of it), then
//! the release app's search page in headless Chromium, typed into as a reader does.

use crate::figures::{ColdQuery, EngineFigures, QueryRun, index_size};
use crate::support::browser::Browser;
use crate::support::measure;
use crate::support::site::{Traffic, build_site, serve_measured};
use search::Document;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Types `q` into the search box at once (as a paste) and waits for its results on screen:
/// the time runs from the keystroke to the rendered list, downloads included. Also returns
/// how long each download the query made took (Resource Timing), to tell the network's
/// share from the page's.
const QUERY: &str = "const [q, done] = arguments;
const input = document.getElementById('search-input');
performance.setResourceTimingBufferSize(100000);
performance.clearResourceTimings();
const t0 = performance.now();
const observer = new MutationObserver(() => {
  const layout = document.querySelector('.search-layout');
  if (!layout || layout.dataset.searchQuery !== q) return;
  observer.disconnect();
  const top = [...document.querySelectorAll('.result .result-title')].map(a => new URL(a.href).pathname);
  const downloads = performance.getEntriesByType('resource').filter(e => e.startTime >= t0).map(e => e.duration);
  done([performance.now() - t0, Number(layout.dataset.searchTotal), top, Number(layout.dataset.searchMs), downloads]);
});
observer.observe(document.body, { subtree: true, childList: true, attributes: true });
const error = document.querySelector('.problem');
if (error) done({ error: error.textContent });
input.value = q;
input.dispatchEvent(new InputEvent('input', { bubbles: true }));";

pub async fn measure(repo: &Path, docs: &[Document], cold: &[&str], warm: &[String]) -> EngineFigures {
    let root = crate::support::root();
    let index_secs = index_build(docs, &root.join("target/bench/search-firebreak-index"));
    // The whole compile — reading and checking every document, rendering it, writing the
    // bundle and the index — for its peak memory, an upper bound of the index's.
    let data = root.join("target/bench/search-firebreak-data");
    let firebreak = assert_cmd::cargo::cargo_bin("firebreak");
    let build =
        measure::measure(Command::new(firebreak).arg("build").arg("--source").arg(repo).arg("--out").arg(&data));
    let (index_files, index_bytes, index_bytes_gzip) = index_size(&data.join("search"), |_| true);
    println!(
        "firebreak: index build {index_secs:.2} s of the whole `firebreak build` {:.1} s (peak {:.0} MB)",
        build.secs, build.peak_rss_mb
    );

    let dist = build_site(repo, &root.join("target/bench/search-firebreak-dist"));
    let (base, traffic) = serve_measured(&dist);
    let page = format!("{base}/search");
    let cold = cold_queries(&page, &traffic, cold).await;
    let (next, warm) = query_runs(&page, &traffic, warm).await;
    EngineFigures {
        name: "firebreak".into(),
        build_secs: index_secs,
        peak_rss_mb: build.peak_rss_mb,
        index_files,
        index_bytes,
        index_bytes_gzip,
        cold,
        next,
        warm,
    }
}

/// The index alone, from the documents to its files on disk, as the compiler makes it.
fn index_build(docs: &[Document], dir: &Path) -> f64 {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("search")).expect("an index directory");
    let started = Instant::now();
    for (name, bytes) in search::build(docs) {
        std::fs::write(dir.join(name), bytes).expect("an index file");
    }
    started.elapsed().as_secs_f64()
}

/// The search page open and the site loaded; nothing of the index fetched yet.
async fn open(page: &str) -> Browser {
    let browser = Browser::start().await;
    browser.goto(page).await;
    browser.wait_for_text("results appear as you type").await;
    browser
}

/// Each query as the first in a new browser, so nothing is cached or compiled.
async fn cold_queries(page: &str, traffic: &Traffic, queries: &[&str]) -> Vec<ColdQuery> {
    let mut measured = Vec::new();
    // An untimed first run fills the host's gzip cache, as the Pagefind runs do.
    for query in std::iter::once("warm-up").chain(queries.iter().copied()) {
        let browser = open(page).await;
        traffic.reset();
        let result = run(&browser, query).await;
        let (requests, bytes) = traffic.take();
        browser.close().await;
        measured.push(ColdQuery {
            query: query.to_owned(),
            ms: result[0].as_f64().expect("a time"),
            results: result[1].as_u64().expect("a count") as usize,
            top: result[2]
                .as_array()
                .expect("paths")
                .iter()
                .map(|p| p.as_str().unwrap_or_default().to_owned())
                .collect(),
            requests,
            bytes,
        });
    }
    measured.remove(0);
    measured
}

/// The queries one after another in one page after a first query has loaded the manifest
/// (the next-query run), then once more with everything they need loaded (the warm run).
async fn query_runs(page: &str, traffic: &Traffic, queries: &[String]) -> (QueryRun, QueryRun) {
    let browser = open(page).await;
    run(&browser, "warm-up").await;
    let mut runs = Vec::new();
    for _ in 0..2 {
        traffic.reset();
        let mut timed = Vec::new();
        let mut engine = Vec::new();
        let mut downloads = Vec::new();
        for query in queries {
            let result = run(&browser, query).await;
            timed.push((query.clone(), result[0].as_f64().expect("a time")));
            engine.push(result[3].as_f64().expect("the page's own time"));
            downloads.push(result[4].as_array().expect("download times").iter().filter_map(Value::as_f64).collect());
        }
        let (requests, bytes) = traffic.take();
        println!(
            "firebreak, {} run: the search alone (downloads included, rendering not): p50 {:.1} ms, p95 {:.1} ms",
            if runs.is_empty() { "next" } else { "warm" },
            crate::figures::percentile(&engine, 50.0),
            crate::figures::percentile(&engine, 95.0)
        );
        print_network_share(&timed, &downloads);
        runs.push(QueryRun::new(&timed, requests, bytes));
    }
    browser.close().await;
    let warm = runs.pop().expect("a second run");
    (runs.pop().expect("a first run"), warm)
}

/// The queries that downloaded something against those that did not, and how long one
/// download took: what the network adds to a query.
fn print_network_share(timed: &[(String, f64)], downloads: &[Vec<f64>]) {
    use crate::figures::percentile;
    let (fetching, local): (Vec<_>, Vec<_>) = timed.iter().zip(downloads).partition(|(_, d)| !d.is_empty());
    for (label, group) in [("downloading", &fetching), ("with everything loaded", &local)] {
        let ms: Vec<f64> = group.iter().map(|((_, ms), _)| *ms).collect();
        if !ms.is_empty() {
            let (p50, p95) = (percentile(&ms, 50.0), percentile(&ms, 95.0));
            println!("  {} queries {label}: p50 {p50:.1} ms, p95 {p95:.1} ms", ms.len());
        }
    }
    let each: Vec<f64> = downloads.iter().flatten().copied().collect();
    if !each.is_empty() {
        let (p50, p95) = (percentile(&each, 50.0), percentile(&each, 95.0));
        println!("  one download (request to last byte, {} of them): p50 {p50:.1} ms, p95 {p95:.1} ms", each.len());
    }
}

async fn run(browser: &Browser, query: &str) -> Value {
    let value = browser
        .client
        .execute_async(QUERY, vec![json!(query)])
        .await
        .unwrap_or_else(|e| panic!("`{query}`: the page never showed its results: {e}"));
    assert!(value.get("error").is_none(), "`{query}`: the search failed: {value}");
    value
}
