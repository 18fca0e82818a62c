//! Typed records from export rows: deployments, changes, incidents and capacity series.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use std::collections::HashMap;

use super::table::Row;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
use model::dates;
use model::{Change, DeployStatus, Deployment, Extra, Incident, RowSource, SeriesPoint, Severity};

pub const DEPLOYMENT_COLUMNS: [&str; 5] = ["deploy_id", "service", "environment", "finished_at", "status"];
const DEPLOYMENT_OPTIONAL: [&str; 3] = ["started_at", "commit_sha", "fixes_incident"];
pub const CHANGE_COLUMNS: [&str; 4] = ["change_id", "service", "committed_at", "deploy_id"];
pub const INCIDENT_COLUMNS: [&str; 4] = ["incident_id", "service", "severity", "started_at"];
const INCIDENT_OPTIONAL: [&str; 5] =
    ["detected_at", "acknowledged_at", "mitigated_at", "resolved_at", "caused_by_deploy"];
pub const SERIES_COLUMNS: [&str; 2] = ["timestamp", "value"];

/// Fewer distinct timestamps than this cannot be forecast at all.
const MIN_SERIES_ROWS: usize = 3;

/// Reads the cells of one row, recording each bad cell; `ok` says whether the record is whole.
pub(crate) struct Cells<'a> {
    label: &'a str,
    row: &'a Row,
    diagnostics: &'a mut Diagnostics,
    pub ok: bool,
}

impl<'a> Cells<'a> {
    pub(crate) fn new(label: &'a str, row: &'a Row, diagnostics: &'a mut Diagnostics) -> Self {
        Cells { label, row, diagnostics, ok: true }
    }

    pub(crate) fn fail(&mut self, col: usize, message: String) {
        self.diagnostics.push(Diagnostic::error(self.label, self.row.line, col, message).rule(RuleId::ExportRow));
        self.ok = false;
    }

    pub(crate) fn optional(&self, name: &str) -> Option<(String, usize)> {
        self.row.get(name).filter(|(_, v, _)| !v.is_empty()).map(|(_, v, c)| (v.clone(), *c))
    }

    pub(crate) fn required(&mut self, name: &str) -> String {
        match self.optional(name) {
            Some((value, _)) => value,
            None => {
                let col = self.row.get(name).map_or(1, |c| c.2);
                self.fail(col, format!("`{name}` is empty"));
                String::new()
            }
        }
    }

    pub(crate) fn parsed<T>(&mut self, name: &str, parse: impl Fn(&str) -> Result<T, String>) -> Option<T> {
        let (value, col) = self.optional(name)?;
        match parse(&value) {
            Ok(v) => Some(v),
            Err(message) => {
                self.fail(col, format!("`{name}`: {message}"));
                None
            }
        }
    }

    pub(crate) fn required_parsed<T>(&mut self, name: &str, parse: impl Fn(&str) -> Result<T, String>) -> Option<T> {
        if self.optional(name).is_none() {
            self.required(name);
            return None;
        }
        self.parsed(name, parse)
    }

    pub(crate) fn extra(&self, known: &[&str]) -> Extra {
        self.row
            .cells
            .iter()
            .filter(|(n, _, _)| !known.contains(&n.as_str()))
            .map(|(n, v, _)| (n.clone(), v.clone()))
            .collect()
    }
}

/// RFC 3339 with an explicit offset: a timestamp without a time zone is ambiguous.
pub fn rfc3339(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("`{text}` is not an RFC 3339 timestamp with a time zone, such as 2026-06-12T14:02:00Z"))
}

fn deploy_status(text: &str) -> Result<DeployStatus, String> {
    DeployStatus::parse(text).ok_or_else(|| format!("unknown status `{text}`; use success, failed or rolled_back"))
}

fn severity(text: &str) -> Result<Severity, String> {
    Severity::parse(text).ok_or_else(|| format!("unknown severity `{text}`; use SEV1, SEV2, SEV3 or SEV4"))
}

