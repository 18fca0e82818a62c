//! Freeze violations: production deployments of an SLO's service made on a day its
//! error-budget policy froze changes (docs/metrics.md, "Freeze violations").

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::budget::budget;
use super::policy::PolicyState;
use super::status::{SloSettings, SloStatus};
use super::sums::Sums;
use super::window::span;
use crate::{Calendar, DEFAULT_ENVIRONMENT, Filter};
use model::{DeployLog, Slo};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreezeViolation {
    /// `None` where the log's ids are not loaded (the app fetches them only when listing).
    pub deploy_id: Option<String>,
    /// Unix seconds.
    pub finished_at: i64,
    /// The local day whose window decided the state.
    pub day: NaiveDate,
    pub state: PolicyState,
    /// The budget left in that day's window.
    pub remaining: f64,
}

/// Every production deployment of the SLO's service from its first sample to the end of
/// `as_of` whose day's policy state is one of the settings' freeze states. The state is
/// computed once per distinct day: the rows are in time order, so a day's rows are together.
pub fn freeze_violations(
    slo: &Slo,
    sums: &Sums,
    calendar: &Calendar,
    as_of: NaiveDate,
    settings: &SloSettings,
    deploys: &DeployLog,
) -> Vec<FreezeViolation> {
    let Some(first) = sums.at.first() else { return Vec::new() };
    let watched: Vec<bool> = deploys
        .kinds
        .iter()
        .map(|k| {
            deploys.services[usize::from(k.service)] == slo.service
                && deploys.environments[usize::from(k.environment)] == DEFAULT_ENVIRONMENT
        })
        .collect();
    let mut day_state: Option<(NaiveDate, PolicyState, f64)> = None;
    let mut violations = Vec::new();
    for row in deploys.rows_between(*first, calendar.start_of(as_of + Days::new(1))) {
        if !watched[deploys.kind[row] as usize] {
            continue;
        }
        let day = calendar.date_of(deploys.finished(row));
        let known = day_state.filter(|(known, ..)| *known == day);
        let (_, state, remaining) = known.unwrap_or_else(|| state_on(slo, sums, calendar, settings, day));
        day_state = Some((day, state, remaining));
        if settings.freeze_states.contains(&state) {
            let deploy_id = deploys.id(row).map(str::to_owned);
            violations.push(FreezeViolation {
                deploy_id,
                finished_at: deploys.finished_at[row],
                day,
                state,
                remaining,
            });
        }
    }
    violations
}

fn state_on(
    slo: &Slo,
    sums: &Sums,
    calendar: &Calendar,
    settings: &SloSettings,
    day: NaiveDate,
) -> (NaiveDate, PolicyState, f64) {
    let remaining = budget(sums, slo.method, &slo.objective, span(&slo.window, calendar, day)).remaining;
    (day, settings.thresholds.state(remaining), remaining)
}

/// The freeze-breaking deployments the DORA page and `report` count: a deployment counts once
/// however many of its service's SLOs were frozen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FreezeBreaks {
    pub total: usize,
    /// Services with at least one, by name.
    pub per_service: BTreeMap<String, usize>,
}

