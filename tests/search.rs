//! Relevance on the example repo, through `firebreak search --json`: the same index and
//! ranking as the site's search box.

mod support;

use serde_json::Value;
use support::{firebreak, root};

fn search(args: &[&str]) -> Value {
    let output =
        firebreak().arg("search").args(args).arg("--source").arg(root()).assert().success().get_output().stdout.clone();
    serde_json::from_slice(&output).expect("search --json prints JSON")
}

fn urls(result: &Value) -> Vec<String> {
    result["results"].as_array().unwrap().iter().map(|r| r["url"].as_str().unwrap().to_owned()).collect()
}

/// Every alert the example's runbooks list, with its runbook's path.
fn alerts() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root().join("content/runbooks")).unwrap() {
        let path = entry.unwrap().path();
        let slug = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let line = text.lines().find_map(|l| l.strip_prefix("alerts: [")).expect("each example runbook lists alerts");
        for alert in line.trim_end_matches(']').split(',') {
            found.push((alert.trim().to_owned(), format!("/runbooks/{slug}")));
        }
    }
    assert!(found.len() >= 20, "the example lists its alerts: {found:?}");
    found
}

#[test]
fn an_alert_name_ranks_its_runbook_first() {
    for (alert, runbook) in alerts() {
        let first = urls(&search(&[&alert, "--json"])).into_iter().next().unwrap_or_default();
        assert!(first.starts_with(&runbook), "`{alert}` ranks {first} first, not {runbook}");
    }
}

#[test]
fn a_misspelled_service_name_still_finds_it() {
    for (typo, service) in
        [("chekout", "checkout"), ("ledgr", "ledger"), ("notificatons", "notifications"), ("auht", "auth")]
    {
        let result = search(&[typo, "--limit", "20", "--json"]);
        let urls = urls(&result);
        assert!(urls.contains(&format!("/services/{service}")), "`{typo}` misses the {service} page: {urls:?}");
        assert!(urls[0].contains(service), "`{typo}` ranks {} first", urls[0]);
        assert!(result["unmatched"].as_array().unwrap().is_empty());
    }
}

#[test]
fn a_stemmed_form_finds_the_word() {
    let result = search(&["rollbacks", "--json"]);
    assert!(result["total"].as_u64().unwrap() >= 5);
    assert_eq!(urls(&result)[0], "/runbooks/deploy-rollback?section=overview");
    let snippets: Vec<&str> =
        result["results"].as_array().unwrap().iter().map(|r| r["snippet"].as_str().unwrap()).collect();
    assert!(snippets.iter().any(|s| s.contains("[rollback]")), "{snippets:?}");
}

#[test]
fn a_result_links_to_the_section_that_matched() {
    let result = search(&["slot cdc_orders", "--json"]);
    let first = &result["results"][0];
    assert_eq!(first["url"], "/postmortems/2026-08-22-ledger-disk-full?section=summary");
    assert_eq!(first["section"], "Summary");
}

#[test]
fn facets_narrow_the_results_and_count_what_is_left() {
    let all = search(&["ledger", "--json"]);
    let runbooks = search(&["ledger", "--filter", "kind=runbook", "--json"]);
    let count = |r: &Value, facet: &str, value: &str| {
        r["facets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["facet"] == facet && f["value"] == value)
            .map(|f| f["count"].as_u64().unwrap())
    };
    assert_eq!(runbooks["total"].as_u64(), count(&all, "kind", "runbook"));
    assert!(urls(&runbooks).iter().all(|u| u.starts_with("/runbooks/")));
    // The kind facet still counts postmortems: choosing them instead would give results.
    assert_eq!(count(&runbooks, "kind", "postmortem"), count(&all, "kind", "postmortem"));
}

#[test]
fn an_unknown_facet_is_a_usage_error() {
    firebreak()
        .args(["search", "disk", "--filter", "colour=red", "--source"])
        .arg(root())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`colour` is not a facet"));
}

/// The commands docs/search.md shows run as documented, on the example repo.
#[test]
fn the_documented_commands_work() {
    let docs = std::fs::read_to_string(root().join("docs/search.md")).unwrap();
    let block = docs.split("```sh\n").nth(1).and_then(|b| b.split("```").next()).expect("a command block");
    let commands: Vec<&str> = block.lines().filter(|l| l.starts_with("firebreak search ")).collect();
    assert_eq!(commands.len(), 2, "{block}");
    for command in commands {
        // Arguments as a shell splits them: quoted words stay together.
        let args: Vec<String> = command
            .trim_start_matches("firebreak ")
            .split('"')
            .enumerate()
            .flat_map(|(i, part)| {
                if i % 2 == 1 { vec![part.to_owned()] } else { part.split_whitespace().map(str::to_owned).collect() }
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).take_while(|a| *a != "--source").collect();
        let output = firebreak().args(&args).arg("--source").arg(root()).assert().success().get_output().stdout.clone();
        let text = String::from_utf8(output).unwrap();
        assert!(!text.contains("0 result(s)") && !text.contains("\"total\": 0"), "`{command}` finds nothing:\n{text}");
    }
}

#[test]
fn an_slo_is_found_by_its_name_and_its_objective() {
    // The name as a dashboard spells it, and the words of the promise it makes.
    for (query, slo) in [("ledger-writes", "ledger-writes"), ("checkout requests succeed", "checkout-availability")] {
        let first = urls(&search(&[query, "--json"])).into_iter().next().unwrap_or_default();
        assert_eq!(first, format!("/slos/{slo}"), "`{query}`");
    }
    let only_slos = search(&["checkout", "--filter", "kind=slo", "--json"]);
    assert_eq!(urls(&only_slos), ["/slos/checkout-availability", "/slos/checkout-latency"]);
}

#[test]
fn a_drill_is_found_by_its_words_and_narrowed_by_its_kind() {
    let result = search(&["snapshot reads are throttled", "--json"]);
    assert_eq!(urls(&result)[0], "/drills/2026-10-14-ledger-restore?section=findings");
    let drills = search(&["restore", "--filter", "kind=drill", "--json"]);
    let found = urls(&drills);
    assert!(!found.is_empty() && found.iter().all(|u| u.starts_with("/drills/")), "{found:?}");
}
