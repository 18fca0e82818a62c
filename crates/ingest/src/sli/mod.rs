//! SLI exports under the metrics folder (`sli/<name>.csv`, `.jsonl`, or a Prometheus
//! `query_range` response `.json`): each SLO's columns or series turned into the good/total
//! events its budget is judged on. A file several SLOs read is read once; each bad row or
//! sample is reported and left out, and counted on the SLOs that lose it.

mod prometheus;
mod table;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::exports;
use crate::query_range;
use crate::rule_ids::RuleId;
use crate::source_file::SourceFile;
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

/// What of its export a metric source reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    /// A column of a CSV or JSON Lines export (`spec.column`).
    Column(String),
    /// The series of a Prometheus export whose labels include all of these (`spec.labels`),
    /// summed per timestamp.
    Labels(BTreeMap<String, String>),
}

impl fmt::Display for Pick {
    /// `good` for a column; `{code="200"}` for labels, as PromQL writes a selector.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pick::Column(name) => write!(f, "`{name}`"),
            Pick::Labels(labels) => f.write_str(&query_range::selector(labels)),
        }
    }
}

/// What a metric source reads of its export, and where the SLO says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub pick: Pick,
    pub place: Place,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// `good` (or, when `bad`, the bad events) and `total` per interval, or cumulative
    /// counters when `counter`.
    Ratio { counter: bool, good: Field, bad: bool, total: Field },
    /// One event per sample, good when the threshold holds.
    Threshold { value: Field, threshold: Threshold },
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
    labels: &crate::Labels,
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
            Export::read(labels, &path, plan, &mut findings)
        });
        let read = export.as_ref().map(|export| export.events(plan, &mut findings)).unwrap_or_default();
        data.insert(plan.slo.clone(), read);
    }
    // Symlinks here were reported by the walk of the whole metrics folder (`load_metrics`).
    let listed =
        crate::files_under(labels, &metrics_dir.join(FOLDER.trim_end_matches('/')), &mut Diagnostics::default());
    for path in listed {
        let relative = path.strip_prefix(metrics_dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if !named.contains(&relative) {
            let message = format!(
                "no SLO reads this export: name `{relative}` as the `spec.path` of an SLO's metricSource, or remove it"
            );
            findings.push(Place { label: labels.of(&path), line: 1, col: 1 }.finding(RuleId::SliExport, message));
        }
    }
    data
}

/// One SLI export, read once for every SLO that names it.
enum Export {
    Table(table::Export),
    Prometheus(prometheus::Export),
}

impl Export {
    fn read(labels: &crate::Labels, path: &Path, plan: &SliPlan, findings: &mut Findings) -> Option<Export> {
        let label = labels.of(path);
        let format = crate::table::Format::of(&plan.export);
        let is_prometheus = plan.export.ends_with(".json");
        if format.is_none() && !is_prometheus {
            let message =
                format!("`{}`: an SLI export is a .csv or .jsonl file, or a Prometheus query_range .json", plan.export);
            findings.push(plan.export_place.finding(RuleId::SliExport, message));
            return None;
        }
        if !path.is_file() {
            let message = format!("`{}` is not an export: there is no file {label}", plan.export);
            findings.push(plan.export_place.finding(RuleId::SliExport, message));
            return None;
        }
        let file =
            SourceFile::read_in_repo(labels, path, None).map_err(|d| findings.push(d.rule(RuleId::SliExport))).ok()?;
        match format {
            Some(format) => table::Export::read(file, format, findings).map(Export::Table),
            None => prometheus::Export::read(file, findings).map(Export::Prometheus),
        }
    }

    fn events(&self, plan: &SliPlan, findings: &mut Findings) -> SliData {
        match self {
            Export::Table(export) => export.events(plan, findings),
            Export::Prometheus(export) => export.events(plan, findings),
        }
    }
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

    /// An `sli-export` error in the export itself.
    fn at(&mut self, label: &str, line: usize, col: usize, message: String) {
        self.push(Diagnostic::error(label, line, col, message).rule(RuleId::SliExport));
    }
}

/// A count of events: a finite number, not negative.
fn count(text: &str) -> Result<f64, String> {
    match exports::finite(text) {
        Ok(v) if v >= 0.0 => Ok(v),
        Ok(_) => Err(format!("`{text}` is negative; events are counted from 0")),
        Err(message) => Err(message),
    }
}

/// A cumulative counter, read reading by reading.
#[derive(Default)]
struct Counter {
    last: Option<f64>,
}

impl Counter {
    /// How much the counter grew since the reading before, as Prometheus's `increase` reads
    /// it: a decrease is a reset to zero, after which the counter's value is all new. `None`
    /// for the first reading, which is where counting starts.
    fn increase(&mut self, now: f64) -> Option<f64> {
        let before = self.last.replace(now)?;
        Some(if now < before { now } else { now - before })
    }
}

/// The SLO's events as an export's reader finds them, whatever the export's format.
#[derive(Default)]
struct Events {
    data: SliData,
}

impl Events {
    /// One interval's events, `good` counting the bad ones when `bad`. `Err` says why the
    /// interval is left out: more good (or bad) events than all.
    fn interval(&mut self, at: i64, good: f64, bad: bool, total: f64) -> Result<(), String> {
        if good > total {
            let what = if bad { "bad" } else { "good" };
            return Err(format!("{what} events ({good}) outnumber all events ({total})"));
        }
        self.data.events.push(at, if bad { total - good } else { good }, total);
        Ok(())
    }

    /// One sample of a threshold SLI: one event, good when the threshold holds.
    fn sample(&mut self, at: i64, sample: f64, threshold: &Threshold) {
        self.data.events.push(at, if threshold.holds(sample) { 1.0 } else { 0.0 }, 1.0);
    }

    /// Counts `count` rows (or timestamps) left out for `reason`, when there are any.
    fn left_out(&mut self, reason: String, count: usize) {
        if count > 0 {
            self.data.excluded.insert(reason, count);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counter_counts_from_its_first_reading_and_reads_a_decrease_as_a_reset() {
        let mut counter = Counter::default();
        let increases: Vec<Option<f64>> =
            [10.0, 15.0, 15.0, 3.0, 7.0].into_iter().map(|v| counter.increase(v)).collect();
        assert_eq!(increases, [None, Some(5.0), Some(0.0), Some(3.0), Some(4.0)]);
    }

    #[test]
    fn labels_are_shown_as_promql_writes_a_selector() {
        let labels = BTreeMap::from([("code".to_owned(), "200".to_owned()), ("path".to_owned(), "/a\"b".to_owned())]);
        assert_eq!(Pick::Labels(labels).to_string(), r#"{code="200",path="/a\"b"}"#);
        assert_eq!(Pick::Labels(BTreeMap::new()).to_string(), "{}");
        assert_eq!(Pick::Column("good".into()).to_string(), "`good`");
    }
}
