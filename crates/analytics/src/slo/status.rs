//! One SLO's standing as of a day: its budget and policy state, how fast it burns now, the
//! budget left day by day through the window, its alerts' backtest and how it matched the
//! incidents, what each incident of its service spent, and the deployments that broke a freeze.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alert_review::{AlertReview, review_alerts};
use super::budget::{Budget, budget, spent_between};
use super::burn::{Firing, Rates, backtest};
use super::burn_down::burn_down;
use super::compliance::{PeriodCompliance, compliance};
use super::consumers::{TopConsumers, top_consumers};
use super::freeze::{FreezeViolation, freeze_violations};
use super::policy::{PolicyState, PolicyThresholds};
use super::sums::Sums;
use super::window::span;
use crate::{Calendar, IncidentRecord, Prepared};
use model::bundle::Site;
use model::{BudgetingMethod, BurnRateAlert, DeployLog, SliEvents, Slo, SloPolicy};

/// What an SLO is judged with beyond its own definition: `[slo]` of `firebreak.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct SloSettings {
    pub thresholds: PolicyThresholds,
    /// A burn rate over fewer events than this is noise (the workbook's low-traffic case).
    pub min_events: f64,
    /// The states in which a production deployment of the service breaks the freeze.
    pub freeze_states: Vec<PolicyState>,
}

impl SloSettings {
    pub fn of(policy: &SloPolicy) -> SloSettings {
        SloSettings {
            thresholds: PolicyThresholds::from(policy),
            min_events: policy.min_events,
            freeze_states: policy.freeze_states.clone(),
        }
    }
}

