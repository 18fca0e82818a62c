//! Pure functions from the model to numbers. No I/O and no clock — "as of" is an argument —
//! so the CLI's `report --json`, the tests and the browser compute exactly the same figures.

mod action_items;
mod calendar;
mod capacity;
mod digest;
mod dora;
mod drills;
pub mod forecast;
mod impact;
mod incidents;
mod levels;
pub mod oncall;
mod patterns;
pub mod readiness;
mod recovery;
mod report;
pub mod slo;
mod stats;
mod window;

pub use action_items::{
    ActionItemReport, ActionItemRow, ActionItemStats, GroupStats, NO_TEAM, TrendPoint, group_by, trend,
};
pub use action_items::{report as action_item_report, rows as action_item_rows, stats as action_item_stats};
pub use calendar::Calendar;
pub use capacity::{Assessment, Outlook, Plan, Status, assess, outlook, resampled, settings_for, with_growth};
pub use digest::{Digest, ItemRef, digest, digest_months, first_of};
pub use dora::{Dora, FailedDeployment, Figures, Levels, ServiceFigures, WeekFigures, week_label};
pub use drills::{DrillRef, DrillReport, RecoveryTest, ServiceDrills, drill_report};
pub use impact::{ImpactScore, Reason, Why, most_impactful, reading_minutes};
pub use incidents::{IncidentRecord, IncidentStats, MonthSeverity, ServiceMtbf, incident_records, incident_stats};
pub use levels::{Level as DoraLevel, ReportYear};
pub use patterns::{Pattern, recurring};
pub use recovery::{OverRto, over_rto};
pub use report::{Counts, Prepared, Report};
pub use stats::{Distribution, Histogram, percentile, percentile_unsorted};
pub use window::{DEFAULT_ENVIRONMENT, DEFAULT_WINDOW_DAYS, Filter, Window};
