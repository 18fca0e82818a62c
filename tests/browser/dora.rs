//! The DORA page recomputes in the browser when a filter changes, and shows exactly what
//! `firebreak report --json` computes for the same filter, laid out from the same view model.

use analytics::Report;
use analytics::slo::FreezeBreaks;
use views::dora::DoraView;

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
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let breaks: FreezeBreaks = serde_json::from_value(json["freeze_breaks"].clone()).unwrap();
    let f = &report.dora.current;
    assert!(f.deployments > 0);
    let text = browser.wait_for_text(&format!("Deployments {} Deploy days", f.deployments)).await;
    // The page renders the view model: every card, detail and per-service row as computed natively.
    let view = DoraView::of(&report.dora, Some(&breaks));
    let mut expected: Vec<String> =
        view.cards.iter().map(|c| format!("{}\n{}", c.headline.text, c.headline.name)).collect();
    expected.extend(view.cards.iter().filter(|c| !c.change.is_empty()).map(|c| c.change.clone()));
    expected.extend(view.details.iter().flatten().map(|(label, value)| format!("{label} {value}")));
    expected.extend(view.per_service.iter().map(|s| {
        let during_freeze = s.freeze_breaks.expect("the example has SLOs");
        format!(
            "{} {} {} {} {} {during_freeze}",
            s.service, s.deployments, s.failed, s.change_failure_rate, s.lead_time
        )
    }));
    expected.extend(view.freezes.clone());
    expected.push(view.scope.clone());
    expected.push(format!("Failed deployments ({})", report.dora.failed_deployments.len()));
    assert_eq!(view.cards.len(), 5, "the four keys and time to restore");
    for expected in expected {
        assert!(text.contains(&expected), "the page lacks `{expected}`:\n{text}");
    }
    assert!(browser.current_url().await.contains("service=checkout"));

    // A mistake in the URL is the CLI's error, shown where the figures would be.
    browser.goto(&format!("{base}/dora?since=2026-08-01&until=2026-07-01")).await;
    let text = browser.wait_for_text("These filters cannot be applied").await;
    assert!(text.contains("the window starts on 2026-08-01, after it ends on 2026-07-01"), "{text}");
    assert!(!text.contains("Failed deployments ("), "no figures beside the error:\n{text}");
    browser.close().await;
}
