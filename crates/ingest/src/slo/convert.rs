//! One `kind: SLO` document, with the SLI it names, into the model's [`Slo`] and the
//! [`SliPlan`] that reads its events. Every problem of the document is reported, not only
//! the first; an SLO with any is left out.

use super::alerts;
use super::documents::{Library, Parsed, Site};
use crate::diagnostics::Diagnostic;
use crate::openslo::{Document, MetricSource, ObjectiveSpec, SliSpec, SloSpec, TimeWindow};
use crate::sli::{Field, Pick, Place, Reading, SliPlan};
use model::suggest::did_you_mean;
use model::{
    BudgetingMethod, CalendarPeriod, Objective, PrometheusQueries, Slo, SloWindow, Threshold, ThresholdOp, dates,
};

pub type Problems = Vec<Diagnostic>;

pub fn slo(doc: &Parsed<Document<SloSpec>>, library: &Library, problems: &mut Problems) -> Option<(Slo, SliPlan)> {
    let (metadata, spec) = (&doc.value.metadata, &doc.value.spec);
    let site = doc.site(&["spec"]);
    let window = window(&site, &spec.time_window, problems);
    let method = BudgetingMethod::parse(&spec.budgeting_method);
    if method.is_none() {
        let hint = did_you_mean(&spec.budgeting_method, BudgetingMethod::NAMES);
        let message = format!(
            "unknown budgetingMethod `{}`{hint}; use {}",
            spec.budgeting_method,
            BudgetingMethod::NAMES.join(", ")
        );
        problems.push(site.error(&["budgetingMethod"], message));
    }
    let display_name = metadata.display_name.clone().unwrap_or_else(|| metadata.name.clone());
    let indicator = indicator(doc, library, problems);
    let is_threshold = indicator.as_ref().map(|(_, sli)| sli.threshold_metric.is_some());
    let objective = method.and_then(|m| objective(&site, &spec.objectives, m, is_threshold, &display_name, problems));
    let metric = indicator.and_then(|(site, sli)| metric(&site, sli, problems));
    let alerts = window.as_ref().map(|w| alerts::read(&site, &spec.alert_policies, library, w, problems));
    let threshold = objective.as_ref().and_then(|o| o.threshold);
    let (plan, prometheus) = plan(&metadata.name, metric?, threshold, problems)?;
    let slo = Slo {
        name: metadata.name.clone(),
        display_name,
        service: spec.service.clone(),
        window: window?,
        method: method?,
        objective: objective?,
        alerts: alerts?,
        prometheus,
        path: doc.label.clone(),
        line: doc.first_line,
    };
    Some((slo, plan))
}

/// A window or slice in seconds: a positive duration (`5m`, `28d`); a window of no length
/// measures nothing.
pub fn seconds(text: &str) -> Option<i64> {
    model::duration::seconds(text).filter(|s| *s > 0)
}

pub use model::duration::DURATION_FORM;

fn window(site: &Site, windows: &[TimeWindow], problems: &mut Problems) -> Option<SloWindow> {
    let [window] = windows else {
        let message = "an SLO has one `timeWindow`, such as `[ { duration: 28d, isRolling: true } ]`";
        problems.push(site.error(&["timeWindow"], message));
        return None;
    };
    let at = |key: &str, message: String| site.error(&["timeWindow", key], message);
    let duration = &window.duration;
    if window.is_rolling {
        if window.calendar.is_some() {
            problems.push(at("calendar", "a rolling window has no `calendar`; set `isRolling: false`".into()));
        }
        let seconds = seconds(duration);
        if seconds.is_none() {
            let message =
                format!("`{duration}` is not a rolling window: {DURATION_FORM} (a calendar month is isRolling: false)");
            problems.push(at("duration", message));
        }
        return Some(SloWindow::Rolling { seconds: seconds? });
    }
    let period = match duration.as_str() {
        "1M" => Some(CalendarPeriod::Month),
        "1Q" => Some(CalendarPeriod::Quarter),
        "1Y" => Some(CalendarPeriod::Year),
        _ => {
            let message = format!("`{duration}` is not a calendar window: use 1M, 1Q or 1Y, or `isRolling: true`");
            problems.push(at("duration", message));
            None
        }
    };
    let (start_month, time_zone) = match &window.calendar {
        None => (Some(1), None),
        Some(calendar) => {
            let month = calendar.start_time.get(..10).and_then(dates::parse_date).map(|d| chrono::Datelike::month(&d));
            if month.is_none() {
                let message = format!("`{}` is not a start time such as 2026-01-01 00:00:00", calendar.start_time);
                problems.push(site.error(&["timeWindow", "calendar", "startTime"], message));
            }
            if calendar.time_zone.parse::<chrono_tz::Tz>().is_err() {
                let message = format!(
                    "unknown time zone `{}`; use an IANA name such as UTC or Europe/Berlin",
                    calendar.time_zone
                );
                problems.push(site.error(&["timeWindow", "calendar", "timeZone"], message));
            }
            (month, Some(calendar.time_zone.clone()))
        }
    };
    Some(SloWindow::Calendar { period: period?, start_month: start_month?, time_zone })
}

