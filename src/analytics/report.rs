use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{ActionItemReport, Dora, WeekCount, action_items, deployments_by_week, dora, incident_records};
use crate::bundle::Site;

/// Whole UTC days from `since` to `until`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

impl Window {
    pub fn new(since: NaiveDate, until: NaiveDate) -> Window {
        Window { since, until }
    }

    /// The `days` days ending on `as_of`.
    pub fn ending(as_of: NaiveDate, days: u64) -> Window {
        Window { since: as_of - Days::new(days.saturating_sub(1)), until: as_of }
    }

    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        (self.since..=self.until).contains(&t.date_naive())
    }

    pub fn days(&self) -> i64 {
        (self.until - self.since).num_days() + 1
    }

    pub fn weeks(&self) -> f64 {
        self.days() as f64 / 7.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub postmortems: usize,
    pub runbooks: usize,
    /// Incidents from postmortems and `incidents.csv`, deduplicated by id.
    pub incidents: usize,
    pub postmortems_by_severity: BTreeMap<String, usize>,
    pub deployments: usize,
}

/// Everything `firebreak report --json` prints and the dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub window: Window,
    pub counts: Counts,
    pub dora: Dora,
    /// Production deployments per week (weeks start on the configured day).
    pub deployments_by_week: Vec<WeekCount>,
    pub action_items: ActionItemReport,
}

/// The default reporting window: the last quarter.
pub const DEFAULT_WINDOW_DAYS: u64 = 90;
pub const DEFAULT_ENVIRONMENT: &str = "production";

impl Report {
    pub fn compute(site: &Site, as_of: NaiveDate) -> Report {
        let window = Window::ending(as_of, DEFAULT_WINDOW_DAYS);
        let incidents = incident_records(&site.postmortems, &site.metrics.incidents);
        let mut by_severity = BTreeMap::new();
        for pm in &site.postmortems {
            *by_severity.entry(pm.meta.severity.label().to_owned()).or_insert(0) += 1;
        }
        Report {
            as_of,
            window,
            counts: Counts {
                postmortems: site.postmortems.len(),
                runbooks: site.runbooks.len(),
                incidents: incidents.len(),
                postmortems_by_severity: by_severity,
                deployments: site.metrics.deployments.len(),
            },
            dora: dora::compute(
                &window,
                DEFAULT_ENVIRONMENT,
                &site.metrics.deployments,
                &site.metrics.changes,
                &incidents,
            ),
            deployments_by_week: deployments_by_week(
                &window,
                site.config.week_start,
                DEFAULT_ENVIRONMENT,
                &site.metrics.deployments,
            ),
            action_items: action_items::report(&site.postmortems, &site.config, as_of),
        }
    }
}
