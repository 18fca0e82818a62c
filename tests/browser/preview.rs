//! A pull request's preview: the site built with `--public-url /pr-7/` and served under that
//! path works — links, data, deep links and a reload.

use crate::support::browser::Browser;
use crate::support::root;
use crate::support::site::{build_site_at, serve_under};

#[tokio::test(flavor = "multi_thread")]
async fn the_site_works_under_a_sub_path() {
    let dist = build_site_at(root(), &root().join("target/browser-test/dist-pr-7"), "/pr-7/");
    let base = serve_under(&dist, "/pr-7");
    let browser = Browser::start().await;

    browser.goto(&format!("{base}/pr-7/")).await;
    browser.wait_for_text("Postmortems").await;
    browser.click("nav .nav-bar details:has(a[href='/pr-7/runbooks']) > summary").await;
    browser.click("nav .nav-bar a[href='/pr-7/runbooks']").await;
    browser.wait_for_text("Deploy rollback (all services)").await;
    assert_eq!(browser.current_url().await, format!("{base}/pr-7/runbooks"));

    // A deep link, opened directly (the host answers with 404.html, the app), then reloaded.
    let page = format!("{base}/pr-7/postmortems/2026-08-22-ledger-disk-full?section=summary");
    browser.goto(&page).await;
    browser.text("section[id='summary']").await;
    browser.client.refresh().await.expect("reload");
    browser.text("section[id='summary']").await;
    assert_eq!(browser.current_url().await, page);

    // Search fetches its index from under the sub-path and links within it.
    browser.goto(&format!("{base}/pr-7/search?q=ledger")).await;
    browser.wait_for_attribute(".search-layout", "data-search-query", "ledger").await;
    // The link as the browser resolves it (against `<base href>`).
    let href = browser.property("a.result", "href").await;
    assert!(href.starts_with(&format!("{base}/pr-7/")), "{href}");
    browser.close().await;
}
