//! The capacity page: every series forecast in the browser, read the way the shared
//! analytics read it natively, and what-ifs that move the dates as they should.

use analytics::{Calendar, Status, assess, settings_for};
use chrono::NaiveDate;
use compile::load_and_check;
use fantoccini::Locator;

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{AS_OF, root};

/// (series, status, order-by) of each table row, in the page's order.
async fn table(browser: &Browser) -> Vec<(String, String, Option<NaiveDate>)> {
    let mut rows = Vec::new();
    for row in browser.client.find_all(Locator::Css(".capacity-table tbody tr")).await.expect("rows") {
        let series = row.attr("data-series").await.expect("attribute").unwrap_or_default();
        let status = row.find(Locator::Css(".status")).await.expect("status").text().await.expect("text");
        let order_by = row.find(Locator::Css(".order-by")).await.expect("order-by").text().await.expect("text");
        rows.push((series, status, order_by.parse().ok()));
    }
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn series_are_forecast_listed_by_order_by_date_and_what_ifs_move_the_dates() {
    let (repo, _) = load_and_check(root(), AS_OF);
    let calendar = Calendar::of(&repo.config);
    let today = calendar.date_of(chrono::Utc::now());
    let base = serve(built_site());
    let browser = Browser::start().await;

    browser.goto(&format!("{base}/capacity")).await;
    let total = repo.metrics.series.len().to_string();
    assert!(repo.metrics.series.len() >= 3, "the example has series");
    browser.wait_for_attribute("article.capacity", "data-done", &total).await;
    browser.wait_for(|| async { !browser.attribute("article.capacity", "data-forecast-ms").await.is_empty() }).await;
    let charts = browser.client.find_all(Locator::Css(".forecast-chart svg")).await.unwrap();
    assert_eq!(charts.len(), repo.metrics.series.len(), "a chart per series");

    // The same reading natively: statuses equal, order-by dates within a day (the browser's
    // floating-point functions may round differently in the last bit).
    let rows = table(&browser).await;
    assert_eq!(rows.len(), repo.metrics.series.len());
    for series in &repo.metrics.series {
        let expected = assess(series, &settings_for(series, &repo.config.capacity), &calendar, today);
        let outlook = expected.outlook.expect("the example series forecast");
        let (_, status, order_by) = rows.iter().find(|r| r.0 == series.name).expect("a row per series");
        assert_eq!(status, outlook.status.label(), "{}", series.name);
        match (order_by, outlook.order_by) {
            (Some(page), Some(native)) => {
                assert!((*page - native).num_days().abs() <= 1, "{}: {page} against {native}", series.name)
            }
            (page, native) => assert_eq!(*page, native, "{}", series.name),
        }
    }
    let dated: Vec<NaiveDate> = rows.iter().filter_map(|r| r.2).collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "soonest order-by first: {rows:?}");
    assert!(dated.len() >= 2, "the example has series that will need capacity: {rows:?}");

    // A lead time 100 days longer moves every order-by date 100 days earlier, at once.
    browser.client.execute("const i = document.querySelector('input[name=lead_time]'); i.value = '130'; i.dispatchEvent(new Event('change', {bubbles: true}));", vec![]).await.unwrap();
    browser.wait_for(|| async { browser.current_url().await.contains("lead_time=130") }).await;
    let longer = table(&browser).await;
    for (series, _, order_by) in &rows {
        let settings =
            settings_for(repo.metrics.series.iter().find(|s| &s.name == series).unwrap(), &repo.config.capacity);
        let after = longer.iter().find(|r| &r.0 == series).unwrap();
        if let Some(before) = order_by {
            let moved = i64::from(130 - settings.lead_time_days);
            assert_eq!(after.2, Some(*before - chrono::Days::new(moved as u64)), "{series}");
        }
    }
    assert!(
        longer.iter().any(|r| r.1 == Status::ActNow.label()),
        "a long lead time makes something urgent: {longer:?}"
    );
    browser.close().await;
}
