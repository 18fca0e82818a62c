//! SLI exports under the metrics folder (`sli/<name>.csv` or `.jsonl`): each SLO's columns
//! turned into the good/total events its budget is judged on. A file several SLOs read is
//! read once; each bad row is reported and left out, and counted on the SLOs that lose it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use super::exports;
use super::source_file::SourceFile;
use super::table::{self, Format, Row};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
use model::suggest::did_you_mean;
use model::{SliData, Threshold};

/// Where something was written: the file (as diagnostics print it), line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub label: String,
    pub line: usize,
    pub col: usize,
}

impl Place {
    pub fn finding(&self, rule: RuleId, message: String) -> Diagnostic {
        Diagnostic::new(rule.default_level(), &self.label, self.line, self.col, message).rule(rule)
    }
}

/// A column of the export, and where the SLO names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub place: Place,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// `good` (or, when `bad`, the bad events) and `total` per interval, or cumulative
    /// counters when `counter`.
    Ratio { counter: bool, good: Column, bad: bool, total: Column },
    /// One event per sample, good when the threshold holds.
    Threshold { value: Column, threshold: Threshold },
}

/// What one SLO reads: which export (relative to the metrics folder) and how.
#[derive(Debug, Clone, PartialEq)]
pub struct SliPlan {
    pub slo: String,
    pub export: String,
    /// Where the SLO names the export, for an export that is missing.
    pub export_place: Place,
    pub reading: Reading,
}

/// The folder of SLI exports, under the metrics folder.
pub const FOLDER: &str = "sli/";

/// Reads every SLO's events. `named` are the exports any SLO definition names, even one
/// left out for a problem: a file none names is reported as read by nothing.
pub fn read(
    metrics_dir: &Path,
    label_of: &dyn Fn(&Path) -> String,
    plans: &[SliPlan],
    named: &BTreeSet<String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, SliData> {
    let mut findings = Findings { seen: HashSet::new(), diagnostics };
    let mut exports: HashMap<&str, Option<Export>> = HashMap::new();
    let mut data = BTreeMap::new();
    for plan in plans {
        let export = exports.entry(plan.export.as_str()).or_insert_with(|| {
            let path = metrics_dir.join(&plan.export);
            Export::read(&path, label_of(&path), plan, &mut findings)
        });
        let read = export.as_ref().map(|export| export.events(plan, &mut findings)).unwrap_or_default();
        data.insert(plan.slo.clone(), read);
    }
    for path in crate::files_under(&metrics_dir.join(FOLDER.trim_end_matches('/'))) {
        let relative = path.strip_prefix(metrics_dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if !named.contains(&relative) {
            let message = format!(
                "no SLO reads this export: name `{relative}` as the `spec.path` of an SLO's metricSource, or remove it"
            );
            findings.push(Place { label: label_of(&path), line: 1, col: 1 }.finding(RuleId::SliExport, message));
        }
    }
    data
}

/// Pushes each finding once: two SLOs reading one column find its bad cells twice.
struct Findings<'a> {
    seen: HashSet<(String, usize, usize, String)>,
    diagnostics: &'a mut Diagnostics,
}

impl Findings<'_> {
    fn push(&mut self, d: Diagnostic) {
        if self.seen.insert((d.path.clone(), d.line, d.col, d.message.clone())) {
            self.diagnostics.push(d);
        }
    }

    fn at_cell(&mut self, label: &str, row: &Row, col: usize, message: String) {
        self.push(Diagnostic::error(label, row.line, col, message).rule(RuleId::SliExport));
    }
}

/// An export's rows with readable timestamps, in strictly increasing time order.
struct Export {
    label: String,
    columns: Vec<String>,
    rows: Vec<(i64, Row)>,
    /// Lines left out for every SLO: unreadable, no timestamp, out of order, repeated.
    left_out: BTreeSet<usize>,
}

