//! Synthetic SLO definitions (`content/slos/<name>.yaml`) on the generated services: a mix
//! of budgeting methods, rolling and calendar windows, request and latency SLIs.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal};
use std::io;
use std::path::Path;

use super::SERVICES;

/// What an SLO's export holds.
#[derive(Clone, Copy)]
pub enum Indicator {
    /// Request counts per interval: `good,total`, or `errors,total` when `bad`.
    Requests { bad: bool },
    /// One latency sample per interval, in the column `<quantile>_ms`.
    Latency { quantile: &'static str },
}

/// One kind of SLO the generator writes; the SLOs cycle through them.
struct Template {
    /// The middle of the SLO's name, `<service>-<kind>-<n>`.
    kind: &'static str,
    indicator: Indicator,
    method: &'static str,
    time_window: &'static str,
    target: f64,
    /// Timeslices and RatioTimeslices: the slice, and Timeslices' share that makes it good.
    slice: Option<(&'static str, Option<f64>)>,
}

const TEMPLATES: [Template; 6] = [
    Template {
        kind: "availability",
        indicator: Indicator::Requests { bad: false },
        method: "Occurrences",
        time_window: "[ { duration: 28d, isRolling: true } ]",
        target: 0.999,
        slice: None,
    },
    Template {
        kind: "latency",
        indicator: Indicator::Latency { quantile: "p95" },
        method: "Timeslices",
        time_window: "[ { duration: 30d, isRolling: true } ]",
        target: 0.99,
        slice: Some(("1h", Some(0.9))),
    },
    Template {
        kind: "hourly-availability",
        indicator: Indicator::Requests { bad: false },
        method: "RatioTimeslices",
        time_window: "[ { duration: 1M, isRolling: false, calendar: { startTime: 2026-01-01 00:00:00, timeZone: UTC } } ]",
        target: 0.995,
        slice: Some(("1h", None)),
    },
    Template {
        kind: "errors",
        indicator: Indicator::Requests { bad: true },
        method: "Occurrences",
        time_window: "[ { duration: 1M, isRolling: false, calendar: { startTime: 2026-01-01 00:00:00, timeZone: Europe/Berlin } } ]",
        target: 0.9995,
        slice: None,
    },
    Template {
        kind: "slices",
        indicator: Indicator::Requests { bad: false },
        method: "Timeslices",
        time_window: "[ { duration: 28d, isRolling: true } ]",
        target: 0.995,
        slice: Some(("5m", Some(0.95))),
    },
    Template {
        kind: "tail-latency",
        indicator: Indicator::Latency { quantile: "p99" },
        method: "Occurrences",
        time_window: "[ { duration: 30d, isRolling: true } ]",
        target: 0.98,
        slice: None,
    },
];

/// One generated SLO, with what its export is drawn from.
pub struct SyntheticSlo {
    pub name: String,
    pub service: &'static str,
    /// Its number, in its display name.
    n: usize,
    template: &'static Template,
    /// Requests per 5 minutes on average over a day (request SLIs), or samples' typical
    /// latency in milliseconds (latency SLIs).
    pub level: f64,
    /// Latency SLIs: a sample is good at or under this many milliseconds.
    pub threshold_ms: f64,
    /// The share of requests that fail outside incidents.
    pub background_errors: f64,
}

impl SyntheticSlo {
    /// The `n`th SLO: its service and kind cycle, its traffic and latency are drawn.
    pub fn draw(rng: &mut ChaCha8Rng, n: usize) -> SyntheticSlo {
        let (service, _, _) = SERVICES[n % SERVICES.len()];
        let template = &TEMPLATES[n % TEMPLATES.len()];
        let (level, threshold_ms) = match template.indicator {
            Indicator::Requests { .. } => {
                let requests: LogNormal<f64> = LogNormal::new(7.6, 1.0).expect("valid parameters");
                (requests.sample(rng).clamp(40.0, 200_000.0), 0.0)
            }
            Indicator::Latency { quantile } => {
                let typical: f64 = rng.random_range(110.0..260.0) * if quantile == "p99" { 1.8 } else { 1.0 };
                (typical, (typical * 1.6 / 50.0).ceil() * 50.0)
            }
        };
        SyntheticSlo {
            name: format!("{service}-{}-{n}", template.kind),
            service,
            n,
            template,
            level,
            threshold_ms,
            background_errors: (1.0 - template.target) * rng.random_range(0.03..0.3),
        }
    }

    pub fn indicator(&self) -> Indicator {
        self.template.indicator
    }

    /// The share of events (or slices) the objective lets fail.
    pub fn allowance(&self) -> f64 {
        1.0 - self.template.target
    }

    pub fn export(&self) -> String {
        format!("sli/{}.csv", self.name)
    }

    fn yaml(&self) -> String {
        let template = self.template;
        let source = |column: &str| format!("{{ type: file, spec: {{ path: {}, column: {column} }} }}", self.export());
        let (indicator, condition) = match template.indicator {
            Indicator::Requests { bad } => {
                let first = if bad {
                    format!("bad: {{ metricSource: {} }}", source("errors"))
                } else {
                    format!("good: {{ metricSource: {} }}", source("good"))
                };
                let metric =
                    format!("ratioMetric:\n        {first}\n        total: {{ metricSource: {} }}", source("total"));
                (metric, format!("{} % of requests succeed", (template.target * 1e4).round() / 1e2))
            }
            Indicator::Latency { quantile } => {
                let metric = format!("thresholdMetric:\n        metricSource: {}", source(&format!("{quantile}_ms")));
                (metric, format!("{quantile} at most {} ms", self.threshold_ms))
            }
        };
        let threshold = match template.indicator {
            Indicator::Latency { .. } => format!(", op: lte, value: {}", self.threshold_ms),
            Indicator::Requests { .. } => String::new(),
        };
        let slice = match template.slice {
            Some((window, Some(share))) => format!(", timeSliceTarget: {share}, timeSliceWindow: {window}"),
            Some((window, None)) => format!(", timeSliceWindow: {window}"),
            None => String::new(),
        };
        format!(
            "# Generated by `firebreak synth`.\napiVersion: openslo/v1\nkind: SLO\nmetadata: {{ name: {name}, displayName: \"{service}: {condition} ({n})\" }}\n\
spec:\n  service: {service}\n  indicator:\n    metadata: {{ name: {name} }}\n    spec:\n      {indicator}\n  timeWindow: {window}\n  budgetingMethod: {method}\n  \
objectives:\n    - {{ displayName: \"{condition}\"{threshold}, target: {target}{slice} }}\n",
            name = self.name,
            service = self.service,
            window = template.time_window,
            method = template.method,
            n = self.n,
            target = template.target,
        )
    }

    /// Writes its definition into `dir` (content/slos).
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        std::fs::write(dir.join(format!("{}.yaml", self.name)), self.yaml())
    }
}
