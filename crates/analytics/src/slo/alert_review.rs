//! The alert backtest read against the incidents: would the burn-rate alerts have fired for
//! each incident of the SLO's service, how long before the team noticed, and which firings
//! matched no incident at all (docs/metrics.md, "Alerts against incidents").

use serde::{Deserialize, Serialize};

use super::burn::Firing;
use crate::IncidentRecord;
use model::{AlertSeverity, BurnRateAlert, SliEvents};

/// One alert policy — every alert of one severity — against the incidents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertReview {
    pub severity: AlertSeverity,
    /// Each incident of the service that began inside the backtested history, in start order.
    pub incidents: Vec<IncidentAlerting>,
    /// Those no firing of this policy overlapped.
    pub missed: Vec<String>,
    /// Firings of this policy that overlapped no incident of the service.
    pub false_alarms: Vec<Firing>,
    /// Firings overlapping an incident ÷ firings; `None` without firings.
    pub precision: Option<f64>,
    /// Incidents a firing overlapped ÷ incidents; `None` without incidents.
    pub recall: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentAlerting {
    pub incident: String,
    /// When the first firing overlapping the incident began (unix seconds); `None`: missed.
    pub alerted_at: Option<i64>,
    /// Minutes from the incident's start to that firing; negative when it was already firing.
    pub minutes_after_start: Option<f64>,
    /// Minutes the firing came before the incident's own `detected_at` ("would have paged
    /// 12 min earlier" is 12); negative when it came later, `None` without a detection time.
    pub minutes_before_detection: Option<f64>,
}

/// An incident's time: from its start (or detection) to its resolution, open while unresolved.
struct Stretch {
    from: i64,
    to: i64,
}

impl Stretch {
    fn of(incident: &IncidentRecord) -> Option<Stretch> {
        let from = incident.began()?.timestamp();
        Some(Stretch { from, to: incident.resolved_at.map_or(i64::MAX, |r| r.timestamp()) })
    }

    /// A firing holds from its first step until the step where it stopped.
    fn overlaps(&self, firing: &Firing) -> bool {
        firing.from <= self.to && firing.until.is_none_or(|until| until > self.from)
    }
}

/// A review for each severity the SLO's alerts have, pages first.
pub fn review_alerts(
    service: &str,
    events: &SliEvents,
    alerts: &[BurnRateAlert],
    firings: &[Firing],
    incidents: &[IncidentRecord],
) -> Vec<AlertReview> {
    let of_service: Vec<(&IncidentRecord, Stretch)> = incidents
        .iter()
        .filter(|i| i.services.iter().any(|s| s == service))
        .filter_map(|i| Some((i, Stretch::of(i)?)))
        .collect();
    let history = events.at.first().zip(events.at.last());
    let mut in_history: Vec<&(&IncidentRecord, Stretch)> = of_service
        .iter()
        .filter(|(_, stretch)| history.is_some_and(|(first, last)| *first <= stretch.from && stretch.from <= *last))
        .collect();
    in_history.sort_by(|a, b| a.1.from.cmp(&b.1.from).then_with(|| a.0.id.cmp(&b.0.id)));
    [AlertSeverity::Page, AlertSeverity::Ticket]
        .into_iter()
        .filter(|severity| alerts.iter().any(|a| a.severity == *severity))
        .map(|severity| {
            let policy: Vec<&Firing> = firings.iter().filter(|f| f.severity == severity).collect();
            review(severity, &policy, &of_service, &in_history)
        })
        .collect()
}

fn review(
    severity: AlertSeverity,
    firings: &[&Firing],
    of_service: &[(&IncidentRecord, Stretch)],
    in_history: &[&(&IncidentRecord, Stretch)],
) -> AlertReview {
    let incidents: Vec<IncidentAlerting> =
        in_history.iter().map(|(i, stretch)| alerting(i, stretch, firings)).collect();
    let missed: Vec<String> = incidents.iter().filter(|i| i.alerted_at.is_none()).map(|i| i.incident.clone()).collect();
    let false_alarms: Vec<Firing> = firings
        .iter()
        .filter(|f| !of_service.iter().any(|(_, stretch)| stretch.overlaps(f)))
        .map(|f| (*f).clone())
        .collect();
    let share = |part: usize, whole: usize| (whole > 0).then(|| part as f64 / whole as f64);
    AlertReview {
        severity,
        precision: share(firings.len() - false_alarms.len(), firings.len()),
        recall: share(incidents.len() - missed.len(), incidents.len()),
        incidents,
        missed,
        false_alarms,
    }
}

