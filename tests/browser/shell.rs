//! The app shell: deep links, the dashboard, list filters and unknown pages.

use crate::support::browser::Browser;
use crate::support::root;
use crate::support::site::{built_site, serve};
use analytics::Report;
use compile::load_and_check;
use model::ActionStatus;
use views::format::{format_hours, format_percent};

const POSTMORTEM: &str = "2026-06-12-checkout-payment-timeouts";

#[tokio::test(flavor = "multi_thread")]
async fn deep_links_and_the_dashboard_render_the_compiled_repo() {
    let (repo, diagnostics) = load_and_check(root(), crate::support::AS_OF);
    assert!(!diagnostics.has_errors(), "the example repo is clean");
    let base = serve(built_site());
    let browser = Browser::start().await;

    // A deep link straight to a postmortem: the host only knows 404.html for this path.
    browser.goto(&format!("{base}/postmortems/{POSTMORTEM}")).await;
    let pm = repo.postmortems.iter().find(|p| p.meta.id == POSTMORTEM).expect("the example postmortem");
    assert_eq!(browser.text("article.postmortem h1").await, pm.meta.title);
    assert_eq!(browser.text("article.postmortem .badge").await, "SEV2");
    let page = browser.wait_for_text("Action Items").await;
    let item = &pm.action_items[0];
    assert!(page.contains(&item.text), "action item `{}` missing", item.text);
    assert!(page.contains(&item.owner));
    assert!(page.contains("All times UTC") || page.contains(&pm.timeline[0].at.format(model::dates::TIME).to_string()));

    // The dashboard shows what the shared analytics compute for today.
    browser.goto(&format!("{base}/")).await;
    let text = browser.wait_for_text("Change failure rate").await;
    let report = Report::compute(&compile::site_of(&repo), chrono::Utc::now().date_naive());
    for expected in [
        format!("{}\nPostmortems", report.counts.postmortems),
        format!("{}\nRunbooks", report.counts.runbooks),
        format!("{}\nChange failure rate", format_percent(report.dora.current.change_failure_rate)),
        format!("{}\nLead time (median)", format_hours(report.dora.current.lead_time_hours.median)),
        format!("{}\nOverdue", report.action_items.stats.overdue),
    ] {
        assert!(text.contains(&expected), "dashboard lacks `{expected}`:\n{text}");
    }
    assert!(pm.action_items.iter().any(|i| i.status == ActionStatus::Done));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn list_filters_live_in_the_url_and_unknown_pages_say_so() {
    let (repo, _) = load_and_check(root(), crate::support::AS_OF);
    let base = serve(built_site());
    let browser = Browser::start().await;

    browser.goto(&format!("{base}/postmortems?severity=SEV1")).await;
    let sev1 = repo.postmortems.iter().filter(|p| p.meta.severity.label() == "SEV1").count();
    let text = browser.wait_for_text(&format!("{sev1} of {} postmortems", repo.postmortems.len())).await;
    for pm in &repo.postmortems {
        assert_eq!(text.contains(&pm.meta.title), pm.meta.severity.label() == "SEV1", "{}", pm.meta.title);
    }

    browser.goto(&format!("{base}/runbooks/no-such-runbook")).await;
    browser.wait_for_text("No such runbook").await;
    browser.goto(&format!("{base}/nowhere/at/all")).await;
    browser.wait_for_text("Page not found").await;
    browser.close().await;
}
