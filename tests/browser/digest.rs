//! The monthly digest shows what the analytics compute for that month, and moves between
//! months.

use analytics::{Prepared, digest};
use chrono::NaiveDate;
use compile::load_and_check;
use views::headline;

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{AS_OF, root};

#[tokio::test(flavor = "multi_thread")]
async fn a_month_of_postmortems_action_items_and_dora_change() {
    let (repo, _) = load_and_check(root(), AS_OF);
    let site = compile::site_of(&repo);
    let october = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let expected = digest(&site, &Prepared::new(&site), october, AS_OF);
    assert!(expected.postmortems.len() >= 2, "the example has postmortems in October");
    let base = serve(built_site());
    let browser = Browser::start().await;

    browser.goto(&format!("{base}/digest/2026-10")).await;
    assert_eq!(browser.text("article.digest h1").await, "Digest: October 2026");
    assert_eq!(browser.card("New postmortems").await, expected.postmortems.len().to_string());
    assert_eq!(browser.card("Action items opened").await, expected.opened.len().to_string());
    assert_eq!(browser.card("Action items closed").await, expected.closed.len().to_string());
    assert_eq!(browser.card("Incidents").await, expected.incidents.to_string());
    let text = browser.text("article.digest").await;
    for id in &expected.postmortems {
        let pm = site.postmortems.iter().find(|p| &p.meta.id == id).unwrap();
        assert!(text.contains(&pm.meta.title), "{} missing", pm.meta.title);
    }
    for h in headline::compare(&headline::delivery(&expected.dora_before), &headline::delivery(&expected.dora)) {
        let row = format!("{} {} {} {}", h.name, h.before, h.after, h.change);
        assert!(text.contains(row.trim_end()), "no row `{row}` in:\n{text}");
    }

    browser.click("nav.months a").await;
    browser.wait_for_attribute("article.digest", "data-month", "2026-09").await;
    assert!(browser.current_url().await.ends_with("/digest/2026-09"));

    browser.goto(&format!("{base}/digest/last-month")).await;
    browser.wait_for_text("`last-month` is not a month").await;
    browser.close().await;
}