pub fn deployments(label: &str, rows: &[Row], diagnostics: &mut Diagnostics) -> Vec<Deployment> {
    let known: Vec<&str> = DEPLOYMENT_COLUMNS.iter().chain(&DEPLOYMENT_OPTIONAL).copied().collect();
    let records = rows.iter().filter_map(|row| {
        let mut c = Cells::new(label, row, diagnostics);
        let deploy_id = c.required("deploy_id");
        let service = c.required("service");
        let environment = c.required("environment");
        let finished_at = c.required_parsed("finished_at", rfc3339);
        let status = c.required_parsed("status", deploy_status);
        let started_at = c.parsed("started_at", rfc3339);
        let d = Deployment {
            deploy_id,
            service,
            environment,
            finished_at: finished_at?,
            status: status?,
            started_at,
            commit_sha: c.optional("commit_sha").map(|v| v.0),
            fixes_incident: c.optional("fixes_incident").map(|v| v.0),
            extra: c.extra(&known),
            source: RowSource { path: label.to_owned(), line: row.line },
        };
        c.ok.then_some((row.line, d))
    });
    unique(label, "deploy_id", records.collect(), |d| &d.deploy_id, diagnostics)
}

pub fn changes(label: &str, rows: &[Row], diagnostics: &mut Diagnostics) -> Vec<Change> {
    let records = rows.iter().filter_map(|row| {
        let mut c = Cells::new(label, row, diagnostics);
        let change_id = c.required("change_id");
        let service = c.required("service");
        let committed_at = c.required_parsed("committed_at", rfc3339);
        let deploy_id = c.required("deploy_id");
        let change = Change {
            change_id,
            service,
            committed_at: committed_at?,
            deploy_id,
            extra: c.extra(&CHANGE_COLUMNS),
            source: RowSource { path: label.to_owned(), line: row.line },
        };
        c.ok.then_some((row.line, change))
    });
    unique(label, "change_id", records.collect(), |c| &c.change_id, diagnostics)
}

pub fn incidents(label: &str, rows: &[Row], diagnostics: &mut Diagnostics) -> Vec<Incident> {
    let known: Vec<&str> = INCIDENT_COLUMNS.iter().chain(&INCIDENT_OPTIONAL).copied().collect();
    let records = rows.iter().filter_map(|row| {
        let mut c = Cells::new(label, row, diagnostics);
        let incident_id = c.required("incident_id");
        let service = c.required("service");
        let severity = c.required_parsed("severity", severity);
        let started_at = c.required_parsed("started_at", rfc3339);
        let incident = Incident {
            incident_id,
            service,
            severity: severity?,
            started_at: started_at?,
            detected_at: c.parsed("detected_at", rfc3339),
            acknowledged_at: c.parsed("acknowledged_at", rfc3339),
            mitigated_at: c.parsed("mitigated_at", rfc3339),
            resolved_at: c.parsed("resolved_at", rfc3339),
            caused_by_deploy: c.optional("caused_by_deploy").map(|v| v.0),
            extra: c.extra(&known),
            source: RowSource { path: label.to_owned(), line: row.line },
        };
        c.ok.then_some((row.line, incident))
    });
    unique(label, "incident_id", records.collect(), |i| &i.incident_id, diagnostics)
}

/// Series timestamps may also be `YYYY-MM-DD HH:MM:SS`, read as UTC, as many exporters write.
pub fn series_timestamp(text: &str) -> Result<DateTime<Utc>, String> {
    rfc3339(text).or_else(|_| {
        NaiveDateTime::parse_from_str(text, dates::DATE_TIME_SECONDS)
            .map(|t| t.and_utc())
            .map_err(|_| format!("`{text}` is neither RFC 3339 nor YYYY-MM-DD HH:MM:SS"))
    })
}

pub fn finite(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("`{text}` is not a finite number")),
    }
}

/// A usable point of a series and where it was written, for the warnings about its order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub line: usize,
    pub col: usize,
    pub point: SeriesPoint,
}

