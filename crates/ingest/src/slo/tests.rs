//! SLO definitions and SLI exports read through `ingest::load`, as a repo holds them.

use crate::diagnostics::Level;
use crate::rule_ids::RuleId;
use crate::test_repo::{load, shown};
use model::{AlertSeverity, BudgetingMethod, BurnRateAlert, CalendarPeriod, SloWindow, ThresholdOp};

/// The minimal form of docs/formats.md and issue 16, verbatim (shared with tests/slo.rs).
const MINIMAL: &str = include_str!("../../../../tests/fixtures/slo/minimal.yaml");

const REQUESTS: &str = "timestamp,good,total\n2026-06-01T00:05:00Z,998,1000\n2026-06-01 00:10:00,1000,1000\n";

#[test]
fn the_minimal_form_loads_as_written() {
    let (repo, found) =
        load(&[("content/slos/checkout.yaml", MINIMAL), ("content/metrics/sli/checkout-requests.csv", REQUESTS)]);
    assert!(found.is_empty(), "{found:?}");
    let slo = &repo.slos[0];
    assert_eq!(
        (slo.name.as_str(), slo.display_name.as_str(), slo.service.as_str()),
        ("checkout-availability", "Checkout availability", "checkout")
    );
    assert_eq!(slo.window, SloWindow::Rolling { seconds: 28 * 86_400 });
    assert_eq!(slo.method, BudgetingMethod::Occurrences);
    assert_eq!((slo.objective.display_name.as_str(), slo.objective.target), ("Requests succeed", 0.999));
    assert!(slo.alerts.is_empty() && slo.prometheus.is_none());
    assert!(slo.path.ends_with("/content/slos/checkout.yaml"), "{}", slo.path);
    assert_eq!(slo.line, 1);
    let events = &repo.sli["checkout-availability"].events;
    assert_eq!(events.at, [1_780_272_300, 1_780_272_600], "RFC 3339 and YYYY-MM-DD HH:MM:SS (UTC)");
    assert_eq!(
        (events.good.as_slice(), events.total.as_slice()),
        ([998.0, 1000.0].as_slice(), [1000.0, 1000.0].as_slice())
    );
    assert!(repo.sli["checkout-availability"].excluded.is_empty());
}

const LATENCY: &str = "apiVersion: openslo/v1
kind: Service
metadata: { name: search }
spec: { description: Finds products }
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: search-latency }
spec:
  thresholdMetric:
    metricSource: { type: file, spec: { path: sli/search-latency.csv, column: p99_ms } }
";

const LATENCY_SLO: &str = "apiVersion: openslo/v1
kind: SLO
metadata: { name: search-latency }
spec:
  service: search
  indicatorRef: search-latency
  timeWindow: [ { duration: 1Q, isRolling: false, calendar: { startTime: 2026-02-01 00:00:00, timeZone: Europe/Berlin } } ]
  budgetingMethod: Timeslices
  objectives:
    - { op: lte, value: 300, targetPercent: 99, timeSliceTarget: 0.95, timeSliceWindow: 5m }
";

#[test]
fn a_threshold_sli_by_reference_becomes_one_event_per_sample() {
    let csv = "timestamp,p99_ms\n2026-06-01T00:01:00Z,250\n2026-06-01T00:02:00Z,300\n2026-06-01T00:03:00Z,301\n";
    let (repo, found) = load(&[
        ("content/slos/a.yaml", LATENCY),
        ("content/slos/b.yml", LATENCY_SLO),
        ("content/metrics/sli/search-latency.csv", csv),
    ]);
    assert!(found.is_empty(), "{found:?}");
    let slo = &repo.slos[0];
    assert_eq!(slo.display_name, "search-latency", "the name when there is no displayName");
    assert_eq!(
        slo.window,
        SloWindow::Calendar {
            period: CalendarPeriod::Quarter,
            start_month: 2,
            time_zone: Some("Europe/Berlin".into())
        }
    );
    assert_eq!(slo.method, BudgetingMethod::Timeslices);
    let objective = &slo.objective;
    assert!((objective.target - 0.99).abs() < 1e-12);
    assert_eq!((objective.time_slice_target, objective.time_slice_seconds), (Some(0.95), Some(300)));
    let threshold = objective.threshold.unwrap();
    assert_eq!((threshold.op, threshold.value), (ThresholdOp::Lte, 300.0));
    let events = &repo.sli["search-latency"].events;
    assert_eq!((events.good.as_slice(), events.total.as_slice()), ([1.0, 1.0, 0.0].as_slice(), [1.0; 3].as_slice()));
}

