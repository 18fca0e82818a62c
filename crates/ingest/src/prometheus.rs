//! Prometheus `query_range` responses saved as `series/<name>.json`: each result (one label
//! set) becomes a capacity series.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::exports::{self, Sample};
use super::source_file::LineIndex;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
use model::{Series, SeriesPoint};

/// The envelope alone, read first, so that an error response or an instant query is named
/// as such rather than as a field missing deeper down.
#[derive(Deserialize)]
struct Envelope {
    status: Option<String>,
    error: Option<String>,
    data: Option<EnvelopeData>,
}

#[derive(Deserialize)]
struct EnvelopeData {
    #[serde(rename = "resultType")]
    result_type: Option<String>,
}

#[derive(Deserialize)]
struct Matrix {
    data: MatrixData,
}

#[derive(Deserialize)]
struct MatrixData {
    result: Vec<MatrixSeries>,
}

#[derive(Deserialize)]
struct MatrixSeries {
    #[serde(default)]
    metric: BTreeMap<String, String>,
    /// Absent for native histograms, which are not capacity series: an empty series.
    #[serde(default)]
    values: Vec<(f64, String)>,
}

/// Reads the export `name` at `label`. A file that cannot be read is still one series, with
/// no points and the reason among its problems: a series is never dropped silently.
pub fn read(name: &str, label: &str, text: &str, diagnostics: &mut Diagnostics) -> Vec<Series> {
    let index = LineIndex::new(text);
    let mut results = match matrix(label, text, &index) {
        Ok(results) => results,
        Err(d) => {
            let problems = exports::problems([&d], "");
            diagnostics.push(d);
            return vec![Series { name: name.to_owned(), points: Vec::new(), path: label.to_owned(), problems }];
        }
    };
    // A query that matched nothing is listed as an empty series, warned about as too short.
    if results.is_empty() {
        results.push(MatrixSeries { metric: BTreeMap::new(), values: Vec::new() });
    }
    let several = results.len() > 1;
    let short: Vec<String> = results.iter().map(|r| labelled(name, &r.metric, false)).collect();
    let mut finder = SampleFinder { text, index: &index, cursor: 0, lost: false };
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
            let samples = samples(label, &subject, result.values, &mut finder, &mut found);
            exports::series_warnings(label, &subject, "sample", &samples, &mut found);
            let problems = exports::problems(found.iter(), "");
            diagnostics.extend(found);
            let points = samples.into_iter().map(|s| s.point).collect();
            Series { name, points, path: label.to_owned(), problems }
        })
        .collect()
}

/// The results of a successful range query, or the one error that says why there are none.
fn matrix(label: &str, text: &str, index: &LineIndex) -> Result<Vec<MatrixSeries>, Diagnostic> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| json_error(label, &e))?;
    let at_key = |key: &str, message: String| {
        let (line, col) = text.find(&format!("\"{key}\"")).map_or((1, 1), |offset| index.position(offset));
        Diagnostic::error(label, line, col, message).rule(RuleId::ExportRow)
    };
    match envelope.status.as_deref() {
        Some("success") => {}
        Some(status) => {
            let reason = envelope.error.map(|e| format!(" ({e})")).unwrap_or_default();
            return Err(at_key(
                "status",
                format!(
                    "the query's status is `{status}`{reason}, not `success`: export the response of a query that succeeded"
                ),
            ));
        }
        None => return Err(at_key("status", format!("no `status`: {EXPECTED}"))),
    }
    match envelope.data.and_then(|d| d.result_type).as_deref() {
        Some("matrix") => {}
        Some(other) => {
            return Err(at_key(
                "resultType",
                format!(
                    "the result type is `{other}`, not `matrix`: export a range query (/api/v1/query_range), which returns every sample of a period"
                ),
            ));
        }
        None => return Err(at_key("data", format!("no `data.resultType`: {EXPECTED}"))),
    }
    serde_json::from_str::<Matrix>(text).map(|m| m.data.result).map_err(|e| json_error(label, &e))
}

const EXPECTED: &str = "a Prometheus query_range response looks like \
    {\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{…},\"values\":[[1780272000,\"41\"],…]}]}}";

