//! Links across the knowledge base: alerts to runbooks, services to everything about them,
//! recurring incidents marked, and runbooks made for the engineer at 3 AM.

use analytics::recurring;
use compile::load_and_check;

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{AS_OF, root};

#[tokio::test(flavor = "multi_thread")]
async fn alerts_services_patterns_and_copyable_commands() {
    let (repo, _) = load_and_check(root(), AS_OF);
    let base = serve(built_site());
    let browser = Browser::start().await;

    // A Prometheus runbook_url of /alerts/<name> lands on the runbook listing that alert.
    let runbook = repo.runbooks.iter().find(|rb| !rb.meta.alerts.is_empty()).expect("a runbook with alerts");
    browser.goto(&format!("{base}/alerts/{}", runbook.meta.alerts[0])).await;
    assert_eq!(browser.text("article.runbook h1").await, runbook.meta.title);
    // Every command block has a copy button.
    let blocks = runbook.sections.iter().map(|s| s.html.matches("<pre>").count()).sum::<usize>();
    assert!(blocks > 0, "the example runbook has commands");
    let buttons = browser.client.find_all(fantoccini::Locator::Css(".code-block button.copy")).await.unwrap();
    assert_eq!(buttons.len(), blocks);
    browser.goto(&format!("{base}/alerts/NoSuchAlert")).await;
    browser.wait_for_text("No runbook lists the alert `NoSuchAlert`").await;

    // A service page gathers its team, postmortems and runbooks.
    let service = "ledger";
    browser.goto(&format!("{base}/services/{service}")).await;
    let team = &repo.config.services[service].team;
    let text = browser.wait_for_text(&format!("Team\n{team}")).await;
    for pm in repo.postmortems.iter().filter(|pm| pm.meta.services.iter().any(|s| s == service)) {
        assert!(text.contains(&pm.meta.title), "{} missing from the service page", pm.meta.title);
    }
    for rb in repo.runbooks.iter().filter(|rb| rb.meta.service == service) {
        assert!(text.contains(&rb.meta.title));
    }

    // A recurrence is marked on the later postmortem.
    let site = compile::site_of(&repo);
    let pattern =
        recurring(&site.postmortems).into_iter().find(|p| p.service.is_some()).expect("the example has a recurrence");
    let (second, _) = &pattern.occurrences[1];
    browser.goto(&format!("{base}/postmortems/{second}")).await;
    browser.wait_for_text(&format!("Second occurrence of {}", pattern.label())).await;
    browser.close().await;
}