impl Export {
    fn read(path: &Path, label: String, plan: &SliPlan, findings: &mut Findings) -> Option<Export> {
        let Some(format) = Format::of(&plan.export) else {
            let message = format!("`{}`: an SLI export is a .csv or .jsonl file", plan.export);
            findings.push(plan.export_place.finding(RuleId::SliExport, message));
            return None;
        };
        if !path.is_file() {
            let message = format!("`{}` is not an export: there is no file {label}", plan.export);
            findings.push(plan.export_place.finding(RuleId::SliExport, message));
            return None;
        }
        let file = SourceFile::read(path, label, None).map_err(|d| findings.push(d.rule(RuleId::SliExport))).ok()?;
        let mut found = Diagnostics::default();
        let rows = table::read(&file.label, &file.text, format, &["timestamp"], &mut found);
        let unreadable: Vec<usize> = found.iter().filter(|d| d.rule.is_some()).map(|d| d.line).collect();
        // The header's problems (a missing `timestamp`) leave no rows: the file is unusable.
        let usable = !found.iter().any(|d| d.rule.is_none());
        for d in found.sorted() {
            findings.push(d.rule(RuleId::SliExport));
        }
        if !usable {
            return None;
        }
        let mut export = Export {
            columns: columns(&file.text, format, &rows),
            label: file.label,
            rows: Vec::with_capacity(rows.len()),
            left_out: unreadable.into_iter().collect(),
        };
        export.keep_in_time_order(rows, findings);
        Some(export)
    }

    /// Keeps each row whose timestamp reads and comes after the one before; an interval
    /// cannot be counted twice, nor an export's order guessed.
    fn keep_in_time_order(&mut self, rows: Vec<Row>, findings: &mut Findings) {
        let mut first_line: HashMap<i64, usize> = HashMap::with_capacity(rows.len());
        for row in rows {
            let (_, text, col) = row.get("timestamp").cloned().unwrap_or_default();
            let at = match exports::series_timestamp(&text) {
                Ok(at) => at.timestamp(),
                Err(message) => {
                    findings.at_cell(&self.label, &row, col, format!("`timestamp`: {message}; the row is left out"));
                    self.left_out.insert(row.line);
                    continue;
                }
            };
            let previous = self.rows.last().map(|(previous, row)| (*previous, row.line));
            let problem = match (first_line.get(&at), previous) {
                (Some(first), _) => Some(format!("`{text}` is repeated (first on line {first}); the row is left out")),
                (None, Some((before, line))) if before > at => Some(format!(
                    "`{text}` is before the previous row's timestamp (line {line}): an SLI export is in time order; the row is left out"
                )),
                _ => None,
            };
            match problem {
                Some(message) => {
                    findings.at_cell(&self.label, &row, col, message);
                    self.left_out.insert(row.line);
                }
                None => {
                    first_line.insert(at, row.line);
                    self.rows.push((at, row));
                }
            }
        }
    }

    /// The SLO's events from this export, or none when a column it names is not there.
    fn events(&self, plan: &SliPlan, findings: &mut Findings) -> SliData {
        let needed: Vec<&Column> = match &plan.reading {
            Reading::Ratio { good, total, .. } => vec![good, total],
            Reading::Threshold { value, .. } => vec![value],
        };
        let mut complete = true;
        for column in needed.into_iter().filter(|c| !self.columns.contains(&c.name)) {
            let hint = did_you_mean(&column.name, self.columns.iter().map(String::as_str));
            let message = format!(
                "{} has no column `{}`{hint}; its columns: {}",
                self.label,
                column.name,
                self.columns.join(", ")
            );
            findings.push(column.place.finding(RuleId::SliExport, message));
            complete = false;
        }
        if !complete {
            return SliData::default();
        }
        let mut events = EventsBuilder { export: self, findings, data: SliData::default(), left_out: BTreeSet::new() };
        match &plan.reading {
            Reading::Ratio { counter, good, bad, total } => events.ratio(*counter, &good.name, *bad, &total.name),
            Reading::Threshold { value, threshold } => events.threshold(&value.name, threshold),
        }
        events.finish(&plan.export)
    }
}