/// serde_json names the line and column of syntax and shape errors alike.
fn json_error(label: &str, e: &serde_json::Error) -> Diagnostic {
    let what = if e.is_data() { "not a Prometheus query_range response" } else { "invalid JSON" };
    Diagnostic::error(label, e.line().max(1), e.column().max(1), format!("{what}: {e}")).rule(RuleId::ExportRow)
}

/// `name{label="value",…}`, labels sorted, values escaped as Prometheus writes them;
/// `__name__` only `with_metric` (the file names the metric).
fn labelled(name: &str, labels: &BTreeMap<String, String>, with_metric: bool) -> String {
    let pairs: Vec<String> = labels
        .iter()
        .filter(|(key, _)| with_metric || *key != "__name__")
        .map(|(key, value)| {
            let value = value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
            format!("{key}=\"{value}\"")
        })
        .collect();
    format!("{name}{{{}}}", pairs.join(","))
}

/// The usable samples of one result; the others are reported (naming the series, time and
/// value) and left out.
fn samples(
    label: &str,
    subject: &str,
    values: Vec<(f64, String)>,
    finder: &mut SampleFinder,
    found: &mut Diagnostics,
) -> Vec<Sample> {
    values
        .into_iter()
        .filter_map(|(seconds, value)| {
            let (line, col) = finder.find(seconds, &value).unwrap_or((1, 1));
            let mut left_out = |message: String| {
                found.push(
                    Diagnostic::error(label, line, col, format!("{subject}{message}; the sample is left out"))
                        .rule(RuleId::ExportRow),
                );
            };
            let Some(at) = instant(seconds) else {
                left_out(format!("timestamp `{seconds}` is not a time in Unix seconds"));
                return None;
            };
            match value.parse::<f64>() {
                Ok(v) if v.is_finite() => Some(Sample { line, col, point: SeriesPoint { at, value: v } }),
                _ => {
                    let shown = at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
                    left_out(format!("the sample at {shown} has value `{value}`, not a finite number"));
                    None
                }
            }
        })
        .collect()
}

/// Prometheus timestamps are Unix seconds with millisecond precision.
fn instant(seconds: f64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis((seconds * 1000.0).round() as i64)
}

/// Where each sample was written, found in file order. serde keeps no positions, and samples
/// come in the order they are written, so each is the next `[number, "string"]` after the
/// one before. Once one is not where expected (an odd layout), the rest are not looked for
/// and fall back to line 1: the search never rescans the file.
struct SampleFinder<'a> {
    text: &'a str,
    index: &'a LineIndex<'a>,
    cursor: usize,
    lost: bool,
}

impl SampleFinder<'_> {
    fn find(&mut self, seconds: f64, value: &str) -> Option<(usize, usize)> {
        if self.lost {
            return None;
        }
        while let Some(offset) = self.text[self.cursor..].find('[') {
            let start = self.cursor + offset;
            self.cursor = start + 1;
            if let Some((t, v, len)) = sample_at(&self.text[start..]) {
                if t == seconds && v == value {
                    self.cursor = start + len;
                    return Some(self.index.position(start));
                }
                break;
            }
        }
        self.lost = true;
        None
    }
}

/// The `[seconds, "value"]` array at the start of `text`, and its length in bytes.
fn sample_at(text: &str) -> Option<(f64, String, usize)> {
    let rest = text.strip_prefix('[')?.trim_start();
    let digits = rest.find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))?;
    let seconds: f64 = rest[..digits].parse().ok()?;
    let rest = rest[digits..].trim_start().strip_prefix(',')?.trim_start();
    let body = rest.strip_prefix('"')?;
    let mut escaped = false;
    let close = body.char_indices().find_map(|(i, c)| {
        let end = !escaped && c == '"';
        escaped = !escaped && c == '\\';
        end.then_some(i)
    })?;
    let value: String = serde_json::from_str(&rest[..close + 2]).ok()?;
    let rest = body[close + 1..].trim_start().strip_prefix(']')?;
    Some((seconds, value, text.len() - rest.len()))
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

    #[test]
    fn samples_are_found_in_any_layout() {
        let text = "[\n  1780272000.25 ,\n  \"N\\u0061N\"\n]";
        assert_eq!(sample_at(text), Some((1780272000.25, "NaN".to_owned(), text.len())));
        assert_eq!(sample_at("[[1,\"2\"]]"), None);
    }
}
