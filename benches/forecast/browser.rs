//! The capacity page with 50 series of 4,000 five-minute samples, in headless Chromium:
//! the time to forecast them all, and each series' time (the page yields to the browser
//! after every 40 ms slice of forecasting, so it blocks at most a slice plus one series).

use fantoccini::Locator;
use std::fmt::Write;
use std::path::Path;

use crate::series::{observe, settings, truth};
use crate::support::browser::Browser;
use crate::support::site::{build_site, serve};

pub const SERIES: usize = 50;
pub const SAMPLES: usize = 4000;

pub struct PageFigures {
    pub total_ms: Vec<f64>,
    pub per_series_ms: Vec<f64>,
}

/// Writes the repo: the series and their limits.
fn write_repo(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    let series_dir = dir.join("content/metrics/series");
    std::fs::create_dir_all(&series_dir).unwrap();
    let mut config = String::from("title = \"Capacity benchmark\"\n");
    let kinds = settings(300, SAMPLES);
    for i in 0..SERIES {
        let spec = &kinds[i % kinds.len()];
        let values = truth(spec, i as u64);
        let mut csv = String::from("timestamp,value\n");
        for (t, v) in observe(spec, &values, SAMPLES, i as u64) {
            let at = chrono::DateTime::from_timestamp(t, 0).unwrap();
            writeln!(csv, "{},{v:.3}", at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap();
        }
        let name = format!("s{i:02}");
        std::fs::write(series_dir.join(format!("{name}.csv")), csv).unwrap();
        writeln!(config, "[capacity.{name}]\nlimit = 200\nlead_time_days = 14").unwrap();
    }
    std::fs::write(dir.join("firebreak.toml"), config).unwrap();
}

pub async fn measure(runs: usize) -> PageFigures {
    let root = crate::support::root();
    let repo = root.join("target/bench/forecast-repo");
    write_repo(&repo);
    let dist = build_site(&repo, &root.join("target/bench/forecast-dist"));
    let base = serve(&dist);
    let mut figures = PageFigures { total_ms: Vec::new(), per_series_ms: Vec::new() };
    for _ in 0..runs {
        let browser = Browser::start().await;
        browser.goto(&format!("{base}/capacity")).await;
        // Finished once the page writes how long all the forecasts took.
        let finished = "article.capacity[data-forecast-ms]:not([data-forecast-ms=''])";
        browser.wait_for(|| async { browser.client.find(Locator::Css(finished)).await.is_ok() }).await;
        figures.total_ms.push(browser.attribute("article.capacity", "data-forecast-ms").await.parse().unwrap());
        for section in browser.client.find_all(Locator::Css("section.series")).await.unwrap() {
            figures.per_series_ms.push(section.attr("data-ms").await.unwrap().unwrap_or_default().parse().unwrap());
        }
        browser.close().await;
    }
    figures
}
