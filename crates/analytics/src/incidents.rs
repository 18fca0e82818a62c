use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

use super::stats::{Distribution, Histogram};
use super::{Calendar, Filter};
use model::{Incident, PostmortemSummary, Severity};

/// An incident from either source — a postmortem or a row of `incidents.csv` — in one shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentRecord {
    pub id: String,
    pub services: Vec<String>,
    pub severity: Severity,
    pub started_at: Option<DateTime<Utc>>,
    pub detected_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub mitigated_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub caused_by_deploys: Vec<String>,
    /// Whether a postmortem documents it.
    pub has_postmortem: bool,
}

impl IncidentRecord {
    /// When it began: `started_at`, else `detected_at`.
    pub fn began(&self) -> Option<DateTime<Utc>> {
        self.started_at.or(self.detected_at)
    }

    /// Hours from start (or detection) to resolution.
    pub fn restore_hours(&self) -> Option<f64> {
        let span = self.resolved_at? - self.began()?;
        Some(span.num_seconds() as f64 / 3600.0)
    }
}

/// Postmortems and exported incidents, deduplicated by id (a postmortem wins: it has more facts).
pub fn incident_records(postmortems: &[PostmortemSummary], exported: &[Incident]) -> Vec<IncidentRecord> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut records = Vec::with_capacity(postmortems.len() + exported.len());
    for pm in postmortems {
        if seen.insert(&pm.meta.id) {
            let m = &pm.meta;
            records.push(IncidentRecord {
                id: m.id.clone(),
                services: m.services.clone(),
                severity: m.severity,
                started_at: pm.times.started_at,
                detected_at: pm.times.detected_at,
                acknowledged_at: pm.times.acknowledged_at,
                mitigated_at: pm.times.mitigated_at,
                resolved_at: pm.times.resolved_at,
                caused_by_deploys: m.caused_by_deploys.clone(),
                has_postmortem: true,
            });
        }
    }
    for i in exported {
        if seen.insert(&i.incident_id) {
            records.push(IncidentRecord {
                id: i.incident_id.clone(),
                services: vec![i.service.clone()],
                severity: i.severity,
                started_at: Some(i.started_at),
                detected_at: i.detected_at,
                acknowledged_at: i.acknowledged_at,
                mitigated_at: i.mitigated_at,
                resolved_at: i.resolved_at,
                caused_by_deploys: i.caused_by_deploy.iter().cloned().collect(),
                has_postmortem: false,
            });
        }
    }
    records
}

/// Incident response over a filter: how long each phase took, how often each service
/// breaks, and the severity mix month by month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentStats {
    pub count: usize,
    pub by_severity: BTreeMap<String, usize>,
    /// detected − started.
    pub time_to_detect_hours: Distribution,
    /// acknowledged − detected.
    pub time_to_acknowledge_hours: Distribution,
    /// mitigated − acknowledged.
    pub time_to_mitigate_hours: Distribution,
    /// resolved − started.
    pub time_to_resolve_hours: Distribution,
    pub time_to_resolve_histogram: Histogram,
    pub severity_by_month: Vec<MonthSeverity>,
    pub mtbf_by_service: Vec<ServiceMtbf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthSeverity {
    pub month: NaiveDate,
    /// SEV1 to SEV4.
    pub counts: [usize; 4],
}

/// Mean time between failures: the mean gap between one incident's start and the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceMtbf {
    pub service: String,
    pub incidents: usize,
    pub mtbf_hours: Option<f64>,
}