/// The columns of an export: its CSV header, or every field of its JSON Lines.
fn columns(text: &str, format: Format, rows: &[Row]) -> Vec<String> {
    let mut columns: Vec<String> = match format {
        Format::Csv => csv::Reader::from_reader(text.as_bytes())
            .headers()
            .map(|h| h.iter().map(|c| c.trim().to_owned()).collect())
            .unwrap_or_default(),
        Format::JsonLines => rows.iter().flat_map(|r| r.cells.iter().map(|c| c.0.clone())).collect(),
    };
    let mut seen = HashSet::new();
    columns.retain(|c| seen.insert(c.clone()));
    columns
}

struct EventsBuilder<'a, 'b> {
    export: &'a Export,
    findings: &'a mut Findings<'b>,
    data: SliData,
    /// This SLO's own bad lines, besides the export's.
    left_out: BTreeSet<usize>,
}

impl EventsBuilder<'_, '_> {
    /// A count of `column` on `row`: a finite number, not negative.
    fn count(&mut self, row: &Row, column: &str) -> Option<f64> {
        let (_, text, col) = row.get(column)?.clone();
        let problem = match exports::finite(&text) {
            Ok(v) if v >= 0.0 => return Some(v),
            Ok(_) => format!("`{column}`: `{text}` is negative; events are counted from 0"),
            Err(message) => format!("`{column}`: {message}"),
        };
        self.findings.at_cell(&self.export.label, row, col, format!("{problem}; the row is left out"));
        self.left_out.insert(row.line);
        None
    }

    fn ratio(&mut self, counter: bool, good_column: &str, bad: bool, total_column: &str) {
        // A cumulative counter's previous reading; the first is where counting starts.
        let mut previous: Option<(f64, f64)> = None;
        for (at, row) in &self.export.rows {
            let (Some(good), Some(total)) = (self.count(row, good_column), self.count(row, total_column)) else {
                continue;
            };
            let (good, total) = match (counter, previous.replace((good, total))) {
                (false, _) => (good, total),
                (true, None) => continue,
                (true, Some((good_before, total_before))) => {
                    (increase(good_before, good), increase(total_before, total))
                }
            };
            if good > total {
                let what = if bad { "bad" } else { "good" };
                let col = row.get(good_column).map_or(1, |c| c.2);
                let message = format!(
                    "{what} events ({good}) outnumber all events ({total}) in `{good_column}` and `{total_column}`; the row is left out"
                );
                self.findings.at_cell(&self.export.label, row, col, message);
                self.left_out.insert(row.line);
                continue;
            }
            self.data.events.push(*at, if bad { total - good } else { good }, total);
        }
    }

    fn threshold(&mut self, column: &str, threshold: &Threshold) {
        for (at, row) in &self.export.rows {
            let (_, text, col) = row.get(column).cloned().unwrap_or_default();
            match exports::finite(&text) {
                Ok(sample) => self.data.events.push(*at, if threshold.holds(sample) { 1.0 } else { 0.0 }, 1.0),
                Err(message) => {
                    let message = format!("`{column}`: {message}; the row is left out");
                    self.findings.at_cell(&self.export.label, row, col, message);
                    self.left_out.insert(row.line);
                }
            }
        }
    }

    fn finish(mut self, export: &str) -> SliData {
        let lines = self.left_out.union(&self.export.left_out).count();
        if lines > 0 {
            self.data.excluded.insert(format!("unreadable rows of {export}"), lines);
        }
        self.data
    }
}

/// How much a cumulative counter grew, as Prometheus's `increase` reads it: a decrease is a
/// reset to zero, after which the counter's value is all new.
fn increase(before: f64, now: f64) -> f64 {
    if now < before { now } else { now - before }
}