pub fn series_samples(label: &str, rows: &[Row], diagnostics: &mut Diagnostics) -> Vec<Sample> {
    rows.iter()
        .filter_map(|row| {
            let mut c = Cells::new(label, row, diagnostics);
            let at = c.required_parsed("timestamp", series_timestamp);
            let value = c.required_parsed("value", finite);
            Some(Sample { line: row.line, col: 1, point: SeriesPoint { at: at?, value: value? } })
        })
        .collect()
}

/// How many rows of one kind of problem are reported one by one.
const LISTED_PER_KIND: usize = 5;

/// Warns of samples out of time order, repeated timestamps and too short a series. The
/// samples are all kept: forecasting sorts them and averages repeats, so a warning says
/// what that will do. `subject` starts each message (the series' name when a file holds
/// several); `noun` is what the file calls a sample ("row").
pub fn series_warnings(label: &str, subject: &str, noun: &str, samples: &[Sample], diagnostics: &mut Diagnostics) {
    let mut first: HashMap<DateTime<Utc>, &Sample> = HashMap::with_capacity(samples.len());
    let mut previous: Option<&Sample> = None;
    // Each kind of problem is reported on its first rows, then counted: a file written
    // newest first would otherwise give a warning per row.
    let (mut repeated, mut unordered) = (0usize, 0usize);
    for sample in samples {
        let at = shown(sample.point.at);
        let message = match (first.get(&sample.point.at), previous) {
            (Some(earlier), _) => {
                repeated += 1;
                (repeated <= LISTED_PER_KIND)
                    .then(|| format!("{subject}`{at}` is repeated: averaged with {}", place(earlier)))
            }
            (None, Some(p)) if p.point.at > sample.point.at => {
                unordered += 1;
                (unordered <= LISTED_PER_KIND).then(|| {
                    format!(
                        "{subject}`{at}` is not after the previous {noun}'s `{}` ({}): {noun}s are sorted before forecasting",
                        shown(p.point.at),
                        place(p)
                    )
                })
            }
            _ => None,
        };
        if let Some(message) = message {
            diagnostics.push(Diagnostic::warning(label, sample.line, sample.col, message).rule(RuleId::CapacitySeries));
        }
        first.entry(sample.point.at).or_insert(sample);
        previous = Some(sample);
    }
    for (count, what) in [(unordered, "out of time order (newest first?)"), (repeated, "with a repeated timestamp")] {
        if count > LISTED_PER_KIND {
            let more = count - LISTED_PER_KIND;
            let message = format!("{subject}and {more} more {noun}(s) {what}, {count} in all");
            diagnostics.push(Diagnostic::warning(label, 1, 1, message).rule(RuleId::CapacitySeries));
        }
    }
    // Repeats count once: they are averaged into one point.
    if first.len() < MIN_SERIES_ROWS {
        diagnostics.push(
            Diagnostic::warning(
                label,
                1,
                1,
                format!(
                    "{subject}too few {noun}s to forecast ({} usable): at least {MIN_SERIES_ROWS}, and two days of them for daily cycles",
                    first.len()
                ),
            )
            .rule(RuleId::CapacitySeries),
        );
    }
}

fn shown(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// A line names a CSV row; a one-line JSON export needs the column too.
fn place(sample: &Sample) -> String {
    match sample.col {
        1 => format!("line {}", sample.line),
        col => format!("line {}, column {col}", sample.line),
    }
}

/// What the capacity page shows beside a series: each of its diagnostics as
/// `line N: message`, in file order. `left_out` is appended to row errors, whose row
/// the series does not have.
pub fn problems<'a>(found: impl IntoIterator<Item = &'a Diagnostic>, left_out: &str) -> Vec<String> {
    let mut found: Vec<&Diagnostic> = found.into_iter().collect();
    found.sort_by_key(|d| (d.line, d.col));
    found
        .into_iter()
        .map(|d| {
            let suffix = if d.rule == Some(RuleId::ExportRow) { left_out } else { "" };
            format!("line {}: {}{suffix}", d.line, d.message)
        })
        .collect()
}