impl Default for SloSettings {
    fn default() -> SloSettings {
        SloSettings::of(&SloPolicy::default())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SloStatus {
    pub name: String,
    pub display_name: String,
    pub service: String,
    pub target: f64,
    pub method: BudgetingMethod,
    pub budget: Budget,
    pub state: PolicyState,
    /// The burn rate over the hour ending with the window; `None` without events.
    pub burn_rate_1h: Option<f64>,
    /// The budget left at the end of each local day of the window, from 1 at its start.
    pub burn_down: Vec<(NaiveDate, f64)>,
    pub firings: Vec<Firing>,
    /// Incidents of the SLO's service that began in the window, with the budget share each spent.
    pub incidents: Vec<IncidentSpend>,
    /// Those incidents ranked by the share they spent.
    pub top_consumers: TopConsumers,
    /// The firings against the service's incidents, one review per alert severity.
    pub alert_reviews: Vec<AlertReview>,
    /// Production deployments of the service on days the policy froze changes.
    pub freeze_violations: Vec<FreezeViolation>,
    /// Met or missed in each calendar period of the history, oldest first.
    pub compliance: Vec<PeriodCompliance>,
}

/// What else happened to the SLO's service: its incidents and the deployment log.
#[derive(Debug, Clone, Copy)]
pub struct Joined<'a> {
    pub incidents: &'a [IncidentRecord],
    pub deploys: &'a DeployLog,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentSpend {
    pub incident: String,
    /// Of the window's budget; `None` when the incident has no end yet or the window no budget.
    pub share: Option<f64>,
}

pub fn assess(
    slo: &Slo,
    events: &SliEvents,
    calendar: &Calendar,
    as_of: NaiveDate,
    settings: &SloSettings,
    joined: Joined,
) -> SloStatus {
    let window = span(&slo.window, calendar, as_of);
    // One set of running sums serves the budget, the burn rates and every daily figure.
    let rates = Rates::new(events, slo.objective.target);
    let sums = rates.sums();
    let budget = budget(sums, slo.method, &slo.objective, window);
    let alerts = if slo.alerts.is_empty() { BurnRateAlert::defaults() } else { slo.alerts.clone() };
    let last = events.at.partition_point(|at| *at <= window.end);
    let burn_rate_1h = last.checked_sub(1).and_then(|step| rates.burn(step, 3600));
    // A threshold SLI's events are its samples, one per step: counting them against a
    // minimum of requests would flag every firing as low traffic.
    let min_events = if slo.objective.threshold.is_some() { 0.0 } else { settings.min_events };
    let firings = backtest(&rates, &slo.window, &alerts, min_events);
    let incidents = incident_spend(slo, sums, &budget, joined.incidents);
    SloStatus {
        name: slo.name.clone(),
        display_name: slo.display_name.clone(),
        service: slo.service.clone(),
        target: slo.objective.target,
        method: slo.method,
        state: settings.thresholds.state(budget.remaining),
        burn_rate_1h,
        burn_down: burn_down(slo, sums, calendar, &budget),
        alert_reviews: review_alerts(&slo.service, events, &alerts, &firings, joined.incidents),
        freeze_violations: freeze_violations(slo, sums, calendar, as_of, settings, joined.deploys),
        compliance: compliance(slo, sums, calendar, as_of),
        top_consumers: top_consumers(&incidents, joined.incidents),
        firings,
        incidents,
        budget,
    }
}

/// Every SLO of `site` as of the day, unfiltered: an SLO is judged over its own window, not
/// a page's filter. The one reading `report --json`, the SLO pages and the home tiles share.
/// `sli` holds each SLO's events in the order of `site.slos`.
pub fn assess_site(site: &Site, sli: &[SliEvents], prepared: &Prepared, as_of: NaiveDate) -> Vec<SloStatus> {
    let none = SliEvents::default();
    let settings = SloSettings::of(&site.config.slo);
    let joined = Joined { incidents: &prepared.incidents, deploys: &site.deploys };
    site.slos
        .iter()
        .enumerate()
        .map(|(i, slo)| assess(slo, sli.get(i).unwrap_or(&none), &prepared.calendar, as_of, &settings, joined))
        .collect()
}

fn incident_spend(slo: &Slo, sums: &Sums, whole: &Budget, incidents: &[IncidentRecord]) -> Vec<IncidentSpend> {
    incidents
        .iter()
        .filter(|i| i.services.contains(&slo.service))
        .filter_map(|i| Some((i, i.began()?.timestamp())))
        .filter(|(_, began)| whole.span.start <= *began && *began < whole.span.end)
        .map(|(i, began)| IncidentSpend {
            incident: i.id.clone(),
            share: i
                .resolved_at
                .and_then(|end| spent_between(sums, slo.method, &slo.objective, whole, began, end.timestamp())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::WeekStart;

    fn slo() -> Slo {
        Slo::example("checkout-availability", 2, 0.99)
    }

    fn ts(text: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(text).unwrap().timestamp()
    }

    /// Hourly samples of 100 events over 2026-06-01 and 06-02; 30 bad at 06-02 10:00.
    fn events() -> SliEvents {
        let mut e = SliEvents::default();
        for hour in 1..=48 {
            let at = ts("2026-06-01T00:00:00Z") + hour * 3600;
            let bad = if at == ts("2026-06-02T10:00:00Z") { 30.0 } else { 0.0 };
            e.push(at, 100.0 - bad, 100.0);
        }
        e
    }

    fn day(text: &str) -> NaiveDate {
        model::dates::parse_date(text).unwrap()
    }

    #[test]
    fn a_threshold_slis_samples_are_not_low_traffic() {
        // One latency sample an hour, each one event: three slow hours in a row page.
        let mut latency = slo();
        latency.objective.threshold = Some(model::Threshold { op: model::ThresholdOp::Lte, value: 300.0 });
        let mut e = SliEvents::default();
        for hour in 1..=48 {
            let slow = (30..33).contains(&hour);
            e.push(ts("2026-06-01T00:00:00Z") + hour * 3600, if slow { 0.0 } else { 1.0 }, 1.0);
        }
        let joined = Joined { incidents: &[], deploys: &DeployLog::default() };
        let s = assess(&latency, &e, &Calendar::utc(), day("2026-06-02"), &SloSettings::default(), joined);
        assert!(!s.firings.is_empty());
        assert!(s.firings.iter().all(|f| !f.low_traffic), "{:?}", s.firings);
        let ratio = assess(&slo(), &e, &Calendar::utc(), day("2026-06-02"), &SloSettings::default(), joined);
        assert!(ratio.firings.iter().all(|f| f.low_traffic), "the same counts as requests are few");
    }

    #[test]
    fn the_burn_down_starts_full_and_drops_on_the_bad_day() {
        let calendar = Calendar { zone: chrono_tz::UTC, week_start: WeekStart::Monday };
        let s = assess(
            &slo(),
            &events(),
            &calendar,
            day("2026-06-02"),
            &SloSettings::default(),
            Joined { incidents: &[], deploys: &DeployLog::default() },
        );
        // 4,800 events, 1 % allowed: a budget of 48, 30 spent.
        assert!((s.budget.budget - 48.0).abs() < 1e-9);
        assert!((s.budget.remaining - 18.0 / 48.0).abs() < 1e-12);
        assert_eq!(s.state, PolicyState::Caution);
        assert_eq!(s.burn_down.len(), 2);
        assert_eq!(s.burn_down[0], (day("2026-06-01"), 1.0), "nothing spent on the first day");
        assert!((s.burn_down[1].1 - s.budget.remaining).abs() < 1e-12, "the last day ends where the window does");
        assert_eq!(s.burn_rate_1h, Some(0.0), "the last hour was clean");
        let page = s.firings.iter().find(|f| f.alert == "page-fast").expect("30 % errors for an hour pages");
        assert_eq!(page.from, ts("2026-06-02T10:00:00Z"));
    }

    #[test]
    fn an_incident_of_the_service_is_charged_what_it_spent() {
        let incident = |id: &str, service: &str, start: &str, end: Option<&str>| IncidentRecord {
            id: id.into(),
            services: vec![service.into()],
            severity: model::Severity::Sev2,
            started_at: Some(chrono::DateTime::parse_from_rfc3339(start).unwrap().to_utc()),
            detected_at: None,
            acknowledged_at: None,
            mitigated_at: None,
            resolved_at: end.map(|e| chrono::DateTime::parse_from_rfc3339(e).unwrap().to_utc()),
            caused_by_deploys: Vec::new(),
            has_postmortem: true,
        };
        let incidents = [
            incident("pm-1", "checkout", "2026-06-02T09:10:00Z", Some("2026-06-02T10:20:00Z")),
            incident("pm-2", "checkout", "2026-06-02T12:00:00Z", None),
            incident("pm-3", "search", "2026-06-02T09:00:00Z", Some("2026-06-02T11:00:00Z")),
        ];
        let s = assess(
            &slo(),
            &events(),
            &Calendar::utc(),
            day("2026-06-02"),
            &SloSettings::default(),
            Joined { incidents: &incidents, deploys: &DeployLog::default() },
        );
        let ids: Vec<&str> = s.incidents.iter().map(|i| i.incident.as_str()).collect();
        assert_eq!(ids, ["pm-1", "pm-2"], "search's incident is not checkout's");
        assert!((s.incidents[0].share.unwrap() - 30.0 / 48.0).abs() < 1e-12, "the 10:00 sample, of 48");
        assert_eq!(s.incidents[1].share, None, "still open");
    }
}