/// The SLI the SLO reads, written inside it or named by `indicatorRef`, and where it is.
fn indicator<'a>(
    doc: &'a Parsed<Document<SloSpec>>,
    library: &'a Library,
    problems: &mut Problems,
) -> Option<(Site<'a>, &'a SliSpec)> {
    let spec = &doc.value.spec;
    match (&spec.indicator, &spec.indicator_ref) {
        (Some(indicator), None) => Some((doc.site(&["spec", "indicator", "spec"]), &indicator.spec)),
        (None, Some(name)) => match library.slis.get(name) {
            Some(sli) => Some((sli.site(&["spec"]), &sli.value.spec)),
            None => {
                let hint = did_you_mean(name, library.slis.keys().map(String::as_str));
                let message = format!("indicatorRef `{name}` names no `kind: SLI` document of the SLO folder{hint}");
                problems.push(doc.site(&["spec"]).error(&["indicatorRef"], message));
                None
            }
        },
        _ => {
            let message = "an SLO has an `indicator` or an `indicatorRef` (the name of a `kind: SLI`), not both";
            problems.push(doc.site(&["spec"]).error(&[], message));
            None
        }
    }
}

fn objective(
    site: &Site,
    objectives: &[ObjectiveSpec],
    method: BudgetingMethod,
    is_threshold: Option<bool>,
    fallback_name: &str,
    problems: &mut Problems,
) -> Option<Objective> {
    let [objective] = objectives else {
        let message = "firebreak reads one objective per SLO: write an SLO for each objective";
        problems.push(site.error(&["objectives", "1"], message));
        return None;
    };
    let site = site.nested(&["objectives", "0"]);
    let target = target(&site, objective, problems);
    let (slice_seconds, slice_target) = time_slices(&site, objective, method, problems);
    let threshold = match is_threshold {
        Some(is_threshold) => threshold(&site, objective, is_threshold, problems),
        None => Some(None),
    };
    Some(Objective {
        display_name: objective.display_name.clone().unwrap_or_else(|| fallback_name.to_owned()),
        target: target?,
        time_slice_target: slice_target?,
        time_slice_seconds: slice_seconds?,
        threshold: threshold?,
    })
}

fn target(site: &Site, objective: &ObjectiveSpec, problems: &mut Problems) -> Option<f64> {
    let (target, key) = match (objective.target, objective.target_percent) {
        (Some(target), None) => (target, "target"),
        (None, Some(percent)) => (percent / 100.0, "targetPercent"),
        (Some(_), Some(_)) => {
            problems.push(site.error(&["targetPercent"], "`target` and `targetPercent` are both given: keep one"));
            return None;
        }
        (None, None) => {
            problems.push(site.error(&[], "an objective has a `target` (0.999) or a `targetPercent` (99.9)"));
            return None;
        }
    };
    if (0.0..1.0).contains(&target) {
        return Some(target);
    }
    let written = if key == "target" { target } else { target * 100.0 };
    let hint = if key == "target" && (1.0..100.0).contains(&target) {
        format!("; for {target} % write `targetPercent: {target}`")
    } else {
        String::new()
    };
    let message = format!("`{key}` {written} is outside [0, 1): the share of good events, such as 0.999{hint}");
    problems.push(site.error(&[key], message));
    None
}

