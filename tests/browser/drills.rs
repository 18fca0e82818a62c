//! `/drills` and a drill's page show what `firebreak report --json` computes for the same day
//! (each service's next due date and overdue mark, the recovery tests' RTO against the tier),
//! drills' action items reach the action-items page with their source, and the search finds
//! a drill by its words.

use serde_json::Value;

use crate::readiness::report;
use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};

/// A JSON string field, or `None` when it is null.
fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

#[tokio::test(flavor = "multi_thread")]
async fn drills_page_shows_the_next_due_dates_and_recovery_tests_of_report_json() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/drills")).await;
    browser.wait_for_text("Recovery tests against the tier's targets").await;
    let day = browser.attribute("p[data-as-of]", "data-as-of").await;
    let json = report(&day, &[]);
    let drills = &json["drills"];

    // The timeline: every drill, in the report's order (newest first).
    let timeline: Vec<String> =
        drills["timeline"].as_array().unwrap().iter().map(|d| text(&d["id"]).unwrap()).collect();
    assert_eq!(timeline.len(), 6, "the example's six drills");
    let shown = browser.rows("table.drill-timeline tbody tr").await;
    assert_eq!(shown.len(), timeline.len());
    for (i, id) in timeline.iter().enumerate() {
        let row = format!("table.drill-timeline tbody tr:nth-child({})", i + 1);
        assert_eq!(&browser.attribute(&row, "data-drill").await, id, "row {i}");
    }

    // Per service: the report's next due date ("now" when never drilled) and overdue flag.
    let services = drills["services"].as_array().unwrap();
    let rows = browser.rows("table.drill-services tbody tr").await;
    assert_eq!(rows.len(), services.len());
    let mut overdue = 0;
    for (row, service) in rows.iter().zip(services) {
        let name = text(&service["service"]).unwrap();
        assert_eq!(row[0], name);
        let due = text(&service["next_due"]).unwrap_or_else(|| "now".to_owned());
        assert!(row[3].starts_with(&due), "{name}: next due {due}, shown {}", row[3]);
        let late = service["overdue"].as_bool().unwrap();
        overdue += usize::from(late);
        assert_eq!(row[3].ends_with("overdue"), late, "{name}: {}", row[3]);
        let class = browser.attribute(&format!("table.drill-services tr[data-service='{name}']"), "class").await;
        assert_eq!(class.contains("overdue"), late, "{name}");
    }
    assert!(overdue > 0 && overdue < services.len(), "the example has services on and off cadence");

    // Recovery tests: the measured RTO against the tier's, as the report has them.
    let tests = drills["recovery_tests"].as_array().unwrap();
    let rows = browser.rows("table.recovery-tests tbody tr").await;
    assert_eq!(rows.len(), tests.len());
    assert!(!tests.is_empty());
    for (row, t) in rows.iter().zip(tests) {
        let target = text(&t["targets"]["rto"]).unwrap();
        let rto = match (text(&t["measured_rto"]), t["rto_met"].as_bool()) {
            (Some(measured), Some(true)) => format!("{measured} against {target} — met"),
            (Some(measured), _) => format!("{measured} against {target} — missed"),
            (None, _) => format!("not measured (target {target})"),
        };
        assert_eq!((&row[0], &row[2]), (&text(&t["drill"]["title"]).unwrap(), &text(&t["service"]).unwrap()));
        assert_eq!(row[4], rto);
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_drill_page_renders_its_facts_sections_and_items() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/drills")).await;
    browser.wait_for_text("Recovery tests against the tier's targets").await;
    let day = browser.attribute("p[data-as-of]", "data-as-of").await;
    let json = report(&day, &[]);
    let failed = &json["drills"]["recovery_tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rto_met"] == Value::Bool(false))
        .expect("the example's failed restore")
        .clone();
    let id = text(&failed["drill"]["id"]).unwrap();
    browser.click(&format!("table.drill-timeline tr[data-drill='{id}'] td:nth-child(2) a")).await;
    browser.wait_for(|| async { browser.current_url().await.ends_with(&format!("/drills/{id}")) }).await;
    browser.text("article.drill section[id='findings']").await;
    assert_eq!(browser.text("h1").await, text(&failed["drill"]["title"]).unwrap());
    let service = text(&failed["service"]).unwrap();
    let rto = browser.text(&format!("dd.recovery[data-service='{service}'] .rto")).await;
    let (measured, target) = (text(&failed["measured_rto"]).unwrap(), text(&failed["targets"]["rto"]).unwrap());
    assert_eq!(rto, format!("RTO {measured} against {target} — missed"));
    let facts = browser.text("dl.facts").await;
    for fact in ["dr-test", "done", "failed", "@olu", "@priya, @dmitri"] {
        assert!(facts.contains(fact), "{fact} is among the facts: {facts}");
    }
    // The Action Items section is the postmortems' table, one row per item.
    let items = browser.rows("section[id='action-items'] table.action-items tbody tr").await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0][2], "@dmitri");

    // On the action-items page, under "From drills", with the drill as its source.
    browser.goto(&format!("{base}/action-items")).await;
    browser.wait_for_text("From drills").await;
    let source = browser.text(&format!("table.drill-items tr[data-drill='{id}'] td.source")).await;
    assert!(source.contains(&text(&failed["drill"]["title"]).unwrap()), "{source}");
    browser.click(&format!("table.drill-items tr[data-drill='{id}'] td:nth-child(2) a")).await;
    browser.wait_for(|| async { browser.current_url().await.contains(&format!("/drills/{id}?item=1")) }).await;
    browser.text("tr.highlight").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_finds_a_drill_by_its_words() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/search?q=snapshot%20reads%20are%20throttled")).await;
    browser.wait_for_attribute(".search-layout", "data-search-query", "snapshot reads are throttled").await;
    assert_eq!(browser.text("#result-0 .result-title").await, "DR test: restore the ledger database from backup");
    assert_eq!(browser.text("#result-0 .chip").await, "drill");
    browser.click("#result-0 .result-title").await;
    browser.wait_for(|| async { browser.current_url().await.contains("/drills/2026-10-14-ledger-restore") }).await;
    browser.text("article.drill section[id='findings']").await;
    browser.close().await;
}
