//! The onboarding page: the curated list and the impact ranking the compiler and analytics
//! give, ticks that survive a reload, and glossary links from documents.

use analytics::most_impactful;
use compile::load_and_check;
use model::DocumentRef;
use serde_json::json;

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{AS_OF, root};

#[tokio::test(flavor = "multi_thread")]
async fn reading_list_ranking_progress_and_glossary_links() {
    let (repo, _) = load_and_check(root(), AS_OF);
    let site = compile::site_of(&repo);
    let base = serve(built_site());
    let browser = Browser::start().await;

    browser.goto(&format!("{base}/onboarding")).await;
    assert_eq!(browser.text("article.onboarding h1").await, repo.onboarding.title);
    // The curated list, in the file's order.
    let listed: Vec<String> = texts(&browser, ".reading-list li > a").await;
    let expected: Vec<String> = repo
        .onboarding
        .reading_list
        .iter()
        .map(|e| match &e.document {
            DocumentRef::Postmortem(id) => {
                repo.postmortems.iter().find(|p| &p.meta.id == id).unwrap().meta.title.clone()
            }
            DocumentRef::Runbook(slug) => repo.runbooks.iter().find(|r| &r.slug == slug).unwrap().meta.title.clone(),
        })
        .collect();
    assert!(expected.len() >= 3, "the example has a reading list");
    assert_eq!(listed, expected);
    // The ranking is the analytics' ranking, with its reasons.
    let ranked: Vec<String> = texts(&browser, ".impact-list li > a").await;
    let scores = most_impactful(&site.postmortems, 5);
    let titles: Vec<String> = scores
        .iter()
        .map(|s| site.postmortems.iter().find(|p| p.meta.id == s.id).unwrap().meta.title.clone())
        .collect();
    assert_eq!(ranked, titles);
    let reason = browser.text(".impact-list li .reason").await;
    assert!(
        reason.starts_with(&format!(
            "Impact {:.0}: {}",
            scores[0].score,
            views::format::impact_reason(&scores[0].reasons[0].why)
        )),
        "{reason}"
    );

    // Ticks survive a reload.
    let total = browser.attribute(".progress-summary", "data-total").await;
    browser.click(".reading-list li input.progress-check").await;
    browser.click(".tasks li input.progress-check").await;
    browser.wait_for_attribute(".progress-summary", "data-ticked", "2").await;
    browser.client.refresh().await.expect("reload");
    browser.wait_for_attribute(".progress-summary", "data-ticked", "2").await;
    assert_eq!(browser.attribute(".progress-summary", "data-total").await, total);
    assert_eq!(browser.property(".reading-list li input.progress-check", "checked").await, "true");
    assert_eq!(browser.property(".tasks li input.progress-check", "checked").await, "true");
    // Unticking is kept too.
    browser.click(".tasks li input.progress-check").await;
    browser.wait_for_attribute(".progress-summary", "data-ticked", "1").await;
    browser.client.refresh().await.expect("reload");
    browser.wait_for_attribute(".progress-summary", "data-ticked", "1").await;

    // A document links its first use of a glossary term; following it stays in the app
    // (no reload: the marker set on the page survives) and lands on the definition.
    let (pm, term) = repo
        .postmortems
        .iter()
        .find_map(|pm| {
            let html = pm.sections.iter().map(|s| s.html.as_str()).collect::<String>();
            let at = html.find("href=\"onboarding?section=")? + "href=\"onboarding?section=".len();
            Some((pm, html[at..].split('"').next()?.to_owned()))
        })
        .expect("an example postmortem uses a glossary term");
    browser.goto(&format!("{base}/postmortems/{}", pm.meta.id)).await;
    browser.text("a.term").await;
    browser.client.execute("window.__stayed = true;", vec![]).await.expect("mark the page");
    browser.click("a.term").await;
    browser.wait_for(|| async { browser.current_url().await.ends_with(&format!("/onboarding?section={term}")) }).await;
    browser.text(&format!("dt#{term}")).await;
    let stayed = browser.client.execute("return window.__stayed === true;", vec![]).await.expect("read the mark");
    assert_eq!(stayed, json!(true), "the glossary link reloaded the site");
    browser.close().await;
}

async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    browser.text(css).await;
    let mut out = Vec::new();
    for element in browser.client.find_all(fantoccini::Locator::Css(css)).await.expect("elements") {
        out.push(element.text().await.expect("text"));
    }
    out
}
