//! `views::paths` against the router: the router's patterns are literals its derive needs,
//! so the only proof the two agree is opening each kind of path on the built site.

use compile::load_and_check;
use views::paths;

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{AS_OF, root};

#[tokio::test(flavor = "multi_thread")]
async fn every_page_path_opens_its_page() {
    let (repo, _) = load_and_check(root(), AS_OF);
    let base = serve(built_site());
    let browser = Browser::start().await;

    let postmortem = repo.postmortems.iter().find(|pm| !pm.sections.is_empty()).expect("an example postmortem");
    let runbook = repo.runbooks.first().expect("an example runbook");
    let service = &runbook.meta.service;
    let term = repo.onboarding.glossary.first().expect("an example glossary term");
    let section = &postmortem.sections[0].anchor;
    let drill = repo.drills.first().expect("an example drill");
    // Each path, an element only its page renders, and the page's heading.
    let pages = [
        (paths::postmortems().to_owned(), "form[aria-label='Filter postmortems']".to_owned(), "Postmortems"),
        (paths::postmortem(&postmortem.meta.id), "article.postmortem".to_owned(), postmortem.meta.title.as_str()),
        (paths::runbook(&runbook.slug), "article.runbook".to_owned(), runbook.meta.title.as_str()),
        (paths::service(service), "article.service".to_owned(), service.as_str()),
        (paths::drills().to_owned(), "table.drill-services".to_owned(), "Drills"),
        (paths::drill(&drill.meta.id), "article.drill".to_owned(), drill.meta.title.as_str()),
        (paths::oncall().to_owned(), "table.oncall-people".to_owned(), "On-call health"),
        (paths::alerts().to_owned(), "table.alerts".to_owned(), "Alert quality"),
        (
            paths::section(&paths::postmortem(&postmortem.meta.id), section),
            format!("article.postmortem section[id='{section}']"),
            postmortem.meta.title.as_str(),
        ),
        (
            paths::onboarding_section(&term.anchor),
            format!("article.onboarding dt[id='{}']", term.anchor),
            repo.onboarding.title.as_str(),
        ),
    ];
    for (path, only_there, heading) in pages {
        let url = format!("{base}{path}");
        browser.goto(&url).await;
        browser.text(&only_there).await;
        assert_eq!(browser.text("h1").await, heading, "{path} opens another page");
        assert!(!browser.text("body").await.contains("Page not found"), "{path} is not found");
        assert_eq!(browser.current_url().await, url, "{path} was redirected");
    }
    browser.close().await;
}
