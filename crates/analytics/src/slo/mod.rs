//! Service level objectives: how much of the error budget is left, how fast it burns, and
//! when the burn-rate alerts would have fired. Pure like the rest of the analytics: the
//! as-of day is passed in. Definitions are in docs/metrics.md ("SLOs").

mod alert_review;
mod budget;
mod burn;
mod burn_down;
mod compliance;
mod consumers;
mod freeze;
mod policy;
mod postmortem_budget;
mod status;
mod sums;
mod window;

pub use alert_review::{AlertReview, IncidentAlerting, review_alerts};
pub use budget::{Budget, budget, remaining, slice_ratios, spent_between};
pub use burn::{Firing, Rates, backtest};
pub use compliance::{PeriodCompliance, compliance};
pub use consumers::{Consumer, TopConsumers, top_consumers};
pub use freeze::{FreezeBreaks, FreezeViolation, freeze_breaks, freeze_violations};
pub use policy::{PolicyState, PolicyThresholds};
pub use postmortem_budget::{IncidentBudget, budget_spent_by_incident};
pub use status::{IncidentSpend, Joined, SloSettings, SloStatus, assess, assess_site};
pub use sums::Sums;
pub use window::{Span, local_calendar, period_start, span};