/// Keeps the first record of each id and reports every repeat with both lines.
pub(crate) fn unique<T>(
    label: &str,
    key: &str,
    records: Vec<(usize, T)>,
    id: impl Fn(&T) -> &String,
    diagnostics: &mut Diagnostics,
) -> Vec<T> {
    let mut first_line: HashMap<String, usize> = HashMap::with_capacity(records.len());
    let mut kept = Vec::with_capacity(records.len());
    for (line, record) in records {
        match first_line.get(id(&record)) {
            Some(first) => diagnostics.push(
                Diagnostic::error(label, line, 1, format!("duplicate {key} `{}` (first on line {first})", id(&record)))
                    .rule(RuleId::ExportRow),
            ),
            None => {
                first_line.insert(id(&record).clone(), line);
                kept.push(record);
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::super::table::{self, Format};
    use super::*;

    fn rows(text: &str, required: &[&str]) -> Vec<Row> {
        let mut d = Diagnostics::default();
        let rows = table::read("x.csv", text, Format::Csv, required, &mut d);
        assert!(d.is_empty(), "{d:?}");
        rows
    }

    #[test]
    fn reads_deployments_keeping_extra_columns() {
        let r = rows(
            "deploy_id,service,environment,finished_at,status,region\nd1,checkout,production,2026-06-12T14:00:00Z,rolled_back,eu\n",
            &DEPLOYMENT_COLUMNS,
        );
        let mut d = Diagnostics::default();
        let deploys = deployments("x.csv", &r, &mut d);
        assert!(d.is_empty());
        assert_eq!(deploys[0].status, DeployStatus::RolledBack);
        assert_eq!(deploys[0].extra.get("region").map(String::as_str), Some("eu"));
    }

    #[test]
    fn bad_cells_name_line_and_column() {
        let r = rows(
            "deploy_id,service,environment,finished_at,status\nd1,checkout,production,2026-06-12 14:00,success\nd2,checkout,production,2026-06-12T14:00:00Z,oops\n",
            &DEPLOYMENT_COLUMNS,
        );
        let mut d = Diagnostics::default();
        assert!(deployments("x.csv", &r, &mut d).is_empty());
        let found: Vec<(usize, usize)> = d.sorted().iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(found, [(2, 24), (3, 45)]);
    }

    #[test]
    fn duplicate_ids_are_reported_with_both_lines() {
        let r = rows(
            "change_id,service,committed_at,deploy_id\nc1,s,2026-06-12T10:00:00Z,d1\nc1,s,2026-06-12T11:00:00Z,d1\n",
            &CHANGE_COLUMNS,
        );
        let mut d = Diagnostics::default();
        assert_eq!(changes("x.csv", &r, &mut d).len(), 1);
        let found = d.sorted();
        assert_eq!(found[0].line, 3);
        assert!(found[0].message.contains("first on line 2"));
    }

    #[test]
    fn incidents_need_a_known_severity() {
        let r = rows("incident_id,service,severity,started_at\ni1,s,SEV7,2026-06-12T10:00:00Z\n", &INCIDENT_COLUMNS);
        let mut d = Diagnostics::default();
        assert!(incidents("x.csv", &r, &mut d).is_empty());
        assert!(d.sorted()[0].message.contains("SEV7"));
    }

    fn samples(text: &str) -> (Vec<Sample>, Vec<Diagnostic>) {
        let r = rows(text, &SERIES_COLUMNS);
        let mut d = Diagnostics::default();
        let samples = series_samples("x.csv", &r, &mut d);
        series_warnings("x.csv", "", "row", &samples, &mut d);
        (samples, d.sorted())
    }

    #[test]
    fn series_accept_both_timestamp_forms_and_reject_non_finite_values() {
        let (samples, d) = samples(
            "timestamp,value\n2026-06-12T10:00:00Z,1.5\n2026-06-12 11:00:00,2\n2026-06-12 12:00:00,NaN\n2026-06-12 13:00:00,inf\n2026-06-12 14:00:00,abc\n2026-06-12 15:00:00,3\n",
        );
        assert_eq!(samples.len(), 3);
        assert_eq!(samples[1].point.at.to_rfc3339(), "2026-06-12T11:00:00+00:00");
        assert_eq!(samples[2].line, 7);
        let found: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (4, "`value`: `NaN` is not a finite number"),
                (5, "`value`: `inf` is not a finite number"),
                (6, "`value`: `abc` is not a finite number")
            ]
        );
        assert!(d.iter().all(|d| d.rule == Some(RuleId::ExportRow)));
    }

    #[test]
    fn unordered_and_repeated_rows_are_kept_with_warnings_naming_both_lines() {
        let (samples, d) = samples(
            "timestamp,value\n2026-06-12T10:00:00Z,1\n2026-06-12T12:00:00Z,2\n2026-06-12T11:00:00Z,3\n2026-06-12T10:00:00Z,4\n2026-06-12T13:00:00Z,5\n",
        );
        assert_eq!(samples.len(), 5, "nothing dropped");
        let found: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (
                    4,
                    "`2026-06-12T11:00:00Z` is not after the previous row's `2026-06-12T12:00:00Z` (line 3): rows are sorted before forecasting"
                ),
                (5, "`2026-06-12T10:00:00Z` is repeated: averaged with line 2"),
            ]
        );
        assert!(
            d.iter().all(|d| d.level == crate::diagnostics::Level::Warning && d.rule == Some(RuleId::CapacitySeries))
        );
    }

    #[test]
    fn a_file_written_newest_first_gets_a_few_warnings_and_a_count_not_one_per_row() {
        let mut text = String::from("timestamp,value\n");
        for hour in (0..20).rev() {
            text.push_str(&format!("2026-06-12T{hour:02}:00:00Z,1\n"));
        }
        let (samples, d) = samples(&text);
        assert_eq!(samples.len(), 20);
        let each: Vec<&Diagnostic> = d.iter().filter(|d| d.message.contains("is not after")).collect();
        assert_eq!(each.len(), LISTED_PER_KIND);
        let summary: Vec<&str> = d.iter().filter(|d| d.message.contains("more")).map(|d| d.message.as_str()).collect();
        assert_eq!(summary, ["and 14 more row(s) out of time order (newest first?), 19 in all"]);
    }

    #[test]
    fn fewer_than_three_distinct_timestamps_is_too_few_at_line_1() {
        for text in [
            "timestamp,value\n2026-06-12T10:00:00Z,1\n",
            "timestamp,value\n2026-06-12T10:00:00Z,1\n2026-06-12T11:00:00Z,2\n2026-06-12T11:00:00Z,3\n2026-06-12T11:00:00Z,x\n",
        ] {
            let (_, d) = samples(text);
            let short: Vec<&Diagnostic> = d.iter().filter(|d| d.message.contains("too few rows")).collect();
            assert_eq!(short.len(), 1, "{d:?}");
            assert_eq!((short[0].line, short[0].col), (1, 1));
        }
        let (_, d) =
            samples("timestamp,value\n2026-06-12T10:00:00Z,1\n2026-06-12T11:00:00Z,2\n2026-06-12T12:00:00Z,3\n");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn problems_are_in_file_order_and_say_what_was_left_out() {
        let (_, d) = samples("timestamp,value\n2026-06-12T10:00:00Z,abc\n2026-06-12T09:00:00Z,1\n");
        assert_eq!(
            problems(d.iter(), "; the row is left out"),
            [
                "line 1: too few rows to forecast (1 usable): at least 3, and two days of them for daily cycles",
                "line 2: `value`: `abc` is not a finite number; the row is left out",
            ]
        );
    }
}
