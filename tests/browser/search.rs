//! The search box: `/` from any page, results as you type with snippets, facets, the
//! keyboard, a shareable URL, a result opening at its section, and a shard that fails to load.

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};

async fn results(browser: &Browser, query: &str) -> Vec<String> {
    browser.wait_for_attribute(".search-layout", "data-search-query", query).await;
    let titles = browser.client.find_all(Locator::Css(".result .result-title")).await.expect("results");
    let mut out = Vec::new();
    for t in titles {
        out.push(t.text().await.expect("a title"));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn type_narrow_and_open_a_result() {
    let base = serve(built_site());
    let browser = Browser::start().await;

    // `/` on any page opens the search with the box focused.
    browser.goto(&format!("{base}/runbooks")).await;
    browser.wait_for_text("Deploy rollback (all services)").await;
    // A real key press (WebDriver actions), as a keyboard sends it.
    let slash =
        KeyActions::new("keyboard".into()).then(KeyAction::Down { value: '/' }).then(KeyAction::Up { value: '/' });
    browser.client.perform_actions(slash).await.expect("press /");
    browser.wait_for_text("results appear as you type").await;
    let focused = browser.client.active_element().await.expect("focus").attr("id").await.expect("id");
    assert_eq!(focused.as_deref(), Some("search-input"));
    assert_eq!(browser.property("#search-input", "value").await, "", "the `/` opened the search, it was not typed");

    // Typing shows ranked results with the matched word marked in a snippet.
    browser.client.active_element().await.expect("the box").send_keys("rollbacks").await.expect("type");
    let titles = results(&browser, "rollbacks").await;
    assert_eq!(titles[0], "Deploy rollback (all services)");
    let marks = browser.client.find_all(Locator::Css(".result .snippet mark")).await.expect("marks");
    assert!(!marks.is_empty());
    assert!(marks[0].text().await.unwrap().to_lowercase().starts_with("rollback"));
    // The URL follows once typing pauses.
    browser.wait_for(|| async { browser.current_url().await.contains("q=rollbacks") }).await;

    // ↓ moves the selection.
    browser.client.active_element().await.unwrap().send_keys(&char::from(Key::Down).to_string()).await.unwrap();
    browser.wait_for_attribute("#result-1", "aria-selected", "true").await;

    // A facet narrows the results to its count, and is kept in the URL.
    let facet = "input[data-facet=kind][data-value=postmortem]";
    let label = browser.text(&format!("fieldset.facet-kind label:has({facet})")).await;
    let expected: usize = label.split_whitespace().last().unwrap().parse().unwrap();
    browser.click(facet).await;
    browser.wait_for(|| async { browser.current_url().await.contains("kind=postmortem") }).await;
    browser.wait_for_text(&format!("{expected} result")).await;
    let kinds = browser.client.find_all(Locator::Css(".result .chip")).await.unwrap();
    assert_eq!(kinds.len(), expected.min(10));
    for kind in kinds {
        assert_eq!(kind.text().await.unwrap(), "postmortem");
    }

    // A result opens its page scrolled to the section that matched.
    browser.click("#result-0 .result-title").await;
    browser.wait_for(|| async { browser.current_url().await.contains("/postmortems/") }).await;
    let url = browser.current_url().await;
    let section = url.split("section=").nth(1).expect("a result links to its section").to_owned();
    browser.text(&format!("section[id='{section}']")).await;
    let top: f64 = browser
        .client
        .execute(&format!("return document.getElementById('{section}').getBoundingClientRect().top"), vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!((-2.0..200.0).contains(&top), "the section is at {top}px, not in view");

    // Back returns to the search as it was left.
    browser.client.back().await.expect("back");
    browser
        .wait_for(|| async {
            match browser.client.find(Locator::Css(facet)).await {
                Ok(input) => input.prop("checked").await.ok().flatten().as_deref() == Some("true"),
                Err(_) => false,
            }
        })
        .await;
    assert_eq!(browser.property("#search-input", "value").await, "rollbacks");

    // A shared search URL reopens the same results and facets.
    browser.goto(&format!("{base}/search?q=ledger&kind=runbook")).await;
    let titles = results(&browser, "ledger").await;
    assert!(titles[..2].iter().all(|t| t.starts_with("Ledger")), "{titles:?}");
    let kinds = browser.client.find_all(Locator::Css(".result .chip")).await.unwrap();
    for kind in kinds {
        assert_eq!(kind.text().await.unwrap(), "runbook");
    }
    assert_eq!(browser.property("input[data-facet=kind][data-value=runbook]", "checked").await, "true");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shard_that_fails_to_load_shows_an_error_with_a_retry() {
    // A copy of the site with the search manifest missing, as a broken deploy would be.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("site");
    copy_dir(built_site(), &copy);
    let manifest = copy.join("data/search/manifest.bin");
    let saved = std::fs::read(&manifest).unwrap();
    std::fs::remove_file(&manifest).unwrap();
    let base = serve(&copy);
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/search?q=disk")).await;
    browser.wait_for_text("The search index could not be loaded").await;
    assert!(browser.text(".problem").await.contains("data/search/manifest.bin"));

    std::fs::write(&manifest, saved).unwrap();
    browser.click(".problem button").await;
    assert!(!results(&browser, "disk").await.is_empty());
    browser.close().await;
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
