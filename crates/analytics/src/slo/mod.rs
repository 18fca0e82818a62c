//! Service level objectives: how much of the error budget is left, how fast it burns, and
//! when the burn-rate alerts would have fired. Pure like the rest of the analytics: the
//! as-of day is passed in. Definitions are in docs/metrics.md ("SLOs").

mod budget;
mod burn;
mod policy;
mod status;
mod window;

pub use budget::{Budget, budget, remaining, slice_ratios, spent_between};
pub use burn::{Firing, Rates, backtest};
pub use policy::{PolicyState, PolicyThresholds};
pub use status::{IncidentSpend, SloSettings, SloStatus, assess};
pub use window::{Span, period_start, span};
