//! Capacity forecasts (issue 7): accuracy on synthetic hourly and 5-minute series — MASE and
//! sMAPE of the automatic choice against seasonal naive and a straight line, coverage of
//! the 80 % and 95 % bands — and speed, natively and in headless Chromium (50 series on the
//! capacity page). Figures for docs/benchmarks.md; nothing here passes or fails.
//!
//! Run (needs what scripts/test installs): `cargo bench --bench forecast`

#[path = "../../tests/support/mod.rs"]
mod support;

mod accuracy;
mod browser;
mod series;

use analytics::forecast::forecast;
use analytics::percentile;
use chrono::DateTime;
use model::SeriesPoint;
use std::time::Instant;

use accuracy::{Figures, mean};

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    percentile(&sorted, 0.5).unwrap_or(f64::NAN)
}

fn print_row(label: &str, f: &Figures) {
    println!(
        "| {label} | {:.2} | {:.2} | {:.1} % | {:.1} % | {:.1} % |",
        mean(&f.mase),
        median(&f.mase),
        mean(&f.smape),
        100.0 * mean(&f.covered80),
        100.0 * mean(&f.covered95)
    );
}

/// Milliseconds to forecast a 90-day horizon from `n` samples `step` apart, median of 20.
fn native_ms(step: i64, n: usize) -> (f64, f64) {
    let kinds = series::settings(step, n);
    let times: Vec<f64> = (0..20)
        .map(|seed| {
            let spec = &kinds[seed % kinds.len()];
            let values = series::truth(spec, seed as u64);
            let points: Vec<SeriesPoint> = series::observe(spec, &values, n, seed as u64)
                .into_iter()
                .map(|(t, v)| SeriesPoint { at: DateTime::from_timestamp(t, 0).unwrap(), value: v })
                .collect();
            let started = Instant::now();
            forecast(&points, 90 * 86400).expect("a forecast");
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    (median(&times), times.iter().copied().fold(0.0, f64::max))
}

#[tokio::main]
async fn main() {
    println!("## Accuracy ({} seeds × 5 kinds of series)\n", accuracy::SEEDS);
    println!(
        "| series, method | MASE mean | MASE median | sMAPE | 80 % band held | 95 % band held |\n|---|---|---|---|---|---|"
    );
    for (label, step, history, test) in [
        ("hourly, 2,200 samples, next 7 days", 3600, 2200, 168),
        ("5-minute, 4,000 samples, next 2 days", 300, 4000, 576),
        ("5-minute, 8,000 samples, next 2 days", 300, 8000, 576),
    ] {
        let row = accuracy::evaluate(label, step, history, test);
        print_row(&format!("{}: chosen", row.label), &row.chosen);
        print_row(&format!("{}: seasonal naive (day)", row.label), &row.seasonal_naive);
        print_row(&format!("{}: linear", row.label), &row.linear);
    }

    println!("\n## Speed, native (90-day horizon, median and max of 20)\n");
    for (label, step, n) in [("hourly, 2,200 samples", 3600, 2200), ("5-minute, 4,000 samples", 300, 4000)] {
        let (median, max) = native_ms(step, n);
        println!("{label}: {median:.1} ms (max {max:.1} ms)");
    }

    println!(
        "\n## Speed in headless Chromium: the capacity page, {} series of {} five-minute samples\n",
        browser::SERIES,
        browser::SAMPLES
    );
    let page = browser::measure(3).await;
    println!(
        "all series: {:.0} ms median of {} page loads (max {:.0} ms); one series: median {:.1} ms, p95 {:.1} ms, max {:.1} ms (the page yields after each 40 ms slice, so it blocks at most a slice plus one series)",
        median(&page.total_ms),
        page.total_ms.len(),
        page.total_ms.iter().copied().fold(0.0, f64::max),
        median(&page.per_series_ms),
        {
            let mut sorted = page.per_series_ms.clone();
            sorted.sort_by(f64::total_cmp);
            percentile(&sorted, 0.95).unwrap_or(f64::NAN)
        },
        page.per_series_ms.iter().copied().fold(0.0, f64::max)
    );
}
