//! Prometheus exports read as SLIs through `ingest::load`, as a repo holds them.

use crate::diagnostics::{Diagnostic, Level};
use crate::rule_ids::RuleId;
use crate::test_repo::{load, shown};
use model::Repo;

/// OpenSLO's minimal form with its events from a Prometheus export (shared with tests/slo.rs).
const SLO: &str = include_str!("../../../../../tests/fixtures/slo/prometheus.yaml");

const AT: &str = "content/metrics/sli/checkout-requests.json";

/// Two instances answering 200 and one answering 500, at 00:05 and 00:10 on 2026-06-01.
const REQUESTS: &str = r#"{"status":"success","data":{"resultType":"matrix","result":[
{"metric":{"__name__":"http_requests","code":"200","instance":"a"},"values":[[1780272300,"500"],[1780272600,"480"]]},
{"metric":{"__name__":"http_requests","code":"200","instance":"b"},"values":[[1780272300,"490"],[1780272600,"500"]]},
{"metric":{"__name__":"http_requests","code":"500","instance":"a"},"values":[[1780272300,"10"],[1780272600,"20"]]}
]}}"#;

fn load_with(slo: &str, export: &str) -> (Repo, Vec<Diagnostic>) {
    load(&[("content/slos/checkout.yaml", slo), ("content/metrics/sli/checkout-requests.json", export)])
}

/// A response of two series labelled `slo="good"` and `slo="total"`, one sample a line.
fn good_and_total(good: &[(i64, &str)], total: &[(i64, &str)]) -> String {
    let values = |samples: &[(i64, &str)]| {
        let lines: Vec<String> = samples.iter().map(|(at, value)| format!("[{at},\"{value}\"]")).collect();
        lines.join(",\n")
    };
    format!(
        "{{\"status\":\"success\",\"data\":{{\"resultType\":\"matrix\",\"result\":[\n{{\"metric\":{{\"slo\":\"good\"}},\"values\":[\n{}]}},\n{{\"metric\":{{\"slo\":\"total\"}},\"values\":[\n{}]}}]}}}}\n",
        values(good),
        values(total)
    )
}

fn picking_slo_labels(slo: &str) -> String {
    slo.replace(r#"labels: { code: "200" }"#, "labels: { slo: good }").replace("labels: {}", "labels: { slo: total }")
}

const T: [i64; 8] = [1780272300, 1780272600, 1780272900, 1780273200, 1780273500, 1780273800, 1780274100, 1780274400];

#[test]
fn good_and_total_sum_the_series_their_labels_pick() {
    let (repo, found) = load_with(SLO, REQUESTS);
    assert!(found.is_empty(), "{found:?}");
    let data = &repo.sli["checkout-availability"];
    assert_eq!(data.events.at, [1780272300, 1780272600]);
    assert_eq!(data.events.good, [990.0, 980.0], "both instances' 200s");
    assert_eq!(data.events.total, [1000.0, 1000.0], "`labels: {{}}` picks every series");
    assert!(data.excluded.is_empty());

    let bad = SLO.replace("good: ", "bad:  ").replace(r#"code: "200""#, r#"code: "500""#);
    let (repo, found) = load_with(&bad, REQUESTS);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(repo.sli["checkout-availability"].events.good, [990.0, 980.0], "good = total − bad");
}

#[test]
fn counters_count_each_series_increase_and_its_resets_as_prometheus_does() {
    let counters = r#"{"status":"success","data":{"resultType":"matrix","result":[
{"metric":{"code":"200","instance":"a"},"values":[[1780272300,"100"],[1780272600,"150"],[1780272900,"20"],[1780273200,"50"]]},
{"metric":{"code":"200","instance":"b"},"values":[[1780272300,"200"],[1780272600,"260"],[1780272900,"330"],[1780273200,"400"]]},
{"metric":{"code":"500","instance":"a"},"values":[[1780272300,"0"],[1780272600,"5"],[1780272900,"5"],[1780273200,"9"]]}
]}}"#;
    let (repo, found) = load_with(&SLO.replace("counter: false", "counter: true"), counters);
    assert!(found.is_empty(), "{found:?}");
    let events = &repo.sli["checkout-availability"].events;
    assert_eq!(events.at, [1780272600, 1780272900, 1780273200], "the first samples are where counting starts");
    // Instance a's reset to 20 counts 20 new requests; summing the counters first would
    // have read 410 → 350 as a reset and counted 350.
    assert_eq!(events.good, [110.0, 90.0, 100.0]);
    assert_eq!(events.total, [115.0, 90.0, 104.0]);
}

