//! Markdown from any committer — a PR preview from a fork included — must never run script
//! in a reader's browser: the sanitiser strips it and the Content-Security-Policy would block
//! what slipped through.

use crate::support::browser::Browser;
use crate::support::fixture;
use crate::support::site::{build_site, serve};

#[tokio::test(flavor = "multi_thread")]
async fn no_payload_in_a_postmortem_runs() {
    let dist = build_site(&fixture("hostile-render"), &crate::support::root().join("target/browser-test/hostile-dist"));
    let base = serve(&dist);
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/postmortems/2026-06-01-injection")).await;
    // The title is shown as text, tags and all.
    assert!(browser.text("article h1").await.contains("<script>window.__pwned = 'title'</script>"));
    browser.wait_for_text("an entry with a payload").await;
    browser.wait_for_text("Sanitise input").await;

    // Try every link and button a reader might click.
    for css in ["#js-link", "#data-link", "#form-button", "a[href^='javascript']"] {
        if let Ok(element) = browser.client.find(fantoccini::Locator::Css(css)).await {
            let _ = element.click().await;
        }
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    let probe = browser
        .client
        .execute(
            "return {
                pwned: window.__pwned === undefined ? null : String(window.__pwned),
                handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
                scriptUrls: document.querySelectorAll('[href^=\"javascript\"],[src^=\"javascript\"],[action^=\"javascript\"],[data^=\"javascript\"]').length,
                frames: document.querySelectorAll('iframe,object,embed').length,
                at: location.pathname,
            };",
            vec![],
        )
        .await
        .expect("the probe runs");
    assert_eq!(probe["pwned"], serde_json::Value::Null, "a payload ran: {probe}");
    assert_eq!(probe["handlers"], 0, "{probe}");
    assert_eq!(probe["scriptUrls"], 0, "{probe}");
    assert_eq!(probe["frames"], 0, "{probe}");
    assert_eq!(probe["at"], "/postmortems/2026-06-01-injection", "no link navigated away: {probe}");
    browser.close().await;
}