#[test]
fn calendar_months_bad_events_and_prometheus_queries() {
    let slo = "apiVersion: openslo/v1
kind: SLO
metadata: { name: ledger-writes }
spec:
  service: ledger
  indicator:
    metadata: { name: ledger-writes }
    spec:
      ratioMetric:
        bad: { metricSource: { type: prometheus, spec: { query: 'sum(rate(errors[5m]))', path: sli/ledger.csv, column: errors } } }
        total: { metricSource: { type: prometheus, spec: { query: 'sum(rate(writes[5m]))', path: sli/ledger.csv, column: writes } } }
  timeWindow: [ { duration: 1M, isRolling: false } ]
  budgetingMethod: RatioTimeslices
  objectives: [ { target: 0.99, timeSliceWindow: 1h } ]
";
    let csv = "timestamp,errors,writes\n2026-06-01T01:00:00Z,5,100\n";
    let (repo, found) = load(&[("content/slos/ledger.yaml", slo), ("content/metrics/sli/ledger.csv", csv)]);
    assert!(found.is_empty(), "{found:?}");
    let slo = &repo.slos[0];
    assert_eq!(slo.window, SloWindow::Calendar { period: CalendarPeriod::Month, start_month: 1, time_zone: None });
    let prometheus = slo.prometheus.as_ref().unwrap();
    assert_eq!(
        (prometheus.errors_or_good.as_str(), prometheus.total.as_str(), prometheus.bad),
        ("sum(rate(errors[5m]))", "sum(rate(writes[5m]))", true)
    );
    let events = &repo.sli["ledger-writes"].events;
    assert_eq!((events.good[0], events.total[0]), (95.0, 100.0), "good = total − bad");
}

#[test]
fn burn_rate_conditions_inline_and_by_reference() {
    let policies = "apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: slow-burn }
spec:
  conditions:
    - conditionRef: ticket-slow
---
apiVersion: openslo/v1
kind: AlertCondition
metadata: { name: ticket-slow }
spec:
  severity: ticket
  condition: { kind: burnrate, op: gte, threshold: 1, lookbackWindow: 3d, alertAfter: 6h }
";
    let slo = MINIMAL.to_owned()
        + "  alertPolicies:
    - kind: AlertPolicy
      metadata: { name: fast-burn }
      spec:
        alertWhenBreaching: true
        conditions:
          - kind: AlertCondition
            metadata: { name: page-fast }
            spec:
              severity: page
              condition: { kind: burnrate, op: gte, threshold: 14.4, lookbackWindow: 1h }
    - alertPolicyRef: slow-burn
";
    let slo = slo.replace("duration: 28d", "duration: 30d");
    let (repo, found) = load(&[
        ("content/slos/policies.yaml", policies),
        ("content/slos/checkout.yaml", &slo),
        ("content/metrics/sli/checkout-requests.csv", REQUESTS),
    ]);
    assert!(found.is_empty(), "{found:?}");
    let defaults = BurnRateAlert::defaults();
    let alerts = &repo.slos[0].alerts;
    assert_eq!(alerts.len(), 2);
    for (alert, default) in alerts.iter().zip([&defaults[0], &defaults[3]]) {
        assert_eq!((alert.name.as_str(), alert.severity), (default.name.as_str(), default.severity));
        assert_eq!((alert.long_seconds, alert.short_seconds), (default.long_seconds, default.short_seconds));
        assert!((alert.budget_share - default.budget_share).abs() < 1e-12, "{alert:?}");
    }
    assert_eq!(alerts[0].severity, AlertSeverity::Page);
}

#[test]
fn cumulative_counters_count_increases_and_a_decrease_is_a_reset() {
    let slo = MINIMAL.replace("counter: false", "counter: true");
    let csv = "timestamp,good,total\n\
               2026-06-01T00:00:00Z,100,100\n\
               2026-06-01T00:05:00Z,190,200\n\
               2026-06-01T00:10:00Z,20,30\n\
               2026-06-01T00:15:00Z,70,80\n";
    let (repo, found) =
        load(&[("content/slos/checkout.yaml", &slo), ("content/metrics/sli/checkout-requests.csv", csv)]);
    assert!(found.is_empty(), "{found:?}");
    let events = &repo.sli["checkout-availability"].events;
    assert_eq!(events.at.len(), 3, "the first reading is where counting starts");
    assert_eq!(events.good, [90.0, 20.0, 50.0]);
    assert_eq!(events.total, [100.0, 30.0, 50.0]);
}

