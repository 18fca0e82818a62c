//! The DORA page recomputes in the browser when a filter changes, and shows exactly what
//! `firebreak report --json` computes for the same filter.

use analytics::Report;
use views::format::{format_hours, format_percent};

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{firebreak, root};

#[tokio::test(flavor = "multi_thread")]
async fn a_service_filter_shows_the_numbers_report_json_gives() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/dora")).await;
    browser.wait_for_text("Deployments / week").await;
    browser.select("service", "checkout").await;
    // The page's window ends today in the reader's browser: ask the CLI for the same days.
    let since = browser.property("input[name=since]", "value").await;
    let until = browser.property("input[name=until]", "value").await;
    browser.wait_for_text("By service").await;
    let out = firebreak()
        .args([
            "report",
            "--json",
            "--service",
            "checkout",
            "--since",
            &since,
            "--until",
            &until,
            "--as-of",
            &until,
            "--source",
        ])
        .arg(root())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: Report = serde_json::from_slice(&out).unwrap();
    let f = &report.dora.current;
    assert!(f.deployments > 0);
    let text = browser.wait_for_text(&format!("Deployments {} Deploy days", f.deployments)).await;
    for expected in [
        format!("{:.1}\nDeployments / week", f.deployments_per_week),
        format!("{}\nLead time (median)", format_hours(f.lead_time_hours.median)),
        format!("{}\nChange failure rate", format_percent(f.change_failure_rate)),
        format!("Failed deployments ({})", report.dora.failed_deployments.len()),
    ] {
        assert!(text.contains(&expected), "the page lacks `{expected}`:\n{text}");
    }
    assert!(browser.current_url().await.contains("service=checkout"));
    browser.close().await;
}
