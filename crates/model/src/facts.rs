use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What the Impact section says, from its `- **Key:** value` list. Raw text is kept;
/// the numbers firebreak can rank by are read out of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    pub duration: Option<String>,
    pub users_affected: Option<String>,
    pub revenue: Option<String>,
    pub slo: Option<String>,
    pub support_tickets: Option<String>,
    pub data: Option<String>,
    /// The first number in `users_affected`.
    pub users_affected_count: Option<u64>,
    /// The first percentage in `slo`: error budget consumed.
    pub error_budget_percent: Option<f64>,
}

/// The structured parts of the template beyond the front matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub impact: Impact,
    /// The 5-whys chain, in order.
    pub whys: Vec<String>,
    pub contributing_factors: Vec<String>,
    pub went_well: Vec<String>,
    pub lessons: Vec<String>,
}

/// The incident's milestones: from the front matter, or — where it is silent — from the
/// timeline by the rule in docs/formats.md.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Milestones {
    pub started_at: Option<DateTime<Utc>>,
    pub detected_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub mitigated_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Names of the milestones taken from the timeline (e.g. `detected_at`).
    pub from_timeline: Vec<String>,
}
