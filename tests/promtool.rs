//! `firebreak slo rules` against a real engine: promtool checks the rules, then runs them
//! over counters equal to an SLI export and must fire the alerts at the times firebreak's
//! own backtest (`analytics::slo::backtest`) computes on that export.

mod support;

use std::path::Path;
use std::process::Command;

use analytics::slo::{Rates, backtest};
use model::{AlertSeverity, BurnRateAlert};
use serde_json::{Value, json};
use serde_yaml_ng::Value as Yaml;
use support::firebreak;

const MINUTE: i64 = 60;
/// Six hours of one-minute samples, the last row included.
const STEPS: i64 = 6 * 60;
/// From the end of minute 120 to the end of minute 180, 5 % of requests fail (a burn rate
/// of 50 against 99.9 %); the rest of the time 1 in 2,000 does (0.5, under every factor).
const BAD_STRETCH: std::ops::Range<i64> = 121..181;
const REQUESTS_PER_MINUTE: i64 = 2000;
/// Where the counters stand at the first row: not zero, as a long-running process's are.
const START: (i64, i64) = (5, 10_000);
/// The export's first row, 2026-06-01T00:00:00Z; promtool's series start at time 0.
const T0: i64 = 1_780_272_000;

/// Minutes either side of a backtested start or end that are not compared, where an engine
/// may differ by a step: Prometheus 3 selects a range without its first instant (one sample
/// fewer than firebreak's window holds), and `rate()` extrapolates to a window's edges while
/// the data starts inside it (the first hours here) — scaling bad and total alike, so the
/// ratio, and the alert, moves by at most a step or two. The rules have no `for:`, so no
/// delay is added on top; the evaluation interval is the data's step. (Debian's promtool
/// 2.42 agrees at every minute; shifting the expected start by one minute fails the test.)
const TOLERANCE_MINUTES: i64 = 2;

const SLO: &str = r#"apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-requests, displayName: Checkout requests }
spec:
  service: checkout
  indicator:
    metadata: { name: checkout-requests }
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: prometheus
            spec:
              query: 'sum(rate(http_requests_total{code="500"}[{{.window}}]))'
              path: sli/checkout-requests.csv
              column: bad
        total:
          metricSource:
            type: prometheus
            spec:
              query: 'sum(rate(http_requests_total[{{.window}}]))'
              path: sli/checkout-requests.csv
              column: total
  timeWindow: [ { duration: 30d, isRolling: true } ]
  budgetingMethod: Occurrences
  objectives: [ { displayName: Requests succeed, target: 0.999 } ]
"#;

/// The cumulative bad and total counters at the end of each minute 0..=STEPS.
fn counters() -> Vec<(i64, i64)> {
    let (mut bad, mut total) = START;
    let mut rows = vec![(bad, total)];
    for minute in 1..=STEPS {
        bad += if BAD_STRETCH.contains(&minute) { REQUESTS_PER_MINUTE / 20 } else { 1 };
        total += REQUESTS_PER_MINUTE;
        rows.push((bad, total));
    }
    rows
}

/// A repo with the SLO and its export, as cumulative counters.
fn repo(dir: &Path) {
    std::fs::create_dir_all(dir.join("content/slos")).unwrap();
    std::fs::create_dir_all(dir.join("content/metrics/sli")).unwrap();
    std::fs::write(dir.join("content/slos/checkout.yaml"), SLO).unwrap();
    let mut csv = String::from("timestamp,bad,total\n");
    for (minute, (bad, total)) in counters().iter().enumerate() {
        let at = chrono::DateTime::from_timestamp(T0 + minute as i64 * MINUTE, 0).unwrap();
        csv.push_str(&format!("{},{bad},{total}\n", at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)));
    }
    std::fs::write(dir.join("content/metrics/sli/checkout-requests.csv"), csv).unwrap();
}

fn promtool(args: &[&str], dir: &Path) -> std::process::Output {
    match Command::new("promtool").args(args).current_dir(dir).output() {
        Ok(output) => output,
        Err(e) => panic!(
            "cannot run promtool ({e}): install it with `source scripts/install-tools.sh && install_promtool` \
             (scripts/test and CI install it)"
        ),
    }
}

fn assert_success(output: &std::process::Output, what: &str) {
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{what} failed:\n{stdout}\n{stderr}");
}

/// The rules `firebreak slo rules --out` writes for the repo in `dir`.
fn write_rules(dir: &Path) -> Yaml {
    firebreak()
        .args(["slo", "rules", "--source"])
        .arg(dir)
        .args(["--out", "rules.yml"])
        .current_dir(dir)
        .assert()
        .success();
    serde_yaml_ng::from_str(&std::fs::read_to_string(dir.join("rules.yml")).unwrap()).unwrap()
}

