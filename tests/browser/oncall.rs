//! `/oncall` and `/alerts` show what `firebreak report --json` computes for the same day and
//! window: its `oncall` section through `views::oncall` (every filter the page's URL takes)
//! and its `alerts` section through `views::alert_quality`.

use analytics::oncall::{AlertQuality, OncallHealth};
use views::alert_quality::{AlertRow, AlertsView};
use views::oncall::{OncallFilter, OncallView, ResponderRow, RotationRow, WeekRow};

use super::readiness::report;
use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};

fn rotation_cells(r: &RotationRow) -> Vec<String> {
    let (pages, breaches) = (r.pages.to_string(), r.breaches.join("; "));
    let cells = [&r.rotation, &pages, &r.sleep, &r.pages_per_12_hours, &r.hours_on_call, &r.acknowledge];
    cells.into_iter().chain([&r.fairness_pages, &r.fairness_sleep, &breaches]).cloned().collect()
}

fn person_cells(r: &ResponderRow) -> Vec<String> {
    let (pages, breaches) = (r.pages.to_string(), r.breaches.join("; "));
    let cells = [&r.responder, &r.team, &r.time_zone, &pages, &r.sleep, &r.pages_per_12_hours, &r.hours_on_call];
    let rest = [&r.on_call_share, &r.acknowledge, &r.escalation_rate, &r.false_pages, &r.incident_share, &breaches];
    cells.into_iter().chain(rest).cloned().collect()
}

fn week_cells(w: &WeekRow) -> Vec<String> {
    let counts = [w.business, w.off_hours, w.sleep, w.distinct_sleep_hours].map(|n| n.to_string());
    [w.week.to_string(), w.rotation.clone(), w.responder.clone()]
        .into_iter()
        .chain(counts)
        .chain([w.hours_on_call.clone(), w.pages_per_12_hours.clone(), w.breaches.join("; ")])
        .collect()
}

fn filter(health: &OncallHealth, rotation: Option<&str>, team: Option<&str>, all_weeks: bool) -> OncallFilter {
    OncallFilter { window: health.window, rotation: rotation.map(Into::into), team: team.map(Into::into), all_weeks }
}

/// What the page shows for `filter` over the report's window.
async fn assert_shows(browser: &Browser, health: &OncallHealth, filter: &OncallFilter) -> OncallView {
    let view = OncallView::of(health, filter);
    let rotations: Vec<Vec<String>> = view.rotations.iter().map(rotation_cells).collect();
    let people: Vec<Vec<String>> = view.people.iter().map(person_cells).collect();
    assert!(!people.is_empty(), "{filter:?} keeps someone");
    assert_eq!(browser.rows("table.oncall-rotations tbody tr").await, rotations, "{filter:?}");
    assert_eq!(browser.rows("table.oncall-people tbody tr").await, people, "{filter:?}");
    let weeks: Vec<Vec<String>> = view.week_table().iter().map(week_cells).collect();
    assert_eq!(browser.rows("table.oncall-weeks tbody tr").await, weeks, "{filter:?}");
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