#[test]
fn a_threshold_sli_reads_the_one_series_its_labels_pick() {
    let latency = r#"{"status":"success","data":{"resultType":"matrix","result":[
{"metric":{"quantile":"0.5"},"values":[[1780272300,"120"],[1780272600,"130"]]},
{"metric":{"quantile":"0.99"},"values":[[1780272300,"280"],[1780272600,"310"]]}
]}}"#;
    let sli = "apiVersion: openslo/v1
kind: SLI
metadata: { name: p99 }
spec:
  thresholdMetric:
    metricSource: { type: file, spec: { path: sli/latency.json, labels: { quantile: \"0.99\" } } }
";
    let slo = "apiVersion: openslo/v1
kind: SLO
metadata: { name: latency }
spec:
  service: checkout
  indicatorRef: p99
  timeWindow: [ { duration: 7d, isRolling: true } ]
  budgetingMethod: Timeslices
  objectives: [ { op: lte, value: 300, target: 0.99, timeSliceWindow: 5m } ]
";
    let files = |sli: &str| {
        load(&[
            ("content/slos/sli.yaml", sli),
            ("content/slos/slo.yaml", slo),
            ("content/metrics/sli/latency.json", latency),
        ])
    };
    let (repo, found) = files(sli);
    assert!(found.is_empty(), "{found:?}");
    let events = &repo.sli["latency"].events;
    assert_eq!((events.good.as_slice(), events.total.as_slice()), ([1.0, 0.0].as_slice(), [1.0, 1.0].as_slice()));

    let (repo, found) = files(&sli.replace(r#"labels: { quantile: "0.99" }"#, "labels: {}"));
    assert_eq!(
        shown(&found),
        [
            r#"content/slos/sli.yaml:6:73: a threshold SLI reads one series, and 2 series of content/metrics/sli/latency.json have the labels {}: {quantile="0.5"}, {quantile="0.99"}; name more labels to pick one"#
        ]
    );
    assert!(repo.sli["latency"].events.is_empty());
}

#[test]
fn timestamps_good_or_total_lacks_are_found_left_out_and_counted() {
    let export = good_and_total(
        &[(T[0], "9"), (T[1], "9"), (T[2], "9")],
        &[(T[0], "10"), (T[1], "10"), (T[3], "10"), (T[4], "10")],
    );
    let (repo, found) = load_with(&picking_slo_labels(SLO), &export);
    assert_eq!(
        shown(&found),
        [
            format!(
                r#"{AT}:5:1: no total sample ({{slo="total"}}) at 2026-06-01T00:15:00Z: a timestamp is read where good (or bad) and total both have samples; it is left out"#
            ),
            format!(
                r#"{AT}:9:1: no good sample ({{slo="good"}}) at 2026-06-01T00:20:00Z (nor at 1 more of total's timestamps): a timestamp is read where good (or bad) and total both have samples; it is left out"#
            ),
        ]
    );
    assert!(found.iter().all(|d| d.rule == Some(RuleId::SliExport) && d.level == Level::Error));
    let data = &repo.sli["checkout-availability"];
    assert_eq!(data.events.at, [T[0], T[1]]);
    assert_eq!(data.excluded["timestamps of sli/checkout-requests.json without a good sample"], 2);
    assert_eq!(data.excluded["timestamps of sli/checkout-requests.json without a total sample"], 1);
}

#[test]
fn a_sample_that_does_not_read_leaves_its_timestamp_out_and_is_found_where_written() {
    let good = [
        (T[0], "abc"),
        (T[1], "NaN"),
        (T[3], "+Inf"),
        (T[2], "1"),
        (T[4], "-1"),
        (T[5], "9"),
        (T[5], "9"),
        (T[6], "11"),
        (T[7], "5"),
    ];
    let total: Vec<(i64, &str)> = T.iter().map(|at| (*at, "10")).collect();
    let (repo, found) = load_with(&picking_slo_labels(SLO), &good_and_total(&good, &total));
    let series = r#"series {slo="good"}"#;
    assert_eq!(
        shown(&found),
        [
            format!(
                "{AT}:3:1: {series}: the sample at 2026-06-01T00:05:00Z: `abc` is not a finite number; the timestamp is left out"
            ),
            format!(
                "{AT}:4:1: {series}: the sample at 2026-06-01T00:10:00Z: `NaN` is not a finite number; the timestamp is left out"
            ),
            format!(
                "{AT}:5:1: {series}: the sample at 2026-06-01T00:20:00Z: `+Inf` is not a finite number; the timestamp is left out"
            ),
            format!(
                "{AT}:6:1: {series}: `2026-06-01T00:15:00Z` is before the previous sample's `2026-06-01T00:20:00Z` (line 5): a series is in time order; the timestamp is left out"
            ),
            format!(
                "{AT}:7:1: {series}: the sample at 2026-06-01T00:25:00Z: `-1` is negative; events are counted from 0; the timestamp is left out"
            ),
            format!(
                "{AT}:9:1: {series}: `2026-06-01T00:30:00Z` is repeated (first on line 8); the timestamp is left out"
            ),
            format!(
                r#"{AT}:10:1: at 2026-06-01T00:35:00Z: good events (11) outnumber all events (10) in {{slo="good"}} and {{slo="total"}}; the timestamp is left out"#
            ),
        ]
    );
    assert!(found.iter().all(|d| d.rule == Some(RuleId::SliExport) && d.level == Level::Error));
    let data = &repo.sli["checkout-availability"];
    assert_eq!((data.events.at.as_slice(), data.events.good.as_slice()), ([T[7]].as_slice(), [5.0].as_slice()));
    assert_eq!(data.excluded["unreadable timestamps of sli/checkout-requests.json"], 7);
    assert_eq!(data.excluded.len(), 1);
}

#[test]
fn a_response_that_does_not_read_is_one_finding_and_no_events() {
    let cases = [
        ("{\"status\":\"success\",\n\"data\": {,}}", "2:10: invalid JSON: key must be a string"),
        (
            "{\"status\":\"error\",\"error\":\"bad step\"}",
            "1:2: the query's status is `error` (bad step), not `success`",
        ),
        (
            "{\"status\":\"success\",\n\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
            "2:9: the result type is `vector`, not `matrix`: export a range query (/api/v1/query_range)",
        ),
    ];
    for (export, expected) in cases {
        let (repo, found) = load_with(SLO, export);
        let shown = shown(&found);
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(shown[0].starts_with(&format!("{AT}:{expected}")), "{}", shown[0]);
        assert_eq!((found[0].rule, found[0].level), (Some(RuleId::SliExport), Level::Error));
        assert_eq!(repo.slos.len(), 1, "the definition is sound: the SLO stays, without events");
        assert!(repo.sli["checkout-availability"].events.is_empty());
    }
}

#[test]
fn labels_that_pick_no_series_are_found_where_the_slo_names_them() {
    let cases = [
        (
            r#"labels: { cde: "200" }"#,
            r#"11:96: no series of content/metrics/sli/checkout-requests.json has the labels {cde="200"}: none has a label `cde`; did you mean `code`?; its series: {__name__="http_requests",code="200",instance="a"}, {__name__="http_requests",code="200",instance="b"}, {__name__="http_requests",code="500",instance="a"}"#,
        ),
        (
            r#"labels: { code: "201" }"#,
            r#"11:96: no series of content/metrics/sli/checkout-requests.json has the labels {code="201"}: none has `code` `201`; did you mean `200`?; its values: 200, 500"#,
        ),
        (
            r#"labels: { code: "500", instance: b }"#,
            r#"11:96: no series of content/metrics/sli/checkout-requests.json has the labels {code="500",instance="b"} all together; its series: "#,
        ),
        (
            "column: good",
            "11:96: content/metrics/sli/checkout-requests.json is a Prometheus export: a metric source picks its series by `labels`",
        ),
        (
            r#"column: good, labels: { code: "200" }"#,
            "11:110: a metric source names a `column` (of a CSV or JSON Lines export) or `labels`",
        ),
    ];
    for (labels, expected) in cases {
        let (repo, found) = load_with(&SLO.replace(r#"labels: { code: "200" }"#, labels), REQUESTS);
        let shown = shown(&found);
        assert_eq!(shown.len(), 1, "{labels}: {shown:?}");
        assert!(shown[0].starts_with(&format!("content/slos/checkout.yaml:{expected}")), "{labels}: {}", shown[0]);
        assert!(repo.sli.values().all(|d| d.events.is_empty()));
    }
    let unquoted = SLO.replace(r#"labels: { code: "200" }"#, "labels: { code: 200 }");
    let (repo, found) = load_with(&unquoted, REQUESTS);
    assert!(found.is_empty(), "YAML's number 200 is the label value `200`: {found:?}");
    assert_eq!(repo.sli["checkout-availability"].events.good, [990.0, 980.0]);
    let csv = "timestamp,good,total\n2026-06-01T00:05:00Z,998,1000\n";
    let (_, found) = load(&[
        ("content/slos/checkout.yaml", &SLO.replace("checkout-requests.json", "checkout-requests.csv")),
        ("content/metrics/sli/checkout-requests.csv", csv),
    ]);
    assert_eq!(
        shown(&found),
        [
            "content/slos/checkout.yaml:11:95: `labels` pick the series of a Prometheus .json export; content/metrics/sli/checkout-requests.csv is a table: name its `column` (timestamp, good, total)",
            "content/slos/checkout.yaml:12:95: `labels` pick the series of a Prometheus .json export; content/metrics/sli/checkout-requests.csv is a table: name its `column` (timestamp, good, total)",
        ]
    );
}