/// The freeze-breaking deployments of `filter`'s services on the local days of its window.
/// Freezes concern production only: a filter on another environment counts none.
pub fn freeze_breaks(statuses: &[SloStatus], filter: &Filter) -> FreezeBreaks {
    if filter.environment != DEFAULT_ENVIRONMENT {
        return FreezeBreaks::default();
    }
    let window = filter.window;
    let mut deployments: BTreeMap<&str, BTreeSet<(i64, Option<&str>)>> = BTreeMap::new();
    for status in statuses.iter().filter(|s| filter.keeps_service(&s.service)) {
        let in_window = status.freeze_violations.iter().filter(|v| window.since <= v.day && v.day <= window.until);
        let rows = in_window.map(|v| (v.finished_at, v.deploy_id.as_deref()));
        deployments.entry(status.service.as_str()).or_default().extend(rows);
    }
    let per_service: BTreeMap<String, usize> = deployments
        .into_iter()
        .filter(|(_, rows)| !rows.is_empty())
        .map(|(service, rows)| (service.to_owned(), rows.len()))
        .collect();
    FreezeBreaks { total: per_service.values().sum(), per_service }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Window;
    use crate::slo::{Joined, assess};
    use model::SliEvents;
    use model::{DeployStatus, Deployment};

    fn slo() -> Slo {
        Slo::example("checkout-availability", 1, 0.99)
    }

    fn ts(text: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(text).unwrap().timestamp()
    }

    fn day(text: &str) -> NaiveDate {
        model::dates::parse_date(text).unwrap()
    }

    /// Hourly samples of 100 events over 2026-06-01 to 06-03, a budget of 24 a day: none
    /// spent on the 1st, 22 on the 2nd (exhausted, 1/12 left), 20 on the 3rd (warning, 1/6).
    fn events() -> SliEvents {
        let mut e = SliEvents::default();
        for hour in 1..=72 {
            let at = ts("2026-06-01T00:00:00Z") + hour * 3600;
            let bad = match at {
                _ if at == ts("2026-06-02T05:00:00Z") => 22.0,
                _ if at == ts("2026-06-03T05:00:00Z") => 20.0,
                _ => 0.0,
            };
            e.push(at, 100.0 - bad, 100.0);
        }
        e
    }

    fn log() -> DeployLog {
        let deploy = |id: &str, service: &str, environment: &str, at: &str| Deployment {
            deploy_id: id.into(),
            service: service.into(),
            environment: environment.into(),
            finished_at: chrono::DateTime::parse_from_rfc3339(at).unwrap().to_utc(),
            status: DeployStatus::Success,
            started_at: None,
            commit_sha: None,
            fixes_incident: None,
            extra: Default::default(),
            source: Default::default(),
        };
        let deploys = [
            deploy("before-the-data", "checkout", "production", "2026-05-31T12:00:00Z"),
            deploy("healthy-day", "checkout", "production", "2026-06-01T10:00:00Z"),
            deploy("frozen-morning", "checkout", "production", "2026-06-02T01:00:00Z"),
            deploy("staging", "checkout", "staging", "2026-06-02T12:00:00Z"),
            deploy("other-service", "search", "production", "2026-06-02T12:00:00Z"),
            deploy("frozen-evening", "checkout", "production", "2026-06-02T15:00:00Z"),
            deploy("warning-day", "checkout", "production", "2026-06-03T09:00:00Z"),
            deploy("after-as-of", "checkout", "production", "2026-06-04T09:00:00Z"),
        ];
        DeployLog::build(&deploys, &[]).0
    }

    #[test]
    fn deployments_on_exhausted_days_break_the_freeze() {
        let settings = SloSettings::default();
        let found =
            freeze_violations(&slo(), &Sums::new(&events()), &Calendar::utc(), day("2026-06-03"), &settings, &log());
        let ids: Vec<Option<&str>> = found.iter().map(|v| v.deploy_id.as_deref()).collect();
        // The morning deployment came before the bad hour: the day's state decides.
        assert_eq!(ids, [Some("frozen-morning"), Some("frozen-evening")]);
        assert_eq!((found[0].day, found[0].state), (day("2026-06-02"), PolicyState::Exhausted));
        assert!((found[0].remaining - 2.0 / 24.0).abs() < 1e-12);
        assert_eq!(found[1].finished_at, ts("2026-06-02T15:00:00Z"));

        let strict = SloSettings { freeze_states: vec![PolicyState::Warning, PolicyState::Exhausted], ..settings };
        let found =
            freeze_violations(&slo(), &Sums::new(&events()), &Calendar::utc(), day("2026-06-03"), &strict, &log());
        assert_eq!(found.len(), 3);
        assert_eq!((found[2].deploy_id.as_deref(), found[2].state), (Some("warning-day"), PolicyState::Warning));
    }

    #[test]
    fn a_deployment_counts_once_for_its_service_however_many_slos_froze() {
        let log = log();
        let joined = Joined { incidents: &[], deploys: &log };
        let latency = Slo { name: "checkout-latency".into(), ..slo() };
        let statuses = [slo(), latency]
            .map(|s| assess(&s, &events(), &Calendar::utc(), day("2026-06-03"), &SloSettings::default(), joined));
        assert_eq!(statuses[1].freeze_violations.len(), 2);
        let all = Filter::default_for(day("2026-06-03"));
        let breaks = freeze_breaks(&statuses, &all);
        assert_eq!((breaks.total, breaks.per_service), (2, BTreeMap::from([("checkout".to_owned(), 2)])));

        // The filter's days, services and environment decide what is counted.
        let first_day = Filter { window: Window::new(day("2026-06-01"), day("2026-06-01")), ..all.clone() };
        assert_eq!(freeze_breaks(&statuses, &first_day), FreezeBreaks::default());
        let search = Filter { services: vec!["search".into()], ..all.clone() };
        assert_eq!(freeze_breaks(&statuses, &search).total, 0);
        let staging = Filter { environment: "staging".into(), ..all };
        assert_eq!(freeze_breaks(&statuses, &staging).total, 0);
    }
}
