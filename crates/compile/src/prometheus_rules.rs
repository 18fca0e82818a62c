//! Prometheus recording and alerting rules for the SLOs whose metric source is Prometheus,
//! as Sloth generates them: per SLO, the error ratio over every window its burn-rate alerts
//! use (`slo:sli_error:ratio_rate5m` …), and one multiwindow, multi-burn-rate alert per
//! severity. It lives in `compile` beside the feed: both turn the loaded model into a text
//! format another tool reads, with no I/O of their own (the CLI writes the file).
//!
//! Where it departs from Sloth, firebreak's own definitions (docs/metrics.md) win, so the
//! alerts fire exactly when `analytics::slo::backtest` says they would have:
//! - a condition holds at a burn rate *at least* the factor (`>=`; Sloth writes `>`);
//! - the recording rules carry no window label: their names already say the window, and
//!   without it the two sides of `and` match on the SLO's labels alone, so an alert's labels
//!   are the SLO's and its severity, not whichever window happened to come first.

use serde::Serialize;
use std::collections::BTreeMap;

use model::{AlertSeverity, BurnRateAlert, PrometheusQueries, Slo};

/// What a query writes where the window goes, as in Sloth's SLO files.
pub const WINDOW_PLACEHOLDER: &str = "{{.window}}";

/// The rules file, and the SLOs it could not cover with the reason for each.
pub struct PrometheusRules<'a> {
    pub yaml: String,
    pub skipped: Vec<(&'a Slo, String)>,
}

#[derive(Serialize)]
struct RuleFile {
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct Group {
    name: String,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Rule {
    Record {
        record: String,
        expr: String,
        labels: BTreeMap<&'static str, String>,
    },
    Alert {
        alert: String,
        expr: String,
        labels: BTreeMap<&'static str, String>,
        annotations: BTreeMap<&'static str, String>,
    },
}

/// The alert every SLO's page and ticket rules are named; `severity` tells them apart.
pub const ALERT_NAME: &str = "SloErrorBudgetBurn";

/// One group per SLO, in the order of `slos` (the loader's: by file, then document).
pub fn prometheus_rules(slos: &[Slo]) -> PrometheusRules<'_> {
    let mut groups = Vec::new();
    let mut skipped = Vec::new();
    for slo in slos {
        match queries(slo) {
            Ok(queries) => groups.push(group(slo, queries)),
            Err(reason) => skipped.push((slo, reason)),
        }
    }
    let yaml = serde_yaml_ng::to_string(&RuleFile { groups }).expect("a rules file serialises");
    PrometheusRules { yaml, skipped }
}

fn queries(slo: &Slo) -> Result<&PrometheusQueries, String> {
    let Some(queries) = &slo.prometheus else {
        return Err(if slo.objective.threshold.is_some() {
            "a threshold SLI: its samples are judged by firebreak, not by a Prometheus ratio".to_owned()
        } else {
            "its metric source is `type: file`, not `type: prometheus`".to_owned()
        });
    };
    for query in [&queries.errors_or_good, &queries.total] {
        if !query.contains(WINDOW_PLACEHOLDER) {
            return Err(format!("the query `{query}` has no `[{WINDOW_PLACEHOLDER}]` for the rules to fill in"));
        }
    }
    Ok(queries)
}

fn alerts(slo: &Slo) -> Vec<BurnRateAlert> {
    if slo.alerts.is_empty() { BurnRateAlert::defaults() } else { slo.alerts.clone() }
}

fn group(slo: &Slo, queries: &PrometheusQueries) -> Group {
    let alerts = alerts(slo);
    let mut windows: Vec<i64> = alerts.iter().flat_map(|a| [a.short_seconds, a.long_seconds]).collect();
    windows.sort_unstable();
    windows.dedup();
    let labels = slo_labels(slo);
    let mut rules: Vec<Rule> = windows
        .iter()
        .map(|&seconds| Rule::Record {
            record: error_ratio_metric(seconds),
            expr: error_ratio(queries, &duration(seconds)),
            labels: labels.clone(),
        })
        .collect();
    for severity in [AlertSeverity::Page, AlertSeverity::Ticket] {
        let conditions: Vec<&BurnRateAlert> = alerts.iter().filter(|a| a.severity == severity).collect();
        if !conditions.is_empty() {
            rules.push(alert(slo, severity, &conditions));
        }
    }
    Group { name: format!("slo-{}", slo.name), rules }
}

fn slo_labels(slo: &Slo) -> BTreeMap<&'static str, String> {
    BTreeMap::from([("slo", slo.name.clone()), ("service", slo.service.clone())])
}

/// `slo:sli_error:ratio_rate1h`: Sloth's name, so dashboards made for it read these too.
pub fn error_ratio_metric(seconds: i64) -> String {
    format!("slo:sli_error:ratio_rate{}", duration(seconds))
}

/// The share of bad events over `window`: bad ÷ total, or 1 − good ÷ total.
fn error_ratio(queries: &PrometheusQueries, window: &str) -> String {
    let fill = |query: &str| query.replace(WINDOW_PLACEHOLDER, window);
    let ratio = format!("({})\n/\n({})", fill(&queries.errors_or_good), fill(&queries.total));
    if queries.bad { ratio } else { format!("1 - (\n{ratio}\n)") }
}

/// A Prometheus duration in its largest whole unit: `5m`, `6h`, `3d`.
pub fn duration(seconds: i64) -> String {
    match seconds {
        s if s % 86400 == 0 => format!("{}d", s / 86400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

fn alert(slo: &Slo, severity: AlertSeverity, conditions: &[&BurnRateAlert]) -> Rule {
    let selector = selector(slo);
    let allowance = number(1.0 - slo.objective.target);
    let threshold = |condition: &BurnRateAlert, seconds| {
        let factor = number(condition.factor(&slo.window));
        format!("{}{selector} >= ({factor} * {allowance})", error_ratio_metric(seconds))
    };
    let expr = conditions
        .iter()
        .map(|c| format!("(\n  ({})\n  and\n  ({})\n)", threshold(c, c.short_seconds), threshold(c, c.long_seconds)))
        .collect::<Vec<_>>()
        .join("\nor\n");
    let windows = conditions
        .iter()
        .map(|c| {
            let factor = number(c.factor(&slo.window));
            format!("≥ {factor}× over {} and {}", duration(c.long_seconds), duration(c.short_seconds))
        })
        .collect::<Vec<_>>()
        .join(", or ");
    let severity = match severity {
        AlertSeverity::Page => "page",
        AlertSeverity::Ticket => "ticket",
    };
    let summary = format!("{} ({}): the error budget burns too fast ({windows})", slo.display_name, slo.service);
    Rule::Alert {
        alert: ALERT_NAME.to_owned(),
        expr,
        labels: BTreeMap::from([("severity", severity.to_owned())]),
        annotations: BTreeMap::from([("summary", summary)]),
    }
}

/// `{slo="checkout-availability", service="checkout"}`, each value quoted as PromQL
/// strings are (a backslash or quote escaped).
fn selector(slo: &Slo) -> String {
    let quoted = |value: &str| format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    format!("{{slo={}, service={}}}", quoted(&slo.name), quoted(&slo.service))
}

/// A factor such as 0.02 × 672 h is 13.440000000000001 in floating point; twelve decimals
/// print 13.44 and move the threshold by far less than one event in a million.
fn number(value: f64) -> String {
    let rounded = (value * 1e12).round() / 1e12;
    format!("{rounded}")
}

#[cfg(test)]
mod tests;
