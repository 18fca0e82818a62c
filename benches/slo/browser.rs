//! The SLO pages in headless Chromium, on the release site served from loopback.

use std::path::Path;

use crate::support::browser::Browser;
use crate::support::samples::{max, median};
use crate::support::site::{build_site, serve};
use model::bundle::Site;

const VISITS: usize = 5;
const FILTER_CHANGES: usize = 10;

pub async fn measure(repo: &Path, site: &Site) {
    let dist = build_site(repo, &crate::support::root().join("target/bench/slo-dist"));
    let base = serve(&dist);
    let first = &site.slos[0];
    let (mut assess, mut list, mut filter, mut detail, mut deep) = (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..VISITS {
        // A first visit to the list: every SLO assessed once sli.bin is in, then the rows.
        let browser = Browser::start().await;
        browser.goto(&format!("{base}/slos")).await;
        assess.push(browser.figure("[data-assess-ms]", "data-assess-ms").await);
        list.push(browser.figure("[data-filter-ms]", "data-filter-ms").await);
        for round in 0..FILTER_CHANGES / VISITS {
            let service = &site.slos[round * 7 % site.slos.len()].service;
            browser.select("service", service).await;
            let query = format!("service={service}");
            browser.wait_for(|| async { browser.current_url().await.contains(&query) }).await;
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            filter.push(browser.figure("[data-filter-ms]", "data-filter-ms").await);
        }
        // From the list to one SLO: its statuses are already computed.
        browser.goto(&format!("{base}/slos")).await;
        let link = format!("tr[data-slo='{}'] a", first.name);
        browser.text(&link).await; // the rows come once sli.bin is in
        browser.click(&link).await;
        detail.push(
            browser
                .figure(&format!("article.slo[data-slo='{}'] [data-compute-ms]", first.name), "data-compute-ms")
                .await,
        );
        browser.close().await;
        // A deep link, in a new profile: the page is ready this long after navigation began.
        let browser = Browser::start().await;
        browser.goto(&format!("{base}/slos/{}", first.name)).await;
        deep.push(browser.figure("article.slo [data-ready-ms]", "data-ready-ms").await);
        browser.close().await;
    }
    println!(
        "chromium: /slos assesses all {} SLOs in p50 {:.0} ms (max {:.0}), then its rows in p50 {:.1} ms",
        site.slos.len(),
        median(assess.clone()),
        max(&assess),
        median(list)
    );
    println!("chromium: a filter change p50 {:.1} ms (max {:.1})", median(filter.clone()), max(&filter));
    println!("chromium: /slos/<name> from the list p50 {:.1} ms (max {:.1})", median(detail.clone()), max(&detail));
    println!(
        "chromium: /slos/<name> as a deep link in a new profile, ready p50 {:.0} ms after navigation began (max {:.0})",
        median(deep.clone()),
        max(&deep)
    );
}
