//! Search at scale (issue 4): 10,000 postmortems and 1,000 runbooks, indexed and searched
//! by each engine; prints build time and memory, index size, and in headless Chromium on
//! loopback the cold first query (time, bytes, requests), then next-query and warm-query
//! percentiles.
//! Figures for docs/benchmarks.md; nothing here passes or fails on speed.
//!
//! Run (needs what scripts/test installs, plus Pagefind):
//! `source scripts/install-tools.sh && install_pagefind && cargo bench --bench search`
//! (`SEARCH_BENCH_PAGEFIND=0` measures firebreak alone, for quicker runs while tuning it).

#[path = "../../tests/support/mod.rs"]
mod support;

mod corpus;
mod figures;
mod firebreak_site;
mod pagefind;
mod queries;

#[tokio::main]
async fn main() {
    let docs = corpus::documents();
    queries::check(&docs);
    let warm = queries::warm();
    println!("{} documents, {} cold and {} warm queries\n", docs.len(), queries::COLD.len(), warm.len());

    let mut engines = vec![firebreak_site::measure(&corpus::repo(), &docs, &queries::COLD, &warm).await];
    if std::env::var("SEARCH_BENCH_PAGEFIND").as_deref() != Ok("0") {
        engines.extend(pagefind::measure(&docs, &queries::COLD, &warm).await);
    }
    figures::print_table(&engines);
}