fn alerting(incident: &IncidentRecord, stretch: &Stretch, firings: &[&Firing]) -> IncidentAlerting {
    let alerted_at = firings.iter().filter(|f| stretch.overlaps(f)).map(|f| f.from).min();
    let minutes = |from: i64, to: i64| (to - from) as f64 / 60.0;
    IncidentAlerting {
        incident: incident.id.clone(),
        alerted_at,
        minutes_after_start: alerted_at.map(|at| minutes(stretch.from, at)),
        minutes_before_detection: alerted_at
            .zip(incident.detected_at)
            .map(|(at, detected)| minutes(at, detected.timestamp())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    const HOUR: i64 = 3600;

    fn at(hour_minute: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-06-01T{hour_minute}:00Z")).unwrap().to_utc()
    }

    fn incident(id: &str, service: &str, start: &str, detected: Option<&str>, end: Option<&str>) -> IncidentRecord {
        IncidentRecord {
            id: id.into(),
            services: vec![service.into()],
            severity: model::Severity::Sev2,
            started_at: Some(at(start)),
            detected_at: detected.map(at),
            acknowledged_at: None,
            mitigated_at: None,
            resolved_at: end.map(at),
            caused_by_deploys: Vec::new(),
            has_postmortem: true,
        }
    }

    fn firing(severity: AlertSeverity, from: &str, until: Option<&str>) -> Firing {
        Firing {
            alert: format!("{severity:?}"),
            severity,
            from: at(from).timestamp(),
            until: until.map(|u| at(u).timestamp()),
            low_traffic: false,
        }
    }

    /// Samples every hour of 2026-06-01, from 01:00 to 23:00.
    fn history() -> SliEvents {
        let mut e = SliEvents::default();
        for hour in 1..=23 {
            e.push(at("00:00").timestamp() + hour * HOUR, 1.0, 1.0);
        }
        e
    }

    #[test]
    fn pages_are_matched_to_incidents_with_their_lead_over_detection() {
        let incidents = [
            // Paged 10 minutes in, detected 22 minutes in: paged 12 minutes earlier.
            incident("caught", "checkout", "02:00", Some("02:22"), Some("03:00")),
            // Already paging when it began; detected by hand at 08:05.
            incident("ongoing", "checkout", "08:00", Some("08:05"), Some("09:00")),
            incident("missed", "checkout", "12:00", Some("12:30"), Some("12:40")),
            incident("elsewhere", "search", "15:00", None, Some("16:00")),
            incident("before-history", "checkout", "00:30", None, Some("00:50")),
        ];
        let firings = [
            firing(AlertSeverity::Page, "02:10", Some("02:40")),
            firing(AlertSeverity::Page, "07:50", Some("08:30")),
            firing(AlertSeverity::Page, "15:10", Some("15:30")),
            firing(AlertSeverity::Ticket, "12:20", None),
        ];
        let reviews = review_alerts("checkout", &history(), &BurnRateAlert::defaults(), &firings, &incidents);
        let [page, ticket] = [&reviews[0], &reviews[1]];
        assert_eq!(page.severity, AlertSeverity::Page);
        let ids: Vec<&str> = page.incidents.iter().map(|i| i.incident.as_str()).collect();
        assert_eq!(ids, ["caught", "ongoing", "missed"], "other services and incidents before the data are left out");
        assert_eq!(page.incidents[0].minutes_after_start, Some(10.0));
        assert_eq!(page.incidents[0].minutes_before_detection, Some(12.0));
        assert_eq!(page.incidents[1].minutes_after_start, Some(-10.0));
        assert_eq!(page.incidents[1].minutes_before_detection, Some(15.0));
        assert_eq!(page.missed, ["missed"]);
        assert_eq!(page.false_alarms.len(), 1, "search's incident is not checkout's");
        assert_eq!(page.false_alarms[0].from, at("15:10").timestamp());
        assert_eq!((page.precision, page.recall), (Some(2.0 / 3.0), Some(2.0 / 3.0)));
        // The ticket opened at 12:20 and never closed: it overlaps only the 12:00 incident.
        assert_eq!(ticket.missed, ["caught", "ongoing"]);
        assert_eq!(ticket.incidents[2].minutes_before_detection, Some(10.0));
        assert_eq!((ticket.precision, ticket.recall), (Some(1.0), Some(1.0 / 3.0)));
    }

    #[test]
    fn policies_are_those_the_slo_alerts_with_and_empty_ones_have_no_ratios() {
        let pages_only = &BurnRateAlert::defaults()[..2];
        let reviews = review_alerts("checkout", &SliEvents::default(), pages_only, &[], &[]);
        assert_eq!(reviews.len(), 1);
        assert_eq!((reviews[0].precision, reviews[0].recall), (None, None));
    }
}
