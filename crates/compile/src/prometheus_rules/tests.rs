use super::*;
use model::{SloWindow, Threshold, ThresholdOp};
use serde_yaml_ng::Value;

fn slo(name: &str, prometheus: Option<PrometheusQueries>) -> Slo {
    Slo { prometheus, ..Slo::example(name, 30, 0.999) }
}

fn errors_and_total() -> PrometheusQueries {
    PrometheusQueries {
        errors_or_good: r#"sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))"#.to_owned(),
        total: "sum(rate(http_requests_total[{{.window}}]))".to_owned(),
        bad: true,
    }
}

fn rules_of(yaml: &str) -> Vec<Value> {
    let file: Value = serde_yaml_ng::from_str(yaml).unwrap();
    file["groups"][0]["rules"].as_sequence().unwrap().clone()
}

#[test]
fn every_window_of_the_default_alerts_gets_an_error_ratio_with_its_window_filled_in() {
    let slos = [slo("checkout-availability", Some(errors_and_total()))];
    let generated = prometheus_rules(&slos);
    assert!(generated.skipped.is_empty());
    let rules = rules_of(&generated.yaml);
    let records: Vec<&str> = rules.iter().filter_map(|r| r["record"].as_str()).collect();
    let windows = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"];
    assert_eq!(records, windows.map(|w| format!("slo:sli_error:ratio_rate{w}")));
    assert_eq!(
        rules[2]["expr"].as_str().unwrap(),
        "(sum(rate(http_requests_total{code=~\"5..\"}[1h])))\n/\n(sum(rate(http_requests_total[1h])))"
    );
    assert_eq!(rules[0]["labels"]["slo"].as_str(), Some("checkout-availability"));
    assert_eq!(rules[0]["labels"]["service"].as_str(), Some("checkout"));
}

#[test]
fn a_good_query_becomes_one_minus_the_good_ratio() {
    let queries = PrometheusQueries { bad: false, ..errors_and_total() };
    let slos = [slo("checkout-availability", Some(queries))];
    let rules = rules_of(&prometheus_rules(&slos).yaml);
    assert!(
        rules[0]["expr"].as_str().unwrap().starts_with("1 - (\n(sum(rate(http_requests_total{code=~\"5..\"}[5m])))")
    );
}

#[test]
fn page_and_ticket_each_join_their_conditions_with_the_workbooks_factors() {
    let slos = [slo("checkout-availability", Some(errors_and_total()))];
    let rules = rules_of(&prometheus_rules(&slos).yaml);
    let alerts: Vec<&Value> = rules.iter().filter(|r| r["alert"].is_string()).collect();
    assert_eq!(alerts.len(), 2);
    assert_eq!(alerts[0]["labels"]["severity"].as_str(), Some("page"));
    assert_eq!(alerts[1]["labels"]["severity"].as_str(), Some("ticket"));
    let page = alerts[0]["expr"].as_str().unwrap();
    let selector = r#"{slo="checkout-availability", service="checkout"}"#;
    let expected = format!(
        "(\n  (slo:sli_error:ratio_rate5m{selector} >= (14.4 * 0.001))\n  and\n  \
         (slo:sli_error:ratio_rate1h{selector} >= (14.4 * 0.001))\n)\nor\n(\n  \
         (slo:sli_error:ratio_rate30m{selector} >= (6 * 0.001))\n  and\n  \
         (slo:sli_error:ratio_rate6h{selector} >= (6 * 0.001))\n)"
    );
    assert_eq!(page, expected);
    assert!(
        alerts[1]["expr"]
            .as_str()
            .unwrap()
            .contains("ratio_rate3d{slo=\"checkout-availability\", service=\"checkout\"} >= (1 * 0.001)")
    );
    let summary = alerts[0]["annotations"]["summary"].as_str().unwrap();
    assert_eq!(
        summary,
        "Checkout availability (checkout): the error budget burns too fast (≥ 14.4× over 1h and 5m, or ≥ 6× over 6h and 30m)"
    );
}

#[test]
fn an_slos_own_alerts_decide_the_windows_and_a_calendar_month_counts_thirty_days() {
    let mut own = slo("payments", Some(errors_and_total()));
    own.window = SloWindow::Calendar { period: model::CalendarPeriod::Month, start_month: 1, time_zone: None };
    own.objective.target = 0.995;
    own.alerts = vec![BurnRateAlert::defaults().remove(0)];
    let rules = rules_of(&prometheus_rules(&[own]).yaml);
    let records: Vec<&str> = rules.iter().filter_map(|r| r["record"].as_str()).collect();
    assert_eq!(records, ["slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate1h"]);
    assert_eq!(rules.len(), 3, "two recordings and the page alert, no ticket");
    assert!(rules[2]["expr"].as_str().unwrap().contains(">= (14.4 * 0.005)"));
}

#[test]
fn slos_the_rules_cannot_cover_are_skipped_with_the_reason() {
    let mut latency = slo("search-latency", None);
    latency.objective.threshold = Some(Threshold { op: ThresholdOp::Lte, value: 300.0 });
    let windowless = PrometheusQueries { total: "sum(http_requests_total)".to_owned(), ..errors_and_total() };
    let slos = [slo("from-a-file", None), latency, slo("windowless", Some(windowless))];
    let generated = prometheus_rules(&slos);
    let reasons: Vec<(&str, &str)> = generated.skipped.iter().map(|(s, r)| (s.name.as_str(), r.as_str())).collect();
    assert_eq!(
        reasons,
        [
            ("from-a-file", "its metric source is `type: file`, not `type: prometheus`"),
            ("search-latency", "a threshold SLI: its samples are judged by firebreak, not by a Prometheus ratio"),
            ("windowless", "the query `sum(http_requests_total)` has no `[{{.window}}]` for the rules to fill in"),
        ]
    );
    assert_eq!(generated.yaml, "groups: []\n");
}

#[test]
fn the_same_slos_give_the_same_file_and_label_values_are_quoted_as_promql_strings() {
    let mut odd = slo("checkout-availability", Some(errors_and_total()));
    odd.service = r#"check"out\x"#.to_owned();
    let slos = [slo("a", Some(errors_and_total())), odd];
    let first = prometheus_rules(&slos).yaml;
    assert_eq!(first, prometheus_rules(&slos).yaml);
    let file: Value = serde_yaml_ng::from_str(&first).unwrap();
    assert_eq!(file["groups"][0]["name"].as_str(), Some("slo-a"));
    let alert = file["groups"][1]["rules"][7]["expr"].as_str().unwrap();
    assert!(alert.contains(r#"service="check\"out\\x"}"#), "{alert}");
}

#[test]
fn durations_are_written_in_their_largest_whole_unit() {
    assert_eq!(
        [300, 1800, 3600, 86400, 3 * 86400, 7 * 86400, 90].map(duration),
        ["5m", "30m", "1h", "1d", "3d", "7d", "90s"]
    );
    assert_eq!(number(0.02 * 672.0), "13.44");
}
