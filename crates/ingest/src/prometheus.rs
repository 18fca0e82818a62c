//! Prometheus `query_range` responses saved as `series/<name>.json`: each result (one label
//! set) becomes a capacity series.

use chrono::SecondsFormat;
use std::collections::BTreeMap;

use super::exports::{self, Sample};
use super::query_range;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
use model::{Series, SeriesPoint};

/// Reads the export `name` at `label`. A file that cannot be read is still one series, with
/// no points and the reason among its problems: a series is never dropped silently.
pub fn read(name: &str, label: &str, text: &str, diagnostics: &mut Diagnostics) -> Vec<Series> {
    let mut results = match query_range::read(label, text) {
        Ok(results) => results,
        Err(d) => {
            let problems = exports::problems([&d], "");
            diagnostics.push(d);
            return vec![Series { name: name.to_owned(), points: Vec::new(), path: label.to_owned(), problems }];
        }
    };
    // A query that matched nothing is listed as an empty series, warned about as too short.
    if results.is_empty() {
        results.push(query_range::Result { metric: BTreeMap::new(), samples: Vec::new() });
    }
    let several = results.len() > 1;
    let short: Vec<String> = results.iter().map(|r| labelled(name, &r.metric, false)).collect();
    results
        .into_iter()
        .zip(&short)
        .map(|(result, short_name)| {
            // `__name__` stays when leaving it out would give two series one name.
            let clash = short.iter().filter(|n| *n == short_name).count() > 1;
            let name = match (several, clash) {
                (false, _) => name.to_owned(),
                (true, false) => short_name.clone(),
                (true, true) => labelled(name, &result.metric, true),
            };
            let subject = format!("series `{name}`: ");
            let mut found = Diagnostics::default();
            let samples = samples(label, &subject, result.samples, &mut found);
            exports::series_warnings(label, &subject, "sample", &samples, &mut found);
            let problems = exports::problems(found.iter(), "");
            diagnostics.extend(found);
            let points = samples.into_iter().map(|s| s.point).collect();
            Series { name, points, path: label.to_owned(), problems }
        })
        .collect()
}

/// `name{label="value",…}`, labels sorted; `__name__` only `with_metric` (the file names
/// the metric).
fn labelled(name: &str, labels: &BTreeMap<String, String>, with_metric: bool) -> String {
    let shown = labels.iter().filter(|(key, _)| with_metric || *key != "__name__");
    format!("{name}{}", query_range::selector(shown))
}