#[test]
fn bad_rows_are_reported_at_their_cell_left_out_and_counted() {
    let csv = "timestamp,good,total\n\
               2026-06-01T00:05:00Z,1001,1000\n\
               2026-06-01T00:10:00Z,-1,1000\n\
               2026-06-01T00:15:00Z,5,10\n\
               2026-06-01T00:15:00Z,5,10\n\
               2026-06-01T00:12:00Z,5,10\n\
               2026-06-01T00:20,5,10\n\
               2026-06-01T00:25:00Z,x,10\n\
               2026-06-01T00:30:00Z,5\n";
    let (repo, found) =
        load(&[("content/slos/checkout.yaml", MINIMAL), ("content/metrics/sli/checkout-requests.csv", csv)]);
    let at = "content/metrics/sli/checkout-requests.csv";
    assert_eq!(
        shown(&found),
        [
            format!(
                "{at}:2:22: good events (1001) outnumber all events (1000) in `good` and `total`; the row is left out"
            ),
            format!("{at}:3:22: `good`: `-1` is negative; events are counted from 0; the row is left out"),
            format!("{at}:5:1: `2026-06-01T00:15:00Z` is repeated (first on line 4); the row is left out"),
            format!(
                "{at}:6:1: `2026-06-01T00:12:00Z` is before the previous row's timestamp (line 4): an SLI export is in time order; the row is left out"
            ),
            format!(
                "{at}:7:1: `timestamp`: `2026-06-01T00:20` is neither RFC 3339 nor YYYY-MM-DD HH:MM:SS; the row is left out"
            ),
            format!("{at}:8:22: `good`: `x` is not a finite number; the row is left out"),
            format!("{at}:9:1: row has 2 field(s) but the header has 3"),
        ]
    );
    assert!(found.iter().all(|d| d.rule == Some(RuleId::SliExport) && d.level == Level::Error));
    let data = &repo.sli["checkout-availability"];
    assert_eq!(data.events.len(), 1);
    assert_eq!(data.excluded["unreadable rows of sli/checkout-requests.csv"], 7);
}

#[test]
fn a_missing_export_or_column_is_found_where_the_slo_names_it() {
    let typo = MINIMAL.replace("column: good", "column: god").replace("checkout-availability", "second");
    let (repo, found) = load(&[
        ("content/slos/a.yaml", MINIMAL),
        ("content/slos/b.yaml", &typo.replace("sli/checkout-requests.csv", "sli/requests.csv")),
        ("content/slos/c.yaml", &typo.replace("second", "third")),
        ("content/metrics/sli/requests.csv", REQUESTS),
        ("content/metrics/sli/unused.csv", REQUESTS),
    ]);
    assert_eq!(
        shown(&found),
        [
            "content/metrics/sli/unused.csv:1:1: no SLO reads this export: name `sli/unused.csv` as the `spec.path` of an SLO's metricSource, or remove it",
            "content/slos/a.yaml:11:60: `sli/checkout-requests.csv` is not an export: there is no file content/metrics/sli/checkout-requests.csv",
            "content/slos/b.yaml:11:86: content/metrics/sli/requests.csv has no column `god`; did you mean `good`?; its columns: timestamp, good, total",
        ],
        "the third SLO reads the same missing file: reported once"
    );
    assert_eq!(repo.slos.len(), 3, "the definitions are sound: the SLOs stay, without events");
    assert!(repo.sli.values().all(|d| d.events.is_empty()));
}

