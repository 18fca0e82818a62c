//! The few figures a change or a month is summed up by — the DORA four and action-item
//! completion — so `firebreak diff` and the monthly digest compare the same things.

use serde::{Deserialize, Serialize};

use super::{ActionItemStats, Figures};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    PerWeek,
    Hours,
    /// A ratio, shown as a percentage.
    Ratio,
    Count,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    pub name: &'static str,
    pub value: Option<f64>,
    pub unit: Unit,
}

impl Headline {
    const fn of(name: &'static str, value: Option<f64>, unit: Unit) -> Headline {
        Headline { name, value, unit }
    }
}

/// Deployment frequency, lead time, change failure rate and time to restore.
pub fn dora_headlines(f: &Figures) -> Vec<Headline> {
    vec![
        Headline::of("Deployments / week", Some(f.deployments_per_week), Unit::PerWeek),
        Headline::of("Lead time (median)", f.lead_time_hours.median, Unit::Hours),
        Headline::of("Change failure rate", f.change_failure_rate, Unit::Ratio),
        Headline::of("Time to restore (median)", f.time_to_restore_hours.median, Unit::Hours),
    ]
}

/// Completion, open and overdue action items.
pub fn action_item_headlines(s: &ActionItemStats) -> Vec<Headline> {
    vec![
        Headline::of("Action-item completion", s.completion_rate, Unit::Ratio),
        Headline::of("Open action items", Some(s.open as f64), Unit::Count),
        Headline::of("Overdue action items", Some(s.overdue as f64), Unit::Count),
    ]
}
