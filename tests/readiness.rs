//! `firebreak report` on the example repo: drills against each tier, the incidents over
//! their RTO and each service's readiness stage, as docs/metrics.md ("Drills and disaster
//! recovery", "Readiness") says the example stands on 2026-11-22.

mod support;

use serde_json::Value;

use support::{AS_OF, firebreak, report_json, root};

fn report() -> Value {
    report_json(root(), &AS_OF.to_string(), &[])
}

fn service<'a>(section: &'a Value, name: &str) -> &'a Value {
    section.as_array().unwrap().iter().find(|s| s["service"] == name).unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn the_example_has_a_service_in_each_stage_as_documented() {
    let report = report();
    let readiness = &report["readiness"];
    let stages: Vec<(&str, &str)> = readiness
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["service"].as_str().unwrap(), s["stage"].as_str().unwrap()))
        .collect();
    assert_eq!(
        stages,
        [
            ("auth", "firefighting"),
            ("checkout", "firefighting"),
            ("ledger", "firefighting"),
            ("notifications", "fire-prevention"),
            ("search", "fire-starting")
        ]
    );
    let held: Vec<&str> = service(readiness, "notifications")["held_back_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(held, ["drills-on-cadence", "last-drill-done", "drill-items-on-time"]);
    assert!(service(readiness, "search")["held_back_by"].as_array().unwrap().is_empty());
    let checkout = service(readiness, "checkout");
    let restore =
        checkout["checks"].as_array().unwrap().iter().find(|c| c["criterion"] == "restore-under-target").unwrap();
    assert_eq!(restore["evidence"]["restore"]["under"], "20m", "tier 1's restore target");
    assert_eq!(restore["holds"], false);
}

#[test]
fn the_failed_ledger_restore_misses_tier_ones_rto() {
    let report = report();
    let drills = &report["drills"];
    let tests = drills["recovery_tests"].as_array().unwrap();
    let ledger = tests.iter().find(|t| t["service"] == "ledger").unwrap();
    assert_eq!((&ledger["measured_rto"], &ledger["targets"]["rto"]), (&Value::from("95m"), &Value::from("15m")));
    assert_eq!((&ledger["rto_met"], &ledger["rpo_met"]), (&Value::Bool(false), &Value::Bool(true)));
    let notifications = service(&drills["services"], "notifications");
    assert_eq!((&notifications["overdue"], &notifications["next_due"]), (&Value::Bool(true), &Value::Null));
    assert_eq!(notifications["next_planned"]["date"], "2026-12-10");
    let timeline = drills["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 6);
    assert_eq!(timeline[0]["status"], "planned", "newest first");
}

#[test]
fn incidents_over_their_rto_are_listed_per_service_longest_first() {
    let report = report();
    let over = report["drills"]["incidents_over_rto"].as_array().unwrap();
    assert!(!over.is_empty());
    let minutes: Vec<f64> = over.iter().map(|o| o["restore_minutes"].as_f64().unwrap()).collect();
    assert!(minutes.windows(2).all(|w| w[0] >= w[1]), "{minutes:?}");
    for o in over {
        let rto = match o["service"].as_str().unwrap() {
            "checkout" | "ledger" | "auth" => 15.0,
            "search" => 240.0,
            _ => 24.0 * 60.0,
        };
        assert!(o["restore_minutes"].as_f64().unwrap() > rto, "{o}");
    }
    let human = firebreak().args(["report", "--as-of", &AS_OF.to_string(), "--source"]).arg(root()).output().unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("readiness search: fire-starting"), "{text}");
    assert!(
        text.contains(
            "recovery test DR test: restore the ledger database from backup (ledger): RTO 95m against 15m — missed"
        ),
        "{text}"
    );
}
