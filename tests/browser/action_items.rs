//! The action-items page in headless Chromium: its figures are `report --json`'s, and its
//! filters recompute them from the same rows.

use crate::support::browser::Browser;
use crate::support::root;
use crate::support::site::{built_site, serve};
use analytics::{Report, action_item_rows, action_item_stats};
use chrono::NaiveDate;
use compile::load_and_check;
use views::format::format_percent;

#[tokio::test(flavor = "multi_thread")]
async fn page_figures_equal_the_report_and_filters_recompute_them() {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let (repo, _) = load_and_check(root(), crate::support::AS_OF);
    let site = compile::site_of(&repo);
    let report = Report::compute(&site, as_of);
    let s = &report.action_items.stats;
    let base = serve(built_site());
    let browser = Browser::start().await;

    browser.goto(&format!("{base}/action-items?as_of={as_of}")).await;
    browser.wait_for_text(&format!("{} of {} items", s.total, s.total)).await;
    for (label, expected) in [
        ("Items", s.total.to_string()),
        ("Open", s.open.to_string()),
        ("Overdue", s.overdue.to_string()),
        ("Due soon", s.due_soon.to_string()),
        ("Completion", format_percent(s.completion_rate)),
        ("Beyond due-date policy", s.beyond_policy.to_string()),
        ("Invalid", s.invalid.to_string()),
    ] {
        assert_eq!(browser.card(label).await, expected, "card {label}");
    }

    // One person's overdue items, chosen through the page's own controls.
    let rows = action_item_rows(&site.postmortems, &site.config, as_of);
    let owner = rows.iter().filter(|r| r.overdue).map(|r| r.item.owner.clone()).next().expect("an overdue owner");
    browser.select("owner", &owner).await;
    browser.click("input[name=overdue]").await;
    let mine: Vec<_> = rows.iter().filter(|r| r.item.owner == owner && r.overdue).collect();
    let text = browser.wait_for_text(&format!("{} of {} items", mine.len(), s.total)).await;
    let expected = action_item_stats(mine.iter().copied(), as_of);
    assert_eq!(browser.card("Overdue").await, expected.overdue.to_string());
    assert_eq!(browser.card("Items").await, expected.total.to_string());
    for row in &mine {
        assert!(text.contains(&row.item.text), "{} missing", row.item.text);
    }
    let url = browser.current_url().await;
    assert!(url.contains("overdue=1") && url.contains(&owner.replace('@', "%40")), "filters live in the URL: {url}");

    // Each item links to its row in its postmortem.
    browser.click("table.action-items tbody a").await;
    let highlighted = browser.text("tr.highlight").await;
    assert!(
        highlighted.contains(&mine[0].item.text) || mine.iter().any(|r| highlighted.contains(&r.item.text)),
        "{highlighted}"
    );
    browser.close().await;
}
