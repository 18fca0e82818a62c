use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::model::{Incident, PostmortemSummary, Severity};

/// An incident from either source — a postmortem or a row of `incidents.csv` — in one shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentRecord {
    pub id: String,
    pub services: Vec<String>,
    pub severity: Severity,
    pub started_at: Option<DateTime<Utc>>,
    pub detected_at: Option<DateTime<Utc>>,
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
                resolved_at: i.resolved_at,
                caused_by_deploys: i.caused_by_deploy.iter().cloned().collect(),
                has_postmortem: false,
            });
        }
    }
    records
}