/// The slice length and target of the time-slice methods; neither applies to Occurrences.
fn time_slices(
    site: &Site,
    objective: &ObjectiveSpec,
    method: BudgetingMethod,
    problems: &mut Problems,
) -> (Option<Option<i64>>, Option<Option<f64>>) {
    if method == BudgetingMethod::Occurrences {
        for (key, given) in [
            ("timeSliceWindow", objective.time_slice_window.is_some()),
            ("timeSliceTarget", objective.time_slice_target.is_some()),
        ] {
            if given {
                let message = format!("`{key}` applies to Timeslices and RatioTimeslices, not Occurrences");
                problems.push(site.error(&[key], message));
            }
        }
        return (Some(None), Some(None));
    }
    let slice = match &objective.time_slice_window {
        Some(text) => seconds(text).or_else(|| {
            problems.push(site.error(&["timeSliceWindow"], format!("`{text}` is not a slice length: {DURATION_FORM}")));
            None
        }),
        None => {
            problems.push(site.error(&[], "the time-slice methods need a `timeSliceWindow`, such as 5m"));
            None
        }
    };
    let slice_target = match (method, objective.time_slice_target) {
        (_, None) => Some(None),
        (BudgetingMethod::Timeslices, Some(t)) if t > 0.0 && t <= 1.0 => Some(Some(t)),
        (BudgetingMethod::Timeslices, Some(t)) => {
            let message =
                format!("`timeSliceTarget` {t} is outside (0, 1]: the share of a slice's events that makes it good");
            problems.push(site.error(&["timeSliceTarget"], message));
            None
        }
        (_, Some(_)) => {
            let message = "`timeSliceTarget` applies to Timeslices: RatioTimeslices averages every slice's ratio";
            problems.push(site.error(&["timeSliceTarget"], message));
            None
        }
    };
    (slice.map(Some), slice_target)
}

/// `op` and `value`: required of a threshold SLI's objective, and of no other.
fn threshold(
    site: &Site,
    objective: &ObjectiveSpec,
    is_threshold: bool,
    problems: &mut Problems,
) -> Option<Option<Threshold>> {
    match (is_threshold, &objective.op, objective.value) {
        (false, None, None) => Some(None),
        (false, _, _) => {
            let message = "`op` and `value` apply to a thresholdMetric SLI; a ratioMetric's events are good or not";
            problems.push(site.error(&["op"], message));
            None
        }
        (true, Some(op), Some(value)) => match ThresholdOp::parse(op) {
            Some(op) => Some(Some(Threshold { op, value })),
            None => {
                let hint = did_you_mean(op, ThresholdOp::NAMES);
                let message = format!("unknown op `{op}`{hint}; use {}", ThresholdOp::NAMES.join(", "));
                problems.push(site.error(&["op"], message));
                None
            }
        },
        (true, _, _) => {
            let message = "a thresholdMetric SLI's objective names `op` (lt, lte, gt, gte) and `value`, such as `op: lte, value: 300`";
            problems.push(site.error(&[], message));
            None
        }
    }
}

/// One metric source: what it reads of its export, and the PromQL when it is a Prometheus
/// source.
struct Source {
    path: String,
    path_place: Place,
    field: Field,
    query: Option<String>,
}

enum Metric {
    Ratio { counter: bool, good: Source, bad: bool, total: Source },
    Threshold(Source),
}

fn metric(site: &Site, sli: &SliSpec, problems: &mut Problems) -> Option<Metric> {
    match (&sli.ratio_metric, &sli.threshold_metric) {
        (Some(ratio), None) => {
            let (holder, key, bad) = match (&ratio.good, &ratio.bad) {
                (Some(good), None) => (good, "good", false),
                (None, Some(bad)) => (bad, "bad", true),
                _ => {
                    problems.push(site.error(&["ratioMetric"], "a ratioMetric names `good` or `bad`, and `total`"));
                    return None;
                }
            };
            let good = source(&site.nested(&["ratioMetric", key, "metricSource"]), &holder.metric_source, problems);
            let total_site = site.nested(&["ratioMetric", "total", "metricSource"]);
            let total = source(&total_site, &ratio.total.metric_source, problems);
            Some(Metric::Ratio { counter: ratio.counter, good: good?, bad, total: total? })
        }
        (None, Some(threshold)) => {
            let site = site.nested(&["thresholdMetric", "metricSource"]);
            source(&site, &threshold.metric_source, problems).map(Metric::Threshold)
        }
        _ => {
            problems.push(site.error(&[], "an SLI has a `ratioMetric` or a `thresholdMetric`, one of them"));
            None
        }
    }
}