/// The usable samples of one result; the others are reported (naming the series, time and
/// value) and left out.
fn samples(label: &str, subject: &str, samples: Vec<query_range::Sample>, found: &mut Diagnostics) -> Vec<Sample> {
    samples
        .into_iter()
        .filter_map(|sample| {
            let (line, col) = (sample.line, sample.col);
            let mut left_out = |message: String| {
                found.push(
                    Diagnostic::error(label, line, col, format!("{subject}{message}; the sample is left out"))
                        .rule(RuleId::ExportRow),
                );
            };
            let Some(at) = sample.at() else {
                left_out(format!("timestamp `{}` is not a time in Unix seconds", sample.seconds));
                return None;
            };
            match exports::finite(&sample.value) {
                Ok(value) => Some(Sample { line, col, point: SeriesPoint { at, value } }),
                Err(_) => {
                    let shown = at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
                    left_out(format!("the sample at {shown} has value `{}`, not a finite number", sample.value));
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Vec<Series>, Vec<Diagnostic>) {
        let mut d = Diagnostics::default();
        let series = read("pool", "series/pool.json", text, &mut d);
        (series, d.sorted())
    }

    const TWO: &str = r#"{"status":"success","data":{"resultType":"matrix","result":[
{"metric":{"__name__":"up","job":"db","instance":"b:1"},"values":[
[1780272000,"1"],
[1780275600,"2"],
[1780279200,"3"]]},
{"metric":{"instance":"a \"x\""},"values":[[1780272000,"4"],[1780275600.5,"5"],[1780279200,"6"]]}
]}}"#;

    #[test]
    fn the_metric_name_stays_when_labels_alone_would_clash() {
        let text = r#"{"status":"success","data":{"resultType":"matrix","result":[
{"metric":{"__name__":"rx","instance":"a"},"values":[[1780272000,"1"]]},
{"metric":{"__name__":"tx","instance":"a"},"values":[[1780272000,"2"]]},
{"metric":{"__name__":"tx","instance":"b"},"values":[[1780272000,"3"]]}]}}"#;
        let (series, _) = read_all(text);
        let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["pool{__name__=\"rx\",instance=\"a\"}", "pool{__name__=\"tx\",instance=\"a\"}", "pool{instance=\"b\"}"]
        );
    }

    #[test]
    fn one_series_per_label_set_named_by_its_sorted_labels() {
        let (series, d) = read_all(TWO);
        assert!(d.is_empty(), "{d:?}");
        let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["pool{instance=\"b:1\",job=\"db\"}", "pool{instance=\"a \\\"x\\\"\"}"]);
        assert_eq!(series[0].points[2].value, 3.0);
        assert_eq!(series[1].points[1].at.to_rfc3339(), "2026-06-01T01:00:00.500+00:00");
        assert!(series.iter().all(|s| s.path == "series/pool.json" && s.problems.is_empty()));
    }

    #[test]
    fn a_single_result_is_named_by_the_file() {
        let (series, _) = read_all(
            r#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"instance":"a"},"values":[]}]}}"#,
        );
        assert_eq!(series[0].name, "pool");
    }

    #[test]
    fn non_finite_values_are_left_out_naming_series_time_value_and_line() {
        let text = TWO.replace(r#"[1780275600,"2"]"#, r#"[1780275600,"NaN"]"#).replace(r#""6""#, r#""+Inf""#);
        let (series, d) = read_all(&text);
        assert_eq!(series[0].points.len(), 2);
        assert_eq!(series[1].points.len(), 2);
        let errors: Vec<_> = d.iter().filter(|d| d.rule == Some(RuleId::ExportRow)).collect();
        assert_eq!((errors[0].line, errors[0].col), (4, 1));
        assert_eq!(
            errors[0].message,
            "series `pool{instance=\"b:1\",job=\"db\"}`: the sample at 2026-06-01T01:00:00Z has value `NaN`, not a finite number; the sample is left out"
        );
        assert_eq!((errors[1].line, errors[1].col), (6, 80));
        assert!(errors[1].message.contains("`+Inf`"), "{}", errors[1].message);
        // Each series has its own problems: its bad sample, and now too few left.
        let problems = &series[0].problems;
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("line 1: series `pool{instance=\"b:1\",job=\"db\"}`: too few samples"));
        assert!(problems[1].starts_with("line 4: series `pool{instance=\"b:1\",job=\"db\"}`: the sample at"));
        assert!(series[1].problems[1].contains("`+Inf`"));
    }

    #[test]
    fn order_repeats_and_short_series_are_warnings_that_keep_the_samples() {
        let text = r#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[
[1780279200,"3"],
[1780272000,"1"],
[1780272000,"2"]
]}]}}"#;
        let (series, d) = read_all(text);
        assert_eq!(series[0].points.len(), 3);
        let found: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (
                    1,
                    "series `pool`: too few samples to forecast (2 usable): at least 3, and two days of them for daily cycles"
                ),
                (
                    3,
                    "series `pool`: `2026-06-01T00:00:00Z` is not after the previous sample's `2026-06-01T02:00:00Z` (line 2): samples are sorted before forecasting"
                ),
                (4, "series `pool`: `2026-06-01T00:00:00Z` is repeated: averaged with line 3"),
            ]
        );
        assert!(d.iter().all(|d| d.rule == Some(RuleId::CapacitySeries)));
        assert_eq!(series[0].problems.len(), 3);
    }

    #[test]
    fn an_unreadable_export_is_one_empty_series_with_the_reason() {
        let cases = [
            ("{\"status\":\"success\",\n\"data\": {,}}", (2, 10), "invalid JSON"),
            ("{\"status\":\"error\",\"error\":\"bad step\"}", (1, 2), "status is `error` (bad step)"),
            (
                "{\"status\":\"success\",\n\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
                (2, 9),
                "the result type is `vector`, not `matrix`: export a range query",
            ),
            (
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"values\":[[1,2]]}]}}",
                (1, 75),
                "not a Prometheus query_range response",
            ),
        ];
        for (text, at, message) in cases {
            let (series, d) = read_all(text);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            assert_eq!((d[0].line, d[0].col), at, "{text}: {}", d[0].message);
            assert!(d[0].message.contains(message), "{}", d[0].message);
            assert_eq!(d[0].rule, Some(RuleId::ExportRow));
            assert_eq!(series.len(), 1);
            assert_eq!(series[0].name, "pool");
            assert!(series[0].points.is_empty());
            assert_eq!(series[0].problems, [format!("line {}: {}", at.0, d[0].message)]);
        }
    }
}