#[test]
fn promtool_accepts_the_generated_rules() {
    let dir = tempfile::tempdir().unwrap();
    repo(dir.path());
    let rules = write_rules(dir.path());
    assert_eq!(rules["groups"][0]["rules"].as_sequence().unwrap().len(), 9, "seven error ratios and two alerts");
    assert_success(&promtool(&["check", "rules", "rules.yml"], dir.path()), "promtool check rules");
}

/// Each severity's backtested firings as `[from, until)` minutes after the first row,
/// overlapping ones joined: the rule of a severity fires while any of its conditions does.
fn backtested(dir: &Path) -> Vec<(AlertSeverity, i64, i64)> {
    let (repo, diagnostics) = compile::load_and_check(dir, support::AS_OF);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let slo = &repo.slos[0];
    let events = &repo.sli[&slo.name].events;
    let rates = Rates::new(events, slo.objective.target);
    let firings = backtest(&rates, &slo.window, &BurnRateAlert::defaults(), 0.0);
    let mut joined: Vec<(AlertSeverity, i64, i64)> = Vec::new();
    for severity in [AlertSeverity::Page, AlertSeverity::Ticket] {
        let mut spans: Vec<(i64, i64)> = firings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| ((f.from - T0) / MINUTE, f.until.map_or(STEPS + 1, |u| (u - T0) / MINUTE)))
            .collect();
        spans.sort_unstable();
        for (from, until) in spans {
            match joined.last_mut() {
                Some((s, _, end)) if *s == severity && from <= *end => *end = (*end).max(until),
                _ => joined.push((severity, from, until)),
            }
        }
    }
    joined
}

#[test]
fn promtool_fires_the_alerts_when_firebreaks_backtest_does() {
    let dir = tempfile::tempdir().unwrap();
    repo(dir.path());
    let rules = write_rules(dir.path());
    let spans = backtested(dir.path());
    let page: Vec<_> = spans.iter().filter(|s| s.0 == AlertSeverity::Page).collect();
    // The backtest itself, so a change there cannot hollow out this test: one page, during
    // the bad stretch.
    assert_eq!(page.len(), 1, "{spans:?}");
    assert!(BAD_STRETCH.contains(&page[0].1) && page[0].2 > BAD_STRETCH.end, "{spans:?}");

    let annotations = |severity: &str| {
        let rules = rules["groups"][0]["rules"].as_sequence().unwrap();
        let alert = rules.iter().find(|r| r["labels"]["severity"].as_str() == Some(severity)).unwrap();
        alert["annotations"].clone()
    };
    let near_an_edge = |minute: i64| {
        spans.iter().any(|(_, from, until)| {
            (minute - from).abs() <= TOLERANCE_MINUTES || (minute - until).abs() <= TOLERANCE_MINUTES
        })
    };
    // Every minute not within the tolerance of an edge: exactly the backtested alerts fire.
    let tests: Vec<Value> = (0..=STEPS)
        .filter(|minute| !near_an_edge(*minute))
        .map(|minute| {
            let firing: Vec<Value> = spans
                .iter()
                .filter(|(_, from, until)| (*from..*until).contains(&minute))
                .map(|(severity, ..)| {
                    let severity = if *severity == AlertSeverity::Page { "page" } else { "ticket" };
                    json!({
                        "exp_labels": { "severity": severity, "slo": "checkout-requests", "service": "checkout" },
                        "exp_annotations": annotations(severity),
                    })
                })
                .collect();
            json!({ "eval_time": format!("{minute}m"), "alertname": "SloErrorBudgetBurn", "exp_alerts": firing })
        })
        .collect();
    assert!(tests.len() > 300, "most minutes are compared: {}", tests.len());
    let values =
        |pick: fn(&(i64, i64)) -> i64| counters().iter().map(|c| pick(c).to_string()).collect::<Vec<_>>().join(" ");
    let unit_test = json!({
        "rule_files": ["rules.yml"],
        "evaluation_interval": "1m",
        "tests": [{
            "interval": "1m",
            "input_series": [
                { "series": "http_requests_total{code=\"500\"}", "values": values(|(bad, _)| *bad) },
                { "series": "http_requests_total{code=\"200\"}", "values": values(|(bad, total)| total - bad) },
            ],
            "alert_rule_test": tests,
        }],
    });
    std::fs::write(dir.path().join("rules.test.yml"), serde_yaml_ng::to_string(&unit_test).unwrap()).unwrap();
    assert_success(&promtool(&["test", "rules", "rules.test.yml"], dir.path()), "promtool test rules");
}
