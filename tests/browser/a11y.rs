//! axe-core over every page of the site, in the light and the dark colour scheme: no serious
//! or critical violation passes. The pages are the router's own patterns, read from
//! `src/app/route.rs`, so a new page is checked (or this test asks for a sample) the day it
//! is added.

use compile::load_and_check;
use model::Repo;
use views::paths;

use crate::support::axe::{Violation, violations};
use crate::support::browser::{Browser, ColorScheme};
use crate::support::routes::route_patterns;
use crate::support::site::{built_site, serve};
use crate::support::{AS_OF, root};

/// A path of the example site that `pattern` matches, its parameters taken from the repo.
/// The search page opens on a query, so its result cards are checked too.
fn sample(pattern: &str, repo: &Repo) -> String {
    let first = |what: &str, name: Option<&String>| name.unwrap_or_else(|| panic!("the example has a {what}")).clone();
    match pattern {
        "/postmortems/:id" => paths::postmortem(&first("postmortem", repo.postmortems.first().map(|p| &p.meta.id))),
        "/runbooks/:slug" => paths::runbook(&first("runbook", repo.runbooks.first().map(|r| &r.slug))),
        "/services/:name" => paths::service(&first("service", repo.runbooks.first().map(|r| &r.meta.service))),
        "/slos/:name" => paths::slo(&first("SLO", repo.slos.first().map(|s| &s.name))),
        "/drills/:id" => paths::drill(&first("drill", repo.drills.first().map(|d| &d.meta.id))),
        "/alerts/:name" => paths::alert(&first("page", repo.metrics.pages.first().map(|p| &p.alert))),
        "/digest/:month" => format!("/digest/{}", AS_OF.format("%Y-%m")),
        "/search" => "/search?q=rollback".to_owned(),
        fixed if !fixed.contains(':') => fixed.to_owned(),
        other => panic!("no sample path for the route `{other}`: add one to tests/browser/a11y.rs"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_passes_axe_core_in_light_and_dark() {
    let (repo, _) = load_and_check(root(), AS_OF);
    let base = serve(built_site());
    let browser = Browser::start().await;
    let mut failures = Vec::new();
    for scheme in [ColorScheme::Light, ColorScheme::Dark] {
        browser.emulate_color_scheme(scheme).await;
        for pattern in route_patterns() {
            let path = sample(&pattern, &repo);
            browser.goto(&format!("{base}{path}")).await;
            browser.wait_until_settled().await;
            let blocking: Vec<Violation> =
                violations(&browser).await.into_iter().filter(|v| v.blocks_readers()).collect();
            let elements: usize = blocking.iter().map(|v| v.targets.len()).sum();
            // The count per page, for the record of what a change fixed.
            eprintln!("{path} ({}): {} rules, {elements} elements", scheme.name(), blocking.len());
            failures.extend(blocking.iter().map(|v| {
                format!("{path} ({}): {} [{}] {}: {}", scheme.name(), v.id, v.impact, v.help, v.targets.join(", "))
            }));
        }
    }
    browser.close().await;
    assert!(failures.is_empty(), "serious or critical accessibility violations:\n{}", failures.join("\n"));
}
