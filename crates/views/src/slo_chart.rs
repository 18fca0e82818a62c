//! What the SLO page's burn-rate chart draws over the SLO's window: the burn rate over the
//! last hour at each step, the alert thresholds, the backtested alerts' intervals, and the
//! service's incidents and production deployments on the time axis. Numbers only: the app
//! draws them.

use analytics::DEFAULT_ENVIRONMENT;
use analytics::IncidentRecord;
use analytics::slo::{Rates, SloStatus};
use model::bundle::Site;
use model::{AlertSeverity, BurnRateAlert, SliEvents, Slo};

/// More points than the chart has pixels for only slow the page down.
pub const MAX_POINTS: usize = 600;
/// The burn rate the chart plots: over the fast page alert's long window, as dashboards do.
pub const BURN_SECONDS: i64 = 3600;

#[derive(Debug, Clone, PartialEq)]
pub struct BurnChart {
    /// The window, unix seconds.
    pub start: i64,
    pub end: i64,
    /// (time, burn rate): each the highest of the steps it stands for, so a spike is never
    /// averaged away.
    pub points: Vec<(i64, f64)>,
    /// Each alert's factor, labelled ("page-fast 14.4×").
    pub thresholds: Vec<(String, f64)>,
    /// Backtested firings inside the window: (from, until, severity).
    pub firings: Vec<(i64, i64, AlertSeverity)>,
    /// The service's incidents that began in the window: (start, id).
    pub incidents: Vec<(i64, String)>,
    /// The service's production deployments in the window.
    pub deploys: Vec<i64>,
}

impl BurnChart {
    pub fn of(site: &Site, records: &[IncidentRecord], slo: &Slo, status: &SloStatus, events: &SliEvents) -> BurnChart {
        let span = status.budget.span;
        let alerts = if slo.alerts.is_empty() { BurnRateAlert::defaults() } else { slo.alerts.clone() };
        let thresholds =
            alerts.iter().map(|a| (format!("{} {:.1}×", a.name, a.factor(&slo.window)), a.factor(&slo.window)));
        let firings = status
            .firings
            .iter()
            .map(|f| (f.from.max(span.start), f.until.unwrap_or(span.end).min(span.end), f.severity))
            .filter(|(from, until, _)| from < until);
        let started = |id: &str| records.iter().find(|r| r.id == id).and_then(|r| r.began()).map(|t| t.timestamp());
        let incidents = status.incidents.iter().filter_map(|i| Some((started(&i.incident)?, i.incident.clone())));
        BurnChart {
            start: span.start,
            end: span.end,
            points: burn_points(events, slo.objective.target, span.start, span.end),
            thresholds: thresholds.collect(),
            firings: firings.collect(),
            incidents: incidents.collect(),
            deploys: production_deploys(site, &slo.service, span.start, span.end),
        }
    }

    /// The highest value the chart must show: the burn or the highest threshold.
    pub fn ceiling(&self) -> f64 {
        let burns = self.points.iter().map(|p| p.1);
        burns.chain(self.thresholds.iter().map(|t| t.1)).fold(1.0, f64::max)
    }
}

/// The burn over [`BURN_SECONDS`] at each step in `(start, end]`, at most [`MAX_POINTS`]
/// buckets, each its steps' highest burn at its last step's time.
fn burn_points(events: &SliEvents, target: f64, start: i64, end: i64) -> Vec<(i64, f64)> {
    let first = events.at.partition_point(|at| *at <= start);
    let last = events.at.partition_point(|at| *at <= end);
    let rates = Rates::new(events, target);
    let steps: Vec<usize> = (first..last).collect();
    let per_bucket = steps.len().div_ceil(MAX_POINTS).max(1);
    steps
        .chunks(per_bucket)
        .filter_map(|bucket| {
            let highest = bucket.iter().filter_map(|&step| rates.burn(step, BURN_SECONDS)).reduce(f64::max)?;
            Some((events.at[*bucket.last()?], highest))
        })
        .collect()
}

fn production_deploys(site: &Site, service: &str, start: i64, end: i64) -> Vec<i64> {
    let log = &site.deploys;
    log.rows_between(start, end)
        .filter(|&row| log.service_name(row) == service && log.environment_name(row) == DEFAULT_ENVIRONMENT)
        .map(|row| log.finished_at[row])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(steps: i64, bad: impl Fn(i64) -> f64) -> SliEvents {
        let mut e = SliEvents::default();
        for step in 1..=steps {
            e.push(step * 300, 100.0 - bad(step), 100.0);
        }
        e
    }

    #[test]
    fn every_step_is_a_point_while_they_fit() {
        // 1 % bad against a 99 % target is a burn of exactly 1.
        let points = burn_points(&events(24, |_| 1.0), 0.99, 0, 24 * 300);
        assert_eq!(points.len(), 24);
        assert!(points.iter().all(|(_, burn)| (burn - 1.0).abs() < 1e-9));
        assert_eq!(points[0].0, 300);
    }

    #[test]
    fn a_bucket_keeps_its_highest_burn() {
        // 6,000 steps in 600 buckets of 10; one bad step must survive the thinning.
        let e = events(6000, |step| if step == 1234 { 100.0 } else { 0.0 });
        let points = burn_points(&e, 0.99, 0, 6000 * 300);
        assert_eq!(points.len(), MAX_POINTS);
        let peak = points.iter().map(|p| p.1).fold(0.0, f64::max);
        // 100 bad of the hour's 1,200 events: 8.33 % bad, a burn of 8.33.
        assert!((peak - 100.0 / 1200.0 / 0.01).abs() < 1e-9, "{peak}");
    }

    #[test]
    fn steps_outside_the_window_are_not_drawn() {
        let points = burn_points(&events(24, |_| 0.0), 0.99, 6 * 300, 12 * 300);
        assert_eq!(points.first().map(|p| p.0), Some(7 * 300));
        assert_eq!(points.last().map(|p| p.0), Some(12 * 300));
    }
}
