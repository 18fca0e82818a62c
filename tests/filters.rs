//! One filter, two doors: the DORA page reads it from its URL, `firebreak report` from its
//! flags. For each combination below, the page's path (URL query → `views::filter` →
//! `Report::prepared` → `DoraView`) and the CLI's (`report --json`) must give the same
//! figures, the same headline list, or the same error in the same words.

mod support;

use analytics::slo::FreezeBreaks;
use analytics::{Prepared, Report};
use serde_json::Value;
use views::dora::DoraView;
use views::filter::FilterQuery;
use views::headline;

use support::{AS_OF, firebreak, root};

/// URL queries as the page's links and controls write them.
const COMBINATIONS: &[&str] = &[
    "",
    "service=checkout",
    "service=checkout,ledger",
    "service=checkout,ledger,",
    "team=payments",
    "team=identity&service=search",
    "team=discovery&levels=2021",
    "environment=staging",
    "levels=2021",
    "levels=2024",
    "since=2026-06-01&until=2026-08-31",
    "until=2026-07-31",
    "since=2026-10-01",
    "since=2026-07-15&until=2026-07-15",
    "service=no-such-service",
    "team=payments&levels=2024&since=2026-05-01&until=2026-11-22",
    "service=auth&environment=production&levels=2023",
    "since=2020-01-01&until=2020-03-31",
    // The mistakes: each is an error on the page and in the CLI, in the same words.
    "team=nobody",
    "team=Payments",
    "since=2026-08-01&until=2026-07-01",
    "since=yesterday",
    "until=2026-02-30",
    "levels=2022",
    "levels=elite",
];

/// `report --json` with the query's pairs as flags: what `parsed` would run.
fn cli(query: &str) -> Result<Value, String> {
    let mut args = vec!["report".to_owned(), "--json".to_owned(), "--as-of".to_owned(), AS_OF.to_string()];
    for (key, value) in url_pairs(query) {
        args.push(format!("--{key}"));
        args.push(value);
    }
    let output = firebreak().args(&args).arg("--source").arg(root()).output().expect("firebreak runs");
    if output.status.success() {
        return Ok(serde_json::from_slice(&output.stdout).expect("report --json prints JSON"));
    }
    assert_eq!(output.status.code(), Some(2), "a filter mistake is a usage error: {query}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    Err(stderr.lines().last().unwrap_or_default().trim_start_matches("error: ").to_owned())
}

fn url_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).expect("a well-formed query")
}

#[test]
fn the_dora_page_and_report_json_agree_on_every_filter() {
    assert!(COMBINATIONS.len() >= 20);
    let (repo, diagnostics) = compile::load_and_check(root(), AS_OF);
    assert!(!diagnostics.blocks_build());
    let site = compile::site_of(&repo);
    let prepared = Prepared::new(&site);
    let statuses = analytics::slo::assess_site(&site, &compile::sli_of(&repo), &prepared, AS_OF);
    let mut errors = 0;
    for query in COMBINATIONS {
        // What the page does with its URL.
        let page: Result<(Report, DoraView, FreezeBreaks), String> = serde_urlencoded::from_str::<FilterQuery>(query)
            .expect("the page reads its query")
            .filter(&site, AS_OF)
            .map(|filter| {
                let report = Report::prepared(&site, &prepared, AS_OF, &filter);
                let breaks = analytics::slo::freeze_breaks(&statuses, &filter);
                let view = DoraView::of(&report.dora, Some(&breaks));
                (report, view, breaks)
            })
            .map_err(|e| e.to_string());
        match (page, cli(query)) {
            (Ok((report, view, breaks)), Ok(mut printed)) => {
                let object = printed.as_object_mut().unwrap();
                object.remove("capacity");
                object.remove("slos");
                // Not the DORA filter's: on-call load is judged over the window alone (tests/oncall.rs).
                object.remove("oncall");
                object.remove("alerts");
                // Drills and readiness are judged per service as of the date (tests/readiness.rs).
                object.remove("drills");
                object.remove("readiness");
                let printed_breaks = object.remove("freeze_breaks").expect("report --json counts freeze breaks");
                assert_eq!(
                    printed_breaks,
                    serde_json::to_value(&breaks).unwrap(),
                    "freeze breaks differ for `{query}`"
                );
                let headlines = object.remove("headlines").expect("report --json carries the headlines");
                assert_eq!(printed, serde_json::to_value(&report).unwrap(), "figures differ for `{query}`");
                let cards: Vec<_> = view.cards.iter().map(|c| c.headline.clone()).collect();
                assert_eq!(
                    headlines,
                    serde_json::to_value(headline::all(&report.dora.current, &report.action_items.stats)).unwrap()
                );
                assert_eq!(
                    serde_json::to_value(&cards).unwrap(),
                    serde_json::to_value(headline::delivery(&report.dora.current)).unwrap(),
                    "the page's cards are the headline list for `{query}`"
                );
            }
            (Err(page), Err(cli)) => {
                assert_eq!(page, cli, "different errors for `{query}`");
                errors += 1;
            }
            (page, cli) => panic!("`{query}`: the page gives {:?}, the CLI {:?}", page.map(|_| ()), cli.map(|_| ())),
        }
    }
    assert_eq!(errors, 7, "every mistake in the list was refused");
}
