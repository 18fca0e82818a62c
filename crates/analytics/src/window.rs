use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ReportYear;

/// Whole days from `since` to `until`, both included, in the site's time zone (see
/// [`Calendar`](super::Calendar)).
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

    /// The window of the same length just before this one, for "change against the
    /// previous period".
    pub fn previous(&self) -> Window {
        let days = self.days() as u64;
        Window { since: self.since - Days::new(days), until: self.since - Days::new(1) }
    }

    pub fn days(&self) -> i64 {
        (self.until - self.since).num_days() + 1
    }

    pub fn weeks(&self) -> f64 {
        self.days() as f64 / 7.0
    }
}

/// What the DORA figures are computed over: the filters of the page and of `report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    pub window: Window,
    /// Services to include; empty means all. A team filter becomes its services.
    pub services: Vec<String>,
    pub environment: String,
    /// Whose DORA levels to apply.
    pub year: ReportYear,
}

pub const DEFAULT_WINDOW_DAYS: u64 = 90;
pub const DEFAULT_ENVIRONMENT: &str = "production";

impl Filter {
    /// The last 90 days of production, all services, 2023 levels.
    pub fn default_for(as_of: NaiveDate) -> Filter {
        Filter {
            window: Window::ending(as_of, DEFAULT_WINDOW_DAYS),
            services: Vec::new(),
            environment: DEFAULT_ENVIRONMENT.to_owned(),
            year: ReportYear::Y2023,
        }
    }

    pub fn keeps_service(&self, service: &str) -> bool {
        self.services.is_empty() || self.services.iter().any(|s| s == service)
    }
}