const SOURCE_TYPES: [&str; 2] = ["file", "prometheus"];

fn source(site: &Site, source: &MetricSource, problems: &mut Problems) -> Option<Source> {
    let spec = &source.spec;
    let query = match (source.source_type.as_str(), &spec.query) {
        ("file", None) => Some(None),
        ("prometheus", Some(query)) => Some(Some(query.clone())),
        ("file", Some(_)) => {
            problems
                .push(site.error(&["spec", "query"], "a `type: file` source has no `query`; `type: prometheus` has"));
            None
        }
        ("prometheus", None) => {
            problems.push(site.error(&["spec"], "a `type: prometheus` source names its PromQL as `query`"));
            None
        }
        (other, _) => {
            let hint = did_you_mean(other, SOURCE_TYPES);
            problems.push(
                site.error(&["type"], format!("unknown metric source type `{other}`{hint}; use file or prometheus")),
            );
            None
        }
    };
    let pick = match (&spec.column, &spec.labels) {
        (Some(column), None) => Some((Pick::Column(column.clone()), "column")),
        (None, Some(labels)) => Some((Pick::Labels(labels.clone()), "labels")),
        (Some(_), Some(_)) => {
            let message = "a metric source names a `column` (of a CSV or JSON Lines export) or `labels` (of the \
                           series of a Prometheus .json export), not both";
            problems.push(site.error(&["spec", "labels"], message));
            return None;
        }
        (None, None) => None,
    };
    let (Some(path), Some((pick, key))) = (&spec.path, pick) else {
        let message = "a metric source names its export by `path` (under the metrics folder, such as \
                       sli/checkout-requests.csv) and its `column`, or the `labels` of its series in a Prometheus \
                       .json export, beside the `query` of a Prometheus source";
        problems.push(site.error(&["spec"], message));
        return None;
    };
    let inside = path.starts_with(crate::sli::FOLDER) && !path.split('/').any(|part| part == ".." || part.is_empty());
    if !inside {
        let message = format!(
            "`{path}` is not an SLI export: a path under the metrics folder's sli/, such as sli/checkout-requests.csv"
        );
        problems.push(site.error(&["spec", "path"], message));
        return None;
    }
    Some(Source {
        path: path.clone(),
        path_place: site.place(&["spec", "path"]),
        field: Field { pick, place: site.place(&["spec", key]) },
        query: query?,
    })
}

fn plan(
    slo: &str,
    metric: Metric,
    threshold: Option<Threshold>,
    problems: &mut Problems,
) -> Option<(SliPlan, Option<PrometheusQueries>)> {
    let (source, reading, prometheus) = match metric {
        Metric::Ratio { counter, good, bad, total } => {
            let mut ok = true;
            if good.path != total.path {
                let message = format!(
                    "good and total are two columns (or two label sets) of one export, not `{}` and `{}`",
                    good.path, total.path
                );
                problems.push(total.path_place.finding(crate::rule_ids::RuleId::SloDefinition, message));
                ok = false;
            }
            let prometheus = match (&good.query, &total.query) {
                (Some(good_query), Some(total_query)) => {
                    Some(PrometheusQueries { errors_or_good: good_query.clone(), total: total_query.clone(), bad })
                }
                (None, None) => None,
                _ => {
                    let message = "good and total are both `type: prometheus` sources, or both `type: file`";
                    problems.push(total.path_place.finding(crate::rule_ids::RuleId::SloDefinition, message.into()));
                    ok = false;
                    None
                }
            };
            let reading = Reading::Ratio { counter, good: good.field.clone(), bad, total: total.field };
            if !ok {
                return None;
            }
            (good, reading, prometheus)
        }
        // The objective has reported a threshold SLI without its threshold.
        Metric::Threshold(source) => {
            let reading = Reading::Threshold { value: source.field.clone(), threshold: threshold? };
            (source, reading, None)
        }
    };
    let plan = SliPlan { slo: slo.to_owned(), export: source.path, export_place: source.path_place, reading };
    Some((plan, prometheus))
}