/// Each bad definition is one finding at its value; the good SLO beside it still loads.
#[test]
fn bad_definitions_are_found_at_their_value_and_leave_only_their_slo_out() {
    let cases: [(&str, &str, &str); 9] = [
        ("spec:\n  service", "spec:\n  service: [", "5:13: invalid YAML: did not find expected node content"),
        (
            "kind: SLO",
            "kind: SLOs",
            "2:7: unknown kind `SLOs`; did you mean `SLO`?; firebreak reads SLO, SLI, Service, AlertPolicy, AlertCondition",
        ),
        (
            "budgetingMethod: Occurrences",
            "budgetingMethod: Ocurrences",
            "14:20: unknown budgetingMethod `Ocurrences`; did you mean `Occurrences`?",
        ),
        (
            "target: 0.999",
            "target: 99.9",
            "15:58: `target` 99.9 is outside [0, 1): the share of good events, such as 0.999; for 99.9 % write `targetPercent: 99.9`",
        ),
        ("target: 0.999", "target: 0.999, op: lt, value: 3", "15:69: `op` and `value` apply to a thresholdMetric SLI"),
        ("duration: 28d", "duration: 4 weeks", "13:29: `4 weeks` is not a rolling window"),
        (
            "budgetingMethod: Occurrences",
            "budgetingMethod: Timeslices",
            "15:15: the time-slice methods need a `timeSliceWindow`",
        ),
        (
            "service: checkout",
            "service: chekout",
            "5:12: service `chekout` is not in the service catalog ([services] of firebreak.toml); did you mean `checkout`?",
        ),
        (
            "displayName: Requests",
            "dispayName: Requests",
            "15:19: spec.objectives[0]: unknown field `dispayName`, expected one of `displayName`",
        ),
    ];
    for (from, to, expected) in cases {
        let bad = MINIMAL.replace("checkout-availability", "bad").replacen(from, to, 1);
        let (repo, found) = load(&[
            ("firebreak.toml", "[services.checkout]\nteam = \"payments\"\n"),
            ("content/slos/good.yaml", MINIMAL),
            ("content/slos/bad.yaml", &bad),
            ("content/metrics/sli/checkout-requests.csv", REQUESTS),
        ]);
        let shown = shown(&found);
        assert_eq!(shown.len(), 1, "{to}: {shown:?}");
        assert!(shown[0].starts_with(&format!("content/slos/bad.yaml:{expected}")), "{to}: {}", shown[0]);
        assert_eq!(found[0].rule, Some(RuleId::SloDefinition));
        assert_eq!(repo.slos.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["checkout-availability"]);
    }
}

#[test]
fn threshold_ops_references_and_names_are_checked() {
    let renamed = |name: &str| LATENCY_SLO.replace("{ name: search-latency }", &format!("{{ name: {name} }}"));
    let unknown_op = renamed("op").replace("op: lte", "op: le");
    let no_sli = renamed("ref").replace("indicatorRef: search-latency", "indicatorRef: search-latncy");
    let csv = "timestamp,p99_ms\n2026-06-01T00:01:00Z,250\n";
    let (repo, found) = load(&[
        ("content/slos/a.yaml", LATENCY),
        ("content/slos/b.yaml", &unknown_op),
        ("content/slos/c.yaml", &no_sli),
        ("content/slos/d.yaml", LATENCY_SLO.replace("timeSliceTarget: 0.95", "timeSliceTarget: 0.9").as_str()),
        ("content/slos/e.yaml", LATENCY_SLO),
        ("content/slos/notes.txt", "not an SLO"),
        ("content/metrics/sli/search-latency.csv", csv),
    ]);
    assert_eq!(
        shown(&found),
        [
            "content/slos/b.yaml:10:13: unknown op `le`; did you mean `lte`?; use lt, lte, gt, gte",
            "content/slos/c.yaml:6:17: indicatorRef `search-latncy` names no `kind: SLI` document of the SLO folder; did you mean `search-latency`?",
            "content/slos/e.yaml:3:19: a second SLO named `search-latency` (first at content/slos/d.yaml:3)",
            "content/slos/notes.txt:1:1: the SLO folder holds OpenSLO YAML files (.yaml) only; move this file elsewhere",
        ]
    );
    assert_eq!(repo.slos.len(), 1);
    assert_eq!(repo.slos[0].objective.time_slice_target, Some(0.9));
}

#[test]
fn a_tier_1_service_without_an_slo_is_a_warning_once_the_repo_has_slos() {
    let catalog = "[services.checkout]\nteam = \"payments\"\ntier = 1\n\n[services.ledger]\nteam = \"payments\"\ntier = 1\n\n[services.search]\nteam = \"discovery\"\n";
    let (_, found) = load(&[("firebreak.toml", catalog)]);
    assert!(found.is_empty(), "no SLOs yet: no warnings, {found:?}");
    let (_, found) = load(&[
        ("firebreak.toml", catalog),
        ("content/slos/checkout.yaml", MINIMAL),
        ("content/metrics/sli/checkout-requests.csv", REQUESTS),
    ]);
    assert_eq!(shown(&found), ["firebreak.toml:5:1: tier-1 service `ledger` has no SLO: add one to the SLO folder"]);
    assert_eq!((found[0].level, found[0].rule), (Level::Warning, Some(RuleId::SloCoverage)));
}
