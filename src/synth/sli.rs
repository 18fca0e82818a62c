//! The synthetic SLOs' exports (`content/metrics/sli/<name>.csv`): five-minute steps over
//! the 90 days that end with the generated history. Traffic rises and falls with the day
//! and dips at weekends, a trickle of requests fails all the time, and failures burst while
//! an incident of the service lasts — and a few times when none was filed, as happens.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc, Weekday};
use model::dates;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution, LogNormal, Poisson};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::exports::Incident;
use super::slos::{Indicator, SyntheticSlo};

pub const STEP_SECONDS: i64 = 300;
pub const DAYS: i64 = 90;

/// The steps every export shares: each closes the five minutes before it.
pub struct Steps {
    at: Vec<DateTime<Utc>>,
    /// `at` as written, formatted once for all the exports.
    text: Vec<String>,
}

impl Steps {
    /// The 90 days of steps up to `end`.
    pub fn until(end: DateTime<Utc>) -> Steps {
        let count = DAYS * 86400 / STEP_SECONDS;
        let at: Vec<DateTime<Utc>> =
            (0..count).map(|i| end - Duration::seconds((count - 1 - i) * STEP_SECONDS)).collect();
        let text = at.iter().map(|t| t.format(dates::RFC3339_UTC).to_string()).collect();
        Steps { at, text }
    }
}

/// A stretch in which `share` of requests fail, on top of the trickle.
struct Burst {
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    share: f64,
}

/// The share of requests an incident of `severity` fails until it is mitigated (a fifth of
/// that until it is resolved).
fn incident_share(rng: &mut ChaCha8Rng, severity: &str) -> f64 {
    match severity {
        "SEV1" => rng.random_range(0.2..0.6),
        "SEV2" => rng.random_range(0.05..0.2),
        "SEV3" => rng.random_range(0.01..0.05),
        _ => rng.random_range(0.002..0.01),
    }
}

/// Most incidents of the SLO's service show in its SLI (not every SLI sees every failure),
/// and about three bursts in 90 days come with no incident at all.
fn bursts(rng: &mut ChaCha8Rng, slo: &SyntheticSlo, incidents: &[Incident], steps: &Steps) -> Vec<Burst> {
    let (first, last) = (steps.at[0], steps.at[steps.at.len() - 1]);
    let mut bursts = Vec::new();
    for incident in incidents.iter().filter(|i| i.service == slo.service) {
        if !rng.random_bool(0.75) || incident.resolved_at < first || incident.started_at > last {
            continue;
        }
        let share = incident_share(rng, incident.severity);
        bursts.push(Burst { from: incident.started_at, until: incident.mitigated_at, share });
        bursts.push(Burst { from: incident.mitigated_at, until: incident.resolved_at, share: share / 5.0 });
    }
    let unexplained = Poisson::new(3.0).expect("valid parameters").sample(rng) as usize;
    for _ in 0..unexplained {
        let from = first + Duration::seconds(rng.random_range(0..(last - first).num_seconds()));
        let until = from + Duration::minutes(rng.random_range(10..120));
        bursts.push(Burst { from, until, share: slo.allowance() * rng.random_range(2.0..40.0) });
    }
    bursts
}

/// The share failing in the step closing at `at`, beyond the trickle.
fn trouble(bursts: &[Burst], at: DateTime<Utc>) -> f64 {
    bursts.iter().filter(|b| b.from < at && at <= b.until).map(|b| b.share).sum()
}

/// Traffic relative to the day's mean: highest in the afternoon (UTC), lower at weekends.
fn load(at: DateTime<Utc>) -> f64 {
    let hour = f64::from(at.hour()) + f64::from(at.minute()) / 60.0;
    let daily = 1.0 + 0.5 * ((hour - 15.0) / 24.0 * std::f64::consts::TAU).cos();
    if matches!(at.weekday(), Weekday::Sat | Weekday::Sun) { daily * 0.75 } else { daily }
}

/// Writes the SLO's export into `dir` (content/metrics/sli).
pub fn write_export(
    rng: &mut ChaCha8Rng,
    slo: &SyntheticSlo,
    incidents: &[Incident],
    steps: &Steps,
    dir: &Path,
) -> io::Result<()> {
    let bursts = bursts(rng, slo, incidents, steps);
    let mut out = BufWriter::new(File::create(dir.join(format!("{}.csv", slo.name)))?);
    match slo.indicator() {
        Indicator::Requests { bad } => {
            writeln!(out, "timestamp,{},total", if bad { "errors" } else { "good" })?;
            for (at, text) in steps.at.iter().zip(&steps.text) {
                let total = Poisson::new(slo.level * load(*at)).expect("a positive rate").sample(rng) as u64;
                let share = (slo.background_errors + trouble(&bursts, *at)).min(1.0);
                let failed = Binomial::new(total, share).expect("a share in [0, 1]").sample(rng);
                writeln!(out, "{text},{},{total}", if bad { failed } else { total - failed })?;
            }
        }
        Indicator::Latency { quantile } => {
            writeln!(out, "timestamp,{quantile}_ms")?;
            let noise: LogNormal<f64> = LogNormal::new(0.0, 0.07).expect("valid parameters");
            for (at, text) in steps.at.iter().zip(&steps.text) {
                let share = trouble(&bursts, *at);
                let ms = if share > 0.0 && rng.random_bool((3.0 * share).min(1.0)) {
                    slo.threshold_ms * rng.random_range(1.05..3.0)
                } else {
                    // A rare spike of a slow dependency or a garbage collection.
                    let spike = if rng.random_bool(0.002) { rng.random_range(1.5..2.5) } else { 1.0 };
                    slo.level * (1.0 + 0.15 * (load(*at) - 1.0)) * noise.sample(rng) * spike
                };
                writeln!(out, "{text},{ms:.1}")?;
            }
        }
    }
    out.flush()
}
