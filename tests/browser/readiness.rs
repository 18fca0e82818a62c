//! Readiness and disaster recovery in the browser show what `firebreak report --json`
//! computes for the same day: `/services`' stages, a service page's criteria and drills, the
//! home page's counts, and the incidents page's list of incidents over their tier's RTO.

use serde_json::Value;

use analytics::OverRto;
use analytics::readiness::ServiceReadiness;
use views::readiness::{rows, stage_counts};

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{report_json, root};

/// `report --json` of the example repo as of `day`.
pub fn report(day: &str, flags: &[&str]) -> Value {
    report_json(root(), day, flags)
}

#[tokio::test(flavor = "multi_thread")]
async fn services_and_a_service_page_show_the_readiness_report_json_gives() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/services")).await;
    browser.wait_for_text("Readiness as of").await;
    let day = browser.attribute("table.services", "data-as-of").await;
    let json = report(&day, &[]);
    let readiness: Vec<ServiceReadiness> = serde_json::from_value(json["readiness"].clone()).unwrap();
    let expected = rows(&readiness);
    let shown = browser.rows("table.services tbody tr").await;
    let stages: Vec<(String, String, String)> =
        shown.iter().map(|cells| (cells[0].clone(), cells[3].clone(), cells[4].clone())).collect();
    let wanted: Vec<(String, String, String)> =
        expected.iter().map(|r| (r.service.clone(), r.stage_label.to_owned(), r.held_back_by.join("; "))).collect();
    assert_eq!(stages, wanted);

    browser.click("tr[data-service=ledger] a").await;
    browser.wait_for_text("the next stage needs").await;
    let ledger = expected.iter().find(|r| r.service == "ledger").unwrap();
    let criteria = browser.rows("table.readiness tbody tr").await;
    let wanted: Vec<Vec<String>> = ledger
        .checks
        .iter()
        .map(|c| {
            let link = c.link.as_ref().map(|(text, _)| format!(" · {text}")).unwrap_or_default();
            vec![
                c.criterion.to_owned(),
                c.stage.to_owned(),
                if c.holds { "yes" } else { "no" }.to_owned(),
                format!("{}{link}", c.evidence),
            ]
        })
        .collect();
    assert_eq!(criteria, wanted);
    let drills = browser.text("section.service-drills").await;
    assert!(drills.contains("RTO 95m against 15m — missed"), "the failed restore test: {drills}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn home_counts_and_incidents_over_rto_match_report_json() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/services")).await;
    browser.wait_for_text("Readiness as of").await;
    let day = browser.attribute("table.services", "data-as-of").await;
    let json = report(&day, &[]);
    let readiness: Vec<ServiceReadiness> = serde_json::from_value(json["readiness"].clone()).unwrap();
    browser.goto(&base).await;
    browser.wait_for_text("Readiness").await;
    for (stage, count) in stage_counts(&readiness) {
        assert_eq!(browser.card(stage).await, count.to_string(), "{stage}");
    }
    browser.goto(&format!("{base}/incidents")).await;
    browser.wait_for_text("Over their tier's RTO").await;
    let over: Vec<OverRto> = serde_json::from_value(json["drills"]["incidents_over_rto"].clone()).unwrap();
    let wanted: Vec<Vec<String>> = views::drill_status::over_rto_rows(&over, |_| true)
        .into_iter()
        .map(|r| vec![r.incident, r.service, r.began, r.restore, r.rto])
        .collect();
    assert!(!wanted.is_empty());
    assert_eq!(browser.rows("table.over-rto tbody tr").await, wanted);
    browser.close().await;
}
