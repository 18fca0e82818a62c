use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{
    ActionItemReport, Calendar, Dora, Filter, IncidentRecord, IncidentStats, action_items, dora, incident_records,
    incident_stats,
};
use model::bundle::Site;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub postmortems: usize,
    pub runbooks: usize,
    /// Incidents from postmortems and `incidents.csv`, deduplicated by id.
    pub incidents: usize,
    pub postmortems_by_severity: BTreeMap<String, usize>,
    pub deployments: usize,
}

/// What every report over one site shares: the incidents of both sources, merged once.
pub struct Prepared {
    pub incidents: Vec<IncidentRecord>,
    pub calendar: Calendar,
}

impl Prepared {
    pub fn new(site: &Site) -> Prepared {
        Prepared {
            incidents: incident_records(&site.postmortems, &site.incidents),
            calendar: Calendar::of(&site.config),
        }
    }
}

/// Everything `firebreak report --json` prints and the app shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub counts: Counts,
    pub dora: Dora,
    pub incidents: IncidentStats,
    pub action_items: ActionItemReport,
}

impl Report {
    /// The default view: the last 90 days of production, every service.
    pub fn compute(site: &Site, as_of: NaiveDate) -> Report {
        Report::filtered(site, as_of, &Filter::default_for(as_of))
    }

    pub fn filtered(site: &Site, as_of: NaiveDate, filter: &Filter) -> Report {
        Report::prepared(site, &Prepared::new(site), as_of, filter)
    }

    /// For many filters over one site (the pages' controls): the shared work done once.
    pub fn prepared(site: &Site, prepared: &Prepared, as_of: NaiveDate, filter: &Filter) -> Report {
        let incidents = &prepared.incidents;
        let mut by_severity = BTreeMap::new();
        for pm in &site.postmortems {
            *by_severity.entry(pm.meta.severity.label().to_owned()).or_insert(0) += 1;
        }
        let mut dora = dora::compute(filter, &prepared.calendar, &site.deploys, incidents);
        for (reason, count) in &site.excluded {
            *dora.excluded.entry(reason.clone()).or_insert(0) += count;
        }
        Report {
            as_of,
            counts: Counts {
                postmortems: site.postmortems.len(),
                runbooks: site.runbooks.len(),
                incidents: incidents.len(),
                postmortems_by_severity: by_severity,
                deployments: site.deploys.len(),
            },
            incidents: incident_stats(filter, &prepared.calendar, incidents),
            dora,
            action_items: action_items::report(&site.postmortems, &site.config, as_of),
        }
    }
}
