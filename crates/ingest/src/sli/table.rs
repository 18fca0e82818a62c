//! CSV and JSON Lines SLI exports: rows with a `timestamp`, and the columns SLOs name.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Counter, Events, Field, Findings, Pick, Reading, SliPlan, count};
use crate::diagnostics::Diagnostics;
use crate::exports;
use crate::rule_ids::RuleId;
use crate::source_file::SourceFile;
use crate::table::{self, Format, Row};
use model::suggest::did_you_mean;
use model::{SliData, Threshold};

/// An export's rows with readable timestamps, in strictly increasing time order.
pub struct Export {
    label: String,
    columns: Vec<String>,
    rows: Vec<(i64, Row)>,
    /// Lines left out for every SLO: unreadable, no timestamp, out of order, repeated.
    left_out: BTreeSet<usize>,
}

impl Export {
    pub fn read(file: SourceFile, format: Format, findings: &mut Findings) -> Option<Export> {
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
                    findings.at(&self.label, row.line, col, format!("`timestamp`: {message}; the row is left out"));
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
                    findings.at(&self.label, row.line, col, message);
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
    pub fn events(&self, plan: &SliPlan, findings: &mut Findings) -> SliData {
        let builder =
            |findings| EventsBuilder { export: self, findings, events: Events::default(), left_out: BTreeSet::new() };
        match &plan.reading {
            Reading::Ratio { counter, good, bad, total } => {
                let (good, total) = (self.column(good, findings), self.column(total, findings));
                let (Some(good), Some(total)) = (good, total) else { return SliData::default() };
                let mut events = builder(findings);
                events.ratio(*counter, good, *bad, total);
                events.finish(&plan.export)
            }
            Reading::Threshold { value, threshold } => {
                let Some(value) = self.column(value, findings) else { return SliData::default() };
                let mut events = builder(findings);
                events.threshold(value, threshold);
                events.finish(&plan.export)
            }
        }
    }

    /// The column `field` names, once it is one of the export's.
    fn column<'a>(&self, field: &'a Field, findings: &mut Findings) -> Option<&'a str> {
        let message = match &field.pick {
            Pick::Column(name) if self.columns.contains(name) => return Some(name),
            Pick::Column(name) => {
                let hint = did_you_mean(name, self.columns.iter().map(String::as_str));
                format!("{} has no column `{name}`{hint}; its columns: {}", self.label, self.columns.join(", "))
            }
            Pick::Labels(_) => format!(
                "`labels` pick the series of a Prometheus .json export; {} is a table: name its `column` ({})",
                self.label,
                self.columns.join(", ")
            ),
        };
        findings.push(field.place.finding(RuleId::SliExport, message));
        None
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
    events: Events,
    /// This SLO's own bad lines, besides the export's.
    left_out: BTreeSet<usize>,
}

impl EventsBuilder<'_, '_> {
    /// A count of `column` on `row`: a finite number, not negative.
    fn count(&mut self, row: &Row, column: &str) -> Option<f64> {
        let (_, text, col) = row.get(column)?.clone();
        self.read(row, column, col, count(&text))
    }

    /// The value `read` of `column` on `row`, or `None` once its problem is reported.
    fn read(&mut self, row: &Row, column: &str, col: usize, read: Result<f64, String>) -> Option<f64> {
        match read {
            Ok(value) => Some(value),
            Err(problem) => {
                self.findings.at(
                    &self.export.label,
                    row.line,
                    col,
                    format!("`{column}`: {problem}; the row is left out"),
                );
                self.left_out.insert(row.line);
                None
            }
        }
    }

    fn ratio(&mut self, counter: bool, good_column: &str, bad: bool, total_column: &str) {
        // Both counters read every row that reads, so they start on the same one.
        let (mut good_counter, mut total_counter) = (Counter::default(), Counter::default());
        for (at, row) in &self.export.rows {
            let (Some(good), Some(total)) = (self.count(row, good_column), self.count(row, total_column)) else {
                continue;
            };
            let (good, total) = match (counter, good_counter.increase(good), total_counter.increase(total)) {
                (false, _, _) => (good, total),
                (true, Some(good), Some(total)) => (good, total),
                (true, _, _) => continue,
            };
            if let Err(problem) = self.events.interval(*at, good, bad, total) {
                let col = row.get(good_column).map_or(1, |c| c.2);
                let message = format!("{problem} in `{good_column}` and `{total_column}`; the row is left out");
                self.findings.at(&self.export.label, row.line, col, message);
                self.left_out.insert(row.line);
            }
        }
    }

    fn threshold(&mut self, column: &str, threshold: &Threshold) {
        for (at, row) in &self.export.rows {
            let (_, text, col) = row.get(column).cloned().unwrap_or_default();
            if let Some(sample) = self.read(row, column, col, exports::finite(&text)) {
                self.events.sample(*at, sample, threshold);
            }
        }
    }

    fn finish(mut self, export: &str) -> SliData {
        let lines = self.left_out.union(&self.export.left_out).count();
        self.events.left_out(format!("unreadable rows of {export}"), lines);
        self.events.data
    }
}
