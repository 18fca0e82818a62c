use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

use super::{Distribution, IncidentRecord, Window};
use crate::model::{Change, DeployStatus, Deployment};

/// The four DORA keys over one window. Definitions are in docs/metrics.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dora {
    pub environment: String,
    pub deployments: usize,
    pub deployments_per_week: f64,
    /// Lead time for changes, in hours.
    pub lead_time_hours: Distribution,
    /// Distinct failed deployments ÷ distinct deployments; `None` without deployments.
    pub change_failure_rate: Option<f64>,
    pub failed_deployments: usize,
    /// Time to restore service, in hours, over incidents that began in the window.
    pub time_to_restore_hours: Distribution,
}

pub fn compute(
    window: &Window,
    environment: &str,
    deployments: &[Deployment],
    changes: &[Change],
    incidents: &[IncidentRecord],
) -> Dora {
    let in_window = |t: DateTime<Utc>| window.contains(t);
    let population: HashMap<&str, &Deployment> = deployments
        .iter()
        .filter(|d| d.environment == environment && in_window(d.finished_at))
        .map(|d| (d.deploy_id.as_str(), d))
        .collect();

    let lead_times = changes
        .iter()
        .filter_map(|c| {
            let deploy = population.get(c.deploy_id.as_str())?;
            let seconds = (deploy.finished_at - c.committed_at).num_seconds();
            // Non-positive spans are clock skew or backfilled history, not lead time.
            (seconds > 0).then(|| seconds as f64 / 3600.0)
        })
        .collect();

    // Distinct deployments, never change × incident rows: a rate can't exceed 100 %.
    let named_by_incidents: HashSet<&str> =
        incidents.iter().flat_map(|i| i.caused_by_deploys.iter().map(String::as_str)).collect();
    let failed = population
        .values()
        .filter(|d| {
            matches!(d.status, DeployStatus::Failed | DeployStatus::RolledBack)
                || named_by_incidents.contains(d.deploy_id.as_str())
        })
        .count();

    let restore = incidents
        .iter()
        .filter(|i| i.began().is_some_and(in_window))
        .filter_map(IncidentRecord::restore_hours)
        .filter(|h| *h >= 0.0)
        .collect();

    Dora {
        environment: environment.to_owned(),
        deployments: population.len(),
        deployments_per_week: population.len() as f64 / window.weeks(),
        lead_time_hours: Distribution::of(lead_times),
        change_failure_rate: (!population.is_empty()).then(|| failed as f64 / population.len() as f64),
        failed_deployments: failed,
        time_to_restore_hours: Distribution::of(restore),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;
    use chrono::NaiveDate;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2026, 6, day).unwrap().and_hms_opt(hour, 0, 0).unwrap().and_utc()
    }

    fn deploy(id: &str, day: u32, status: DeployStatus) -> Deployment {
        Deployment {
            deploy_id: id.into(),
            service: "checkout".into(),
            environment: "production".into(),
            finished_at: at(day, 12),
            status,
            started_at: None,
            commit_sha: None,
            fixes_incident: None,
            extra: Default::default(),
        }
    }

    fn change(id: &str, deploy: &str, day: u32, hour: u32) -> Change {
        Change {
            change_id: id.into(),
            service: "checkout".into(),
            committed_at: at(day, hour),
            deploy_id: deploy.into(),
            extra: Default::default(),
        }
    }

    fn incident(id: &str, caused_by: &[&str], start: DateTime<Utc>, hours: i64) -> IncidentRecord {
        IncidentRecord {
            id: id.into(),
            services: vec!["checkout".into()],
            severity: Severity::Sev2,
            started_at: Some(start),
            detected_at: None,
            resolved_at: Some(start + chrono::Duration::hours(hours)),
            caused_by_deploys: caused_by.iter().map(|s| s.to_string()).collect(),
            has_postmortem: true,
        }
    }

    fn june() -> Window {
        Window::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 6, 28).unwrap())
    }

    #[test]
    fn hand_computed_example() {
        let mut staging = deploy("s1", 3, DeployStatus::Failed);
        staging.environment = "staging".into();
        let deploys = [
            deploy("d1", 2, DeployStatus::Success),
            deploy("d2", 3, DeployStatus::RolledBack),
            deploy("d3", 4, DeployStatus::Success),
            deploy("d4", 5, DeployStatus::Success),
            deploy("old", 1, DeployStatus::Failed), // June 1st noon is in the window
            staging,
        ];
        let changes = [
            change("c1", "d1", 2, 10), // 2 h
            change("c2", "d1", 1, 12), // 24 h
            change("c3", "d3", 4, 12), // 0 h: dropped
            change("c4", "d3", 4, 6),  // 6 h
            change("c5", "nope", 4, 6),
        ];
        // Two incidents name d3; it must count once.
        let incidents = [incident("i1", &["d3"], at(4, 13), 3), incident("i2", &["d3"], at(4, 14), 1)];
        let dora = compute(&june(), "production", &deploys, &changes, &incidents);
        assert_eq!(dora.deployments, 5);
        assert_eq!(dora.deployments_per_week, 5.0 / 4.0);
        assert_eq!(dora.lead_time_hours.count, 3);
        assert_eq!(dora.lead_time_hours.median, Some(6.0));
        assert_eq!(dora.failed_deployments, 3); // d2 rolled back, old failed, d3 named twice
        assert_eq!(dora.change_failure_rate, Some(3.0 / 5.0));
        assert_eq!(dora.time_to_restore_hours.median, Some(2.0));
    }

    #[test]
    fn all_failed_is_one_hundred_percent_and_empty_is_none() {
        let deploys = [deploy("d1", 2, DeployStatus::Failed)];
        let incidents = [incident("i1", &["d1"], at(2, 13), 1), incident("i2", &["d1"], at(2, 15), 1)];
        assert_eq!(compute(&june(), "production", &deploys, &[], &incidents).change_failure_rate, Some(1.0));
        let empty = compute(&june(), "production", &[], &[], &[]);
        assert_eq!((empty.deployments, empty.change_failure_rate, empty.lead_time_hours.median), (0, None, None));
    }
}