pub fn incident_stats(filter: &Filter, calendar: &Calendar, incidents: &[IncidentRecord]) -> IncidentStats {
    let kept: Vec<&IncidentRecord> = incidents
        .iter()
        .filter(|i| i.began().is_some_and(|t| calendar.contains(&filter.window, t)))
        .filter(|i| filter.services.is_empty() || i.services.iter().any(|s| filter.keeps_service(s)))
        .collect();
    let span = |from: fn(&IncidentRecord) -> Option<DateTime<Utc>>,
                to: fn(&IncidentRecord) -> Option<DateTime<Utc>>| {
        let hours =
            kept.iter().filter_map(|i| Some((to(i)? - from(i)?).num_seconds() as f64 / 3600.0)).filter(|h| *h >= 0.0);
        Distribution::of(hours.collect())
    };
    let mut by_severity = BTreeMap::new();
    let mut months: BTreeMap<NaiveDate, [usize; 4]> = BTreeMap::new();
    let mut starts: BTreeMap<&str, Vec<DateTime<Utc>>> = BTreeMap::new();
    for i in &kept {
        *by_severity.entry(i.severity.label().to_owned()).or_insert(0) += 1;
        let began = i.began().expect("kept incidents began");
        let month = calendar.month_of(began);
        months.entry(month).or_default()[i.severity as usize] += 1;
        for s in i.services.iter().filter(|s| filter.keeps_service(s)) {
            starts.entry(s).or_default().push(began);
        }
    }
    let resolve: Vec<f64> = kept.iter().filter_map(|i| i.restore_hours()).filter(|h| *h >= 0.0).collect();
    IncidentStats {
        count: kept.len(),
        by_severity,
        time_to_detect_hours: span(|i| i.started_at, |i| i.detected_at),
        time_to_acknowledge_hours: span(|i| i.detected_at, |i| i.acknowledged_at),
        time_to_mitigate_hours: span(|i| i.acknowledged_at, |i| i.mitigated_at),
        time_to_resolve_histogram: Histogram::of_hours(&resolve),
        time_to_resolve_hours: Distribution::of(resolve),
        severity_by_month: months.into_iter().map(|(month, counts)| MonthSeverity { month, counts }).collect(),
        mtbf_by_service: starts
            .into_iter()
            .map(|(service, mut times)| {
                times.sort();
                let gaps = times.len().saturating_sub(1);
                let mtbf = (gaps > 0).then(|| (times[gaps] - times[0]).num_seconds() as f64 / 3600.0 / gaps as f64);
                ServiceMtbf { service: service.to_owned(), incidents: times.len(), mtbf_hours: mtbf }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ReportYear, Window};

    fn at(day: u32, hour: u32, minute: u32) -> Option<DateTime<Utc>> {
        Some(NaiveDate::from_ymd_opt(2026, 6, day).unwrap().and_hms_opt(hour, minute, 0).unwrap().and_utc())
    }

    fn record(id: &str, service: &str, severity: Severity, day: u32, phases: [u32; 4]) -> IncidentRecord {
        let [detect, ack, mitigate, resolve] = phases;
        IncidentRecord {
            id: id.into(),
            services: vec![service.into()],
            severity,
            started_at: at(day, 10, 0),
            detected_at: at(day, 10, detect),
            acknowledged_at: at(day, 10, detect + ack),
            mitigated_at: at(day, 10, detect + ack + mitigate),
            resolved_at: at(day, 10 + resolve, 0),
            caused_by_deploys: vec![],
            has_postmortem: false,
        }
    }

    #[test]
    fn hand_computed_response_times_and_mtbf() {
        let incidents = [
            record("a", "checkout", Severity::Sev1, 1, [6, 3, 30, 2]),
            record("b", "checkout", Severity::Sev3, 3, [12, 1, 10, 1]),
            record("c", "checkout", Severity::Sev3, 7, [3, 2, 20, 4]),
            record("d", "search", Severity::Sev2, 4, [9, 5, 5, 1]),
        ];
        let filter = Filter {
            window: Window::new(
                NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            ),
            services: vec![],
            environment: "production".into(),
            year: ReportYear::Y2023,
        };
        let s = incident_stats(&filter, &Calendar::utc(), &incidents);
        assert_eq!(s.count, 4);
        assert_eq!(s.time_to_detect_hours.median, Some(7.5 / 60.0), "6, 12, 3, 9 minutes");
        assert_eq!(s.time_to_resolve_hours.median, Some(1.5), "2, 1, 4, 1 hours");
        assert_eq!(s.severity_by_month[0].counts, [1, 1, 2, 0]);
        let checkout = &s.mtbf_by_service[0];
        assert_eq!((checkout.service.as_str(), checkout.incidents), ("checkout", 3));
        assert_eq!(checkout.mtbf_hours, Some(72.0), "June 1st to 7th in two gaps");
        assert_eq!(s.mtbf_by_service[1].mtbf_hours, None, "one incident has no gap");
    }
}
