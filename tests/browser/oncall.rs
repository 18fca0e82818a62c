//! `/oncall` and `/alerts` show what `firebreak report --json` computes for the same day and
//! window: its `oncall` section through `views::oncall` (every filter the page's URL takes)
//! and its `alerts` section through `views::alert_quality`.

use analytics::oncall::{AlertQuality, OncallHealth};
use views::alert_quality::{AlertRow, AlertsView};
use views::oncall::{OncallFilter, OncallView};

use super::readiness::report;
use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};

fn filter(health: &OncallHealth, rotation: Option<&str>, team: Option<&str>, all_weeks: bool) -> OncallFilter {
    OncallFilter { window: health.window, rotation: rotation.map(Into::into), team: team.map(Into::into), all_weeks }
}

/// What the page shows for `filter` over the report's window.
async fn assert_shows(browser: &Browser, health: &OncallHealth, filter: &OncallFilter) -> OncallView {
    let view = OncallView::of(health, filter);
    assert!(!view.people.is_empty(), "{filter:?} keeps someone");
    for table in [view.rotation_table(), view.people_table(), view.weeks_table()] {
        let css = format!("table.{} tbody tr", table.class.replace(' ', "."));
        assert_eq!(browser.rows(&css).await, table.texts(), "{filter:?}");
    }
    view
}

#[tokio::test(flavor = "multi_thread")]
async fn the_oncall_page_shows_report_json_for_every_filter_in_its_url() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/oncall")).await;
    browser.wait_for_text("on no shift").await;
    let day = browser.attribute("p[data-load-ms]", "data-as-of").await;
    let health: OncallHealth = serde_json::from_value(report(&day, &[])["oncall"].clone()).unwrap();
    let all = assert_shows(&browser, &health, &filter(&health, None, None, false)).await;
    // 90 days are more weeks than the table shows at first; its link shows the rest.
    assert!(all.weeks_hidden > 0, "{} week rows, none hidden", all.weeks.len());
    browser.click("p.all-weeks a").await;
    browser.wait_for(|| async { browser.current_url().await.contains("weeks=all") }).await;
    browser.wait_for(|| async { browser.rows("table.oncall-weeks tbody tr").await.len() == all.weeks.len() }).await;
    assert_shows(&browser, &health, &filter(&health, None, None, true)).await;
    browser.goto(&format!("{base}/oncall")).await;
    browser.wait_for_text("on no shift").await;
    browser.select("rotation", "payments").await;
    browser.wait_for(|| async { browser.current_url().await.contains("rotation=payments") }).await;
    assert_shows(&browser, &health, &filter(&health, Some("payments"), None, false)).await;
    browser.select("team", "payments").await;
    browser.wait_for(|| async { browser.current_url().await.contains("team=payments") }).await;
    assert_shows(&browser, &health, &filter(&health, Some("payments"), Some("payments"), false)).await;

    // The unfair week of October: Hannah's pages that week are over the limit, and said so.
    let window = ["--since", "2026-10-19", "--until", "2026-11-08"];
    let october: OncallHealth = serde_json::from_value(report(&day, &window)["oncall"].clone()).unwrap();
    browser.goto(&format!("{base}/oncall?since=2026-10-19&until=2026-11-08")).await;
    browser.wait_for_text("from 2026-10-19 to 2026-11-08").await;
    assert_shows(&browser, &october, &filter(&october, None, None, false)).await;
    let hannah = browser.text("tr[data-week='2026-10-26'][data-responder='@hannah'] td.breaches").await;
    assert!(hannah.contains("pages per 12 h"), "{hannah}");

    browser.goto(&format!("{base}/oncall?rotation=paymnts")).await;
    let problem = browser.wait_for_text("cannot be applied").await;
    assert!(problem.contains("did you mean `payments`?"), "{problem}");
    browser.close().await;
}

fn alert_cells(r: &AlertRow) -> Vec<String> {
    let alert = if r.unlisted { format!("{} unlisted", r.alert) } else { r.alert.clone() };
    let runbooks = if r.runbooks.is_empty() {
        "none".to_owned()
    } else {
        r.runbooks.iter().map(|(slug, _)| slug.as_str()).collect::<Vec<_>>().join(", ")
    };
    let (pages, sleep) = (r.pages.to_string(), r.sleep_pages.to_string());
    vec![alert, pages, r.actionable.clone(), r.noise.clone(), r.acknowledge_median.clone(), sleep, runbooks]
        .into_iter()
        .chain([r.last_fired.clone()])
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_alerts_page_and_an_alerts_own_page_show_report_json() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/alerts")).await;
    browser.wait_for_text("noisiest first").await;
    let day = browser.attribute("p[data-filter-ms]", "data-as-of").await;
    let quality: AlertQuality = serde_json::from_value(report(&day, &[])["alerts"].clone()).unwrap();
    let view = AlertsView::of(&quality);
    let wanted: Vec<Vec<String>> = view.rows.iter().map(alert_cells).collect();
    assert_eq!(browser.rows("table.alerts tbody tr").await, wanted);
    assert_eq!(wanted[0][0], "SearchClusterYellow", "the flapping cluster is the noisiest");
    let lines = |text: String| text.lines().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(lines(browser.text("section.quiet").await), view.quiet);
    assert_eq!(lines(browser.text("section.uncovered").await), view.uncovered);
    assert!(view.quiet.contains(&"LedgerPrimaryUnavailable".to_owned()));
    assert!(view.uncovered.contains(&"NotificationsWebhookRetries".to_owned()));

    browser.click("tr[data-alert=SearchClusterYellow] a").await;
    browser.wait_for_text("How SearchClusterYellow has paged").await;
    let yellow = view.row("SearchClusterYellow").unwrap();
    let pages = browser.text("dl.alert-figures dd.pages").await;
    assert!(pages.starts_with(&format!("{} from", yellow.pages)), "{pages}");
    assert_eq!(browser.text("dl.alert-figures dd.actionable").await, yellow.actionable);
    assert_eq!(browser.text("dl.alert-figures dd.last-fired").await, yellow.last_fired);
    browser.goto(&format!("{base}/alerts/LedgerPrimaryUnavailable")).await;
    browser.wait_for_text("a quiet alert").await;
    browser.close().await;
}
