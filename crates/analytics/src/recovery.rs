//! Incidents that took longer to restore than their service's tier allows (docs/metrics.md,
//! "Drills and disaster recovery"): the disasters the recovery objective was written for.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Calendar, IncidentRecord, Window};
use model::Config;
use model::duration::Duration;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverRto {
    pub incident_id: String,
    pub service: String,
    pub began: DateTime<Utc>,
    /// Time to restore: resolved − started (or detected), as everywhere.
    pub restore_minutes: f64,
    pub rto: Duration,
    pub has_postmortem: bool,
}

/// Each incident that began in the window and whose time to restore exceeded the RTO of a
/// catalog service it names, once per such service; longest first.
pub fn over_rto(incidents: &[IncidentRecord], config: &Config, calendar: &Calendar, window: &Window) -> Vec<OverRto> {
    let mut over: Vec<OverRto> = incidents
        .iter()
        .filter_map(|i| Some((i, i.began().filter(|t| calendar.contains(window, *t))?, i.restore_hours()? * 60.0)))
        .flat_map(|(incident, began, minutes)| {
            incident.services.iter().filter_map(move |service| {
                let rto = config.tier_of(service)?.rto;
                (minutes * 60.0 > rto.seconds as f64).then(|| OverRto {
                    incident_id: incident.id.clone(),
                    service: service.clone(),
                    began,
                    restore_minutes: minutes,
                    rto,
                    has_postmortem: incident.has_postmortem,
                })
            })
        })
        .collect();
    over.sort_by(|a, b| {
        b.restore_minutes.total_cmp(&a.restore_minutes).then_with(|| a.incident_id.cmp(&b.incident_id))
    });
    over
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use model::{Service, Severity};

    fn incident(id: &str, services: &[&str], start: &str, minutes: i64) -> IncidentRecord {
        let began: DateTime<Utc> = start.parse().unwrap();
        IncidentRecord {
            id: id.into(),
            services: services.iter().map(|s| s.to_string()).collect(),
            severity: Severity::Sev1,
            started_at: Some(began),
            detected_at: None,
            acknowledged_at: None,
            mitigated_at: None,
            resolved_at: Some(began + chrono::Duration::minutes(minutes)),
            caused_by_deploys: vec![],
            has_postmortem: true,
        }
    }

    #[test]
    fn longer_than_the_tiers_rto_once_per_service() {
        let mut config = Config::default();
        for (name, tier) in [("ledger", 1), ("search", 2)] {
            config.services.insert(name.into(), Service { team: "t".into(), tier, description: String::new() });
        }
        let incidents = [
            incident("exactly", &["ledger"], "2026-06-02T10:00:00Z", 15), // at the RTO: not over
            incident("both", &["ledger", "search"], "2026-06-03T10:00:00Z", 241), // over 15 min and 4 h
            incident("tier1", &["ledger", "search"], "2026-06-04T10:00:00Z", 16), // over ledger's only
            incident("before", &["ledger"], "2026-05-31T23:00:00Z", 600), // outside the window
        ];
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        let window = Window::new(day("2026-06-01"), day("2026-06-30"));
        let over = over_rto(&incidents, &config, &Calendar::utc(), &window);
        let found: Vec<(&str, &str, f64)> =
            over.iter().map(|o| (o.incident_id.as_str(), o.service.as_str(), o.restore_minutes)).collect();
        assert_eq!(found, [("both", "ledger", 241.0), ("both", "search", 241.0), ("tier1", "ledger", 16.0)]);
    }
}
