//! Prometheus `query_range` responses as SLI exports: each metric source picks series by
//! their labels, and the series it picks are summed per timestamp. A timestamp is read
//! where good (or bad) and total both have samples and every sample there reads; every
//! other timestamp is reported and counted on the SLO (docs/formats.md).

use chrono::{DateTime, SecondsFormat};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Counter, Events, Field, Findings, Pick, Reading, SliPlan, count};
use crate::exports;
use crate::query_range;
use crate::rule_ids::RuleId;
use crate::source_file::SourceFile;
use model::suggest::did_you_mean;
use model::{SliData, Threshold};

pub struct Export {
    label: String,
    series: Vec<Series>,
}

/// One result of the response, its samples in strictly increasing time.
struct Series {
    metric: BTreeMap<String, String>,
    samples: Vec<Sample>,
    /// Times at which the series' value is not known, and where: a sample repeated the
    /// time, or came after a later one.
    unsure: BTreeMap<i64, (usize, usize)>,
    /// Samples whose time does not read at all.
    timeless: usize,
}

struct Sample {
    at: i64,
    value: String,
    line: usize,
    col: usize,
}

/// A time as messages show it.
fn shown(at: i64) -> String {
    DateTime::from_timestamp(at, 0).map_or_else(|| at.to_string(), |t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

impl Export {
    pub fn read(file: SourceFile, findings: &mut Findings) -> Option<Export> {
        let results = query_range::read(&file.label, &file.text).map_err(|d| findings.push(d.rule(RuleId::SliExport)));
        let series = results.ok()?.into_iter().map(|result| Series::read(&file.label, result, findings)).collect();
        Some(Export { label: file.label, series })
    }

    pub fn events(&self, plan: &SliPlan, findings: &mut Findings) -> SliData {
        match &plan.reading {
            Reading::Ratio { counter, good, bad, total } => {
                let (good_series, total_series) = (self.matching(good, findings), self.matching(total, findings));
                let (Some(good_series), Some(total_series)) = (good_series, total_series) else {
                    return SliData::default();
                };
                let good = Side::new(if *bad { "bad" } else { "good" }, good, good_series);
                let total = Side::new("total", total, total_series);
                let mut ratio =
                    Ratio { export: self, findings, events: Events::default(), unreadable: BTreeSet::new() };
                ratio.read(&good, &total, *counter, *bad);
                ratio.finish(&plan.export, &good, &total)
            }
            Reading::Threshold { value, threshold } => self.threshold(&plan.export, value, threshold, findings),
        }
    }

    /// The series `field` picks, or `None` once it is reported that there are none.
    fn matching(&self, field: &Field, findings: &mut Findings) -> Option<Vec<&Series>> {
        let message = match &field.pick {
            Pick::Labels(labels) => {
                let picked: Vec<&Series> =
                    self.series.iter().filter(|s| labels.iter().all(|(k, v)| s.metric.get(k) == Some(v))).collect();
                if !picked.is_empty() {
                    return Some(picked);
                }
                self.no_match(labels)
            }
            Pick::Column(_) => format!(
                "{} is a Prometheus export: a metric source picks its series by `labels`, such as \
                 `labels: {{ code: \"200\" }}`, not by `column`; its series: {}",
                self.label,
                self.listed()
            ),
        };
        findings.push(field.place.finding(RuleId::SliExport, message));
        None
    }

    /// Why no series has all of `labels`: the first label none has, with the nearest name
    /// or value, or else that none has them together.
    fn no_match(&self, labels: &BTreeMap<String, String>) -> String {
        let prefix = format!("no series of {} has the labels {}", self.label, query_range::selector(labels));
        for (name, value) in labels {
            let values: BTreeSet<&str> =
                self.series.iter().filter_map(|s| s.metric.get(name)).map(String::as_str).collect();
            if values.is_empty() {
                let names: BTreeSet<&str> =
                    self.series.iter().flat_map(|s| s.metric.keys()).map(String::as_str).collect();
                let hint = did_you_mean(name, names.iter().copied());
                return format!("{prefix}: none has a label `{name}`{hint}; its series: {}", self.listed());
            }
            if !values.contains(value.as_str()) {
                let hint = did_you_mean(value, values.iter().copied());
                let values: Vec<&str> = values.into_iter().collect();
                return format!("{prefix}: none has `{name}` `{value}`{hint}; its values: {}", values.join(", "));
            }
        }
        format!("{prefix} all together; its series: {}", self.listed())
    }

    /// The first few series, as PromQL writes their labels.
    fn listed(&self) -> String {
        const LISTED: usize = 5;
        if self.series.is_empty() {
            return "none (the query matched nothing)".to_owned();
        }
        let mut listed: Vec<String> =
            self.series.iter().take(LISTED).map(|s| query_range::selector(&s.metric)).collect();
        if self.series.len() > LISTED {
            listed.push(format!("and {} more", self.series.len() - LISTED));
        }
        listed.join(", ")
    }

    /// One event per sample of the one series `field` picks; a sum of latencies, say, would
    /// mean nothing, so several are an error.
    fn threshold(&self, export: &str, field: &Field, threshold: &Threshold, findings: &mut Findings) -> SliData {
        let Some(picked) = self.matching(field, findings) else { return SliData::default() };
        let [series] = picked.as_slice() else {
            let listed: Vec<String> = picked.iter().map(|s| query_range::selector(&s.metric)).collect();
            let message = format!(
                "a threshold SLI reads one series, and {} series of {} have the labels {}: {}; name more labels to pick one",
                picked.len(),
                self.label,
                field.pick,
                listed.join(", ")
            );
            findings.push(field.place.finding(RuleId::SliExport, message));
            return SliData::default();
        };
        let mut unreadable: BTreeSet<i64> = series.unsure.keys().copied().collect();
        let readings = series.readings(&self.label, exports::finite, findings, &mut unreadable);
        let mut events = Events::default();
        for (at, sample) in readings.into_iter().filter(|(at, _)| !unreadable.contains(at)) {
            events.sample(at, sample, threshold);
        }
        events.left_out(format!("unreadable timestamps of {export}"), unreadable.len() + series.timeless);
        events.data
    }
}

impl Series {
    /// Keeps each sample whose time reads and comes after the one before; the others are
    /// reported, and the times they name are unsure.
    fn read(label: &str, result: query_range::Result, findings: &mut Findings) -> Series {
        let name = query_range::selector(&result.metric);
        let mut series = Series { metric: result.metric, samples: Vec::new(), unsure: BTreeMap::new(), timeless: 0 };
        let mut first_line: HashMap<i64, usize> = HashMap::with_capacity(result.samples.len());
        for sample in result.samples {
            let (line, col) = (sample.line, sample.col);
            let Some(at) = sample.at().map(|t| t.timestamp()) else {
                let message = format!(
                    "series {name}: `{}` is not a time in Unix seconds; the sample is left out",
                    sample.seconds
                );
                findings.at(label, line, col, message);
                series.timeless += 1;
                continue;
            };
            let problem = match (first_line.get(&at), series.samples.last()) {
                (Some(first), _) => Some(format!("`{}` is repeated (first on line {first})", shown(at))),
                (None, Some(previous)) if previous.at > at => Some(format!(
                    "`{}` is before the previous sample's `{}` (line {}): a series is in time order",
                    shown(at),
                    shown(previous.at),
                    previous.line
                )),
                _ => None,
            };
            match problem {
                Some(problem) => {
                    findings.at(label, line, col, format!("series {name}: {problem}; the timestamp is left out"));
                    series.unsure.entry(at).or_insert((line, col));
                }
                None => {
                    first_line.insert(at, line);
                    series.samples.push(Sample { at, value: sample.value, line, col });
                }
            }
        }
        series
    }

    /// Each sample's value as `read` reads it; a sample that does not read is reported and
    /// its time added to `unreadable`.
    fn readings(
        &self,
        label: &str,
        read: fn(&str) -> Result<f64, String>,
        findings: &mut Findings,
        unreadable: &mut BTreeSet<i64>,
    ) -> Vec<(i64, f64)> {
        let name = query_range::selector(&self.metric);
        let mut readings = Vec::with_capacity(self.samples.len());
        for sample in &self.samples {
            match read(&sample.value) {
                Ok(value) => readings.push((sample.at, value)),
                Err(problem) => {
                    let message = format!(
                        "series {name}: the sample at {}: {problem}; the timestamp is left out",
                        shown(sample.at)
                    );
                    findings.at(label, sample.line, sample.col, message);
                    unreadable.insert(sample.at);
                }
            }
        }
        readings
    }
}

/// The series good (or bad) or total picks.
struct Side<'a> {
    name: &'static str,
    field: &'a Field,
    series: Vec<&'a Series>,
    /// Every time a series of the side has a sample at, and where the first is written.
    times: BTreeMap<i64, (usize, usize)>,
}

impl<'a> Side<'a> {
    fn new(name: &'static str, field: &'a Field, series: Vec<&'a Series>) -> Side<'a> {
        let mut times = BTreeMap::new();
        for series in &series {
            let samples = series.samples.iter().map(|s| (s.at, (s.line, s.col)));
            for (at, place) in samples.chain(series.unsure.iter().map(|(at, place)| (*at, *place))) {
                times.entry(at).or_insert(place);
            }
        }
        Side { name, field, series, times }
    }

    /// Each series' readings as counts.
    fn readings(&self, label: &str, findings: &mut Findings, unreadable: &mut BTreeSet<i64>) -> Vec<Vec<(i64, f64)>> {
        self.series.iter().map(|s| s.readings(label, count, findings, unreadable)).collect()
    }
}

/// A ratio SLI's events from good (or bad) and total.
struct Ratio<'a, 'b> {
    export: &'a Export,
    findings: &'a mut Findings<'b>,
    events: Events,
    /// Times left out for a sample that does not read, or for more good events than all.
    unreadable: BTreeSet<i64>,
}

impl Ratio<'_, '_> {
    fn read(&mut self, good: &Side, total: &Side, counter: bool, bad: bool) {
        let label = &self.export.label;
        let good_readings = good.readings(label, self.findings, &mut self.unreadable);
        let total_readings = total.readings(label, self.findings, &mut self.unreadable);
        for series in good.series.iter().chain(&total.series) {
            self.unreadable.extend(series.unsure.keys());
        }
        let kept =
            |at: &i64| good.times.contains_key(at) && total.times.contains_key(at) && !self.unreadable.contains(at);
        let good_sums = sums(&good_readings, counter, &kept);
        let total_sums = sums(&total_readings, counter, &kept);
        let times: BTreeSet<i64> = good_sums.keys().chain(total_sums.keys()).copied().collect();
        for at in times {
            let (good_count, total_count) = (good_sums.get(&at), total_sums.get(&at));
            let result = self.events.interval(at, good_count.map_or(0.0, |c| *c), bad, total_count.map_or(0.0, |c| *c));
            if let Err(problem) = result {
                // A summed time is kept, so both sides have a sample there.
                let (line, col) = good.times[&at];
                let message = format!(
                    "at {}: {problem} in {} and {}; the timestamp is left out",
                    shown(at),
                    good.field.pick,
                    total.field.pick
                );
                self.findings.at(label, line, col, message);
                self.unreadable.insert(at);
            }
        }
    }

    /// The SLO's events, each timestamp left out counted once: for the side without a
    /// sample there, or else as unreadable.
    fn finish(mut self, export: &str, good: &Side, total: &Side) -> SliData {
        for (side, other) in [(good, total), (total, good)] {
            let without: Vec<(&i64, &(usize, usize))> =
                other.times.iter().filter(|(at, _)| !side.times.contains_key(at)).collect();
            if let Some((at, (line, col))) = without.first() {
                let others = match without.len() - 1 {
                    0 => String::new(),
                    n => format!(" (nor at {n} more of {}'s timestamps)", other.name),
                };
                let message = format!(
                    "no {} sample ({}) at {}{others}: a timestamp is read where good (or bad) and total both have samples; it is left out",
                    side.name,
                    side.field.pick,
                    shown(**at)
                );
                self.findings.at(&self.export.label, *line, *col, message);
            }
            self.events.left_out(format!("timestamps of {export} without a {} sample", side.name), without.len());
            for (at, _) in without {
                self.unreadable.remove(at);
            }
        }
        let mut picked: Vec<&Series> = Vec::new();
        for series in good.series.iter().chain(&total.series) {
            if !picked.iter().any(|p| std::ptr::eq(*p, *series)) {
                picked.push(series);
            }
        }
        let timeless: usize = picked.iter().map(|s| s.timeless).sum();
        self.events.left_out(format!("unreadable timestamps of {export}"), self.unreadable.len() + timeless);
        self.events.data
    }
}

/// Each kept time's sum over the series: of their values, or of their counters' increases,
/// each counter starting at its series' first kept sample. A time where no series has an
/// increase yet has no sum.
fn sums(readings: &[Vec<(i64, f64)>], counter: bool, kept: &dyn Fn(&i64) -> bool) -> BTreeMap<i64, f64> {
    let mut sums = BTreeMap::new();
    for series in readings {
        let mut increases = Counter::default();
        for (at, value) in series.iter().filter(|(at, _)| kept(at)) {
            let count = if counter { increases.increase(*value) } else { Some(*value) };
            if let Some(count) = count {
                *sums.entry(*at).or_insert(0.0) += count;
            }
        }
    }
    sums
}

#[cfg(test)]
mod tests;
