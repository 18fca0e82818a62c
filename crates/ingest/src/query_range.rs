//! Prometheus `query_range` responses saved as they came: the envelope's checks, and each
//! result's samples with the line and column they are written at. Capacity series
//! (`prometheus.rs`) and SLI exports (`sli/prometheus.rs`) are read from them.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

use super::source_file::LineIndex;
use crate::diagnostics::Diagnostic;
use crate::rule_ids::RuleId;

/// One result of the matrix: a label set and its samples, in the order written.
#[derive(Debug, Clone, PartialEq)]
pub struct Result {
    pub metric: BTreeMap<String, String>,
    pub samples: Vec<Sample>,
}

/// `[seconds, "value"]` as written, and where (the position of its `[`).
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub seconds: f64,
    pub value: String,
    pub line: usize,
    pub col: usize,
}

impl Sample {
    /// The sample's time: Prometheus writes Unix seconds with millisecond precision.
    pub fn at(&self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp_millis((self.seconds * 1000.0).round() as i64)
    }
}

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
struct Matrix<'a> {
    #[serde(borrow)]
    data: MatrixData<'a>,
}

#[derive(Deserialize)]
struct MatrixData<'a> {
    #[serde(borrow)]
    result: Vec<MatrixSeries<'a>>,
}

/// Samples stay raw until each is read: a raw value borrows its text from the file, so
/// where it starts is where the sample is written.
#[derive(Deserialize)]
struct MatrixSeries<'a> {
    #[serde(default)]
    metric: BTreeMap<String, String>,
    /// Absent for native histograms, which are neither capacity series nor SLI counts.
    #[serde(default, borrow)]
    values: Vec<&'a RawValue>,
}

/// The results of a successful range query, or the one `export-row` error that says why
/// there are none.
pub fn read(label: &str, text: &str) -> std::result::Result<Vec<Result>, Diagnostic> {
    let index = LineIndex::new(text);
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| json_error(label, &e, (0, 0)))?;
    check_envelope(label, text, &index, envelope)?;
    let matrix: Matrix = serde_json::from_str(text).map_err(|e| json_error(label, &e, (0, 0)))?;
    matrix
        .data
        .result
        .into_iter()
        .map(|series| {
            let samples = series.values.into_iter().map(|raw| sample(label, text, &index, raw));
            Ok(Result { metric: series.metric, samples: samples.collect::<std::result::Result<_, _>>()? })
        })
        .collect()
}

fn check_envelope(
    label: &str,
    text: &str,
    index: &LineIndex,
    envelope: Envelope,
) -> std::result::Result<(), Diagnostic> {
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
        Some("matrix") => Ok(()),
        Some(other) => Err(at_key(
            "resultType",
            format!(
                "the result type is `{other}`, not `matrix`: export a range query (/api/v1/query_range), which returns every sample of a period"
            ),
        )),
        None => Err(at_key("data", format!("no `data.resultType`: {EXPECTED}"))),
    }
}

const EXPECTED: &str = "a Prometheus query_range response looks like \
    {\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{…},\"values\":[[1780272000,\"41\"],…]}]}}";

/// `{name="value",…}`, values escaped as Prometheus writes them.
pub fn selector<'a>(labels: impl IntoIterator<Item = (&'a String, &'a String)>) -> String {
    let pairs: Vec<String> = labels
        .into_iter()
        .map(|(key, value)| {
            let value = value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
            format!("{key}=\"{value}\"")
        })
        .collect();
    format!("{{{}}}", pairs.join(","))
}

/// One raw sample read as `[seconds, "value"]`, at the line and column it starts on.
fn sample(label: &str, text: &str, index: &LineIndex, raw: &RawValue) -> std::result::Result<Sample, Diagnostic> {
    // The raw value is a slice of `text` itself, so its address is its offset.
    let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let (line, col) = index.position(offset);
    let (seconds, value) = serde_json::from_str(raw.get()).map_err(|e| json_error(label, &e, (line, col)))?;
    Ok(Sample { seconds, value, line, col })
}

/// serde_json names the line and column of syntax and shape errors alike; an error inside
/// a sample is shifted to where the sample starts (`(0, 0)` for the whole file).
fn json_error(label: &str, e: &serde_json::Error, (line, col): (usize, usize)) -> Diagnostic {
    let what = if e.is_data() { "not a Prometheus query_range response" } else { "invalid JSON" };
    let at = match (e.line().max(1), line) {
        (_, 0) => (e.line().max(1), e.column().max(1)),
        (1, _) => (line, col + e.column().max(1) - 1),
        (inner, _) => (line + inner - 1, e.column().max(1)),
    };
    let message = format!("{what}: {}", crate::front_matter::strip_location(&e.to_string()));
    Diagnostic::error(label, at.0, at.1, message).rule(RuleId::ExportRow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_one(text: &str) -> std::result::Result<Vec<Result>, Diagnostic> {
        read("a.json", text)
    }

    #[test]
    fn samples_carry_their_position_in_any_layout() {
        let text = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\n\
                    {\"metric\":{\"code\":\"200\"},\"values\":[[1780272000,\"1\"], [ 1780272000.25 ,\n  \"N\\u0061N\"\n]]}]}}";
        let results = read_one(text).unwrap();
        let samples = &results[0].samples;
        assert_eq!(results[0].metric["code"], "200");
        assert_eq!((samples[0].line, samples[0].col, samples[0].value.as_str()), (2, 36, "1"));
        assert_eq!((samples[1].line, samples[1].col, samples[1].value.as_str()), (2, 54, "NaN"));
        assert_eq!(samples[1].at().unwrap().to_rfc3339(), "2026-06-01T00:00:00.250+00:00");
    }

    #[test]
    fn a_bad_sample_is_found_where_it_is_written() {
        let text = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\n\
                    {\"metric\":{},\"values\":[[1780272000,\"1\"],[1780272060,2]]}]}}";
        let d = read_one(text).unwrap_err();
        assert_eq!((d.line, d.col), (2, 53), "at the `2`: {}", d.message);
        assert!(
            d.message.starts_with("not a Prometheus query_range response: invalid type: integer `2`"),
            "{}",
            d.message
        );
        let multi_line = text.replace("[1780272060,2]", "[1780272060,\n 2]");
        assert_eq!(read_one(&multi_line).map_err(|d| (d.line, d.col)).unwrap_err(), (3, 2));
    }
}
