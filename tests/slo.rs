//! `firebreak report` on a repo with one SLO in OpenSLO's minimal form: the budget, policy
//! state, burn-down and alerts as hand-computed from its export.

mod support;

use serde_json::Value;
use std::fmt::Write;

use support::firebreak;

const SLO: &str = "apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-availability, displayName: Checkout availability }
spec:
  service: checkout
  indicator:
    metadata: { name: checkout-requests }
    spec:
      ratioMetric:
        counter: false
        good:  { metricSource: { type: file, spec: { path: sli/checkout-requests.csv, column: good } } }
        total: { metricSource: { type: file, spec: { path: sli/checkout-requests.csv, column: total } } }
  timeWindow: [ { duration: 28d, isRolling: true } ]
  budgetingMethod: Occurrences
  objectives: [ { displayName: Requests succeed, target: 0.999 } ]
";

/// Hourly rows of 1,000 requests over 2026-06-01 and 06-02; 30 fail in the hour to 10:00 on the 2nd.
fn export() -> String {
    let mut csv = String::from("timestamp,good,total\n");
    let start = chrono::DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z").unwrap();
    for hour in 1..=48 {
        let at = start + chrono::Duration::hours(hour);
        let good = if hour == 34 { 970 } else { 1000 };
        writeln!(csv, "{},{good},1000", at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap();
    }
    csv
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("firebreak.toml", "title = \"SLO test\"\n\n[services.checkout]\nteam = \"payments\"\n");
    write("content/slos/checkout.yaml", SLO);
    write("content/metrics/sli/checkout-requests.csv", &export());
    dir
}

#[test]
fn report_json_carries_each_slos_budget_state_and_alerts() {
    let repo = repo();
    let out = firebreak()
        .args(["report", "--json", "--as-of", "2026-06-02", "--source"])
        .arg(repo.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    let slo = &report["slos"][0];
    assert_eq!(slo["name"], "checkout-availability");
    assert_eq!(slo["service"], "checkout");
    let budget = &slo["budget"];
    assert_eq!(budget["total_events"], 48_000.0, "only the two days have data");
    // 0.1 % of 48,000 is 48 failures allowed; 30 spent leaves 37.5 %: caution.
    assert!((budget["budget"].as_f64().unwrap() - 48.0).abs() < 1e-9);
    assert!((budget["remaining"].as_f64().unwrap() - 0.375).abs() < 1e-9);
    assert_eq!(slo["state"], "caution");
    let burn_down = slo["burn_down"].as_array().unwrap();
    assert_eq!(burn_down.len(), 28, "one point per day of the 28-day window");
    assert_eq!(burn_down[0][1], 1.0, "the window starts with the whole budget");
    // 3 % failing for an hour burns 30 × the allowance: past page-fast's 13.44 for 28 days.
    let page = slo["firings"].as_array().unwrap().iter().find(|f| f["alert"] == "page-fast").unwrap();
    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).unwrap().timestamp();
    assert_eq!(page["from"], at("2026-06-02T10:00:00Z"));
    assert_eq!(page["until"], at("2026-06-02T11:00:00Z"));

    let human = firebreak().args(["report", "--as-of", "2026-06-02", "--source"]).arg(repo.path()).assert().success();
    let text = String::from_utf8(human.get_output().stdout.clone()).unwrap();
    assert!(text.contains("slo checkout-availability: caution, 37.5 % left (99.9 % target)"), "{text}");
}
